//! Re-planning: a new plan over the same area and filters from today's needs and capacity, the old
//! one superseded.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use shared::{Id, Plan, PlanStatus};

use super::Target;
use super::queue::insert;
use crate::domain::caller::Caller;
use crate::entities::matching_plan;
use crate::entities::stored::stored;
use crate::error::ApiError;
use crate::policy;

/// Re-plans: a new plan over the same area and filters, from today's needs and capacity; the old
/// one is superseded (unless it was already applied).
pub async fn replan<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Plan, ApiError> {
    let parent = policy::load::<matching_plan::Entity, _>(db, caller, id).await?;
    if matches!(stored(&parent.status, "matching_plans", parent.id)?, PlanStatus::Queued | PlanStatus::Running) {
        return Err(ApiError::InvalidTransition { detail: "the plan is still running".into(), allowed: vec![] });
    }
    if parent.status == PlanStatus::Done.as_str() {
        let mut m: matching_plan::ActiveModel = parent.clone().into();
        m.status = Set(PlanStatus::Superseded.as_str().into());
        m.update(db).await?;
    }
    let target = Target {
        area: (parent.area_id, parent.area_path.clone()),
        category: parent.category.clone(),
        urgency: parent.urgency.clone(),
        parent_id: Some(parent.id),
    };
    insert(db, caller, target, now, request_id).await
}
