//! Notifications (站内信): [`notify`] is the one call every domain makes when something concerns a
//! user; the inbox ([`inbox`]) and the preferences ([`preferences`]) are what the user reads and sets.
//!
//! `notify` writes in the caller's transaction, so an action that rolls back notifies nobody. It
//! skips the actor (nobody is told of what they did themselves) and every recipient who muted the
//! kind, and queues the webhook event `notification.created` for each notification it writes,
//! through the same outbox, signing and delivery worker as every other event.

mod inbox;
mod preferences;

pub use inbox::{NotificationFilter, list, mark_all_read, mark_read, unread_count};
pub use preferences::{get_preferences, set_preferences};

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use serde_json::json;
use shared::{Id, NOTIFICATION_CREATED, Notification, NotificationKind, NotificationSubject, SubjectKind};

use crate::domain::language::Lang;
use crate::domain::notification_text::{Facts, render};
use crate::entities::stored::{StoredValueInvalid, stored};
use crate::entities::{notification, notification_preference};
use crate::error::ApiError;
use crate::services::webhooks;

/// What happened, to whom it is told is the `recipients` of [`notify`].
pub struct Notice<'a> {
    pub kind: NotificationKind,
    pub subject: SubjectKind,
    /// The area path of the subject: webhook endpoints of that subtree hear of the notification.
    pub area_path: &'a str,
    /// What the text is written from (the subject's id included).
    pub facts: Facts,
}

/// Writes `notice` to the inbox of every recipient except `actor` and those who muted its kind,
/// and queues `notification.created` for each. Call inside the write that caused it. Returns how
/// many notifications were written.
pub async fn notify<C: ConnectionTrait>(
    db: &C,
    recipients: &[Id],
    actor: Option<Id>,
    notice: &Notice<'_>,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    let mut to: Vec<Id> = recipients.iter().copied().filter(|r| Some(*r) != actor).collect();
    to.sort_unstable();
    to.dedup();
    if to.is_empty() {
        return Ok(0);
    }
    let muted: Vec<Id> = notification_preference::Entity::find()
        .select_only()
        .column(notification_preference::Column::UserId)
        .filter(notification_preference::Column::UserId.is_in(to.clone()))
        .filter(notification_preference::Column::Kind.eq(notice.kind.as_str()))
        .filter(notification_preference::Column::Enabled.eq(false))
        .into_tuple()
        .all(db)
        .await?;
    to.retain(|r| !muted.contains(r));
    let params = serde_json::to_string(&notice.facts).map_err(anyhow::Error::from)?;
    let mut payloads = Vec::with_capacity(to.len());
    for recipient in &to {
        let saved = notification::ActiveModel {
            recipient_id: Set(*recipient),
            kind: Set(notice.kind.as_str().into()),
            subject_kind: Set(notice.subject.as_str().into()),
            subject_id: Set(notice.facts.id),
            params: Set(params.clone()),
            read_at: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
        payloads.push(webhook_payload(&saved, notice));
    }
    webhooks::enqueue_each(db, NOTIFICATION_CREATED, notice.area_path, &payloads, now).await?;
    Ok(to.len())
}

/// The body of `notification.created`: who it is for, what about, and its text in both languages,
/// so a mini-program backend can send its own subscription message.
fn webhook_payload(saved: &notification::Model, notice: &Notice<'_>) -> serde_json::Value {
    let text = |lang| {
        let t = render(notice.kind, &notice.facts, lang);
        json!({ "title": t.title, "body": t.body })
    };
    json!({
        "notification_id": saved.id,
        "recipient_id": saved.recipient_id,
        "kind": notice.kind,
        "subject": subject(notice.subject, notice.facts.id),
        "text": { "zh": text(Lang::Zh), "en": text(Lang::En) },
        "created_at": saved.created_at,
    })
}

fn subject(kind: SubjectKind, id: Id) -> NotificationSubject {
    // Shop orders live under `/shop/orders`; every other kind at `/<kind>s`.
    let link = match kind {
        SubjectKind::ShopOrder => format!("/api/v1/shop/orders/{id}"),
        SubjectKind::Activity => format!("/api/v1/activities/{id}"),
        SubjectKind::GiftOffer => format!("/api/v1/time-bank/gifts/{id}"),
        _ => format!("/api/v1/{}s/{id}", kind.as_str()),
    };
    NotificationSubject { kind, id, link }
}

/// The wire form of a stored notification, its text in `lang`.
pub(crate) fn to_dto(m: notification::Model, lang: Lang) -> Result<Notification, ApiError> {
    let kind: NotificationKind = stored(&m.kind, "notifications", m.id)?;
    let subject_kind: SubjectKind = stored(&m.subject_kind, "notifications", m.id)?;
    let facts: Facts = serde_json::from_str(&m.params).map_err(|_| {
        tracing::error!(table = "notifications", id = m.id, "params are not the facts of a notification");
        StoredValueInvalid { table: "notifications", id: m.id, kind: "notification facts", value: m.params.clone() }
    })?;
    let text = render(kind, &facts, lang);
    Ok(Notification {
        id: m.id,
        kind,
        subject: subject(subject_kind, m.subject_id),
        title: text.title,
        body: text.body,
        read: m.read_at.is_some(),
        read_at: m.read_at,
        created_at: m.created_at,
    })
}

/// Whether `recipient` was already told `kind` about this subject at or after `since` (a reminder
/// is sent once; a muted kind is never written, so it is looked for again, and skipped again).
pub async fn sent_since<C: ConnectionTrait>(
    db: &C,
    recipient: Id,
    kind: NotificationKind,
    subject: SubjectKind,
    subject_id: Id,
    since: DateTime<Utc>,
) -> Result<bool, ApiError> {
    use sea_orm::PaginatorTrait;
    let n = notification::Entity::find()
        .filter(notification::Column::RecipientId.eq(recipient))
        .filter(notification::Column::Kind.eq(kind.as_str()))
        .filter(notification::Column::SubjectKind.eq(subject.as_str()))
        .filter(notification::Column::SubjectId.eq(subject_id))
        .filter(notification::Column::CreatedAt.gte(since))
        .count(db)
        .await?;
    Ok(n > 0)
}
