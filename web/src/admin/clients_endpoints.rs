//! Typed calls of the integration-client endpoints (`/integration-clients…`).

use chrono::NaiveDate;
use gloo_net::http::Method;
use shared::{ClientUsage, Id, IntegrationClient, IntegrationClientSecret, NewIntegrationClient, Page};

use crate::common::api::{ApiResult, PAGE_SIZE, get, send_json};

/// GET /integration-clients, one page.
pub async fn clients(cursor: Option<String>) -> ApiResult<Page<IntegrationClient>> {
    let mut query = vec![("limit", PAGE_SIZE.to_string())];
    if let Some(cursor) = cursor {
        query.push(("cursor", cursor));
    }
    get("/integration-clients", &query).await
}

/// GET /integration-clients/{id}.
pub async fn client(id: Id) -> ApiResult<IntegrationClient> {
    get(&format!("/integration-clients/{id}"), &[]).await
}

/// POST /integration-clients: the answer holds the secret, once.
pub async fn register_client(new: &NewIntegrationClient) -> ApiResult<IntegrationClientSecret> {
    send_json(Method::POST, "/integration-clients", new).await
}

/// POST /integration-clients/{id}/rotate-secret: a new secret, once; the old one works for the grace period.
pub async fn rotate_secret(id: Id) -> ApiResult<IntegrationClientSecret> {
    send_json(Method::POST, &format!("/integration-clients/{id}/rotate-secret"), &serde_json::json!({})).await
}

/// POST /integration-clients/{id}/revoke.
pub async fn revoke_client(id: Id) -> ApiResult<IntegrationClient> {
    send_json(Method::POST, &format!("/integration-clients/{id}/revoke"), &serde_json::json!({})).await
}

/// GET /integration-clients/{id}/usage: per China day, newest first (the last 30 days when no range).
pub async fn client_usage(id: Id, from: Option<NaiveDate>, to: Option<NaiveDate>) -> ApiResult<ClientUsage> {
    let mut query = Vec::new();
    if let Some(from) = from {
        query.push(("from", from.to_string()));
    }
    if let Some(to) = to {
        query.push(("to", to.to_string()));
    }
    get(&format!("/integration-clients/{id}/usage"), &query).await
}

/// Today's date in China, the day the usage report counts by.
pub fn china_today() -> NaiveDate {
    let millis = js_sys::Date::now() as i64 + 8 * 3600 * 1000;
    chrono::DateTime::from_timestamp_millis(millis).map(|t| t.date_naive()).unwrap_or_default()
}
