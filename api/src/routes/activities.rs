//! `/api/v1/activities…`: volunteer activities (志愿活动) — organising them, signing up with a
//! waiting list, check-in and check-out (by the organiser, or with the code that changes every
//! minute), the hours credited on attendance, and taking a mistaken credit back by reversal.

use actix_web::{HttpResponse, get, post, put, web};
use serde::{Deserialize, Serialize};
use shared::{
    Activity, ActivityActionRequest, ActivityInput, ActivityPage, ActivityStatus, CheckInCode, PresentCode, RecordAttendance, RevokeCredit,
    Signup, SignupList,
};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::json::ValidJson;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::activities::manage::{self, ActivityFilter};
use crate::services::activities::{attendance, signups};
use crate::services::page::PageRequest;
use crate::state::AppState;

/// Orders of the activity list.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, ToSchema)]
pub enum ActivitySort {
    /// Newest first.
    #[default]
    #[serde(rename = "-id")]
    Newest,
    #[serde(rename = "id")]
    Oldest,
    /// By title.
    #[serde(rename = "title")]
    Title,
}

impl ActivitySort {
    fn name(self) -> &'static str {
        match self {
            Self::Newest => "-id",
            Self::Oldest => "id",
            Self::Title => "title",
        }
    }
}

/// Filters, order and page of the activity list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActivityListQuery {
    /// Title or description contains.
    #[param(max_length = 100, example = "助老")]
    q: Option<String>,
    /// Activities of this community only.
    area_id: Option<i64>,
    #[param(inline)]
    status: Option<ActivityStatus>,
    /// Only those you signed up for.
    mine: Option<bool>,
    #[param(inline)]
    sort: Option<ActivitySort>,
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

/// The volunteer activities of your community or subtree (drafts: their organisers only), with the
/// places taken, the waiting list and your own sign-up.
#[utoipa::path(tag = "activities", params(ActivityListQuery), responses((status = 200, body = ActivityPage), ReadErrors), security(("bearer" = [])))]
#[get("/activities")]
async fn list_activities(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<ActivityListQuery>,
) -> ApiResult<web::Json<ActivityPage>> {
    let sort = query.sort.unwrap_or_default();
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, sort.name())?;
    let filter = ActivityFilter { q: query.q, area_id: query.area_id, status: query.status, mine: query.mine.unwrap_or(false) };
    Ok(web::Json(manage::list(&state.db, &caller, &filter, sort.name(), page).await?))
}

const ACTIVITY_EXAMPLE: &str = r#"{"area_id": 5, "title": "周末助老清洁", "description": "为独居老人打扫房间、整理物品", "address": "缤纷小区3幢楼下", "starts_at": "2027-01-09T01:00:00Z", "ends_at": "2027-01-09T04:00:00Z", "capacity": 20, "credit_minutes": 180}"#;

/// Organise an activity in a community of your subtree (a draft; publish it to take sign-ups).
#[utoipa::path(tag = "activities", request_body(content = ActivityInput, example = json!(serde_json::from_str::<serde_json::Value>(ACTIVITY_EXAMPLE).unwrap_or_default())),
    responses((status = 201, body = Activity), WriteErrors), security(("bearer" = [])))]
#[post("/activities")]
async fn create_activity(
    state: web::Data<AppState>,
    caller: AuthUser,
    request_id: RequestId,
    body: ValidJson<ActivityInput>,
) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    let saved = manage::create(&txn.txn, &caller, &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(saved))
}

/// One activity.
#[utoipa::path(tag = "activities", params(("id" = i64, Path, description = "Activity id", example = 1)),
    responses((status = 200, body = Activity), ReadErrors), security(("bearer" = [])))]
#[get("/activities/{id}")]
async fn get_activity(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<Activity>> {
    Ok(web::Json(manage::get(&state.db, &caller, id.into_inner()).await?))
}

/// Replace an activity's fields (its organisers, until it is held or called off); a larger capacity
/// gives the new places to the waiting list.
#[utoipa::path(tag = "activities", params(("id" = i64, Path, description = "Activity id", example = 1)),
    request_body(content = ActivityInput, example = json!(serde_json::from_str::<serde_json::Value>(ACTIVITY_EXAMPLE).unwrap_or_default())),
    responses((status = 200, body = Activity), WriteErrors), security(("bearer" = [])))]
#[put("/activities/{id}")]
async fn replace_activity(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<ActivityInput>,
) -> ApiResult<web::Json<Activity>> {
    let txn = state.begin_write().await?;
    let saved = manage::replace(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

/// Move an activity: publish, close or reopen sign-up, finish, cancel (its organisers).
#[utoipa::path(tag = "activities", params(("id" = i64, Path, description = "Activity id", example = 1)),
    request_body(content = ActivityActionRequest, example = json!({"action": "publish"})),
    responses((status = 200, body = Activity), WriteErrors), security(("bearer" = [])))]
#[post("/activities/{id}/actions")]
async fn act_on_activity(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<ActivityActionRequest>,
) -> ApiResult<web::Json<Activity>> {
    let txn = state.begin_write().await?;
    let saved = manage::act(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

/// Sign up (报名): a place while any is left, else the waiting list (候补), in order. 409 when you
/// are signed up already or the activity takes no sign-ups.
#[utoipa::path(tag = "activities", params(("id" = i64, Path, description = "Activity id", example = 1)),
    responses((status = 201, body = Signup), WriteErrors), security(("bearer" = [])))]
