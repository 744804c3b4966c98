//! Queuing a plan: what it covers (an area's subtree, optional filters) checked and stored, and the
//! creation audited; the job that solves it is spawned by the caller once this commits.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use shared::{AreaKind, FieldRule, NewPlan, Plan, PlanStatus};
use shared::{AuditAction, AuditEntity};

use super::Target;
use super::read::to_dtos;
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::need_categories;
use crate::entities::matching_plan;
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};

pub(super) async fn insert<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    target: Target,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Plan, ApiError> {
    let Target { area, category, urgency, parent_id } = target;
    let saved = matching_plan::ActiveModel {
        area_id: Set(area.0),
        area_path: Set(area.1.clone()),
        category: Set(category),
        urgency: Set(urgency),
        status: Set(PlanStatus::Queued.as_str().into()),
        progress: Set(0),
        parent_id: Set(parent_id),
        created_by: Set(caller.id),
        created_at: Set(now),
        need_count: Set(0),
        assigned_count: Set(0),
        total_score: Set(0),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let dto = to_dtos(db, vec![saved]).await?.remove(0);
    let change = Change {
        action: AuditAction::Create,
        entity: AuditEntity::Plan,
        entity_id: dto.id,
        area: Some((area.0, &area.1)),
        before: None,
        after: Some(&dto),
    };
    audit::record(db, Some(caller), request_id, change).await?;
    Ok(dto)
}

/// Queues a plan; the caller spawns [`run`](super::run) after committing.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    new: &NewPlan,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Plan, ApiError> {
    policy::require(caller, Action::MatchNeeds)?;
    let mut errors = FieldErrors::default();
    let kinds = [AreaKind::District, AreaKind::Street, AreaKind::Community, AreaKind::Grid];
    let area = crate::services::resources::home_area(db, caller, new.area_id, &kinds, "/area_id", &mut errors).await?;
    if let Some(category) = &new.category
        && need_categories::find(category).is_none()
    {
        errors.add("/category", FieldRule::NotFound, "not a need category code");
    }
    errors.finish()?;
    let area = area.ok_or(ApiError::NotFound("area"))?;
    let target = Target {
        area: (area.id, area.path),
        category: new.category.clone(),
        urgency: new.urgency.map(|u| u.as_str().to_owned()),
        parent_id: None,
    };
    insert(db, caller, target, now, request_id).await
}
