//! `/api/v1/programs…`: co-building programs and their plan.

use actix_web::{HttpResponse, get, patch, post, web};
use serde::Deserialize;
use shared::{
    CountedPage, MilestonePatch, NewDelivery, NewMilestone, NewPartner, NewPledge, NewProgram, NewSpend, Program, ProgramActionRequest,
    ProgramDetail, ProgramListQuery, ProgramPatch, ProgramRollup, ProgramStatus,
};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::idempotency::IdempotencyKey;
use crate::http::json::ValidJson;
use crate::http::language::AcceptLanguage;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::page::PageRequest;
use crate::services::programs::{self, ProgramFilter};
use crate::state::AppState;

/// What to export.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// One workbook with a sheet each for programs, pledges and deliveries.
    Xlsx,
    /// One table (see `table`), UTF-8 with a byte-order mark.
    Csv,
}

#[derive(Debug, Clone, Copy, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportTable {
    Programs,
    Pledges,
    Deliveries,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    #[param(inline)]
    format: ExportFormat,
    /// For CSV: which table (default `programs`).
    #[param(inline)]
    table: Option<ExportTable>,
    area_id: Option<i64>,
    status: Option<ProgramStatus>,
    catalogue_item_id: Option<i64>,
    /// `#id`, or part of the title or the lead organisation, as the list's keyword.
    #[param(max_length = 100)]
    q: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RollupQuery {
    /// The area whose subtree is rolled up; without it, your home area (the whole platform for the platform admin).
    area_id: Option<i64>,
}

/// Programs in your scope.
#[utoipa::path(tag = "programs", params(ProgramListQuery), responses((status = 200, body = CountedPage<Program>), ReadErrors), security(("bearer" = [])))]
#[get("/programs")]
async fn list_programs(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<ProgramListQuery>,
) -> ApiResult<web::Json<CountedPage<Program>>> {
    let sort = query.sort.unwrap_or_default();
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, sort.name())?;
    let filter = ProgramFilter {
        area_id: query.area_id,
        status: query.status,
        catalogue_item_id: query.catalogue_item_id,
        overdue: query.overdue,
        q: query.q,
    };
    Ok(web::Json(programs::list(&state.db, &caller, filter, sort, page, state.clock.now().date_naive()).await?))
}

/// Programs of an area's subtree rolled up: by status, pledged vs delivered per resource kind, budget vs spend, overdue milestones.
#[utoipa::path(tag = "programs", params(RollupQuery), responses((status = 200, body = ProgramRollup), ReadErrors), security(("bearer" = [])))]
#[get("/programs/rollup")]
async fn program_rollup(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<RollupQuery>,
) -> ApiResult<web::Json<ProgramRollup>> {
    Ok(web::Json(programs::rollup(&state.db, &caller, query.area_id, state.clock.now().date_naive()).await?))
}

/// Export programs, pledges and deliveries in your scope as Excel (.xlsx) or CSV, headers and words
/// in the language of `Accept-Language` (Chinese by default).
#[utoipa::path(tag = "programs", params(ExportQuery,
        ("Accept-Language" = Option<String>, Header, description = "`en` for English headers and words; Chinese otherwise", example = "zh-CN")),
    responses(
    (status = 200, description = "The file", content(
        (super::responses::Binary = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (String = "text/csv"))),
    ReadErrors), security(("bearer" = [])))]
#[get("/programs/export")]
async fn export_programs(
    state: web::Data<AppState>,
    caller: AuthUser,
    lang: AcceptLanguage,
    ValidQuery(query): ValidQuery<ExportQuery>,
) -> ApiResult<HttpResponse> {
    use crate::services::programs::export;
    let filter = ProgramFilter {
        area_id: query.area_id,
        status: query.status,
        catalogue_item_id: query.catalogue_item_id,
        overdue: None,
        q: query.q,
    };
    let tables = export::tables(&state.db, &caller, filter, state.clock.now().date_naive(), lang.0).await?;
    let stamp = state.clock.now().format("%Y%m%d");
    Ok(match query.format {
        ExportFormat::Xlsx => HttpResponse::Ok()
            .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .insert_header(("Content-Disposition", format!("attachment; filename=\"programs-{stamp}.xlsx\"")))
            .body(export::xlsx(&tables)?),
        ExportFormat::Csv => {
            let [programs, pledges, deliveries] = tables;
            let (name, table) = match query.table.unwrap_or(ExportTable::Programs) {
                ExportTable::Programs => ("programs", programs),
                ExportTable::Pledges => ("pledges", pledges),
                ExportTable::Deliveries => ("deliveries", deliveries),
            };
            HttpResponse::Ok()
                .content_type("text/csv; charset=utf-8")
                .insert_header(("Content-Disposition", format!("attachment; filename=\"{name}-{stamp}.csv\"")))
                .body(export::csv(&table))
        }
    })
}

