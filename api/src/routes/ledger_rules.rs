//! `/api/v1/ledger/rules/{area_id}`: the ledger's rules as data (积分规则) — points per hour served,
//! per good rating, per activity, per consultation and survey taken part in, the daily and monthly
//! caps per person, and the time-bank overdraft — read at any area, set by a district or community.

use actix_web::{get, put, web};
use shared::{LedgerRules, SetLedgerRules};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::json::ValidJson;
use crate::http::request_id::RequestId;
use crate::services::ledger::rules;
use crate::state::AppState;

/// An area's own ledger rules and the rules that apply there (each from the nearest area that sets it).
#[utoipa::path(tag = "ledger", params(("area_id" = i64, Path, description = "Area id", example = 3)),
    responses((status = 200, body = LedgerRules), ReadErrors), security(("bearer" = [])))]
#[get("/ledger/rules/{area_id}")]
async fn get_rules(state: web::Data<AppState>, caller: AuthUser, area_id: web::Path<i64>) -> ApiResult<web::Json<LedgerRules>> {
    Ok(web::Json(rules::get(&state.db, &caller, area_id.into_inner()).await?))
}

/// Set a district's or community's own ledger rules, whole: a rule left out is inherited from above
/// again. Points and caps are a district's; a community sets only its overdraft (district and
/// platform admins). A credit that would pass a cap is clipped, and its memo says so.
#[utoipa::path(tag = "ledger", params(("area_id" = i64, Path, description = "District or community id", example = 3)),
    request_body(content = SetLedgerRules, example = json!({"points_per_hour": 10, "points_per_good_rating": 5, "points_per_activity": 5,
        "points_per_consultation": 2, "points_per_survey": 2, "daily_points_cap": 30, "monthly_points_cap": 300})),
    responses((status = 200, body = LedgerRules), WriteErrors), security(("bearer" = [])))]
#[put("/ledger/rules/{area_id}")]
async fn set_rules(
    state: web::Data<AppState>,
    caller: AuthUser,
    area_id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<SetLedgerRules>,
) -> ApiResult<web::Json<LedgerRules>> {
    let txn = state.begin_write().await?;
    let saved = rules::set(&txn.txn, &caller, area_id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_rules).service(set_rules);
}
