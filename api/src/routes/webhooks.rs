//! `/api/v1/webhooks…`: outgoing webhooks — register endpoints, read their delivery logs, send a test,
//! replay a delivery.
//!
//! Every delivery is a POST of JSON with `X-Happyhome-Event`, `X-Happyhome-Delivery`,
//! `X-Happyhome-Timestamp` and `X-Happyhome-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`.

use actix_web::{HttpResponse, get, patch, post, web};
use serde::Deserialize;
use shared::{DeliveryStatus, Id, NewWebhook, Page, Webhook, WebhookDelivery, WebhookPatch};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::idempotency::IdempotencyKey;
use crate::http::json::ValidJson;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::page::PageRequest;
use crate::services::webhooks;
use crate::state::AppState;

/// Page of the webhook list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WebhookListQuery {
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

/// Filter and page of a delivery log.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveryListQuery {
    #[param(inline)]
    status: Option<DeliveryStatus>,
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

/// Your webhook endpoints (every endpoint, for the platform admin), newest first.
#[utoipa::path(tag = "webhooks", params(WebhookListQuery), responses((status = 200, body = Page<Webhook>), ReadErrors), security(("bearer" = [])))]
#[get("/webhooks")]
async fn list_webhooks(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<WebhookListQuery>,
) -> ApiResult<web::Json<Page<Webhook>>> {
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, "-id")?;
    Ok(web::Json(webhooks::list(&state.db, &caller, page).await?))
}

/// Register an endpoint. It receives the events of your home area's subtree (everything, for the
/// platform admin) that it subscribes to; the secret signs every delivery and is never shown again.
#[utoipa::path(tag = "webhooks", request_body(content = NewWebhook, example = json!({"url": "https://example.org/happyhome/hooks", "secret": "s3cret-signing-key-2026", "events": ["need.created", "need.dispatch"]})),
    params(("Idempotency-Key" = Option<String>, Header, description = "Retrying with the same key returns the first response instead of creating again", pattern = "^[!-~]{1,255}$", example = "5f0c7e2a-1b9d-4c3e-8a67-2d41f9b0c6e5")),
    responses((status = 201, body = Webhook), WriteErrors), security(("bearer" = [])))]
#[post("/webhooks")]
async fn create_webhook(
    state: web::Data<AppState>,
    caller: AuthUser,
    key: IdempotencyKey,
    request_id: RequestId,
    body: ValidJson<NewWebhook>,
) -> ApiResult<HttpResponse> {
    crate::create_idempotently!(state, caller, key, body, |db| webhooks::create(
        db,
        &caller,
        &body.value,
        state.clock.now(),
        Some(&request_id.0)
    ))
}

/// One webhook endpoint.
#[utoipa::path(tag = "webhooks", params(("id" = i64, Path, description = "Webhook id", example = 1)), responses((status = 200, body = Webhook), ReadErrors), security(("bearer" = [])))]
#[get("/webhooks/{id}")]
async fn get_webhook(state: web::Data<AppState>, caller: AuthUser, id: web::Path<Id>) -> ApiResult<web::Json<Webhook>> {
    Ok(web::Json(webhooks::get(&state.db, &caller, id.into_inner()).await?))
}

/// Change an endpoint's URL, secret or events, or switch it off (its pending deliveries then fail).
#[utoipa::path(tag = "webhooks", request_body(content = WebhookPatch, example = json!({"active": true})), params(("id" = i64, Path, description = "Webhook id", example = 1)),
    responses((status = 200, body = Webhook), WriteErrors), security(("bearer" = [])))]
#[patch("/webhooks/{id}")]
async fn update_webhook(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Id>,
    request_id: RequestId,
    body: ValidJson<WebhookPatch>,
) -> ApiResult<web::Json<Webhook>> {
    let txn = state.begin_write().await?;
    let webhook = webhooks::update(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(webhook))
}

/// The endpoint's delivery log, newest first: status, attempts, the receiver's last answer, the body sent.
#[utoipa::path(tag = "webhooks", params(("id" = i64, Path, description = "Webhook id", example = 1), DeliveryListQuery),
    responses((status = 200, body = Page<WebhookDelivery>), ReadErrors), security(("bearer" = [])))]
#[get("/webhooks/{id}/deliveries")]
async fn list_deliveries(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Id>,
    ValidQuery(query): ValidQuery<DeliveryListQuery>,
) -> ApiResult<web::Json<Page<WebhookDelivery>>> {
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, "-id")?;
    Ok(web::Json(webhooks::deliveries(&state.db, &caller, id.into_inner(), query.status, page).await?))
}

/// Queue a `ping` delivery to the endpoint, whatever it subscribes to, to check the receiver and
/// its signature check. Answers at once; the delivery log shows the outcome.
#[utoipa::path(tag = "webhooks", params(("id" = i64, Path, description = "Webhook id", example = 1)),
    responses((status = 202, body = WebhookDelivery), WriteErrors), security(("bearer" = [])))]
#[post("/webhooks/{id}/test")]
async fn test_webhook(state: web::Data<AppState>, caller: AuthUser, id: web::Path<Id>, request_id: RequestId) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    let delivery = webhooks::ping(&txn.txn, &caller, id.into_inner(), state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Accepted().json(delivery))
}

/// Send one delivery of the endpoint again: a new pending delivery with the same event and data and
/// an id of its own, whatever became of the original. Answers at once; the delivery log shows the
/// outcome. The endpoint must be active.
#[utoipa::path(tag = "webhooks",
    params(("id" = i64, Path, description = "Webhook id", example = 1), ("delivery_id" = i64, Path, description = "Id of the delivery to send again", example = 1)),
    responses((status = 202, body = WebhookDelivery), WriteErrors), security(("bearer" = [])))]
#[post("/webhooks/{id}/deliveries/{delivery_id}/replay")]
async fn replay_delivery(
    state: web::Data<AppState>,
    caller: AuthUser,
    path: web::Path<(Id, Id)>,
    request_id: RequestId,
) -> ApiResult<HttpResponse> {
    let (id, delivery_id) = path.into_inner();
    let txn = state.begin_write().await?;
    let delivery = webhooks::replay(&txn.txn, &caller, id, delivery_id, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Accepted().json(delivery))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_webhooks)
        .service(create_webhook)
        .service(get_webhook)
        .service(update_webhook)
        .service(list_deliveries)
        .service(test_webhook)
        .service(replay_delivery);
}
