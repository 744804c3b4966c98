//! The one Excel import flow, shared by every import panel: download the template, choose a
//! filled-in `.xlsx`, 检查 runs a dry run that lists every bad row and column at once (or says that
//! all N rows can be imported), and only then 导入 stores them. The import button stays disabled
//! until a clean dry run of exactly the chosen file and importer; nothing is stored while errors
//! exist. What is imported (and from which endpoints) comes from an [`Importer`].

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::ImportError;
use wasm_bindgen::JsCast;

use crate::common::api::{ApiResult, File};
use crate::common::download::save_file;
use crate::common::i18n::{I18n, tr, use_i18n};
use crate::common::status::error_text;
use crate::messages::Key;

/// What an import did, or would do (dry run): the part of every import report the flow needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    /// Data rows read.
    pub rows: u32,
    /// Rows stored (0 on a dry run or when any row is bad).
    pub imported: u32,
    pub errors: Vec<ImportError>,
}

/// One kind of import: its template and its import endpoint. A value names what is imported (e.g. a
/// resource table), so a different value is a different import and voids a dry run.
pub trait Importer: Copy + PartialEq + Send + Sync + 'static {
    /// The template workbook with its header row.
    fn template(self) -> impl Future<Output = ApiResult<File>>;
    /// The file name to save the template under when the server names none.
    fn template_name(self) -> String;
    /// Checks (`dry_run`) or imports the workbook's bytes.
    fn import(self, dry_run: bool, xlsx: Vec<u8>) -> impl Future<Output = ApiResult<ImportOutcome>>;
}

/// The import panel. `title` and `intro` are message keys; `children` (e.g. a table choice) come
/// first in the toolbar. A change of `importer` voids the dry run; `on_imported` gets the importer
/// after a real import stored rows.
#[component]
pub fn ImportFlow<I: Importer>(
    importer: Signal<I>,
    on_imported: Callback<I>,
    title: Key,
    intro: Key,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let file_name = RwSignal::new(None::<String>);
    let bytes = StoredValue::new(None::<Vec<u8>>);
    // Bumped when the file or the importer changes: a dry run counts for one file and importer only.
    let version = RwSignal::new(0_u64);
    // Bumped per chosen file only: a read that finishes after another choice is stale, but one that
    // finishes after an importer change still holds the chosen file.
    let choice = StoredValue::new(0_u64);
    let checked = RwSignal::new(None::<(u64, ImportOutcome)>);
    let imported = RwSignal::new(None::<ImportOutcome>);
    let busy = RwSignal::new(false);
    let reading = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

    let reset = move || {
        version.update(|v| *v += 1);
        checked.set(None);
        imported.set(None);
        error.set(None);
    };
    Effect::watch(move || importer.get(), move |_, _, _| reset(), false);

    let template = move |_| {
        error.set(None);
        let what = importer.get_untracked();
        spawn_local(async move {
            match what.template().await {
                Ok(file) => {
                    if save_file(&file, &what.template_name()).is_err() {
                        error.set(Some(i18n.t(k!("error.unexpected")).to_owned()));
                    }
                }
                Err(e) => error.set(Some(error_text(i18n, &e))),
            }
        });
    };
    let choose = move |ev: leptos::ev::Event| {
        reset();
        choice.update_value(|c| *c += 1);
        bytes.set_value(None);
        file_name.set(None);
        reading.set(false);
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|list| list.get(0)) else {
            return;
        };
        file_name.set(Some(file.name()));
        reading.set(true);
        let mine = choice.get_value();
        spawn_local(async move {
            let read = read_file(&file).await;
            if choice.try_get_value() != Some(mine) {
                return;
            }
            match read {
                Ok(data) => bytes.set_value(Some(data)),
                Err(()) => {
                    file_name.set(None);
                    error.set(Some(i18n.t(k!("res.import_unreadable")).to_owned()));
                }
            }
            reading.set(false);
        });
    };
    let run = move |dry_run: bool| {
        let Some(data) = bytes.get_value() else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        imported.set(None);
        let (what, mine) = (importer.get_untracked(), version.get_untracked());
        spawn_local(async move {
            let result = what.import(dry_run, data).await;
            busy.set(false);
            if version.try_get_untracked() != Some(mine) {
                return;
            }
            match result {
                Ok(outcome) if dry_run => checked.set(Some((mine, outcome))),
                Ok(outcome) => {
                    let stored = outcome.imported > 0;
                    if outcome.errors.is_empty() {
                        // A clean real import: the same file again would store the rows twice.
                        checked.set(None);
                    } else {
                        checked.set(Some((mine, outcome.clone())));
                    }
                    imported.set(Some(outcome));
                    if stored {
                        on_imported.run(what);
                    }
                }
                Err(e) => error.set(Some(error_text(i18n, &e))),
            }
        });
    };
    let clean = move || checked.with(|c| c.as_ref().is_some_and(|(v, r)| *v == version.get() && r.errors.is_empty() && r.rows > 0));
    let report = move || checked.get().filter(|(v, _)| *v == version.get()).map(|(_, r)| r);

    view! {
        <section class="panel import-panel" data-testid="import-panel">
            <h3>{tr(title)}</h3>
            <p class="muted small">{tr(intro)}</p>
            <div class="toolbar">
                {children.map(|c| c())}
                <button type="button" class="btn" data-testid="import-template" on:click=template>
                    {tr(k!("res.import_template"))}
                </button>
                <input type="file" data-testid="import-file" aria-label=tr(k!("res.import_file"))
                    accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    on:change=choose/>
                <button type="button" class="btn" data-testid="import-check"
                    disabled=move || busy.get() || reading.get() || file_name.with(Option::is_none)
                    on:click=move |_| run(true)>
                    {move || if busy.get() { i18n.t(k!("res.import_busy")) } else { i18n.t(k!("res.import_check")) }}
                </button>
                <button type="button" class="btn btn-primary" data-testid="import-run"
                    disabled=move || busy.get() || !clean()
                    title=move || (!clean()).then(|| i18n.t(k!("res.import_run_hint")))
                    on:click=move |_| run(false)>
                    {tr(k!("res.import_run"))}
                </button>
            </div>
            {move || error.get().map(|e| view! { <p class="state-error" role="alert" data-testid="import-error">{e}</p> })}
            {move || report().map(|r| view! { <ImportReportView report=r/> })}
            {move || imported.get().filter(|r| r.errors.is_empty()).map(|r| view! {
                <p class="notice" role="status" data-testid="import-done" data-imported=r.imported>
                    {move || i18n.count(k!("res.import_done"), r.imported)}
                </p>
            })}
        </section>
    }
}

