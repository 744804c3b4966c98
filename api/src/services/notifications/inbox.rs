//! The caller's inbox: newest first with keyset pages, the unread count, marking read. Every row is
//! reached through the policy's scoped loader, whose rule for notifications is "the recipient only"
//! (another user's notification is 404).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use shared::{AuditAction, AuditEntity};
use shared::{Id, MarkedRead, Notification, NotificationKind, Page, UnreadCount};

use super::to_dto;
use crate::domain::caller::Caller;
use crate::domain::language::Lang;
use crate::entities::notification;
use crate::error::ApiError;
use crate::policy::{self, Action, Scoped};
use crate::services::audit::{self, Change};
use crate::services::page::{Keyset, PageRequest};

/// Which notifications a list shows.
#[derive(Debug, Default, Clone, Copy)]
pub struct NotificationFilter {
    /// `true`: unread only; `false`: read only.
    pub unread: Option<bool>,
    pub kind: Option<NotificationKind>,
}

fn newest_first() -> Keyset<notification::Entity> {
    Keyset { name: "-id", column: None, desc: true, id: notification::Column::Id, key_of: |m| (None, m.id) }
}

/// One page of the caller's notifications, newest first.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    filter: NotificationFilter,
    page: PageRequest,
    lang: Lang,
) -> Result<Page<Notification>, ApiError> {
    let mut select = policy::visible::<notification::Entity>(caller)?;
    match filter.unread {
        Some(true) => select = select.filter(notification::Column::ReadAt.is_null()),
        Some(false) => select = select.filter(notification::Column::ReadAt.is_not_null()),
        None => {}
    }
    if let Some(kind) = filter.kind {
        select = select.filter(notification::Column::Kind.eq(kind.as_str()));
    }
    let (rows, next_cursor) = page.fetch(db, select, &newest_first()).await?;
    Ok(Page { items: rows.into_iter().map(|m| to_dto(m, lang)).collect::<Result<_, _>>()?, next_cursor })
}

/// How many of the caller's notifications are unread: one count over the inbox index.
pub async fn unread_count<C: ConnectionTrait>(db: &C, caller: &Caller) -> Result<UnreadCount, ApiError> {
    let unread = policy::visible::<notification::Entity>(caller)?.filter(notification::Column::ReadAt.is_null()).count(db).await?;
    Ok(UnreadCount { unread: i64::try_from(unread).unwrap_or(i64::MAX) })
}

/// Marks one of the caller's notifications read (again: no change). Another user's is 404.
pub async fn mark_read<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    now: DateTime<Utc>,
    lang: Lang,
    request_id: Option<&str>,
) -> Result<Notification, ApiError> {
    let current = policy::load::<notification::Entity, _>(db, caller, id).await?;
    if current.read_at.is_some() {
        return to_dto(current, lang);
    }
    notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(now))
        .filter(notification::Column::Id.eq(id))
        .exec(db)
        .await?;
    let before = to_dto(current.clone(), lang)?;
    // Read back, so the answer shows the time as stored (PostgreSQL keeps microseconds).
    let after = to_dto(policy::load::<notification::Entity, _>(db, caller, id).await?, lang)?;
    let change = Change {
        action: AuditAction::Read,
        entity: AuditEntity::Notification,
        entity_id: id,
        area: None,
        before: Some(&before),
        after: Some(&after),
    };
    audit::record(db, Some(caller), request_id, change).await?;
    Ok(after)
}

/// Marks every unread notification of the caller read.
pub async fn mark_all_read<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<MarkedRead, ApiError> {
    policy::require(caller, Action::ReadOwnNotifications)?;
    let result = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(now))
        .filter(<notification::Entity as Scoped>::reach(caller))
        .filter(notification::Column::ReadAt.is_null())
        .exec(db)
        .await?;
    let marked = MarkedRead { marked: result.rows_affected };
    let change = Change {
        action: AuditAction::ReadAll,
        entity: AuditEntity::Notification,
        entity_id: caller.id,
        area: None,
        before: None,
        after: Some(&marked),
    };
    audit::record(db, Some(caller), request_id, change).await?;
    Ok(marked)
}
