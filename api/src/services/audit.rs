//! Recording and reading the audit trail. Every write calls [`record`] in its own transaction.

use std::collections::{BTreeSet, HashMap};

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select, Set};
use serde::Serialize;
use shared::{AuditAction, AuditEntity, AuditEntry, CountedPage, Id, Labelled, Lang, Role};

use crate::domain::caller::Caller;
use crate::domain::masking::mask_name;
use crate::domain::scope::Scope;
use crate::entities::stored::stored;
use crate::entities::{audit_log, user};
use crate::error::ApiError;
use crate::services::page::{Keyset, PageRequest};
use crate::services::search::{DayRange, Keyword};
use crate::services::spreadsheet::{MAX_EXPORT_ROWS, Table, within_export_limit};

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
    pub action: Option<AuditAction>,
    /// `#id` of the changed record, or part of the operator's account or of the request id.
    pub q: Option<String>,
    /// Days in China, inclusive.
    pub days: DayRange,
}

/// The caller's entries matching `filter`. Entries without an area (system changes) are shown only
/// to those who see everything.
fn filtered(scope: &Scope, filter: &AuditFilter) -> Select<audit_log::Entity> {
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
    if let Some(action) = filter.action {
        select = select.filter(audit_log::Column::Action.eq(action.as_str()));
    }
    if let Some(q) = Keyword::parse(filter.q.as_deref()) {
        select = select.filter(q.condition(audit_log::Column::EntityId, &[audit_log::Column::ActorUsername, audit_log::Column::RequestId]));
    }
    match filter.days.condition(audit_log::Column::At) {
        Some(days) => select.filter(days),
        None => select,
    }
}

fn keyset() -> Keyset<audit_log::Entity> {
    Keyset { name: "-id", column: None, desc: true, id: audit_log::Column::Id, key_of: |m| (None, m.id) }
}

/// Newest first, within the caller's scope, with the total matching.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    scope: &Scope,
    filter: AuditFilter,
    page: PageRequest,
) -> Result<CountedPage<AuditEntry>, ApiError> {
    let (rows, next_cursor, total) = page.fetch_counted(db, filtered(scope, &filter), &keyset()).await?;
    Ok(CountedPage { items: entries(db, rows).await?, next_cursor, total })
}

/// Every entry `filter` selects, newest first, for an export.
pub async fn all<C: ConnectionTrait>(db: &C, scope: &Scope, filter: AuditFilter) -> Result<Vec<AuditEntry>, ApiError> {
    let rows = filtered(scope, &filter).order_by_desc(audit_log::Column::Id).limit(MAX_EXPORT_ROWS + 1).all(db).await?;
    entries(db, within_export_limit(rows, "from", "date, operator or action")?).await
}

/// The wire entries, each operator named as staff know them. A resident who acted is named masked:
/// the trail's readers (admins) do not handle residents' personal data.
async fn entries<C: ConnectionTrait>(db: &C, rows: Vec<audit_log::Model>) -> Result<Vec<AuditEntry>, ApiError> {
    let ids: Vec<Id> = rows.iter().filter_map(|m| m.actor_id).collect::<BTreeSet<_>>().into_iter().collect();
    let names: HashMap<Id, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| {
            let name = if u.role == Role::Resident.as_str() { mask_name(&u.display_name) } else { u.display_name };
            (u.id, name)
        })
        .collect();
    rows.into_iter()
        .map(|m| -> Result<AuditEntry, ApiError> {
            Ok(AuditEntry {
                id: m.id,
                at: m.at,
                actor_id: m.actor_id,
                actor_name: m.actor_id.and_then(|id| names.get(&id).cloned()),
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
        .collect()
}

/// The entries as one sheet (审计日志) in `lang`: operators by name, actions and objects as words.
pub fn table(entries: &[AuditEntry], lang: Lang) -> Table {
    let mut table = Table::new(
        lang,
        ("审计日志", "Audit trail"),
        &[
            ("编号", "ID"),
            ("时间", "Time"),
            ("操作人", "Operator"),
            ("账号", "Account"),
            ("操作", "Action"),
            ("对象", "Object"),
            ("对象编号", "Object ID"),
            ("请求编号", "Request ID"),
        ],
    );
    for e in entries {
        table.rows.push(vec![
            e.id.into(),
            e.at.into(),
            e.actor_name.clone().unwrap_or_else(|| lang.pick(("系统", "System")).to_owned()).into(),
            e.actor_username.clone().into(),
            e.action.label(lang).into(),
            e.entity.label(lang).into(),
            e.entity_id.into(),
            e.request_id.clone().into(),
        ]);
    }
    table
}
