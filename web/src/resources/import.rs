//! 从 Excel 导入: providers or services from the template workbook. The panel is a table choice in
//! front of the shared [`ImportFlow`] (template, dry run, then import); choosing another table voids
//! the dry run like choosing another file does.

use leptos::prelude::*;
use shared::{ImportReport, ResourceTable};

use crate::common::api::{self, ApiResult, File};
use crate::common::i18n::tr;
use crate::common::import_flow::{ImportFlow, ImportOutcome, Importer};

/// Tables that can be imported.
const IMPORTABLE: [ResourceTable; 2] = [ResourceTable::Providers, ResourceTable::Services];

/// A resource table is its own importer: the endpoints take the table as a parameter.
impl Importer for ResourceTable {
    async fn template(self) -> ApiResult<File> {
        api::resource_template(self).await
    }

    fn template_name(self) -> String {
        format!("{}-template.xlsx", self.as_str())
    }

    async fn import(self, dry_run: bool, xlsx: Vec<u8>) -> ApiResult<ImportOutcome> {
        api::import_resources(self, dry_run, &xlsx).await.map(ImportOutcome::from)
    }
}

impl From<ImportReport> for ImportOutcome {
    fn from(report: ImportReport) -> Self {
        Self { rows: report.rows, imported: report.imported, errors: report.errors }
    }
}

/// The import panel; `on_imported` gets the table after a real import stored rows.
#[component]
pub fn ImportPanel(on_imported: Callback<ResourceTable>) -> impl IntoView {
    let table = RwSignal::new(ResourceTable::Services);
    view! {
        <ImportFlow importer=table.into() on_imported title=k!("res.import_title") intro=k!("res.import_intro")>
            <select data-testid="import-table" aria-label=tr(k!("res.import_table"))
                prop:value=move || table.get().as_str()
                on:change=move |ev| { if let Some(t) = ResourceTable::parse(&event_target_value(&ev)) { table.set(t); } }>
                {IMPORTABLE.iter().map(|t| {
                    let t = *t;
                    let key = if t == ResourceTable::Providers { k!("res.tab_providers") } else { k!("res.tab_services") };
                    view! { <option value=t.as_str() selected=move || table.get() == t>{tr(key)}</option> }
                }).collect_view()}
            </select>
        </ImportFlow>
    }
}
