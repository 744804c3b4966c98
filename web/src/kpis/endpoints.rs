//! Typed calls of the KPI endpoints (指标): the catalogue, an area's dashboard, an indicator's series
//! and breakdown by child areas, reported values (form, history, Excel template and import), the
//! export, and targets.

use gloo_net::http::Method;
use shared::{
    AreaTarget, Id, Indicator, KpiBreakdown, KpiDashboard, KpiImportReport, KpiReport, KpiSeries, NewKpiReport, Page, Period, SetTarget,
};

use crate::common::api::{ApiResult, File, PAGE_SIZE, XLSX_TYPE, get, get_file, post_bytes, send_json};

/// GET /kpis/indicators: the catalogue.
pub async fn kpi_indicators() -> ApiResult<Vec<Indicator>> {
    get("/kpis/indicators", &[]).await
}

/// GET /kpis/dashboard?area=&period=.
pub async fn kpi_dashboard(area: Id, period: Period) -> ApiResult<KpiDashboard> {
    get("/kpis/dashboard", &[("area", area.to_string()), ("period", period.to_string())]).await
}

/// GET /kpis/series?indicator=&area=&period=: the periods of the same kind ending at `period`
/// (the server's default count: 5 years, 8 quarters or 12 months).
pub async fn kpi_series(indicator: String, area: Id, period: Period) -> ApiResult<KpiSeries> {
    get("/kpis/series", &[("indicator", indicator), ("area", area.to_string()), ("period", period.to_string())]).await
}

/// GET /kpis/breakdown?indicator=&area=&period=: the area's total and one row per child area.
pub async fn kpi_breakdown(indicator: String, area: Id, period: Period) -> ApiResult<KpiBreakdown> {
    get("/kpis/breakdown", &[("indicator", indicator), ("area", area.to_string()), ("period", period.to_string())]).await
}

/// What to list of the reported values; empty means any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValuesFilter {
    pub area: Option<Id>,
    pub indicator: String,
    pub period: String,
    /// Only the reports in force.
    pub current: bool,
}

/// GET /kpis/values, one page, newest first.
pub async fn kpi_values(filter: ValuesFilter, cursor: Option<String>) -> ApiResult<Page<KpiReport>> {
    let query = [
        ("area", filter.area.map(|a| a.to_string()).unwrap_or_default()),
        ("indicator", filter.indicator),
        ("period", filter.period),
        ("current", if filter.current { "true" } else { "" }.to_owned()),
        ("cursor", cursor.unwrap_or_default()),
        ("limit", PAGE_SIZE.to_string()),
    ];
    get("/kpis/values", &query).await
}

/// POST /kpis/values: 201 with the stored report; 409 when a current value exists and `replaces`
/// does not name it.
pub async fn report_kpi(new: &NewKpiReport) -> ApiResult<KpiReport> {
    send_json(Method::POST, "/kpis/values", new).await
}

/// GET /kpis/values/template: the import workbook with its header row.
pub async fn kpi_template() -> ApiResult<File> {
    get_file("/kpis/values/template", &[]).await
}

/// POST /kpis/values/import?dry_run=: the workbook's bytes; the report lists every bad cell.
pub async fn import_kpis(dry_run: bool, xlsx: &[u8]) -> ApiResult<KpiImportReport> {
    post_bytes("/kpis/values/import", &[("dry_run", dry_run.to_string())], xlsx, XLSX_TYPE).await
}

/// GET /kpis/export?area=&period=&format=: the dashboard and its child areas as `xlsx` or `csv`.
pub async fn export_kpis(area: Id, period: Period, format: &str) -> ApiResult<File> {
    get_file("/kpis/export", &[("area", area.to_string()), ("period", period.to_string()), ("format", format.to_owned())]).await
}

/// GET /kpis/targets?area=&year=: targets set in the area's subtree.
pub async fn kpi_targets(area: Id, year: i32) -> ApiResult<Vec<AreaTarget>> {
    get("/kpis/targets", &[("area", area.to_string()), ("year", year.to_string())]).await
}

/// PUT /kpis/targets (district and street staff).
pub async fn set_kpi_target(target: &SetTarget) -> ApiResult<AreaTarget> {
    send_json(Method::PUT, "/kpis/targets", target).await
}
