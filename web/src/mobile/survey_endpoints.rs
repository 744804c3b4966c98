//! Typed calls of the resident's survey pages (民意调查): the open surveys targeting them, one survey,
//! and their one response.

use gloo_net::http::Method;
use shared::{Id, Page, Survey, SurveyAnswer, SurveyListQuery, SurveyReceipt, SurveyResponseBody, SurveyStatus};

use crate::common::api::{ApiResult, PAGE_SIZE, borrowed, get, send_json};

/// GET /surveys?status=open: the open surveys whose target includes the caller, newest first.
pub async fn open_surveys(cursor: Option<String>) -> ApiResult<Page<Survey>> {
    let query = SurveyListQuery { status: Some(SurveyStatus::Open), cursor, limit: Some(PAGE_SIZE) };
    get("/surveys", &borrowed(&shared::query_pairs(&query))).await
}

/// GET /surveys/{id}.
pub async fn survey(id: Id) -> ApiResult<Survey> {
    get(&format!("/surveys/{id}"), &[]).await
}

/// POST /surveys/{id}/responses: answered once (a second answer is 409).
pub async fn answer(id: Id, answers: Vec<SurveyAnswer>) -> ApiResult<SurveyReceipt> {
    send_json(Method::POST, &format!("/surveys/{id}/responses"), &SurveyResponseBody { answers }).await
}
