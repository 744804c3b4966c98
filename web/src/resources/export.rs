//! 导出: a resource table as Excel or CSV (within the chosen area). The export needs the
//! `Authorization` header, so a plain link will not do: the file comes through the typed client and
//! [`save_file`] hands it to the browser.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Id, ResourceTable};

use crate::common::api;
use crate::common::download::save_file;
use crate::common::i18n::{tr, use_i18n};
use crate::common::status::error_text;

/// Excel and CSV of `table` (the current tab), narrowed to `area_id`.
#[component]
pub fn ResourceExport(table: Signal<ResourceTable>, area_id: Signal<Option<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let export = move |format: &'static str| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let (t, area) = (table.get_untracked(), area_id.get_untracked());
        spawn_local(async move {
            match api::export_resources(t, format, area).await {
                Ok(file) => {
                    if save_file(&file, &format!("{}.{format}", t.as_str())).is_err() {
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
            <button type="button" class="btn" disabled=busy data-testid="export-xlsx" on:click=move |_| export("xlsx")>
                {tr("export.xlsx")}
            </button>
            <button type="button" class="btn" disabled=busy data-testid="export-csv" on:click=move |_| export("csv")>
                {tr("export.csv")}
            </button>
            {move || error.get().map(|e| view! { <span class="state-error" role="alert">{e}</span> })}
        </div>
    }
}
