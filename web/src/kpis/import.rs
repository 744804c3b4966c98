//! 批量导入指标数值: KPI values from the template workbook, one row per area, indicator, period and
//! value, through the shared [`ImportFlow`] (template, dry run, then import).

use leptos::prelude::*;
use shared::KpiImportReport;

use crate::common::api::{ApiResult, File};
use crate::common::import_flow::{ImportFlow, ImportOutcome, Importer};
use crate::kpis::endpoints::{import_kpis, kpi_template};

/// The KPI values import; there is one template, so the importer carries nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct KpiValues;

impl Importer for KpiValues {
    async fn template(self) -> ApiResult<File> {
        kpi_template().await
    }

    fn template_name(self) -> String {
        "kpi-values-template.xlsx".to_owned()
    }

    async fn import(self, dry_run: bool, xlsx: Vec<u8>) -> ApiResult<ImportOutcome> {
        import_kpis(dry_run, &xlsx).await.map(ImportOutcome::from)
    }
}

impl From<KpiImportReport> for ImportOutcome {
    fn from(report: KpiImportReport) -> Self {
        Self { rows: report.rows, imported: report.imported, errors: report.errors }
    }
}

/// The KPI import panel. The flow's own notice reports what was stored; nothing else on the page
/// shows imported values, so there is nothing to refresh afterwards.
#[component]
pub fn KpiImportPanel() -> impl IntoView {
    view! {
        <div data-testid="kpi-import">
            <ImportFlow importer=Signal::stored(KpiValues) on_imported=Callback::new(|_| ())
                title=k!("kpi.import_title") intro=k!("kpi.import_intro")/>
        </div>
    }
}
