//! `/api/v1/surveys…`: 民意调查 surveys — building (staff), answering (residents, once), paper
//! questionnaires entered by staff, results from kept aggregates, free-text answers and Excel exports.

use actix_web::{HttpResponse, get, post, put, web};
use shared::{
    Page, PaperResponse, ResultsQuery, Survey, SurveyActionRequest, SurveyDraft, SurveyListQuery, SurveyReceipt, SurveyResponseBody,
    SurveyResults, TextAnswer, TextAnswerQuery,
};
use utoipa_actix_web::service_config::ServiceConfig;

use super::files::XLSX;
use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::json::ValidJson;
use crate::http::language::AcceptLanguage;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::page::PageRequest;
use crate::services::surveys::{self, results::TEXT_SORT};
use crate::state::AppState;

/// The surveys you may see: residents those (not drafts) targeting their home, staff their subtree's. Newest first.
#[utoipa::path(tag = "surveys", params(SurveyListQuery), responses((status = 200, body = Page<Survey>), ReadErrors), security(("bearer" = [])))]
#[get("/surveys")]
async fn list_surveys(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<SurveyListQuery>,
) -> ApiResult<web::Json<Page<Survey>>> {
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, surveys::read::SORT)?;
    Ok(web::Json(surveys::list(&state.db, &caller, query.status, page).await?))
}

/// Build a draft survey for an area of your subtree (community staff and above). Every bad field at
/// once; a condition must name an earlier choice question.
#[utoipa::path(tag = "surveys", request_body(content = SurveyDraft, example = json!({"area_id": 5, "title": "东门充电棚使用意向调查", "description": "了解居民对充电棚的需求", "audience": "verified_residents", "anonymous": false, "opens_at": "2026-12-01T00:00:00Z", "closes_at": "2026-12-31T00:00:00Z",
        "questions": [{"text": "您家有电动自行车吗？", "kind": "single_choice", "required": true, "options": ["有", "没有"]}, {"text": "您每周充电几次？", "kind": "number", "required": true, "min": 0, "max": 14, "condition": {"question": 0, "options": [0]}}]})),
    responses((status = 201, body = Survey), WriteErrors), security(("bearer" = [])))]
#[post("/surveys")]
async fn create_survey(
    state: web::Data<AppState>,
    caller: AuthUser,
    request_id: RequestId,
    body: ValidJson<SurveyDraft>,
) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    let survey = surveys::create(&txn.txn, &caller, &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(survey))
}

/// One survey with its questions and the actions you may take.
#[utoipa::path(tag = "surveys", params(("id" = i64, Path, description = "Survey id", example = 1)), responses((status = 200, body = Survey), ReadErrors), security(("bearer" = [])))]
#[get("/surveys/{id}")]
async fn get_survey(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<Survey>> {
    Ok(web::Json(surveys::detail(&state.db, &caller, id.into_inner()).await?))
}

/// Replace a draft's fields and questions; 409 once it is open.
#[utoipa::path(tag = "surveys", request_body(content = SurveyDraft, example = json!({"area_id": 5, "title": "东门充电棚使用意向调查", "audience": "all_residents", "anonymous": true, "opens_at": "2026-12-01T00:00:00Z", "closes_at": "2026-12-31T00:00:00Z",
        "questions": [{"text": "您对充电棚选址是否满意？", "kind": "scale", "required": true}]})),
    params(("id" = i64, Path, description = "Survey id", example = 1)), responses((status = 200, body = Survey), WriteErrors), security(("bearer" = [])))]
#[put("/surveys/{id}")]
async fn edit_survey(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<SurveyDraft>,
) -> ApiResult<web::Json<Survey>> {
    let txn = state.begin_write().await?;
    let survey = surveys::edit(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(survey))
}

/// Open a draft or close an open survey; a move the lifecycle does not allow answers 409 with `allowed`.
#[utoipa::path(tag = "surveys", request_body(content = SurveyActionRequest, example = json!({"action": "open"})),
    params(("id" = i64, Path, description = "Survey id", example = 1)), responses((status = 200, body = Survey), WriteErrors), security(("bearer" = [])))]
#[post("/surveys/{id}/actions")]
async fn act_on_survey(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<SurveyActionRequest>,
) -> ApiResult<web::Json<Survey>> {
    let txn = state.begin_write().await?;
    let survey = surveys::act(&txn.txn, &caller, id.into_inner(), body.value.action, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(survey))
}

/// Answer a survey targeting your home, once: 403 outside its area or audience, 409 outside its
/// window (the window is in the problem) or on a second answer, 422 naming every bad answer.
#[utoipa::path(tag = "surveys", request_body(content = SurveyResponseBody, example = json!({"answers": [{"question": 0, "choices": [1]}, {"question": 1, "value": 4}, {"question": 2, "value": 5}, {"question": 3, "value": 4}, {"question": 4, "value": 3}, {"question": 8, "text": "希望多组织亲子活动"}]})),
    params(("id" = i64, Path, description = "Survey id", example = 1)), responses((status = 201, body = SurveyReceipt), WriteErrors), security(("bearer" = [])))]