/// A dry run's verdict: every bad row and column, or "N 行全部可导入".
#[component]
pub fn ImportReportView(report: ImportOutcome) -> impl IntoView {
    let i18n = use_i18n();
    let rows = report.rows;
    if report.errors.is_empty() {
        return view! {
            <p class=if rows == 0 { "state-error" } else { "notice" } data-testid="import-clean" data-rows=rows>
                {move || if rows == 0 { i18n.t(k!("res.import_empty")).to_owned() } else { i18n.count(k!("res.import_clean"), rows) }}
            </p>
        }
        .into_any();
    }
    let count = report.errors.len();
    let errors = report.errors;
    view! {
        <div data-testid="import-errors" data-count=count>
            <p class="state-error">
                {move || i18n.count(k!("res.import_has_errors"), count).replace("{rows}", &rows.to_string())}
            </p>
            <div class="table-wrap">
                <table class="table">
                    <thead>
                        <tr><th>{tr(k!("res.import_row"))}</th><th>{tr(k!("res.import_column"))}</th><th>{tr(k!("res.import_message"))}</th></tr>
                    </thead>
                    <tbody>
                        {errors.into_iter().map(|e| {
                            let (row, column) = (e.row, e.column.clone().unwrap_or_else(|| "—".to_owned()));
                            view! {
                                <tr data-testid="import-error-row">
                                    <td class="num">{row}</td>
                                    <td>{column}</td>
                                    <td>{move || error_message(i18n, &e)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
    .into_any()
}

/// The rule in Chinese when the code is known, with the server's own words (which name the value).
fn error_message(i18n: I18n, e: &ImportError) -> String {
    match i18n.field_rule(e.code) {
        Some(zh) if zh != e.message => format!("{zh}（{}）", e.message),
        _ => e.message.clone(),
    }
}

/// The bytes of a chosen file (a `Response` over the blob reads it as an `ArrayBuffer`).
async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, ()> {
    let response = web_sys::Response::new_with_opt_blob(Some(file)).map_err(|_| ())?;
    gloo_net::http::Response::from(response).binary().await.map_err(|_| ())
}
