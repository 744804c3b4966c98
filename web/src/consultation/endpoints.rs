//! Typed calls of the consultation endpoints (民主协商: topics, meetings, links); re-exported from
//! [`crate::common::api`].

use gloo_net::http::Method;
use shared::{
    Id, MeetingDecision, NewMeeting, Page, Topic, TopicActionRequest, TopicCategory, TopicCounts, TopicDetail, TopicLink, TopicListQuery,
};

use crate::common::api::{ApiResult, borrowed, get, send_json};

/// The board's filters; the defaults mean "any".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TopicFilter {
    pub area_id: Option<Id>,
    pub category: Option<TopicCategory>,
    pub q: String,
}

impl TopicFilter {
    /// The list query this filter asks for (the wire type the API reads).
    pub fn list_query(&self) -> TopicListQuery {
        let q = self.q.trim();
        TopicListQuery { area_id: self.area_id, category: self.category, q: (!q.is_empty()).then(|| q.to_owned()), ..Default::default() }
    }

    /// The query parameters that are set, as the page's URL and the API both spell them.
    pub fn query(&self) -> Vec<(String, String)> {
        shared::query_pairs(&self.list_query())
    }
}

/// The most topics the board loads at once; a stage with more says how many are not shown.
pub const BOARD_LIMIT: u64 = 200;

/// GET /topics: the first [`BOARD_LIMIT`] topics under the filter, newest first.
pub async fn board_topics(filter: TopicFilter) -> ApiResult<Page<Topic>> {
    let query = TopicListQuery { limit: Some(BOARD_LIMIT), ..filter.list_query() };
    get("/topics", &borrowed(&shared::query_pairs(&query))).await
}

/// GET /topics/counts: topics per state under the filter.
pub async fn topic_counts(filter: TopicFilter) -> ApiResult<TopicCounts> {
    get("/topics/counts", &borrowed(&filter.query())).await
}

/// GET /topics/{id}: the topic, its timeline and meetings, and what the caller may do.
pub async fn topic(id: Id) -> ApiResult<TopicDetail> {
    get(&format!("/topics/{id}"), &[]).await
}

/// POST /topics/{id}/actions.
pub async fn topic_action(id: Id, request: &TopicActionRequest) -> ApiResult<TopicDetail> {
    send_json(Method::POST, &format!("/topics/{id}/actions"), request).await
}

/// POST /topics/{id}/meetings.
pub async fn create_meeting(id: Id, new: &NewMeeting) -> ApiResult<TopicDetail> {
    send_json(Method::POST, &format!("/topics/{id}/meetings"), new).await
}

/// POST /topics/{id}/meetings/{meeting}/decision.
pub async fn record_decision(id: Id, meeting: Id, decision: &MeetingDecision) -> ApiResult<TopicDetail> {
    send_json(Method::POST, &format!("/topics/{id}/meetings/{meeting}/decision"), decision).await
}

/// POST /topics/{id}/links.
pub async fn link_topic(id: Id, link: &TopicLink) -> ApiResult<TopicDetail> {
    send_json(Method::POST, &format!("/topics/{id}/links"), link).await
}