#[post("/activities/{id}/signups")]
async fn sign_up(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    let saved = signups::sign_up(&txn.txn, &caller, id.into_inner(), state.clock.now()).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(saved))
}

/// The sign-ups of an activity in the order they were made, with the waiting list's order (its
/// organisers and the staff of its area).
#[utoipa::path(tag = "activities", params(("id" = i64, Path, description = "Activity id", example = 1)),
    responses((status = 200, body = SignupList), ReadErrors), security(("bearer" = [])))]
#[get("/activities/{id}/signups")]
async fn list_signups(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<SignupList>> {
    Ok(web::Json(signups::list(&state.db, &caller, id.into_inner()).await?))
}

/// Cancel a sign-up: your own, or (organisers) anyone's before check-in. A freed place goes to the
/// first one waiting, who is told.
#[utoipa::path(tag = "activities", params(("id" = i64, Path, description = "Activity id", example = 1), ("signup_id" = i64, Path, description = "Sign-up id", example = 1)),
    responses((status = 200, body = Signup), WriteErrors), security(("bearer" = [])))]
#[post("/activities/{id}/signups/{signup_id}/cancel")]
async fn cancel_signup(state: web::Data<AppState>, caller: AuthUser, path: web::Path<(i64, i64)>) -> ApiResult<web::Json<Signup>> {
    let (id, signup) = path.into_inner();
    let txn = state.begin_write().await?;
    let saved = signups::cancel(&txn.txn, &caller, id, signup, state.clock.now()).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

/// The check-in code of this minute (签到码), for the staff on site to show; it changes every minute
/// and is accepted for one minute more.
#[utoipa::path(tag = "activities", params(("id" = i64, Path, description = "Activity id", example = 1)),
    responses((status = 200, body = CheckInCode), ReadErrors), security(("bearer" = [])))]
#[get("/activities/{id}/code")]
async fn check_in_code(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<CheckInCode>> {
    Ok(web::Json(attendance::code(&state.db, &caller, id.into_inner(), state.clock.now()).await?))
}

/// Check yourself in or out with the code shown on site. An expired code is 422 `expired` on
/// `/code`, a wrong one `wrong_code`. Checking out credits the activity's hours, once.
#[utoipa::path(tag = "activities", params(("id" = i64, Path, description = "Activity id", example = 1)),
    request_body(content = PresentCode, example = json!({"step": "check_in", "code": "482913"})),
    responses((status = 200, body = Signup), WriteErrors), security(("bearer" = [])))]
#[post("/activities/{id}/check-in")]
async fn present_code(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    body: ValidJson<PresentCode>,
) -> ApiResult<web::Json<Signup>> {
    let txn = state.begin_write().await?;
    let saved = attendance::present_code(&txn.txn, &caller, id.into_inner(), body.value.step, &body.value.code, state.clock.now()).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

/// Check someone in or out (the staff of the activity's area, without a code). Checking out
/// credits the activity's hours through the ledger, once.
#[utoipa::path(tag = "activities", params(("id" = i64, Path, description = "Activity id", example = 1), ("signup_id" = i64, Path, description = "Sign-up id", example = 1)),
    request_body(content = RecordAttendance, example = json!({"step": "check_in"})),
    responses((status = 200, body = Signup), WriteErrors), security(("bearer" = [])))]
#[post("/activities/{id}/signups/{signup_id}/attendance")]
async fn record_attendance(
    state: web::Data<AppState>,
    caller: AuthUser,
    path: web::Path<(i64, i64)>,
    body: ValidJson<RecordAttendance>,
) -> ApiResult<web::Json<Signup>> {
    let (id, signup) = path.into_inner();
    let txn = state.begin_write().await?;
    let saved = attendance::record_for(&txn.txn, &caller, id, signup, body.value.step, state.clock.now()).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

/// Take back the hours credited for one attendance, by reversal of its ledger transfer (its
/// organisers, saying why); 409 when already taken back.
#[utoipa::path(tag = "activities", params(("id" = i64, Path, description = "Activity id", example = 1), ("signup_id" = i64, Path, description = "Sign-up id", example = 1)),
    request_body(content = RevokeCredit, example = json!({"reason": "误签到，实际未参加"})),
    responses((status = 200, body = Signup), WriteErrors), security(("bearer" = [])))]
#[post("/activities/{id}/signups/{signup_id}/revoke")]
async fn revoke_credit(
    state: web::Data<AppState>,
    caller: AuthUser,
    path: web::Path<(i64, i64)>,
    body: ValidJson<RevokeCredit>,
) -> ApiResult<web::Json<Signup>> {
    let (id, signup) = path.into_inner();
    let txn = state.begin_write().await?;
    let saved = attendance::revoke(&txn.txn, &caller, id, signup, &body.value.reason, state.clock.now()).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_activities)
        .service(create_activity)
        .service(get_activity)
        .service(replace_activity)
        .service(act_on_activity)
        .service(sign_up)
        .service(list_signups)
        .service(cancel_signup)
        .service(check_in_code)
        .service(present_code)
        .service(record_attendance)
        .service(revoke_credit);
}
