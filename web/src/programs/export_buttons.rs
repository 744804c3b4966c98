//! 导出: the program list's Excel and CSV buttons. The export needs the `Authorization` header, so a
//! plain link will not do: the file is fetched with the typed client and handed to the browser as a
//! download through an object URL.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::common::api::{self, ProgramFilter};
use crate::common::download::save_file;
use crate::common::i18n::{tr, use_i18n};
use crate::common::status::error_text;

/// Excel (all three tables) and CSV (the chosen table) of the programs `filter` selects.
#[component]
pub fn ExportButtons(filter: Memo<ProgramFilter>) -> impl IntoView {
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let table = RwSignal::new("programs".to_owned());
    let export = move |format: &'static str| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let (f, t) = (filter.get_untracked(), table.get_untracked());
        spawn_local(async move {
            match api::export_programs(f, format, &t).await {
                Ok(file) => {
                    if save_file(&file, &format!("programs.{format}")).is_err() {
                        error.set(Some(i18n.t("error.unexpected").to_owned()));
                    }
                }
                Err(e) => error.set(Some(error_text(i18n, &e))),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="export-buttons" data-testid="export-buttons">
            <button type="button" class="btn" disabled=busy data-testid="export-xlsx"
                on:click=move |_| export("xlsx")>
                {tr("export.xlsx")}
            </button>
            <select aria-label=tr("export.table") data-testid="export-table"
                on:change=move |ev| table.set(event_target_value(&ev))>
                <option value="programs">{tr("export.programs")}</option>
                <option value="pledges">{tr("export.pledges")}</option>
                <option value="deliveries">{tr("export.deliveries")}</option>
            </select>
            <button type="button" class="btn" disabled=busy data-testid="export-csv"
                on:click=move |_| export("csv")>
                {tr("export.csv")}
            </button>
            {move || error.get().map(|e| view! { <span class="state-error" role="alert">{e}</span> })}
        </div>
    }
}
