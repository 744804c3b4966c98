//! Per-user preferences by kind: every kind is on until the user mutes it. A muted kind is not
//! written to the inbox at all (and so sends no `notification.created`).

use shared::{AuditAction, AuditEntity};
use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{FieldRule, NotificationKind, NotificationPreference, NotificationPreferences, NotificationPreferencesUpdate};

use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::entities::notification_preference;
use crate::entities::stored::stored;
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};

/// Every kind with whether it is on for the caller.
pub async fn get_preferences<C: ConnectionTrait>(db: &C, caller: &Caller) -> Result<NotificationPreferences, ApiError> {
    policy::require(caller, Action::ReadOwnNotifications)?;
    let rows = notification_preference::Entity::find().filter(notification_preference::Column::UserId.eq(caller.id)).all(db).await?;
    let mut set: HashMap<NotificationKind, bool> = HashMap::new();
    for row in rows {
        set.insert(stored(&row.kind, "notification_preferences", row.id)?, row.enabled);
    }
    let preferences = NotificationKind::ALL
        .into_iter()
        .map(|kind| NotificationPreference { kind, enabled: set.get(&kind).copied().unwrap_or(true) })
        .collect();
    Ok(NotificationPreferences { preferences })
}

/// Sets the kinds listed (each at most once); the others stay as they are.
pub async fn set_preferences<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    update: &NotificationPreferencesUpdate,
    request_id: Option<&str>,
) -> Result<NotificationPreferences, ApiError> {
    policy::require(caller, Action::ReadOwnNotifications)?;
    let mut errors = FieldErrors::default();
    for (i, p) in update.preferences.iter().enumerate() {
        if update.preferences[..i].iter().any(|q| q.kind == p.kind) {
            errors.add(&format!("/preferences/{i}/kind"), FieldRule::Duplicate, "each kind once");
        }
    }
    errors.finish()?;
    let before = get_preferences(db, caller).await?;
    let kinds: Vec<&str> = update.preferences.iter().map(|p| p.kind.as_str()).collect();
    notification_preference::Entity::delete_many()
        .filter(notification_preference::Column::UserId.eq(caller.id))
        .filter(notification_preference::Column::Kind.is_in(kinds))
        .exec(db)
        .await?;
    let rows: Vec<notification_preference::ActiveModel> = update
        .preferences
        .iter()
        .map(|p| notification_preference::ActiveModel {
            user_id: Set(caller.id),
            kind: Set(p.kind.as_str().into()),
            enabled: Set(p.enabled),
            ..Default::default()
        })
        .collect();
    if !rows.is_empty() {
        notification_preference::Entity::insert_many(rows).exec(db).await?;
    }
    let after = get_preferences(db, caller).await?;
    let change = Change {
        action: AuditAction::Update,
        entity: AuditEntity::NotificationPreferences,
        entity_id: caller.id,
        area: None,
        before: Some(&before),
        after: Some(&after),
    };
    audit::record(db, Some(caller), request_id, change).await?;
    Ok(after)
}
