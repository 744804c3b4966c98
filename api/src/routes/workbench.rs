//! `/api/v1/workbench…`: the worker's landing (工作台) and the counts its menu badges poll.

use actix_web::{get, web};
use shared::{Workbench, WorkbenchCounts};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::ReadErrors;
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::services::workbench;
use crate::state::AppState;

/// Your workbench: how many needs wait to be accepted, dispatched and claimed, how many are overdue
/// or due today (China time), the needs due today and your own open tasks.
///
/// Counted over the needs you reach: staff their area's subtree, providers and volunteers those
/// dispatched to them. Each count equals what `GET /needs` lists for the same filter.
#[utoipa::path(tag = "needs", responses((status = 200, body = Workbench), ReadErrors), security(("bearer" = [])))]
#[get("/workbench")]
async fn get_workbench(state: web::Data<AppState>, caller: AuthUser) -> ApiResult<web::Json<Workbench>> {
    Ok(web::Json(workbench::workbench(&state.db, &caller, state.clock.now()).await?))
}

/// The workbench's counts alone: what the dashboard's menu badges poll.
#[utoipa::path(tag = "needs", responses((status = 200, body = WorkbenchCounts), ReadErrors), security(("bearer" = [])))]
#[get("/workbench/counts")]
async fn get_workbench_counts(state: web::Data<AppState>, caller: AuthUser) -> ApiResult<web::Json<WorkbenchCounts>> {
    Ok(web::Json(workbench::counts(&state.db, &caller, state.clock.now()).await?))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_workbench).service(get_workbench_counts);
}
