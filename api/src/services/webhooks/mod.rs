//! Outgoing webhooks (事件推送): endpoints integration clients register, and their delivery logs.
//! A platform admin sees every endpoint; everyone else sees only the endpoints they registered.
//! Queueing and sending live in [`delivery`].

mod delivery;
mod subscriptions;

pub use delivery::{deliver_due, enqueue, enqueue_each, retry_delay, spawn_worker};

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use shared::{AuditAction, AuditEntity};
use shared::{DeliveryStatus, FieldRule, Id, NewWebhook, PING, Page, Webhook, WebhookDelivery, WebhookPatch, webhook_events};

use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::scope::{Scope, path_ids};
use crate::entities::stored::{StoredValueInvalid, stored};
use crate::entities::{webhook_delivery, webhook_endpoint};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};
use crate::services::page::{Keyset, PageRequest};

/// The wire form of an endpoint with its subscribed events (empty: every event).
fn to_dto(m: webhook_endpoint::Model, events: Vec<String>) -> Webhook {
    Webhook { id: m.id, owner_id: m.owner_id, url: m.url, events, active: m.active, created_at: m.created_at, updated_at: m.updated_at }
}

fn to_delivery_dto(m: webhook_delivery::Model) -> Result<WebhookDelivery, StoredValueInvalid> {
    let status = stored(&m.status, "webhook_deliveries", m.id)?;
    let payload = serde_json::from_str(&m.payload).unwrap_or(serde_json::Value::String(m.payload));
    Ok(WebhookDelivery {
        id: m.id,
        endpoint_id: m.endpoint_id,
        event: m.event,
        status,
        attempts: m.attempts,
        next_attempt_at: m.next_attempt_at,
        last_status: m.last_status,
        last_error: m.last_error,
        created_at: m.created_at,
        delivered_at: m.delivered_at,
        payload,
    })
}

/// The area an endpoint's audit entries belong to: the last area on its path (none for "/").
fn audit_area(path: &str) -> Option<(Id, &str)> {
    path_ids(path).last().map(|id| (*id, path))
}

/// Checks the URL (beyond the schema's pattern) and every event name, reporting all at once.
fn check(url: Option<&str>, events: Option<&[String]>) -> Result<(), ApiError> {
    let mut errors = FieldErrors::default();
    if let Some(url) = url {
        let ok =
            reqwest::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty()));
        if !ok {
            errors.add("/url", FieldRule::InvalidFormat, "an absolute http:// or https:// URL with a host");
        }
    }
    let known = webhook_events();
    for (i, event) in events.unwrap_or_default().iter().enumerate() {
        if !known.contains(event) {
            errors.add(&format!("/events/{i}"), FieldRule::UnknownEvent, format!("not an event; one of {}", known.join(", ")));
        }
    }
    Ok(errors.finish()?)
}

/// Endpoints in wire form, their subscriptions loaded with one query.
async fn to_dtos<C: ConnectionTrait>(db: &C, rows: Vec<webhook_endpoint::Model>) -> Result<Vec<Webhook>, ApiError> {
    let mut events = subscriptions::events_of(db, &rows.iter().map(|m| m.id).collect::<Vec<_>>()).await?;
    Ok(rows.into_iter().map(|m| to_dto(m.clone(), events.remove(&m.id).unwrap_or_default())).collect())
}

async fn dto_of<C: ConnectionTrait>(db: &C, m: webhook_endpoint::Model) -> Result<Webhook, ApiError> {
    let mut events = subscriptions::events_of(db, &[m.id]).await?;
    Ok(to_dto(m.clone(), events.remove(&m.id).unwrap_or_default()))
}

pub async fn list<C: ConnectionTrait>(db: &C, caller: &Caller, page: PageRequest) -> Result<Page<Webhook>, ApiError> {
    let keyset = Keyset::<webhook_endpoint::Entity> {
        name: "-id",
        column: None,
        desc: true,
        id: webhook_endpoint::Column::Id,
        key_of: |m| (None, m.id),
    };
    let (rows, next_cursor) = page.fetch(db, policy::visible::<webhook_endpoint::Entity>(caller)?, &keyset).await?;
    Ok(Page { items: to_dtos(db, rows).await?, next_cursor })
}

pub async fn get<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<Webhook, ApiError> {
    dto_of(db, policy::load::<webhook_endpoint::Entity, _>(db, caller, id).await?).await
}

