//! `/api/v1/matching/…`: batch plans (jobs) that assign open needs to service capacity, and the gap
//! report. A need's own candidates are under `/needs/{id}/candidates`.

use actix_web::{HttpResponse, get, post, web};
use serde::Deserialize;
use shared::{GapReport, NewGapProgram, NewPlan, Page, Plan, PlanDetail, PlanStatus, ProgramDetail};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::json::ValidJson;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::matching::{gaps, plans};
use crate::services::page::PageRequest;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanListQuery {
    /// Plans of this area's subtree.
    area_id: Option<i64>,
    status: Option<PlanStatus>,
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GapQuery {
    /// The district, street or community whose communities are reported.
    area_id: i64,
}

/// Starts the job of a queued plan once its row is committed.
fn spawn(state: &web::Data<AppState>, plan: &Plan) {
    let (state, id, walking) = (state.get_ref().clone(), plan.id, state.settings.matching.walking());
    tokio::spawn(plans::run(state, id, walking));
}

/// Plan the open (accepted, not yet dispatched) needs of an area: runs as a job; poll the plan.
#[utoipa::path(tag = "matching", request_body(content = NewPlan, example = json!({"area_id": 5})), responses((status = 202, body = Plan), WriteErrors), security(("bearer" = [])))]
#[post("/matching/plans")]
async fn create_plan(
    state: web::Data<AppState>,
    caller: AuthUser,
    request_id: RequestId,
    body: ValidJson<NewPlan>,
) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    let plan = plans::create(&txn.txn, &caller, &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    spawn(&state, &plan);
    Ok(HttpResponse::Accepted().json(plan))
}

/// Plans of your scope, newest first.
#[utoipa::path(tag = "matching", params(PlanListQuery), responses((status = 200, body = Page<Plan>), ReadErrors), security(("bearer" = [])))]
#[get("/matching/plans")]
async fn list_plans(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<PlanListQuery>,
) -> ApiResult<web::Json<Page<Plan>>> {
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, "-id")?;
    Ok(web::Json(plans::list(&state.db, &caller, query.area_id, query.status, page).await?))
}

/// A plan: progress while it runs; then every need with its service and score or why it has none,
/// and for a re-plan what changed from the plan it replaces.
#[utoipa::path(tag = "matching", params(("id" = i64, Path, description = "Plan id", example = 1)), responses((status = 200, body = PlanDetail), ReadErrors), security(("bearer" = [])))]
#[get("/matching/plans/{id}")]
async fn get_plan(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<PlanDetail>> {
    Ok(web::Json(plans::detail(&state.db, &caller, id.into_inner()).await?))
}

/// Apply a finished plan: dispatch every assigned need through its service (needs that moved on are skipped, with the reason).
#[utoipa::path(tag = "matching", params(("id" = i64, Path, description = "Plan id", example = 1)), responses((status = 200, body = PlanDetail), WriteErrors), security(("bearer" = [])))]
#[post("/matching/plans/{id}/apply")]
async fn apply_plan(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
) -> ApiResult<web::Json<PlanDetail>> {
    let txn = state.begin_write().await?;
    let detail = plans::apply(&txn.txn, &caller, id.into_inner(), state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(detail))
}

/// Re-optimise: a new plan over the same area and filters from today's needs and capacity.
#[utoipa::path(tag = "matching", params(("id" = i64, Path, description = "Plan id", example = 1)), responses((status = 202, body = Plan), WriteErrors), security(("bearer" = [])))]
#[post("/matching/plans/{id}/replan")]
async fn replan(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>, request_id: RequestId) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    let plan = plans::replan(&txn.txn, &caller, id.into_inner(), state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    spawn(&state, &plan);
    Ok(HttpResponse::Accepted().json(plan))
}

/// Gaps per community × category: open needs no eligible service reaches, services, 15-minute-circle coverage.
#[utoipa::path(tag = "matching", params(GapQuery), responses((status = 200, body = GapReport), ReadErrors), security(("bearer" = [])))]
#[get("/matching/gaps")]
async fn gap_report(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<GapQuery>,
) -> ApiResult<web::Json<GapReport>> {
    Ok(web::Json(gaps::report(&state.db, &caller, query.area_id, state.settings.matching.walking(), state.clock.now()).await?))
}

/// Start a draft co-building program to close a community's gap in one category.
#[utoipa::path(tag = "matching", request_body(content = NewGapProgram, example = json!({"area_id": 5, "category": "elderly_care"})), responses((status = 201, body = ProgramDetail), WriteErrors), security(("bearer" = [])))]
#[post("/matching/gaps/programs")]
async fn start_gap_program(
    state: web::Data<AppState>,
    caller: AuthUser,
    request_id: RequestId,
    body: ValidJson<NewGapProgram>,
) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    let walking = state.settings.matching.walking();
    let detail = gaps::start_program(&txn.txn, &caller, &body.value, walking, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(detail))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_plan)
        .service(list_plans)
        .service(get_plan)
        .service(apply_plan)
        .service(replan)
        .service(gap_report)
        .service(start_gap_program);
}
