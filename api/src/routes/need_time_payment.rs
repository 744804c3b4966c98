//! `/api/v1/needs/{id}/time-payment`: who pays a need's minutes when it is confirmed (时间银行支取)
//! — the community (default), the requester's own banked minutes, or the community's pool.

use actix_web::{get, put, web};
use shared::{SetTimePayment, TimePayment};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::json::ValidJson;
use crate::http::request_id::RequestId;
use crate::services::ledger::time_payment;
use crate::state::AppState;

/// Who will pay the need's minutes to the volunteer when it is confirmed.
#[utoipa::path(tag = "ledger", params(("id" = i64, Path, description = "Need id", example = 1)),
    responses((status = 200, body = TimePayment), ReadErrors), security(("bearer" = [])))]
#[get("/needs/{id}/time-payment")]
async fn get_time_payment(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<TimePayment>> {
    Ok(web::Json(time_payment::get(&state.db, &caller, id.into_inner()).await?))
}

/// Choose who pays the need's minutes, until it is confirmed: its resident picks `requester` (their
/// own banked minutes, down to the community's overdraft) or `community`; staff who adjust the
/// ledger may grant `community_pool`. A payer who cannot cover the minutes at confirmation leaves
/// them to the community, and the transfer's memo says so.
#[utoipa::path(tag = "ledger", params(("id" = i64, Path, description = "Need id", example = 1)),
    request_body(content = SetTimePayment, example = json!({"payer": "requester"})),
    responses((status = 200, body = TimePayment), WriteErrors), security(("bearer" = [])))]
#[put("/needs/{id}/time-payment")]
async fn set_time_payment(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<SetTimePayment>,
) -> ApiResult<web::Json<TimePayment>> {
    let txn = state.begin_write().await?;
    let saved = time_payment::set(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_time_payment).service(set_time_payment);
}