/// Create a program as a draft.
#[utoipa::path(tag = "programs", request_body(content = NewProgram, example = json!({"area_id": 5, "title": "缤纷社区长者食堂", "description": "为辖区60岁以上老人提供助餐服务", "lead_org": "缤纷社区居委会", "start_date": "2026-03-01", "end_date": "2026-12-31", "budget_fen": 50000000, "catalogue_item_ids": [3], "public": true})),
    params(("Idempotency-Key" = Option<String>, Header, description = "Retrying with the same key returns the first response instead of creating again", pattern = "^[!-~]{1,255}$", example = "5f0c7e2a-1b9d-4c3e-8a67-2d41f9b0c6e5")),
    responses((status = 201, body = ProgramDetail), WriteErrors), security(("bearer" = [])))]
#[post("/programs")]
async fn create_program(
    state: web::Data<AppState>,
    caller: AuthUser,
    key: IdempotencyKey,
    request_id: RequestId,
    body: ValidJson<NewProgram>,
) -> ApiResult<HttpResponse> {
    crate::create_idempotently!(state, caller, key, body, |db| programs::create(
        db,
        &caller,
        &body.value,
        state.clock.now(),
        Some(&request_id.0)
    ))
}

/// One program with partners, pledges and fulfilment, deliveries, milestones, spend, evaluation and your next actions.
#[utoipa::path(tag = "programs", params(("id" = i64, Path, description = "Program id", example = 2)), responses((status = 200, body = ProgramDetail), ReadErrors), security(("bearer" = [])))]
#[get("/programs/{id}")]
async fn get_program(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<ProgramDetail>> {
    Ok(web::Json(programs::detail(&state.db, &caller, id.into_inner(), state.clock.now().date_naive()).await?))
}

/// Change a draft's plan, or whether a program is disclosed.
#[utoipa::path(tag = "programs", request_body(content = ProgramPatch, example = json!({"description": "为辖区80岁以上高龄老人提供爱心餐", "public": true})), params(("id" = i64, Path, description = "Program id", example = 2)), responses((status = 200, body = ProgramDetail), WriteErrors), security(("bearer" = [])))]
#[patch("/programs/{id}")]
async fn update_program(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<ProgramPatch>,
) -> ApiResult<web::Json<ProgramDetail>> {
    let txn = state.begin_write().await?;
    let detail = programs::update(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(detail))
}

/// Change a program's status: submit, approve, send back, start, complete, evaluate, suspend, resume, cancel.
///
/// Not allowed in the program's state (or to you, e.g. approving your own program): 409 with `allowed`.
#[utoipa::path(tag = "programs", request_body(content = ProgramActionRequest, example = json!({"action": "approve", "note": "材料齐全，同意立项"})), params(("id" = i64, Path, description = "Program id", example = 15)), responses((status = 200, body = ProgramDetail), WriteErrors), security(("bearer" = [])))]
#[post("/programs/{id}/actions")]
async fn act_on_program(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<ProgramActionRequest>,
) -> ApiResult<web::Json<ProgramDetail>> {
    let txn = state.begin_write().await?;
    let detail = programs::act(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(detail))
}

/// Runs one change of a program's plan in a write transaction; every plan endpoint goes through here.
macro_rules! plan_change {
    ($state:expr, $call:expr) => {{
        let txn = $state.begin_write().await?;
        let detail = $call(&txn.txn).await?;
        txn.commit().await?;
        Ok(web::Json(detail))
    }};
}

/// Add a partner; contact details are shown only to staff of the program's area.
#[utoipa::path(tag = "programs", request_body(content = NewPartner, example = json!({"name": "西兴街道社会组织服务中心", "kind": "social_organization", "role": "运营方", "contact_name": "李主任", "contact_phone": "0571-86000000"})), params(("id" = i64, Path, description = "Program id", example = 2)), responses((status = 200, body = ProgramDetail), WriteErrors), security(("bearer" = [])))]
#[post("/programs/{id}/partners")]
async fn add_partner(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    rid: RequestId,
    body: ValidJson<NewPartner>,
) -> ApiResult<web::Json<ProgramDetail>> {
    let (id, now) = (id.into_inner(), state.clock.now());
    plan_change!(state, |db| programs::add_partner(db, &caller, id, &body.value, now, Some(&rid.0)))
}

/// Pledge a resource (funds, talent, materials, technology) from a partner.
#[utoipa::path(tag = "programs", request_body(content = NewPledge, example = json!({"partner_id": 5, "kind": "funds", "description": "助餐补贴资金", "pledged": {"amount_fen": 1000000}})), params(("id" = i64, Path, description = "Program id", example = 2)), responses((status = 200, body = ProgramDetail), WriteErrors), security(("bearer" = [])))]
#[post("/programs/{id}/pledges")]
async fn add_pledge(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    rid: RequestId,
    body: ValidJson<NewPledge>,
) -> ApiResult<web::Json<ProgramDetail>> {
    let (id, now) = (id.into_inner(), state.clock.now());
    plan_change!(state, |db| programs::add_pledge(db, &caller, id, &body.value, now, Some(&rid.0)))
}

/// Record a delivery against a pledge (once the program is approved).
#[utoipa::path(tag = "programs", request_body(content = NewDelivery, example = json!({"delivered_on": "2026-04-01", "delivered": {"amount_fen": 500000}, "note": "第一批资金到账"})),
    params(("id" = i64, Path, description = "Program id", example = 2), ("pledge_id" = i64, Path, description = "Pledge id", example = 6)),
    responses((status = 200, body = ProgramDetail), WriteErrors), security(("bearer" = [])))]
