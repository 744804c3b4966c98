//! Typed calls of the webhook endpoints (`/webhooks…`).

use gloo_net::http::Method;
use shared::{DeliveryStatus, Id, NewWebhook, Page, Webhook, WebhookDelivery, WebhookPatch};

use crate::common::api::{ApiResult, PAGE_SIZE, get, post_once, send_json};

/// Deliveries per page of an endpoint's log.
const DELIVERIES_PAGE: u64 = 20;

/// GET /webhooks, one page.
pub async fn webhooks(cursor: Option<String>) -> ApiResult<Page<Webhook>> {
    let mut query = vec![("limit", PAGE_SIZE.to_string())];
    if let Some(cursor) = cursor {
        query.push(("cursor", cursor));
    }
    get("/webhooks", &query).await
}

/// GET /webhooks/{id}.
pub async fn webhook(id: Id) -> ApiResult<Webhook> {
    get(&format!("/webhooks/{id}"), &[]).await
}

/// POST /webhooks, with an idempotency key so a retried click registers once.
pub async fn register_webhook(new: &NewWebhook, key: &str) -> ApiResult<Webhook> {
    post_once("/webhooks", new, key).await
}

/// PATCH /webhooks/{id}.
pub async fn patch_webhook(id: Id, patch: &WebhookPatch) -> ApiResult<Webhook> {
    send_json(Method::PATCH, &format!("/webhooks/{id}"), patch).await
}

/// GET /webhooks/{id}/deliveries, one page, optionally of one status.
pub async fn deliveries(
    id: Id,
    status: Option<DeliveryStatus>,
    cursor: Option<String>,
    limit: Option<u64>,
) -> ApiResult<Page<WebhookDelivery>> {
    let mut query = vec![("limit", limit.unwrap_or(DELIVERIES_PAGE).to_string())];
    if let Some(status) = status {
        query.push(("status", status.as_str().to_owned()));
    }
    if let Some(cursor) = cursor {
        query.push(("cursor", cursor));
    }
    get(&format!("/webhooks/{id}/deliveries"), &query).await
}

/// POST /webhooks/{id}/test: queues a `ping`.
pub async fn test_webhook(id: Id) -> ApiResult<WebhookDelivery> {
    send_json(Method::POST, &format!("/webhooks/{id}/test"), &serde_json::json!({})).await
}

/// POST /webhooks/{id}/deliveries/{delivery_id}/replay: queues the delivery again as a new one.
pub async fn replay_delivery(id: Id, delivery_id: Id) -> ApiResult<WebhookDelivery> {
    send_json(Method::POST, &format!("/webhooks/{id}/deliveries/{delivery_id}/replay"), &serde_json::json!({})).await
}
