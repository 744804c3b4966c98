//! `/api/v1/topics…` and `/api/v1/areas/{id}/consultation-settings`: 民主协商 consultation topics
//! from proposal to review, their meetings (协商会), links (落实) and ratings (评议).

use actix_web::{HttpResponse, get, post, put, web};
use shared::{
    ConsultationSettings, MeetingDecision, NewMeeting, NewTopic, Page, Topic, TopicActionRequest, TopicCounts, TopicDetail, TopicLink,
    TopicListQuery, TopicRating,
};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::idempotency::IdempotencyKey;
use crate::http::json::ValidJson;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::consultation::{self, TopicFilter};
use crate::services::page::PageRequest;
use crate::state::AppState;

fn topic_filter(query: &TopicListQuery) -> TopicFilter {
    TopicFilter { status: query.status, area_id: query.area_id, category: query.category, q: query.q.clone() }
}

/// The topics you may see: residents their community's, staff their subtree's (and those referred up
/// from it). Filters by state, area, category and words; sorted; in keyset pages.
#[utoipa::path(tag = "consultation", params(TopicListQuery), responses((status = 200, body = Page<Topic>), ReadErrors), security(("bearer" = [])))]
#[get("/topics")]
async fn list_topics(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<TopicListQuery>,
) -> ApiResult<web::Json<Page<Topic>>> {
    let sort = query.sort.unwrap_or_default();
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, sort.name())?;
    Ok(web::Json(consultation::list(&state.db, &caller, topic_filter(&query), sort, page).await?))
}

/// How many topics are in each state under the same filters (the board's columns), and the total.
#[utoipa::path(tag = "consultation", params(TopicListQuery), responses((status = 200, body = TopicCounts), ReadErrors), security(("bearer" = [])))]
#[get("/topics/counts")]
async fn topic_counts(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<TopicListQuery>,
) -> ApiResult<web::Json<TopicCounts>> {
    Ok(web::Json(consultation::counts(&state.db, &caller, topic_filter(&query)).await?))
}

/// Propose a topic (议题提出): verified residents for themselves; staff for themselves, a resident
/// unit or an organisation. It may gather needs of its community.
#[utoipa::path(tag = "consultation", request_body(content = NewTopic, example = json!({"area_id": 5, "category": "public_space", "title": "小区东门电动车充电棚选址", "text": "东门空地是否建设电动车充电棚，请居民共同商议。", "proposer_kind": "resident", "need_ids": []})),
    params(("Idempotency-Key" = Option<String>, Header, description = "A retried proposal with the same key stores exactly one topic", pattern = "^[!-~]{1,255}$", example = "7b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d")),
    responses((status = 201, body = TopicDetail), WriteErrors), security(("bearer" = [])))]
#[post("/topics")]
async fn propose_topic(
    state: web::Data<AppState>,
    caller: AuthUser,
    key: IdempotencyKey,
    request_id: RequestId,
    body: ValidJson<NewTopic>,
) -> ApiResult<HttpResponse> {
    crate::create_idempotently!(state, caller, key, body, |db| consultation::propose(
        db,
        &caller,
        &body.value,
        state.clock.now(),
        Some(&request_id.0)
    ))
}

/// One topic with its timeline, meetings and the actions you may take.
#[utoipa::path(tag = "consultation", params(("id" = i64, Path, description = "Topic id", example = 1)), responses((status = 200, body = TopicDetail), ReadErrors), security(("bearer" = [])))]
#[get("/topics/{id}")]
async fn get_topic(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<TopicDetail>> {
    Ok(web::Json(consultation::detail(&state.db, &caller, id.into_inner()).await?))
}

/// A staff step: publish (公示), file (立案), decline (with the reason), refer up, publish_result,
/// open_review, close. A move the lifecycle does not allow answers 409 with `allowed`.
#[utoipa::path(tag = "consultation", request_body(content = TopicActionRequest, example = json!({"action": "publish", "notice_days": 7})), params(("id" = i64, Path, description = "Topic id", example = 1)),
    responses((status = 200, body = TopicDetail), WriteErrors), security(("bearer" = [])))]
#[post("/topics/{id}/actions")]
async fn act_on_topic(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<TopicActionRequest>,
) -> ApiResult<web::Json<TopicDetail>> {
    let txn = state.begin_write().await?;
    let detail = consultation::act(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(detail))
}

/// Co-sign a topic of your community while it is on notice (联名); verified residents, once each.
#[utoipa::path(tag = "consultation", params(("id" = i64, Path, description = "Topic id", example = 2)), responses((status = 200, body = Topic), WriteErrors), security(("bearer" = [])))]
#[post("/topics/{id}/cosign")]
async fn cosign_topic(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
) -> ApiResult<web::Json<Topic>> {
    let txn = state.begin_write().await?;
    let topic = consultation::cosign(&txn.txn, &caller, id.into_inner(), state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(topic))
}

