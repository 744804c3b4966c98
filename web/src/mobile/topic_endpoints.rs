//! Typed calls of the resident's consultation pages (民主协商): their community's topics, one topic,
//! proposing, co-signing and rating the outcome; and the signed-out 公示 board.

use gloo_net::http::Method;
use shared::{Id, NewTopic, Page, PublicTopic, Topic, TopicDetail, TopicListQuery, TopicRating};

use crate::common::api::{ApiResult, PAGE_SIZE, borrowed, get, get_public, post_once, send_json};

/// GET /topics: the caller's community's topics, newest first.
pub async fn topics(cursor: Option<String>) -> ApiResult<Page<Topic>> {
    let query = TopicListQuery { cursor, limit: Some(PAGE_SIZE), ..TopicListQuery::default() };
    get("/topics", &borrowed(&shared::query_pairs(&query))).await
}

/// GET /topics/{id}.
pub async fn topic(id: Id) -> ApiResult<TopicDetail> {
    get(&format!("/topics/{id}"), &[]).await
}

/// POST /topics with an `Idempotency-Key`, so a retried proposal is stored once.
pub async fn propose(new: &NewTopic, key: &str) -> ApiResult<TopicDetail> {
    post_once("/topics", new, key).await
}

/// POST /topics/{id}/cosign (联名), once each.
pub async fn cosign(id: Id) -> ApiResult<Topic> {
    send_json(Method::POST, &format!("/topics/{id}/cosign"), &serde_json::Value::Null).await
}

/// POST /topics/{id}/ratings (评议), once each.
pub async fn rate(id: Id, rating: &TopicRating) -> ApiResult<Topic> {
    send_json(Method::POST, &format!("/topics/{id}/ratings"), rating).await
}

/// GET /public/topics without signing in, of one community (and what lies under it) or of all.
pub async fn public_topics(community: Option<Id>, cursor: Option<String>) -> ApiResult<Page<PublicTopic>> {
    let query = [
        ("community", community.map(|c| c.to_string()).unwrap_or_default()),
        ("cursor", cursor.unwrap_or_default()),
        ("limit", PAGE_SIZE.to_string()),
    ];
    get_public("/public/topics", &query).await
}

/// GET /public/topics/{id} without signing in.
pub async fn public_topic(id: Id) -> ApiResult<PublicTopic> {
    get_public(&format!("/public/topics/{id}"), &[]).await
}
