//! Typed calls of the matching endpoints (资源匹配: candidates, plans, gaps); re-exported from
//! [`crate::common::api`].

use gloo_net::http::Method;
use shared::{
    Candidates, GapReport, Id, NeedAction, NeedActionRequest, NeedDetail, NewGapProgram, NewPlan, Page, Plan, PlanDetail, PlanStatus,
    ProgramDetail,
};

use crate::common::api::{ApiResult, PAGE_SIZE, get, send_json};

/// How many candidates the need detail asks for.
pub const CANDIDATE_LIMIT: u32 = 10;

/// GET /needs/{id}/candidates?limit=: the services that can serve the need, best first.
pub async fn candidates(need_id: Id, limit: u32) -> ApiResult<Candidates> {
    get(&format!("/needs/{need_id}/candidates"), &[("limit", limit.to_string())]).await
}

/// POST /needs/{id}/actions `{"action":"dispatch","service_id":…}`: dispatch through a service.
pub async fn dispatch_to_service(need_id: Id, service_id: Id) -> ApiResult<NeedDetail> {
    let request = NeedActionRequest {
        action: NeedAction::Dispatch,
        note: None,
        missing: None,
        assignee_id: None,
        service_id: Some(service_id),
        rating: None,
        hours: None,
    };
    send_json(Method::POST, &format!("/needs/{need_id}/actions"), &request).await
}

/// POST /matching/plans: the new plan (a job that starts queued).
pub async fn create_plan(new: &NewPlan) -> ApiResult<Plan> {
    send_json(Method::POST, "/matching/plans", new).await
}

/// GET /matching/plans, one page, newest first; `status` narrows it.
pub async fn plans(status: Option<PlanStatus>, cursor: Option<String>) -> ApiResult<Page<Plan>> {
    let query = [
        ("status", status.map(|s| s.as_str().to_owned()).unwrap_or_default()),
        ("cursor", cursor.unwrap_or_default()),
        ("limit", PAGE_SIZE.to_string()),
    ];
    get("/matching/plans", &query).await
}

/// GET /matching/plans/{id}: the plan with every row and, for a re-plan, the changes.
pub async fn plan(id: Id) -> ApiResult<PlanDetail> {
    get(&format!("/matching/plans/{id}"), &[]).await
}

/// POST /matching/plans/{id}/apply: dispatch every assigned row.
pub async fn apply_plan(id: Id) -> ApiResult<PlanDetail> {
    send_json(Method::POST, &format!("/matching/plans/{id}/apply"), &serde_json::Value::Null).await
}

/// POST /matching/plans/{id}/replan: a new plan of the same scope, with this one as its parent.
pub async fn replan(id: Id) -> ApiResult<Plan> {
    send_json(Method::POST, &format!("/matching/plans/{id}/replan"), &serde_json::Value::Null).await
}

/// GET /matching/gaps?area_id=: per community and category, what no service reaches.
pub async fn gaps(area_id: Id) -> ApiResult<GapReport> {
    get("/matching/gaps", &[("area_id", area_id.to_string())]).await
}

/// POST /matching/gaps/programs: a draft co-building program to close one gap.
pub async fn gap_program(new: &NewGapProgram) -> ApiResult<ProgramDetail> {
    send_json(Method::POST, "/matching/gaps/programs", new).await
}
