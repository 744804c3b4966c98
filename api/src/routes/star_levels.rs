//! `/api/v1/star-levels/{area_id}`: the volunteer star-level thresholds (星级评定) that apply in an
//! area, and setting a district's.

use actix_web::{get, put, web};
use shared::{SetStarLevels, StarLevels};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::json::ValidJson;
use crate::services::activities::volunteers;
use crate::state::AppState;

/// The star levels that apply in an area: the nearest district's thresholds, else the defaults
/// (一星 100 h, 二星 300 h, 三星 600 h, 四星 1000 h, 五星 1500 h).
#[utoipa::path(tag = "activities", params(("area_id" = i64, Path, description = "Area id", example = 3)),
    responses((status = 200, body = StarLevels), ReadErrors), security(("bearer" = [])))]
#[get("/star-levels/{area_id}")]
async fn star_levels(state: web::Data<AppState>, caller: AuthUser, area_id: web::Path<i64>) -> ApiResult<web::Json<StarLevels>> {
    Ok(web::Json(volunteers::levels(&state.db, &caller, area_id.into_inner()).await?))
}

/// Set a district's star-level thresholds: five rising numbers of hours (district and platform admins).
#[utoipa::path(tag = "activities", params(("area_id" = i64, Path, description = "District id", example = 3)),
    request_body(content = SetStarLevels, example = json!({"min_hours": [100, 300, 600, 1000, 1500]})),
    responses((status = 200, body = StarLevels), WriteErrors), security(("bearer" = [])))]
#[put("/star-levels/{area_id}")]
async fn set_star_levels(
    state: web::Data<AppState>,
    caller: AuthUser,
    area_id: web::Path<i64>,
    body: ValidJson<SetStarLevels>,
) -> ApiResult<web::Json<StarLevels>> {
    let txn = state.begin_write().await?;
    let saved = volunteers::set_levels(&txn.txn, &caller, area_id.into_inner(), &body.value, state.clock.now()).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(star_levels).service(set_star_levels);
}
