//! `/api/v1/needs…` and `/api/v1/need-categories`: resident needs from submission to rating.

use actix_web::{HttpResponse, get, post, put, web};
use serde::Deserialize;
use shared::{
    Assignee, BulkDispatch, BulkDispatchResult, Candidates, CountedPage, DeadlineSetting, FormatQuery, Need, NeedActionRequest,
    NeedCategory, NeedCounts, NeedDetail, NeedListQuery, NeedSummary, NewNeed, Page,
};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::files::file;
use super::responses::{Binary, ReadErrors, WriteErrors};
use crate::domain::field_errors::FieldErrors;
use crate::domain::scope::Scope;
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::idempotency::IdempotencyKey;
use crate::http::json::ValidJson;
use crate::http::language::AcceptLanguage;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::needs::{self, NeedFilter};
use crate::services::page::PageRequest;
use crate::services::search::DayRange;
use crate::state::AppState;

/// The service's filter from the query string; a date range ending before it starts is refused.
fn need_filter(query: &NeedListQuery) -> ApiResult<NeedFilter> {
    let mut errors = FieldErrors::default();
    let submitted = DayRange { from: query.submitted_from, to: query.submitted_to }.check("submitted_from", "submitted_to", &mut errors);
    errors.finish()?;
    Ok(NeedFilter {
        status: query.status,
        category: query.category.clone(),
        urgency: query.urgency,
        overdue: query.overdue,
        escalated: query.escalated,
        area_id: query.area_id,
        assignee_id: query.assignee_id,
        tag: query.tag,
        q: query.q.clone(),
        submitted,
    })
}

/// Page of a plain list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

/// The service categories of needs with their default deadlines.
#[utoipa::path(tag = "needs", responses((status = 200, body = Vec<NeedCategory>), ReadErrors), security(("bearer" = [])))]
#[get("/need-categories")]
async fn list_need_categories(_caller: AuthUser) -> web::Json<Vec<NeedCategory>> {
    web::Json(needs::categories())
}

/// The needs you may see: staff their area's queue, residents their own, assignees what is dispatched to them.
#[utoipa::path(tag = "needs", params(NeedListQuery), responses((status = 200, body = CountedPage<Need>), ReadErrors), security(("bearer" = [])))]
#[get("/needs")]
async fn list_needs(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<NeedListQuery>,
) -> ApiResult<web::Json<CountedPage<Need>>> {
    let filter = need_filter(&query)?;
    let sort = query.sort.unwrap_or_default();
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, sort.name())?;
    Ok(web::Json(needs::list(&state.db, &caller, filter, sort, page, state.clock.now()).await?))
}

/// The needs the queue's filters select (at most 10,000), oldest first, as Excel or CSV (需求台账):
/// personal data masked as the queue shows it; headers and words in the language of
/// `Accept-Language`. `sort`, `cursor` and `limit` are ignored.
#[utoipa::path(tag = "needs", params(FormatQuery, NeedListQuery,
        ("Accept-Language" = Option<String>, Header, description = "`en` for English headers and words; Chinese otherwise", example = "zh-CN")),
    responses((status = 200, description = "The file", content((Binary = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (String = "text/csv"))),
    ReadErrors), security(("bearer" = [])))]
#[get("/needs/export")]
async fn export_needs(
    state: web::Data<AppState>,
    caller: AuthUser,
    lang: AcceptLanguage,
    ValidQuery(format): ValidQuery<FormatQuery>,
    ValidQuery(query): ValidQuery<NeedListQuery>,
) -> ApiResult<HttpResponse> {
    let found = needs::export::all(&state.db, &caller, need_filter(&query)?, state.clock.now()).await?;
    file(format.format.unwrap_or_default(), &format!("needs-{}", state.clock.now().format("%Y%m%d")), needs::export::table(&found, lang.0))
}

