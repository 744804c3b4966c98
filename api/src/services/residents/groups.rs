//! A resident's target groups (目标群体: 老年人, 低保对象 …), set by the staff who verify residence
//! in the resident's area (the policy's [`Action::SetResidentTargetGroups`] row and scoped loader:
//! outside the caller's area is a 404). They decide which group-targeted surveys the resident may
//! answer and how results are broken down; being sensitive, they appear only on the staff view.

use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::json;
use shared::{AuditAction, AuditEntity, Id, Resident, TargetGroup};

use super::staff_view;
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::target_groups;
use crate::entities::stored::stored;
use crate::entities::{area, resident, resident_target_group};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};

/// The groups a resident is recorded in, in code order.
pub(crate) async fn of<C: ConnectionTrait>(db: &C, resident_id: Id) -> Result<Vec<TargetGroup>, ApiError> {
    let rows = resident_target_group::Entity::find()
        .filter(resident_target_group::Column::ResidentId.eq(resident_id))
        .order_by_asc(resident_target_group::Column::TargetGroup)
        .all(db)
        .await?;
    Ok(rows.iter().map(|r| stored(&r.target_group, "resident_target_groups", r.id)).collect::<Result<_, _>>()?)
}

/// Replaces the resident's groups (an empty list clears them); 422 naming every repeated group.
pub async fn set<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    groups: &[TargetGroup],
    request_id: Option<&str>,
) -> Result<Resident, ApiError> {
    policy::require(caller, Action::SetResidentTargetGroups)?;
    let current = policy::load::<resident::Entity, _>(db, caller, id).await?;
    let mut errors = FieldErrors::default();
    target_groups::check(groups, "/target_groups", &mut errors);
    errors.finish()?;
    let home = area::Entity::find_by_id(current.area_id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
    let before = of(db, id).await?;
    let after = target_groups::normalised(groups);
    resident_target_group::Entity::delete_many().filter(resident_target_group::Column::ResidentId.eq(id)).exec(db).await?;
    for g in &after {
        resident_target_group::ActiveModel { resident_id: Set(id), target_group: Set(g.as_str().into()), ..Default::default() }
            .insert(db)
            .await?;
    }
    if before != after {
        audit::record(
            db,
            Some(caller),
            request_id,
            Change {
                action: AuditAction::SetTargetGroups,
                entity: AuditEntity::User,
                entity_id: id,
                area: Some((home.id, &home.path)),
                before: Some(&json!({ "target_groups": before })),
                after: Some(&json!({ "target_groups": after })),
            },
        )
        .await?;
    }
    staff_view(db, caller, current).await
}
