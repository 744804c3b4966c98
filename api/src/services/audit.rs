//! Recording and reading the audit trail. Every write calls [`record`] in its own transaction.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::Serialize;
use shared::{AuditAction, AuditEntity, AuditEntry, Id, Page};

use crate::domain::caller::Caller;
use crate::domain::scope::Scope;
use crate::entities::audit_log;
use crate::entities::stored::stored;
use crate::error::ApiError;
use crate::services::page::{Keyset, PageRequest};

/// One change to record.
pub struct Change<'a, T: Serialize> {
    pub action: AuditAction,
    pub entity: AuditEntity,
    pub entity_id: Id,
    /// The area the record belongs to (id and path), which scopes who can read the entry.
    pub area: Option<(Id, &'a str)>,
    pub before: Option<&'a T>,
    pub after: Option<&'a T>,
}

/// Writes one audit entry. `actor` is `None` for the system (CLI, demo seeding).
pub async fn record<C: ConnectionTrait, T: Serialize>(
    db: &C,
    actor: Option<&Caller>,
    request_id: Option<&str>,
    change: Change<'_, T>,
) -> Result<(), ApiError> {
    let to_json = |v: Option<&T>| v.map(serde_json::to_value).transpose().map_err(anyhow::Error::from);
    audit_log::ActiveModel {
        at: Set(Utc::now()),
        actor_id: Set(actor.map(|a| a.id)),
        actor_username: Set(actor.map(|a| a.username.clone())),
        action: Set(change.action.as_str().into()),
        entity: Set(change.entity.as_str().into()),
        entity_id: Set(change.entity_id),
        area_id: Set(change.area.map(|(id, _)| id)),
        area_path: Set(change.area.map(|(_, path)| path.to_owned())),
        before: Set(to_json(change.before)?),
        after: Set(to_json(change.after)?),
        request_id: Set(request_id.filter(|r| !r.is_empty()).map(str::to_owned)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Filters of the audit list.
pub struct AuditFilter {
    pub entity: Option<AuditEntity>,
    pub entity_id: Option<Id>,
    pub actor_id: Option<Id>,
}

/// Newest first, within the caller's scope. Entries without an area (system changes) are shown only
/// to those who see everything.
pub async fn list<C: ConnectionTrait>(db: &C, scope: &Scope, filter: AuditFilter, page: PageRequest) -> Result<Page<AuditEntry>, ApiError> {
    let mut select = audit_log::Entity::find().filter(scope.path_condition(audit_log::Column::AreaPath));
    if !scope.is_global() {
        select = select.filter(audit_log::Column::AreaPath.is_not_null());
    }
    if let Some(entity) = filter.entity {
        select = select.filter(audit_log::Column::Entity.eq(entity.as_str()));
    }
    if let Some(id) = filter.entity_id {
        select = select.filter(audit_log::Column::EntityId.eq(id));
    }
    if let Some(id) = filter.actor_id {
        select = select.filter(audit_log::Column::ActorId.eq(id));
    }
    let keyset = Keyset::<audit_log::Entity> { name: "-id", column: None, desc: true, id: audit_log::Column::Id, key_of: |m| (None, m.id) };
    let (rows, next_cursor) = page.fetch(db, select, &keyset).await?;
    let items = rows
        .into_iter()
        .map(|m| -> Result<AuditEntry, ApiError> {
            Ok(AuditEntry {
                id: m.id,
                at: m.at,
                actor_id: m.actor_id,
                actor_username: m.actor_username,
                action: stored(&m.action, "audit_log", m.id)?,
                entity: stored(&m.entity, "audit_log", m.id)?,
                entity_id: m.entity_id,
                area_id: m.area_id,
                before: m.before,
                after: m.after,
                request_id: m.request_id,
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(Page { items, next_cursor })
}
