//! Applying a plan: every assigned row dispatched through the need lifecycle, row by row, a need
//! that moved on skipped with the reason; the plan then marked applied and audited.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use shared::{ApplyOutcome, Id, NeedAction, NeedActionRequest, NeedStatus, PlanDetail, PlanStatus};
use shared::{AuditAction, AuditEntity};

use super::read::{detail, rows_of, to_dtos};
use crate::domain::caller::Caller;
use crate::entities::{matching_plan, need, plan_row};
use crate::error::ApiError;
use crate::policy;
use crate::services::audit::{self, Change};
use crate::services::needs::act::{Actor, apply as act_on_need};

/// Dispatches every assigned row through the need lifecycle; a need that moved on since the plan
/// (or a service that filled up) is skipped with the reason, the rest go ahead.
pub async fn apply<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<PlanDetail, ApiError> {
    let plan = policy::load::<matching_plan::Entity, _>(db, caller, id).await?;
    if plan.status != PlanStatus::Done.as_str() {
        return Err(ApiError::InvalidTransition { detail: format!("a plan that is {} cannot be applied", plan.status), allowed: vec![] });
    }
    for row in rows_of(db, id).await? {
        let Some(service_id) = row.service_id else { continue };
        let request = NeedActionRequest {
            action: NeedAction::Dispatch,
            note: Some(format!("匹配方案 #{id}")),
            missing: None,
            assignee_id: None,
            service_id: Some(service_id),
            rating: None,
            hours: None,
        };
        let outcome = match crate::policy::load::<need::Entity, _>(db, caller, row.need_id).await {
            // The plan was made for needs waiting to be dispatched; one that moved on is left alone.
            Ok(current) if current.status != NeedStatus::Accepted.as_str() => {
                Err(ApiError::InvalidTransition { detail: format!("the need is now {}", current.status), allowed: vec![] })
            }
            Ok(current) => act_on_need(db, &Actor::Caller(caller), current, &request, now, request_id).await.map(|_| ()),
            Err(e) => Err(e.into()),
        };
        let (outcome, note) = match outcome {
            Ok(()) => (ApplyOutcome::Dispatched, None),
            Err(ApiError::Validation(fields)) => {
                (ApplyOutcome::Skipped, Some(fields.into_iter().map(|f| f.message).collect::<Vec<_>>().join("; ")))
            }
            Err(ApiError::InvalidTransition { detail, .. }) => (ApplyOutcome::Skipped, Some(detail)),
            Err(ApiError::NotFound(what)) => (ApplyOutcome::Skipped, Some(format!("{what} not found"))),
            Err(other) => return Err(other),
        };
        let mut m: plan_row::ActiveModel = row.into();
        m.outcome = Set(Some(outcome.as_str().into()));
        m.outcome_note = Set(note);
        m.update(db).await?;
    }
    let before = to_dtos(db, vec![plan.clone()]).await?.remove(0);
    let mut m: matching_plan::ActiveModel = plan.clone().into();
    m.status = Set(PlanStatus::Applied.as_str().into());
    m.applied_at = Set(Some(now));
    m.applied_by = Set(Some(caller.id));
    let saved = m.update(db).await?;
    let after = to_dtos(db, vec![saved]).await?.remove(0);
    let area = Some((plan.area_id, plan.area_path.as_str()));
    audit::record(
        db,
        Some(caller),
        request_id,
        Change { action: AuditAction::Apply, entity: AuditEntity::Plan, entity_id: id, area, before: Some(&before), after: Some(&after) },
    )
    .await?;
    detail(db, caller, id).await
}