/// How many needs are in each status, overdue and escalated, under the same filters.
#[utoipa::path(tag = "needs", params(NeedListQuery), responses((status = 200, body = NeedCounts), ReadErrors), security(("bearer" = [])))]
#[get("/needs/counts")]
async fn need_counts(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<NeedListQuery>,
) -> ApiResult<web::Json<NeedCounts>> {
    Ok(web::Json(needs::counts(&state.db, &caller, need_filter(&query)?, state.clock.now()).await?))
}

/// Submit a need (群众点单): residents for themselves, staff and mini-program backends on a resident's behalf.
#[utoipa::path(tag = "needs", request_body(content = NewNeed, example = json!({"category": "elderly_care", "text": "独居老人想请志愿者每周上门助餐两次", "area_id": 5, "address": "缤纷小区3幢2单元501室", "at_home": true, "tags": ["elderly_living_alone"], "urgency": "normal", "channel": "phone", "contact_name": "王阿姨", "contact_phone": "13800138000"})),
    params(("Idempotency-Key" = Option<String>, Header, description = "A retried submission with the same key stores exactly one need", pattern = "^[!-~]{1,255}$", example = "5f0c7e2a-1b9d-4c3e-8a67-2d41f9b0c6e5")),
    responses((status = 201, body = NeedDetail), WriteErrors), security(("bearer" = [])))]
#[post("/needs")]
async fn submit_need(
    state: web::Data<AppState>,
    caller: AuthUser,
    key: IdempotencyKey,
    request_id: RequestId,
    body: ValidJson<NewNeed>,
) -> ApiResult<HttpResponse> {
    crate::create_idempotently!(state, caller, key, body, |db| needs::submit(
        db,
        &caller,
        &body.value,
        state.clock.now(),
        Some(&request_id.0)
    ))
}

/// Open needs of other residents in your community, without personal data, to co-sign (需求众筹).
#[utoipa::path(tag = "needs", params(PageQuery), responses((status = 200, body = Page<NeedSummary>), ReadErrors), security(("bearer" = [])))]
#[get("/needs/community")]
async fn community_needs(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<PageQuery>,
) -> ApiResult<web::Json<Page<NeedSummary>>> {
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, "-id")?;
    Ok(web::Json(needs::community_needs(&state.db, &caller, page, state.clock.now()).await?))
}

/// Dispatch several accepted needs to one assignee (批量派单); each need succeeds or fails on its own.
#[utoipa::path(tag = "needs", request_body(content = BulkDispatch, example = json!({"need_ids": [2], "assignee_id": 10, "note": "请本周内上门"})), responses((status = 200, body = BulkDispatchResult), WriteErrors), security(("bearer" = [])))]
#[post("/needs/dispatch")]
async fn dispatch_needs(
    state: web::Data<AppState>,
    caller: AuthUser,
    request_id: RequestId,
    body: ValidJson<BulkDispatch>,
) -> ApiResult<web::Json<BulkDispatchResult>> {
    let txn = state.begin_write().await?;
    let result = needs::bulk_dispatch(&txn.txn, &caller, &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(result))
}

/// One need with its timeline and the actions you may take.
#[utoipa::path(tag = "needs", params(("id" = i64, Path, description = "Need id", example = 2)), responses((status = 200, body = NeedDetail), ReadErrors), security(("bearer" = [])))]
#[get("/needs/{id}")]
async fn get_need(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<NeedDetail>> {
    Ok(web::Json(needs::detail(&state.db, &caller, id.into_inner(), state.clock.now()).await?))
}

/// Take an action on a need: accept, return, dispatch, claim, resolve, rate, object, cancel ….
///
/// An action the lifecycle does not allow in the need's state (or to you) answers 409 with
/// `allowed`: the actions you may take instead.
#[utoipa::path(tag = "needs", request_body(content = NeedActionRequest, example = json!({"action": "accept", "note": "已电话联系居民，约好明天上午上门"})), params(("id" = i64, Path, description = "Need id", example = 4)),
    responses((status = 200, body = NeedDetail), WriteErrors), security(("bearer" = [])))]