/// Schedule a meeting (协商会) on a filed or referred topic, with the participants invited by kind.
#[utoipa::path(tag = "consultation", request_body(content = NewMeeting, example = json!({"held_at": "2026-12-12T07:00:00Z", "place": "社区党群服务中心二楼会议室", "online": false, "participants": [{"kind": "residents", "invited": 30}, {"kind": "property_company", "invited": 2}], "options": ["东门空地建设", "暂不建设"]})),
    params(("id" = i64, Path, description = "Topic id", example = 3)), responses((status = 201, body = TopicDetail), WriteErrors), security(("bearer" = [])))]
#[post("/topics/{id}/meetings")]
async fn create_meeting(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<NewMeeting>,
) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    let detail =
        consultation::create_meeting(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(detail))
}

/// Record a meeting's attendance, minutes, decision and vote. Judged under the community's quorum
/// rule: a passed vote decides the topic (备案); a missed quorum is recorded as such.
#[utoipa::path(tag = "consultation", request_body(content = MeetingDecision, example = json!({"attended": [{"kind": "residents", "attended": 24}, {"kind": "property_company", "attended": 2}], "minutes": "与会居民代表就充电棚选址充分讨论……", "decision": "在东门空地建设充电棚，物业负责日常管理", "votes_for": 20, "votes_against": 3, "votes_abstaining": 1})),
    params(("id" = i64, Path, description = "Topic id", example = 4), ("meeting_id" = i64, Path, description = "Meeting id", example = 1)),
    responses((status = 200, body = TopicDetail), WriteErrors), security(("bearer" = [])))]
#[post("/topics/{id}/meetings/{meeting_id}/decision")]
async fn record_decision(
    state: web::Data<AppState>,
    caller: AuthUser,
    path: web::Path<(i64, i64)>,
    request_id: RequestId,
    body: ValidJson<MeetingDecision>,
) -> ApiResult<web::Json<TopicDetail>> {
    let (id, meeting_id) = path.into_inner();
    let txn = state.begin_write().await?;
    let detail =
        consultation::record_decision(&txn.txn, &caller, id, meeting_id, &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(detail))
}

/// 落实: link a published decision to a co-building program and/or needs that carry it out.
#[utoipa::path(tag = "consultation", request_body(content = TopicLink, example = json!({"program_id": 2, "need_ids": []})), params(("id" = i64, Path, description = "Topic id", example = 5)),
    responses((status = 200, body = TopicDetail), WriteErrors), security(("bearer" = [])))]
#[post("/topics/{id}/links")]
async fn link_topic(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<TopicLink>,
) -> ApiResult<web::Json<TopicDetail>> {
    let txn = state.begin_write().await?;
    let detail = consultation::link(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(detail))
}

/// 评议: rate the outcome of a topic of your community under review, 1–5; verified residents, once each.
#[utoipa::path(tag = "consultation", request_body(content = TopicRating, example = json!({"rating": 5, "comment": "充电棚建得很及时"})), params(("id" = i64, Path, description = "Topic id", example = 6)),
    responses((status = 200, body = Topic), WriteErrors), security(("bearer" = [])))]
#[post("/topics/{id}/ratings")]
async fn rate_topic(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<TopicRating>,
) -> ApiResult<web::Json<Topic>> {
    let txn = state.begin_write().await?;
    let topic = consultation::rate(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(topic))
}

/// A community's consultation rules: the co-sign threshold and the quorum rule (defaults until set).
#[utoipa::path(tag = "consultation", params(("id" = i64, Path, description = "Community id", example = 5)), responses((status = 200, body = ConsultationSettings), ReadErrors), security(("bearer" = [])))]
#[get("/areas/{id}/consultation-settings")]
async fn get_settings(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<ConsultationSettings>> {
    Ok(web::Json(consultation::get_settings(&state.db, &caller, id.into_inner()).await?))
}

/// Set a community's consultation rules (community staff and those above it).
#[utoipa::path(tag = "consultation", request_body(content = ConsultationSettings, example = json!({"threshold_kind": "count", "threshold_count": 10, "quorum_present_pct": 50, "pass_pct": 50})),
    params(("id" = i64, Path, description = "Community id", example = 5)), responses((status = 200, body = ConsultationSettings), WriteErrors), security(("bearer" = [])))]
#[put("/areas/{id}/consultation-settings")]
async fn set_settings(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<ConsultationSettings>,
) -> ApiResult<web::Json<ConsultationSettings>> {
    let txn = state.begin_write().await?;
    let saved = consultation::set_settings(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

pub fn configure(cfg: &mut ServiceConfig) {
    // Literal segments (`counts`) before `{id}`.
    cfg.service(list_topics)
        .service(topic_counts)
        .service(propose_topic)
        .service(get_topic)
        .service(act_on_topic)
        .service(cosign_topic)
        .service(create_meeting)
        .service(record_decision)
        .service(link_topic)
        .service(rate_topic)
        .service(get_settings)
        .service(set_settings);
}
