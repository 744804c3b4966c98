//! `/api/v1/volunteers…`: a volunteer's profile (hours served, points, star level, what they served)
//! and certificate of hours (志愿服务证明), for the staff of their home's subtree; and the star-level
//! thresholds (星级) per district; and the roster of registered volunteers (志愿者名册). A volunteer's
//! own are at `/me/volunteer…` (in `me.rs`).

use actix_web::{get, web};
use serde::Deserialize;
use shared::{FieldRule, VolunteerCertificate, VolunteerPage, VolunteerProfile};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::ReadErrors;
use crate::error::{ApiError, ApiResult};
use crate::http::auth::AuthUser;
use crate::http::query::ValidQuery;
use crate::services::activities::roster::{self, RosterFilter, RosterSort};
use crate::services::activities::volunteers;
use crate::services::page::PageRequest;
use crate::state::AppState;

/// The roster's search, filter, order and page.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RosterQuery {
    /// Part of the name, as the caller sees it (masked names match only what they show).
    #[param(max_length = 50, example = "志愿者")]
    q: Option<String>,
    /// Only those who served in the last 90 days (`true`) or not (`false`).
    active: Option<bool>,
    /// `-hours` (default: most hours first), `-last_served` (latest service first) or `name`.
    #[param(pattern = "^(-hours|-last_served|name)$", example = "-hours")]
    sort: Option<String>,
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

/// The registered volunteers of your subtree (志愿者名册): hours served, star level, the latest
/// service and whether they are active (served in the last 90 days); names masked for staff who do
/// not handle the person's data, phones always masked. Totals count everything the filters select.
#[utoipa::path(tag = "activities", params(RosterQuery), responses((status = 200, body = VolunteerPage), ReadErrors),
    security(("bearer" = [])))]
#[get("/volunteers")]
async fn list_volunteers(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<RosterQuery>,
) -> ApiResult<web::Json<VolunteerPage>> {
    let sort_name = query.sort.as_deref().unwrap_or("-hours");
    let sort = RosterSort::parse(sort_name)
        .ok_or_else(|| ApiError::field("sort", FieldRule::InvalidValue, "one of -hours, -last_served, name"))?;
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, sort_name)?;
    let filter = RosterFilter { q: query.q, active: query.active };
    Ok(web::Json(roster::list(&state.db, &caller, &filter, sort, page, state.clock.now()).await?))
}

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
    cfg.service(list_volunteers).service(volunteer_profile).service(volunteer_certificate);
}