#[post("/programs/{id}/pledges/{pledge_id}/deliveries")]
async fn add_delivery(
    state: web::Data<AppState>,
    caller: AuthUser,
    path: web::Path<(i64, i64)>,
    rid: RequestId,
    body: ValidJson<NewDelivery>,
) -> ApiResult<web::Json<ProgramDetail>> {
    let ((id, pledge_id), now) = (path.into_inner(), state.clock.now());
    plan_change!(state, |db| programs::add_delivery(db, &caller, id, pledge_id, &body.value, now, Some(&rid.0)))
}

/// Add a milestone (节点) with its owner (责任人).
#[utoipa::path(tag = "programs", request_body(content = NewMilestone, example = json!({"title": "食堂装修完工", "owner_id": 4, "due_on": "2026-06-30", "weight": 30})), params(("id" = i64, Path, description = "Program id", example = 2)), responses((status = 200, body = ProgramDetail), WriteErrors), security(("bearer" = [])))]
#[post("/programs/{id}/milestones")]
async fn add_milestone(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    rid: RequestId,
    body: ValidJson<NewMilestone>,
) -> ApiResult<web::Json<ProgramDetail>> {
    let (id, now) = (id.into_inner(), state.clock.now());
    plan_change!(state, |db| programs::add_milestone(db, &caller, id, &body.value, now, Some(&rid.0)))
}

/// Change a milestone or mark it done.
#[utoipa::path(tag = "programs", request_body(content = MilestonePatch, example = json!({"status": "in_progress", "weight": 30})),
    params(("id" = i64, Path, description = "Program id", example = 2), ("milestone_id" = i64, Path, description = "Milestone id", example = 7)),
    responses((status = 200, body = ProgramDetail), WriteErrors), security(("bearer" = [])))]
#[patch("/programs/{id}/milestones/{milestone_id}")]
async fn update_milestone(
    state: web::Data<AppState>,
    caller: AuthUser,
    path: web::Path<(i64, i64)>,
    rid: RequestId,
    body: ValidJson<MilestonePatch>,
) -> ApiResult<web::Json<ProgramDetail>> {
    let ((id, milestone_id), now) = (path.into_inner(), state.clock.now());
    plan_change!(state, |db| programs::update_milestone(db, &caller, id, milestone_id, &body.value, now, Some(&rid.0)))
}

/// Record spending against the budget (once the program is approved).
#[utoipa::path(tag = "programs", request_body(content = NewSpend, example = json!({"spent_on": "2026-04-15", "amount_fen": 250000, "purpose": "采购厨房设备"})), params(("id" = i64, Path, description = "Program id", example = 2)), responses((status = 200, body = ProgramDetail), WriteErrors), security(("bearer" = [])))]
#[post("/programs/{id}/spends")]
async fn add_spend(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    rid: RequestId,
    body: ValidJson<NewSpend>,
) -> ApiResult<web::Json<ProgramDetail>> {
    let (id, now) = (id.into_inner(), state.clock.now());
    plan_change!(state, |db| programs::add_spend(db, &caller, id, &body.value, now, Some(&rid.0)))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_programs)
        .service(program_rollup)
        .service(export_programs)
        .service(create_program)
        .service(get_program)
        .service(update_program)
        .service(act_on_program)
        .service(add_partner)
        .service(add_pledge)
        .service(add_delivery)
        .service(add_milestone)
        .service(update_milestone)
        .service(add_spend);
}