#[post("/needs/{id}/actions")]
async fn act_on_need(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<NeedActionRequest>,
) -> ApiResult<web::Json<NeedDetail>> {
    let txn = state.begin_write().await?;
    let detail = needs::act(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(detail))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CandidateQuery {
    /// How many to list (default 10).
    #[param(minimum = 1, maximum = 50)]
    limit: Option<usize>,
}

/// Services that can serve this need, best first: the score (0–100) with its six parts and the
/// reasons in words, and how many services were left out and why. Never an ineligible or full one.
#[utoipa::path(tag = "matching", params(("id" = i64, Path, description = "Need id", example = 2), CandidateQuery), responses((status = 200, body = Candidates), ReadErrors), security(("bearer" = [])))]
#[get("/needs/{id}/candidates")]
async fn need_candidates(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    ValidQuery(query): ValidQuery<CandidateQuery>,
) -> ApiResult<web::Json<Candidates>> {
    let walking = state.settings.matching.walking();
    let limit = query.limit.unwrap_or(10);
    Ok(web::Json(
        crate::services::matching::candidates::candidates(&state.db, &caller, id.into_inner(), walking, limit, state.clock.now()).await?,
    ))
}

/// Who this need can be dispatched to: providers, volunteers and staff serving its area, least busy first.
#[utoipa::path(tag = "needs", params(("id" = i64, Path, description = "Need id", example = 2)), responses((status = 200, body = Vec<Assignee>), ReadErrors), security(("bearer" = [])))]
#[get("/needs/{id}/assignees")]
async fn need_assignees(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<Vec<Assignee>>> {
    Ok(web::Json(needs::assignees(&state.db, &caller, id.into_inner()).await?))
}

/// Co-sign another resident's open need in your community; once per person.
#[utoipa::path(tag = "needs", params(("id" = i64, Path, description = "Need id", example = 181)), responses((status = 200, body = NeedSummary), WriteErrors), security(("bearer" = [])))]
#[post("/needs/{id}/cosign")]
async fn cosign_need(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
) -> ApiResult<web::Json<NeedSummary>> {
    let txn = state.begin_write().await?;
    let summary = needs::cosign(&txn.txn, &caller, id.into_inner(), state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(summary))
}

/// The response and completion deadlines (hours) in force in a district, per category and urgency.
#[utoipa::path(tag = "needs", params(("id" = i64, Path, description = "District id", example = 3)), responses((status = 200, body = Vec<DeadlineSetting>), ReadErrors), security(("bearer" = [])))]
#[get("/areas/{id}/need-deadlines")]
async fn district_deadlines(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
) -> ApiResult<web::Json<Vec<DeadlineSetting>>> {
    Ok(web::Json(needs::deadlines_of(&state.db, &Scope::of(&caller), id.into_inner()).await?))
}

/// Set a district's deadline for one category and urgency (district and platform admins).
#[utoipa::path(tag = "needs", request_body(content = DeadlineSetting, example = json!({"category": "elderly_care", "urgency": "normal", "acceptance_hours": 24, "response_hours": 12, "completion_hours": 72})), params(("id" = i64, Path, description = "District id", example = 3)),
    responses((status = 200, body = DeadlineSetting), WriteErrors), security(("bearer" = [])))]
#[put("/areas/{id}/need-deadlines")]
async fn set_district_deadline(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<DeadlineSetting>,
) -> ApiResult<web::Json<DeadlineSetting>> {
    let txn = state.begin_write().await?;
    let saved = needs::set_deadline(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

pub fn configure(cfg: &mut ServiceConfig) {
    // Literal segments (`counts`, `community`, `dispatch`) before `{id}`.
    cfg.service(list_need_categories)
        .service(list_needs)
        .service(export_needs)
        .service(need_counts)
        .service(community_needs)
        .service(submit_need)
        .service(dispatch_needs)
        .service(get_need)
        .service(act_on_need)
        .service(need_assignees)
        .service(need_candidates)
        .service(cosign_need)
        .service(district_deadlines)
        .service(set_district_deadline);
}
