//! `/api/v1/kpis/…`: the indicator catalogue, targets, reported values (form and Excel), and the
//! dashboard, series, breakdown and export computed from counters, reports and resources.

use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use serde::Deserialize;
use shared::{
    AreaTarget, FileFormat, Indicator, KpiBreakdown, KpiDashboard, KpiImportReport, KpiReport, KpiSeries, NewKpiReport, Page, Period,
    SetTarget,
};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::files::{XLSX, file};
use super::resources::xlsx_body;
use super::responses::{Binary, ReadErrors, WriteErrors};
use crate::domain::kpis::catalogue;
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::json::ValidJson;
use crate::http::language::AcceptLanguage;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::policy::{self, Action};
use crate::services::kpis::{dashboard, export, import, reports, targets};
use crate::services::page::PageRequest;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DashboardQuery {
    /// The area (district, street, community or grid).
    #[param(example = 3)]
    area: i64,
    /// `2026`, `2026-Q3` or `2026-09`.
    #[param(value_type = String, pattern = r"^(20[0-9]{2}|2100)(-Q[1-4]|-(0[1-9]|1[0-2]))?$", example = "2026-Q3")]
    period: Period,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SeriesQuery {
    #[param(max_length = 48, example = "certified_social_workers")]
    indicator: String,
    #[param(example = 3)]
    area: i64,
    /// The last period of the series; the others are the periods of the same kind before it.
    #[param(value_type = String, pattern = r"^(20[0-9]{2}|2100)(-Q[1-4]|-(0[1-9]|1[0-2]))?$", example = "2026-Q3")]
    period: Period,
    /// How many periods (default 5 years, 8 quarters or 12 months).
    #[param(minimum = 1, maximum = 36)]
    points: Option<u32>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BreakdownQuery {
    #[param(max_length = 48, example = "certified_social_workers")]
    indicator: String,
    #[param(example = 3)]
    area: i64,
    #[param(value_type = String, pattern = r"^(20[0-9]{2}|2100)(-Q[1-4]|-(0[1-9]|1[0-2]))?$", example = "2026-Q3")]
    period: Period,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    #[param(example = 3)]
    area: i64,
    #[param(value_type = String, pattern = r"^(20[0-9]{2}|2100)(-Q[1-4]|-(0[1-9]|1[0-2]))?$", example = "2026-Q3")]
    period: Period,
    #[param(inline)]
    format: FileFormat,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ValuesQuery {
    /// Reports of this area's subtree.
    area: Option<i64>,
    #[param(max_length = 48)]
    indicator: Option<String>,
    /// Reports for periods within this one.
    #[param(value_type = Option<String>, pattern = r"^(20[0-9]{2}|2100)(-Q[1-4]|-(0[1-9]|1[0-2]))?$", example = "2026")]
    period: Option<Period>,
    /// Only the reports in force (leave out superseded ones).
    current: Option<bool>,
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TargetsQuery {
    area: Option<i64>,
    #[param(minimum = 2000, maximum = 2100)]
    year: Option<i32>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Check every row without importing anything (the default).
    dry_run: Option<bool>,
}

/// The indicator catalogue: seed 003 专栏1 (baseline 2023, targets 2024/2025, binding or expected), seed 002's goals, and what the platform computes.
#[utoipa::path(tag = "kpis", responses((status = 200, body = Vec<Indicator>), ReadErrors), security(("bearer" = [])))]
#[get("/kpis/indicators")]
async fn indicators(caller: AuthUser) -> ApiResult<web::Json<Vec<Indicator>>> {
    policy::require(&caller, Action::ReadKpis)?;
    Ok(web::Json(catalogue::all().iter().map(|d| d.indicator.clone()).collect()))
}

/// Every indicator of an area in a period: value, target, status (met / on track / at risk / missed) and trend.
#[utoipa::path(tag = "kpis", params(DashboardQuery), responses((status = 200, body = KpiDashboard), ReadErrors), security(("bearer" = [])))]
#[get("/kpis/dashboard")]
async fn get_dashboard(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(q): ValidQuery<DashboardQuery>,
) -> ApiResult<web::Json<KpiDashboard>> {
    let walking = state.settings.matching.walking();
    Ok(web::Json(dashboard::dashboard(&state.db, &caller, q.area, q.period, walking, state.clock.now()).await?))
}

/// One indicator over consecutive periods ending at `period`.
#[utoipa::path(tag = "kpis", params(SeriesQuery), responses((status = 200, body = KpiSeries), ReadErrors), security(("bearer" = [])))]
#[get("/kpis/series")]
async fn get_series(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(q): ValidQuery<SeriesQuery>,
) -> ApiResult<web::Json<KpiSeries>> {
    let walking = state.settings.matching.walking();
    let ask = dashboard::SeriesAsk { indicator: &q.indicator, area_id: q.area, period: q.period, points: q.points };
    Ok(web::Json(dashboard::series(&state.db, &caller, ask, walking, state.clock.now()).await?))
}

/// One indicator broken down by the child areas of an area, with the area's own rolled-up total.
#[utoipa::path(tag = "kpis", params(BreakdownQuery), responses((status = 200, body = KpiBreakdown), ReadErrors), security(("bearer" = [])))]
#[get("/kpis/breakdown")]
async fn get_breakdown(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(q): ValidQuery<BreakdownQuery>,
) -> ApiResult<web::Json<KpiBreakdown>> {
    let walking = state.settings.matching.walking();
    Ok(web::Json(dashboard::breakdown(&state.db, &caller, &q.indicator, q.area, q.period, walking, state.clock.now()).await?))
}

/// The dashboard of an area and its child areas, one row per indicator, as Excel or CSV, in the
/// language of `Accept-Language` (Chinese by default).
#[utoipa::path(tag = "kpis", params(ExportQuery, ("Accept-Language" = Option<String>, Header, description = "`en` for English headers and words; Chinese otherwise", example = "zh-CN")), responses(
    (status = 200, description = "The file", content((Binary = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (String = "text/csv"))),
    ReadErrors), security(("bearer" = [])))]
#[get("/kpis/export")]
async fn export_kpis(
    state: web::Data<AppState>,
    caller: AuthUser,
    lang: AcceptLanguage,
    ValidQuery(q): ValidQuery<ExportQuery>,
) -> ApiResult<HttpResponse> {
    let walking = state.settings.matching.walking();
    let table = export::table(&state.db, &caller, q.area, q.period, walking, state.clock.now(), lang.0).await?;
    file(q.format, &format!("kpis-{}-{}", q.area, q.period), table)
}

/// Reported values with their provenance, newest first; superseded ones stay in the history.
#[utoipa::path(tag = "kpis", params(ValuesQuery), responses((status = 200, body = Page<KpiReport>), ReadErrors), security(("bearer" = [])))]
#[get("/kpis/values")]
async fn list_values(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(q): ValidQuery<ValuesQuery>,
) -> ApiResult<web::Json<Page<KpiReport>>> {
    let page = PageRequest::parse(q.cursor.as_deref(), q.limit, "-id")?;
    let filter =
        reports::ReportFilter { area_id: q.area, indicator: q.indicator, period: q.period, current_only: q.current.unwrap_or(false) };
    Ok(web::Json(reports::list(&state.db, &caller, filter, page).await?))
}

/// Report a value for an area and period. Ratios take numerator and denominator. A current value is
/// replaced only when named in `replaces` (409 otherwise); the old one stays in the history.
#[utoipa::path(tag = "kpis", request_body(content = NewKpiReport, example = json!({"indicator": "certified_social_workers", "area_id": 5, "period": "2026-01", "value": 12.0, "source_note": "社区工作者持证台账"})), responses((status = 201, body = KpiReport), WriteErrors), security(("bearer" = [])))]
#[post("/kpis/values")]
async fn report_value(
    state: web::Data<AppState>,
    caller: AuthUser,
    request_id: RequestId,
    body: ValidJson<NewKpiReport>,
) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    let saved = reports::report(&txn.txn, &caller, &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(saved))
}

/// The Excel template for importing reported values: the header row and one example row.
#[utoipa::path(tag = "kpis", responses((status = 200, description = "The template", content((Binary = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))), ReadErrors), security(("bearer" = [])))]
#[get("/kpis/values/template")]
async fn values_template(caller: AuthUser) -> ApiResult<HttpResponse> {
    policy::require(&caller, Action::ReportKpis)?;
    Ok(HttpResponse::Ok()
        .content_type(XLSX)
        .insert_header(("Content-Disposition", "attachment; filename=\"kpi-values-template.xlsx\""))
        .body(import::template()?))
}

/// Import reported values from a filled-in template. Every bad row and column is reported at once;
/// nothing is imported while any row is bad, nor on a dry run (the default).
#[utoipa::path(tag = "kpis", params(ImportQuery),
    request_body(content((Binary = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    responses((status = 200, body = KpiImportReport), WriteErrors), security(("bearer" = [])))]
#[post("/kpis/values/import")]
async fn import_values(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(q): ValidQuery<ImportQuery>,
    req: HttpRequest,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let bytes = xlsx_body(&req, &mut payload).await?;
    let txn = state.begin_write().await?;
    let report = import::import(&txn.txn, &caller, &bytes, q.dry_run.unwrap_or(true), state.clock.now()).await?;
    if report.imported > 0 {
        txn.commit().await?;
    }
    // Otherwise the transaction is dropped: a dry run or a bad file leaves nothing behind.
    Ok(HttpResponse::Ok().json(report))
}

/// Targets set for areas (overriding the catalogue's for that year and the areas below).
#[utoipa::path(tag = "kpis", params(TargetsQuery), responses((status = 200, body = Vec<AreaTarget>), ReadErrors), security(("bearer" = [])))]
#[get("/kpis/targets")]
async fn list_targets(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(q): ValidQuery<TargetsQuery>,
) -> ApiResult<web::Json<Vec<AreaTarget>>> {
    Ok(web::Json(targets::list(&state.db, &caller, q.area, q.year).await?))
}

/// Set an indicator's target for an area and year (district and street staff).
#[utoipa::path(tag = "kpis", request_body(content = SetTarget, example = json!({"indicator": "certified_social_workers", "area_id": 3, "year": 2026, "comparator": "at_least", "value": 120.0, "note": "区民政局下达"})), responses((status = 200, body = AreaTarget), WriteErrors), security(("bearer" = [])))]
#[put("/kpis/targets")]
async fn set_target(
    state: web::Data<AppState>,
    caller: AuthUser,
    request_id: RequestId,
    body: ValidJson<SetTarget>,
) -> ApiResult<web::Json<AreaTarget>> {
    let txn = state.begin_write().await?;
    let saved = targets::set(&txn.txn, &caller, &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

/// 居民决策性参与比例 from the platform's data: distinct residents of the area who co-signed a topic,
/// were named on a meeting's sign-in sheet (attended or voted), rated an outcome or answered a survey
/// in the period ÷ its residents.
#[utoipa::path(tag = "kpis", params(DashboardQuery), responses((status = 200, body = shared::Participation), ReadErrors), security(("bearer" = [])))]
#[get("/kpis/participation")]
async fn get_participation(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<DashboardQuery>,
) -> ApiResult<web::Json<shared::Participation>> {
    Ok(web::Json(crate::services::surveys::kpi::participation(&state.db, &caller, query.area, query.period).await?))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_participation);
    cfg.service(indicators)
        .service(get_dashboard)
        .service(get_series)
        .service(get_breakdown)
        .service(export_kpis)
        .service(values_template)
        .service(import_values)
        .service(list_values)
        .service(report_value)
        .service(list_targets)
        .service(set_target);
}
