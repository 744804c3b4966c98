//! Typed calls of the resident-needs endpoints (居民需求); re-exported from [`crate::common::api`].

use gloo_net::http::Method;
use shared::{
    Assignee, BulkDispatch, BulkDispatchResult, Id, Need, NeedActionRequest, NeedCategory, NeedCounts, NeedDetail, NeedListQuery, NeedSort,
    NeedStatus, NeedSummary, NewNeed, Page, TargetGroup, Urgency,
};

use crate::common::api::{ApiResult, PAGE_SIZE, borrowed, get, post_once, send_json};

/// Filters and order of a needs list; the defaults mean "any", newest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NeedFilter {
    pub status: Option<NeedStatus>,
    pub category: String,
    pub urgency: Option<Urgency>,
    pub overdue: bool,
    pub escalated: bool,
    pub area_id: Option<Id>,
    pub assignee_id: Option<Id>,
    pub tag: Option<TargetGroup>,
    pub oldest_first: bool,
}

impl NeedFilter {
    /// The list query this filter asks for (the wire type the API reads).
    pub fn list_query(&self) -> NeedListQuery {
        NeedListQuery {
            status: self.status,
            category: Some(self.category.clone()).filter(|c| !c.is_empty()),
            urgency: self.urgency,
            overdue: self.overdue.then_some(true),
            escalated: self.escalated.then_some(true),
            area_id: self.area_id,
            assignee_id: self.assignee_id,
            tag: self.tag,
            sort: Some(if self.oldest_first { NeedSort::Oldest } else { NeedSort::Newest }),
            ..Default::default()
        }
    }

    /// The query parameters that are set, as the page's URL and the API both spell them.
    pub fn query(&self) -> Vec<(String, String)> {
        shared::query_pairs(&self.list_query())
    }
}

/// GET /need-categories.
pub async fn need_categories() -> ApiResult<Vec<NeedCategory>> {
    get("/need-categories", &[]).await
}

/// GET /needs, one page of the caller's queue (or own needs, or dispatched needs).
pub async fn needs(filter: NeedFilter, cursor: Option<String>) -> ApiResult<Page<Need>> {
    let query = NeedListQuery { cursor, limit: Some(PAGE_SIZE), ..filter.list_query() };
    get("/needs", &borrowed(&shared::query_pairs(&query))).await
}

/// GET /needs/counts under the same filters.
pub async fn need_counts(filter: NeedFilter) -> ApiResult<NeedCounts> {
    // Counts are per status, so the status filter is not sent.
    let query = NeedListQuery { status: None, sort: None, ..filter.list_query() };
    get("/needs/counts", &borrowed(&shared::query_pairs(&query))).await
}

/// GET /needs/{id}: the need, its timeline and what the caller may do.
pub async fn need(id: Id) -> ApiResult<NeedDetail> {
    get(&format!("/needs/{id}"), &[]).await
}

/// POST /needs with an idempotency key.
pub async fn submit_need(new: &NewNeed, key: &str) -> ApiResult<NeedDetail> {
    post_once("/needs", new, key).await
}

/// POST /needs/{id}/actions.
pub async fn need_action(id: Id, request: &NeedActionRequest) -> ApiResult<NeedDetail> {
    send_json(Method::POST, &format!("/needs/{id}/actions"), request).await
}

/// GET /needs/{id}/assignees: who the need may be dispatched to.
pub async fn assignees(id: Id) -> ApiResult<Vec<Assignee>> {
    get(&format!("/needs/{id}/assignees"), &[]).await
}

/// POST /needs/dispatch: several accepted needs to one assignee.
pub async fn bulk_dispatch(request: &BulkDispatch) -> ApiResult<BulkDispatchResult> {
    send_json(Method::POST, "/needs/dispatch", request).await
}

/// GET /needs/community: neighbours' open needs, without personal data.
pub async fn community_needs(cursor: Option<String>) -> ApiResult<Page<NeedSummary>> {
    let query = [("cursor", cursor.unwrap_or_default()), ("limit", PAGE_SIZE.to_string())];
    get("/needs/community", &query).await
}

/// POST /needs/{id}/cosign.
pub async fn cosign(id: Id) -> ApiResult<NeedSummary> {
    send_json(Method::POST, &format!("/needs/{id}/cosign"), &serde_json::Value::Null).await
}

/// A fresh `Idempotency-Key`: time plus randomness, enough to be unique per user.
pub fn idempotency_key() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64;
    format!("web-{now:x}-{random:x}")
}
