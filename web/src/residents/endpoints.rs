//! `/residents`: the list by verification state, verify and refuse, and a resident's target groups.

use gloo_net::http::Method;
use shared::{Id, Page, RefuseResidence, Resident, ResidentTargetGroups, TargetGroup, Verification};

use crate::common::api::{ApiResult, PAGE_SIZE, get, send_json};

/// GET /residents?verification=…: longest waiting first; personal data masked as the server decides.
pub async fn residents(verification: Verification, cursor: Option<String>) -> ApiResult<Page<Resident>> {
    let query =
        [("verification", verification.as_str().to_owned()), ("limit", PAGE_SIZE.to_string()), ("cursor", cursor.unwrap_or_default())];
    get("/residents", &query).await
}

/// POST /residents/{id}/verify: 已认证.
pub async fn verify(id: Id) -> ApiResult<Resident> {
    send_json(Method::POST, &format!("/residents/{id}/verify"), &serde_json::json!({})).await
}

/// POST /residents/{id}/refuse with the reason.
pub async fn refuse(id: Id, refusal: RefuseResidence) -> ApiResult<Resident> {
    send_json(Method::POST, &format!("/residents/{id}/refuse"), &refusal).await
}

/// PUT /residents/{id}/target-groups: the whole list (empty clears it).
pub async fn set_target_groups(id: Id, target_groups: Vec<TargetGroup>) -> ApiResult<Resident> {
    send_json(Method::PUT, &format!("/residents/{id}/target-groups"), &ResidentTargetGroups { target_groups }).await
}

/// GET /residents?verification=verified&q=…: the first few verified residents found by name, phone
/// or #id (staff who see residents masked find by id only).
pub async fn find_verified(q: &str) -> ApiResult<Page<Resident>> {
    let query = [("verification", Verification::Verified.as_str().to_owned()), ("q", q.to_owned()), ("limit", "8".to_owned())];
    get("/residents", &query).await
}
