//! `/api/v1/survey-templates…`: the survey templates shipped as data, and a draft from one.

use actix_web::{HttpResponse, get, post, web};
use shared::{Survey, SurveyFromTemplate, SurveyTemplate};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::json::ValidJson;
use crate::http::request_id::RequestId;
use crate::policy::{self, Action};
use crate::services::surveys;
use crate::state::AppState;

/// The shipped templates: the annual resident satisfaction survey and the 社区体检 questionnaire.
#[utoipa::path(tag = "surveys", responses((status = 200, body = Vec<SurveyTemplate>), ReadErrors), security(("bearer" = [])))]
#[get("/survey-templates")]
async fn list_templates(caller: AuthUser) -> ApiResult<web::Json<Vec<SurveyTemplate>>> {
    policy::require(&caller, Action::ManageSurveys)?;
    Ok(web::Json(crate::domain::surveys::templates::all().to_vec()))
}

/// A draft survey from a template, for an area of your subtree and a window.
#[utoipa::path(tag = "surveys", request_body(content = SurveyFromTemplate, example = json!({"area_id": 5, "opens_at": "2026-12-01T00:00:00Z", "closes_at": "2026-12-31T00:00:00Z"})),
    params(("code" = String, Path, description = "Template code", example = "annual_satisfaction", pattern = "^(annual_satisfaction|community_checkup)$")),
    responses((status = 201, body = Survey), WriteErrors), security(("bearer" = [])))]
#[post("/survey-templates/{code}/surveys")]
async fn survey_from_template(
    state: web::Data<AppState>,
    caller: AuthUser,
    code: web::Path<String>,
    request_id: RequestId,
    body: ValidJson<SurveyFromTemplate>,
) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    let survey = surveys::from_template(&txn.txn, &caller, &code, &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(survey))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_templates).service(survey_from_template);
}
