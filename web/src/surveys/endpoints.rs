//! Typed calls of the survey endpoints (民意调查: surveys, templates, results, exports, paper entry);
//! re-exported from [`crate::common::api`].

use gloo_net::http::Method;
use shared::{
    Id, Page, PaperResponse, ResultsQuery, Survey, SurveyActionRequest, SurveyDraft, SurveyFromTemplate, SurveyListQuery, SurveyReceipt,
    SurveyResults, SurveyStatus, SurveyStep, SurveyTemplate, TextAnswer, TextAnswerQuery,
};

use crate::common::api::{ApiResult, File, PAGE_SIZE, borrowed, get, get_file, send_json};

/// GET /surveys, one page, newest first.
pub async fn surveys(status: Option<SurveyStatus>, cursor: Option<String>) -> ApiResult<Page<Survey>> {
    let query = SurveyListQuery { status, cursor, limit: Some(PAGE_SIZE) };
    get("/surveys", &borrowed(&shared::query_pairs(&query))).await
}

/// GET /surveys/{id}: the survey, its questions and the moves the caller may make.
pub async fn survey(id: Id) -> ApiResult<Survey> {
    get(&format!("/surveys/{id}"), &[]).await
}

/// POST /surveys: a new draft.
pub async fn create_survey(draft: &SurveyDraft) -> ApiResult<Survey> {
    send_json(Method::POST, "/surveys", draft).await
}

/// PUT /surveys/{id}: a draft's fields and questions replaced.
pub async fn edit_survey(id: Id, draft: &SurveyDraft) -> ApiResult<Survey> {
    send_json(Method::PUT, &format!("/surveys/{id}"), draft).await
}

/// GET /survey-templates.
pub async fn survey_templates() -> ApiResult<Vec<SurveyTemplate>> {
    get("/survey-templates", &[]).await
}

/// POST /survey-templates/{code}/surveys: a draft from a shipped template.
pub async fn survey_from_template(code: &str, request: &SurveyFromTemplate) -> ApiResult<Survey> {
    let code = String::from(js_sys::encode_uri_component(code));
    send_json(Method::POST, &format!("/survey-templates/{code}/surveys"), request).await
}

/// POST /surveys/{id}/actions: open or close.
pub async fn survey_action(id: Id, action: SurveyStep) -> ApiResult<Survey> {
    send_json(Method::POST, &format!("/surveys/{id}/actions"), &SurveyActionRequest { action }).await
}

/// GET /surveys/{id}/results, with one community's breakdown when asked.
pub async fn survey_results(id: Id, community_id: Option<Id>) -> ApiResult<SurveyResults> {
    let query = ResultsQuery { community_id };
    get(&format!("/surveys/{id}/results"), &borrowed(&shared::query_pairs(&query))).await
}

/// GET /surveys/{id}/text-answers, one page of every text question's answers.
pub async fn text_answers(id: Id, cursor: Option<String>) -> ApiResult<Page<TextAnswer>> {
    let query = TextAnswerQuery { question: None, cursor, limit: Some(PAGE_SIZE) };
    get(&format!("/surveys/{id}/text-answers"), &borrowed(&shared::query_pairs(&query))).await
}

/// GET /surveys/{id}/responses.xlsx or results.xlsx (`which`: `responses` or `results`).
pub async fn survey_workbook(id: Id, which: &str) -> ApiResult<File> {
    get_file(&format!("/surveys/{id}/{which}.xlsx"), &[]).await
}

/// POST /surveys/{id}/paper-responses: a paper questionnaire entered by staff.
pub async fn paper_response(id: Id, paper: &PaperResponse) -> ApiResult<SurveyReceipt> {
    send_json(Method::POST, &format!("/surveys/{id}/paper-responses"), paper).await
}
