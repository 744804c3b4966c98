//! `/api/v1/volunteers…`: a volunteer's profile (hours served, points, star level, what they served)
//! and certificate of hours (志愿服务证明), for the staff of their home's subtree; and the star-level
//! thresholds (星级) per district. A volunteer's own are at `/me/volunteer…` (in `me.rs`).

use actix_web::{get, web};
use shared::{VolunteerCertificate, VolunteerProfile};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::ReadErrors;
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::services::activities::volunteers;
use crate::state::AppState;

/// A volunteer's (or resident's) profile: cumulative hours served, balances, star level and the
/// next one, the activities attended and needs served. The name is masked for staff who do not
/// handle the person's data.
#[utoipa::path(tag = "activities", params(("id" = i64, Path, description = "User id of the volunteer", example = 7)),
    responses((status = 200, body = VolunteerProfile), ReadErrors), security(("bearer" = [])))]
#[get("/volunteers/{id}")]
async fn volunteer_profile(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<VolunteerProfile>> {
    Ok(web::Json(volunteers::profile(&state.db, &caller, Some(id.into_inner())).await?))
}

/// A volunteer's certificate of hours (志愿服务证明), as data to print.
#[utoipa::path(tag = "activities", params(("id" = i64, Path, description = "User id of the volunteer", example = 7)),
    responses((status = 200, body = VolunteerCertificate), ReadErrors), security(("bearer" = [])))]
#[get("/volunteers/{id}/certificate")]
async fn volunteer_certificate(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
) -> ApiResult<web::Json<VolunteerCertificate>> {
    Ok(web::Json(volunteers::certificate(&state.db, &caller, Some(id.into_inner()), state.clock.now()).await?))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(volunteer_profile).service(volunteer_certificate);
}