/// Registers an endpoint for the caller's home-area subtree (the whole tree for the platform admin).
pub async fn create<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    new: &NewWebhook,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Webhook, ApiError> {
    policy::require(caller, Action::ManageWebhooks)?;
    check(Some(&new.url), Some(&new.events))?;
    let area_path = Scope::of(caller).prefix().unwrap_or("/").to_owned();
    let saved = webhook_endpoint::ActiveModel {
        owner_id: Set(caller.id),
        area_path: Set(area_path.clone()),
        url: Set(new.url.clone()),
        secret: Set(new.secret.clone()),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    subscriptions::replace(db, saved.id, &new.events).await?;
    let dto = dto_of(db, saved).await?;
    let change = Change {
        action: AuditAction::Create,
        entity: AuditEntity::Webhook,
        entity_id: dto.id,
        area: audit_area(&area_path),
        before: None,
        after: Some(&dto),
    };
    audit::record(db, Some(caller), request_id, change).await?;
    Ok(dto)
}

/// Changes an endpoint's URL, secret, events or status. The secret is audited only as "changed".
pub async fn update<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    patch: &WebhookPatch,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Webhook, ApiError> {
    let current = policy::load::<webhook_endpoint::Entity, _>(db, caller, id).await?;
    check(patch.url.as_deref(), patch.events.as_deref())?;
    let area_path = current.area_path.clone();
    let before = dto_of(db, current.clone()).await?;
    let mut model: webhook_endpoint::ActiveModel = current.into();
    if let Some(url) = &patch.url {
        model.url = Set(url.clone());
    }
    if let Some(secret) = &patch.secret {
        model.secret = Set(secret.clone());
    }
    if let Some(events) = &patch.events {
        subscriptions::replace(db, id, events).await?;
    }
    if let Some(active) = patch.active {
        model.active = Set(active);
    }
    model.updated_at = Set(now);
    let after = dto_of(db, model.update(db).await?).await?;
    let change = Change {
        action: AuditAction::Update,
        entity: AuditEntity::Webhook,
        entity_id: id,
        area: audit_area(&area_path),
        before: Some(&before),
        after: Some(&after),
    };
    audit::record(db, Some(caller), request_id, change).await?;
    Ok(after)
}

/// An endpoint's deliveries, newest first.
pub async fn deliveries<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    status: Option<DeliveryStatus>,
    page: PageRequest,
) -> Result<Page<WebhookDelivery>, ApiError> {
    let endpoint = policy::load::<webhook_endpoint::Entity, _>(db, caller, id).await?;
    let mut select = webhook_delivery::Entity::find().filter(webhook_delivery::Column::EndpointId.eq(endpoint.id));
    if let Some(status) = status {
        select = select.filter(webhook_delivery::Column::Status.eq(status.as_str()));
    }
    let keyset = Keyset::<webhook_delivery::Entity> {
        name: "-id",
        column: None,
        desc: true,
        id: webhook_delivery::Column::Id,
        key_of: |m| (None, m.id),
    };
    let (rows, next_cursor) = page.fetch(db, select, &keyset).await?;
    Ok(Page { items: rows.into_iter().map(to_delivery_dto).collect::<Result<_, _>>()?, next_cursor })
}

/// Queues a `ping` to one endpoint, whatever it subscribes to, so a client can check its receiver.
pub async fn ping<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<WebhookDelivery, ApiError> {
    let endpoint = policy::load::<webhook_endpoint::Entity, _>(db, caller, id).await?;
    if !endpoint.active {
        return Err(ApiError::Conflict("the webhook is inactive; activate it first".into()));
    }
    let data = json!({ "webhook_id": endpoint.id, "message": "幸福家园 webhook test" });
    let queued = delivery::insert(db, endpoint.id, PING, &data, now).await?;
    let area_path = endpoint.area_path.clone();
    let dto = dto_of(db, endpoint).await?;
    let change = Change {
        action: AuditAction::Test,
        entity: AuditEntity::Webhook,
        entity_id: dto.id,
        area: audit_area(&area_path),
        before: None,
        after: Some(&dto),
    };
    audit::record(db, Some(caller), request_id, change).await?;
    Ok(to_delivery_dto(queued)?)
}

/// Queues one of an endpoint's deliveries again as a new pending delivery with the same event and
/// data, whatever became of the original (a receiver that lost it or rejected it when it was broken).
/// The copy has its own id (in `X-Happyhome-Delivery` and the body), so a receiver that drops repeats
/// by id takes it; the worker claims it like any other row, so several instances send it once.
pub async fn replay<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    delivery_id: Id,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<WebhookDelivery, ApiError> {
    policy::require(caller, Action::ReplayWebhookDeliveries)?;
    let endpoint = policy::load::<webhook_endpoint::Entity, _>(db, caller, id).await?;
    let original = webhook_delivery::Entity::find_by_id(delivery_id)
        .filter(webhook_delivery::Column::EndpointId.eq(endpoint.id))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("delivery"))?;
    if !endpoint.active {
        return Err(ApiError::Conflict("the webhook is inactive; activate it first".into()));
    }
    let body: serde_json::Value = serde_json::from_str(&original.payload).unwrap_or_default();
    let data = body.get("data").cloned().unwrap_or(serde_json::Value::Null);
    let queued = to_delivery_dto(delivery::insert(db, endpoint.id, &original.event, &data, now).await?)?;
    let after = json!({ "replay_of": original.id, "delivery_id": queued.id, "event": queued.event });
    let change = Change {
        action: AuditAction::Replay,
        entity: AuditEntity::Webhook,
        entity_id: endpoint.id,
        area: audit_area(&endpoint.area_path),
        before: None,
        after: Some(&after),
    };
    audit::record(db, Some(caller), request_id, change).await?;
    Ok(queued)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_events_are_named_by_position() {
        let events = vec!["need.created".to_owned(), "need.teleport".to_owned()];
        match check(Some("ftp://x"), Some(&events)) {
            Err(ApiError::Validation(errors)) => {
                let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
                assert_eq!(fields, ["/url", "/events/1"]);
            }
            other => panic!("expected field errors, got {other:?}"),
        }
    }
}