#[post("/surveys/{id}/responses")]
async fn answer_survey(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    body: ValidJson<SurveyResponseBody>,
) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    let receipt = surveys::answer(&txn.txn, &caller, id.into_inner(), &body.value.answers, state.clock.now()).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(receipt))
}

/// Enter a paper questionnaire (纸质问卷): for a resident of the survey's area, or anonymous with the
/// community it was collected in. Marked paper, with who entered it.
#[utoipa::path(tag = "surveys", request_body(content = PaperResponse, example = json!({"community_id": 5, "answers": [{"question": 0, "choices": [0]}, {"question": 1, "value": 5}, {"question": 2, "value": 4}, {"question": 3, "value": 5}, {"question": 4, "value": 4}]})),
    params(("id" = i64, Path, description = "Survey id", example = 1)), responses((status = 201, body = SurveyReceipt), WriteErrors), security(("bearer" = [])))]
#[post("/surveys/{id}/paper-responses")]
async fn enter_paper(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    body: ValidJson<PaperResponse>,
) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    let receipt = surveys::enter_paper(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now()).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(receipt))
}

/// Results while the survey runs and after: counts and shares per option, means, responses per
/// community, and one community's breakdown with `community_id` (from 5 responses on).
#[utoipa::path(tag = "surveys", params(("id" = i64, Path, description = "Survey id", example = 1), ResultsQuery), responses((status = 200, body = SurveyResults), ReadErrors), security(("bearer" = [])))]
#[get("/surveys/{id}/results")]
async fn survey_results(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    ValidQuery(query): ValidQuery<ResultsQuery>,
) -> ApiResult<web::Json<SurveyResults>> {
    Ok(web::Json(surveys::results(&state.db, &caller, id.into_inner(), query.community_id).await?))
}

/// Free-text answers, without who wrote them, in the order given (keyset pages).
#[utoipa::path(tag = "surveys", params(("id" = i64, Path, description = "Survey id", example = 1), TextAnswerQuery), responses((status = 200, body = Page<TextAnswer>), ReadErrors), security(("bearer" = [])))]
#[get("/surveys/{id}/text-answers")]
async fn text_answers(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    ValidQuery(query): ValidQuery<TextAnswerQuery>,
) -> ApiResult<web::Json<Page<TextAnswer>>> {
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, TEXT_SORT)?;
    Ok(web::Json(surveys::text_answers(&state.db, &caller, id.into_inner(), query.question, page).await?))
}

fn workbook(name: String, bytes: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok().content_type(XLSX).insert_header(("Content-Disposition", format!("attachment; filename=\"{name}\""))).body(bytes)
}

/// Every answer as Excel (.xlsx): one row per answer, options as their labels, no names; headers and
/// words in the language of `Accept-Language` (Chinese by default).
#[utoipa::path(tag = "surveys", params(("id" = i64, Path, description = "Survey id", example = 1), ("Accept-Language" = Option<String>, Header, description = "`en` for English headers and words; Chinese otherwise", example = "zh-CN")), responses(
    (status = 200, description = "The workbook", content((super::responses::Binary = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    ReadErrors), security(("bearer" = [])))]
#[get("/surveys/{id}/responses.xlsx")]
async fn export_responses(
    state: web::Data<AppState>,
    caller: AuthUser,
    lang: AcceptLanguage,
    id: web::Path<i64>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    Ok(workbook(format!("survey-{id}-responses.xlsx"), surveys::export_responses(&state.db, &caller, id, lang.0).await?))
}

/// The results as Excel (.xlsx): the whole area, and per community; headers and words in the
/// language of `Accept-Language` (Chinese by default).
#[utoipa::path(tag = "surveys", params(("id" = i64, Path, description = "Survey id", example = 1), ("Accept-Language" = Option<String>, Header, description = "`en` for English headers and words; Chinese otherwise", example = "zh-CN")), responses(
    (status = 200, description = "The workbook", content((super::responses::Binary = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    ReadErrors), security(("bearer" = [])))]
#[get("/surveys/{id}/results.xlsx")]
async fn export_results(state: web::Data<AppState>, caller: AuthUser, lang: AcceptLanguage, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    Ok(workbook(format!("survey-{id}-results.xlsx"), surveys::export_results(&state.db, &caller, id, lang.0).await?))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_surveys)
        .service(create_survey)
        .service(get_survey)
        .service(edit_survey)
        .service(act_on_survey)
        .service(answer_survey)
        .service(enter_paper)
        .service(survey_results)
        .service(text_answers)
        .service(export_responses)
        .service(export_results);
}
