//! Acting on a need: one function applies any action of the lifecycle table, checks its payload,
//! writes the timeline event, the audit entry, the webhook and the notifications, all in the caller's
//! transaction.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use shared::AuditEntity;
use shared::{BulkDispatch, BulkDispatchResult, BulkFailure, FieldRule, Id, NeedAction, NeedActionRequest, NeedDetail, NeedStatus};

use super::deadlines::{acceptance_due, due_times};
use super::{Names, masked_dto, status_of};
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::need_action_fields::{Required, required, takes_hours};
use crate::domain::need_lifecycle::{Party, allowed, next};
use crate::entities::stored::stored;
use crate::entities::{area, need, need_event, user};
use crate::error::ApiError;
use crate::policy::users::{Fit, fit};
use crate::policy::{self, Action, may, needs::parties};
use crate::services::audit::{self, Change};
use crate::services::kpis::counters as kpi_counters;
use crate::services::ledger::earning as ledger_earning;
use crate::services::matching::dispatch::dispatch_target;
use crate::services::webhooks;

/// Who is acting: a signed-in caller, or the platform itself (sweeper, low ratings).
pub enum Actor<'a> {
    Caller(&'a Caller),
    System,
}

impl Actor<'_> {
    fn parties(&self, need: &need::Model) -> Vec<Party> {
        match self {
            Actor::Caller(caller) => parties(caller, need),
            Actor::System => vec![Party::System],
        }
    }

    fn id(&self) -> Option<Id> {
        match self {
            Actor::Caller(caller) => Some(caller.id),
            Actor::System => None,
        }
    }
}

fn invalid_transition(status: NeedStatus, action: NeedAction, allowed_now: Vec<NeedAction>) -> ApiError {
    ApiError::InvalidTransition {
        detail: format!("cannot {} a need that is {}", action.as_str(), status.as_str()),
        allowed: allowed_now.iter().map(|a| a.as_str().to_owned()).collect(),
    }
}

/// Checks what each action needs besides the lifecycle table (`need_action_fields`): reasons,
/// missing items, an assignee, a rating.
/// Returns whom a dispatch goes to (directly, or the account of the service it goes through).
async fn check_payload<C: ConnectionTrait>(
    db: &C,
    need: &need::Model,
    req: &NeedActionRequest,
    now: DateTime<Utc>,
) -> Result<Option<Id>, ApiError> {
    let mut errors = FieldErrors::default();
    let mut assignee = None;
    let note_given = req.note.as_deref().is_some_and(|n| !n.trim().is_empty());
    match required(req.action) {
        Required::Nothing => {}
        Required::Missing => {
            let missing = req.missing.as_deref().unwrap_or_default();
            if missing.is_empty() || missing.iter().any(|m| m.trim().is_empty()) {
                errors.add("/missing", FieldRule::Required, "name every missing item at once (一次告知)");
            }
        }
        Required::Note(what) if !note_given => errors.add("/note", FieldRule::Required, what),
        Required::Note(_) => {}
        Required::Rating if req.rating.is_none() => errors.add("/rating", FieldRule::Required, "rate from 1 to 5"),
        Required::Rating => {}
        Required::Target => match (req.assignee_id, req.service_id) {
            (_, Some(service_id)) => match dispatch_target(db, need, service_id, now).await? {
                Ok(account) if req.assignee_id.is_none_or(|a| a == account) => assignee = Some(account),
                Ok(_) => errors.add("/assignee_id", FieldRule::Conflict, "leave out the assignee: the service's own account receives it"),
                Err(refusal) => errors.add("/service_id", refusal.code(), refusal.to_string()),
            },
            (None, None) => errors.add("/assignee_id", FieldRule::Required, "whom to dispatch to"),
            (Some(id), None) => {
                let account = user::Entity::find_by_id(id).find_also_related(area::Entity).one(db).await?;
                let fits = account
                    .and_then(|(u, home)| home.map(|h| fit(&u, &h.path, Action::ServeNeeds.roles(), &need.area_path)))
                    .transpose()?;
                match fits {
                    Some(Fit::Fits) => assignee = Some(id),
                    Some(Fit::OutOfArea) => errors.add("/assignee_id", FieldRule::OutOfArea, "this person does not serve the need's area"),
                    _ => errors.add("/assignee_id", FieldRule::NotFound, "no active provider, volunteer or staff member with this id"),
                }
            }
        },
    }
    if req.hours.is_some() && !takes_hours(req.action) {
        errors.add("/hours", FieldRule::NotAllowed, "hours are recorded when resolving");
    }
    errors.finish()?;
    Ok(assignee)
}

/// Hours recorded on resolving count as volunteer hours (志愿服务时长) when a volunteer resolves it.
fn volunteer_minutes(actor: &Actor<'_>, hours: Option<f64>) -> Option<i32> {
    match actor {
        Actor::Caller(caller) if may(caller, Action::RecordVolunteerHours) => hours.map(|h| (h * 60.0).round() as i32).filter(|m| *m > 0),
        _ => None,
    }
}

/// Applies one transition to a loaded need; returns the updated row.
pub async fn apply<C: ConnectionTrait>(
    db: &C,
    actor: &Actor<'_>,
    current: need::Model,
    req: &NeedActionRequest,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<need::Model, ApiError> {
    if req.action == NeedAction::Submit {
        return Err(ApiError::field("/action", FieldRule::NotAllowed, "a need is submitted through POST /api/v1/needs"));
    }
    let from = status_of(&current)?;
    let parties = actor.parties(&current);
    let to = next(from, req.action, &parties).ok_or_else(|| invalid_transition(from, req.action, allowed(from, &parties)))?;
    let assignee = check_payload(db, &current, req, now).await?;

    let note = req.note.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    let mut m: need::ActiveModel = current.clone().into();
    m.status = Set(to.as_str().into());
    m.updated_at = Set(now);
    match req.action {
        NeedAction::Accept => {
            let urgency = stored(&current.urgency, "needs", current.id)?;
            let (response, completion) = due_times(db, &current.area_path, &current.category, urgency, now).await?;
            m.owner_id = Set(actor.id());
            m.response_due_at = Set(Some(response));
            m.completion_due_at = Set(Some(completion));
            m.missing = Set(None);
        }
        NeedAction::Return => m.missing = Set(serde_json::to_string(&req.missing).ok()),
        NeedAction::Resubmit => {
            // The acceptance clock starts again: the resident has just given what was missing.
            let urgency = stored(&current.urgency, "needs", current.id)?;
            m.acceptance_due_at = Set(Some(acceptance_due(db, &current.area_path, &current.category, urgency, now).await?));
            m.missing = Set(None);
        }
        NeedAction::Reject | NeedAction::Cancel => m.reason = Set(note.clone()),
        NeedAction::Dispatch => {
            m.assignee_id = Set(assignee);
            m.service_id = Set(req.service_id);
            m.dispatched_at = Set(Some(now));
            m.unclaimed = Set(false);
        }
        NeedAction::Claim => {
            if current.responded_at.is_none() {
                m.responded_at = Set(Some(now));
            }
        }
        NeedAction::Decline => {
            m.assignee_id = Set(None);
            m.service_id = Set(None);
            m.reason = Set(note.clone());
        }
        NeedAction::ClaimTimeout => {
            m.assignee_id = Set(None);
            m.service_id = Set(None);
            m.unclaimed = Set(true);
        }
        NeedAction::Resolve => {
            m.resolution = Set(note.clone());
            m.resolved_at = Set(Some(now));
            m.volunteer_minutes = Set(volunteer_minutes(actor, req.hours));
        }
        NeedAction::Rate | NeedAction::ReturnVisit => {
            m.rating = Set(req.rating);
            m.rating_comment = Set(note.clone());
            m.return_visit = Set(req.action == NeedAction::ReturnVisit);
        }
        NeedAction::Object | NeedAction::Reopen => {
            m.reopen_count = Set(current.reopen_count + 1);
            m.assignee_id = Set(None);
            m.service_id = Set(None);
            m.resolved_at = Set(None);
            m.volunteer_minutes = Set(None);
            if req.action == NeedAction::Object {
                m.reason = Set(note.clone());
            }
        }
        NeedAction::Escalate => m.escalated_at = Set(Some(now)),
        // Submit never gets here: refused at the top.
        NeedAction::Submit | NeedAction::Start | NeedAction::Close => {}
    }
    let saved = m.update(db).await?;
    kpi_counters::record(db, Some(&current), Some(&saved)).await?;
    // Hours and points move with the need: credited on confirmation, taken back on reopening.
    ledger_earning::after_move(db, actor.id(), from, to, &current, &saved, now).await?;
    super::notices::after_action(db, actor.id(), req.action, &current, &saved, now).await?;
    need_event::ActiveModel {
        need_id: Set(saved.id),
        at: Set(now),
        action: Set(req.action.as_str().into()),
        from_status: Set(from.as_str().into()),
        to_status: Set(to.as_str().into()),
        actor_id: Set(actor.id()),
        note: Set(note.or_else(|| req.missing.as_ref().map(|m| m.join("；")))),
        service_id: Set(saved.service_id.filter(|_| req.action == NeedAction::Dispatch)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let names = Names::load(db, &[current.clone(), saved.clone()], now).await?;
    let (before, after) = (masked_dto(current, &names)?, masked_dto(saved.clone(), &names)?);
    let caller = match actor {
        Actor::Caller(c) => Some(*c),
        Actor::System => None,
    };
    audit::record(
        db,
        caller,
        request_id,
        Change {
            action: req.action.into(),
            entity: AuditEntity::Need,
            entity_id: saved.id,
            area: Some((saved.area_id, &saved.area_path)),
            before: Some(&before),
            after: Some(&after),
        },
    )
    .await?;
    let payload = serde_json::to_value(&after).map_err(anyhow::Error::from)?;
    webhooks::enqueue(db, &format!("need.{}", req.action.as_str()), &saved.area_path, &payload, now).await?;
    Ok(saved)
}

/// Takes an action on a need for the caller; a rating of 1 or 2 also reopens it (by the platform).
pub async fn act<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    req: &NeedActionRequest,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<NeedDetail, ApiError> {
    let current = policy::load::<need::Entity, _>(db, caller, id).await?;
    let mut saved = apply(db, &Actor::Caller(caller), current, req, now, request_id).await?;
    let rated = matches!(req.action, NeedAction::Rate | NeedAction::ReturnVisit);
    if rated && req.rating.is_some_and(|r| r <= 2) {
        let reopen = NeedActionRequest {
            action: NeedAction::Reopen,
            note: Some("低分评价，重新办理".into()),
            missing: None,
            assignee_id: None,
            service_id: None,
            rating: None,
            hours: None,
        };
        saved = apply(db, &Actor::System, saved, &reopen, now, request_id).await?;
    }
    super::read::detail_of(db, caller, saved, now).await
}

/// 批量派单: dispatches each need on its own; one refusal does not stop the rest.
pub async fn bulk_dispatch<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    req: &BulkDispatch,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<BulkDispatchResult, ApiError> {
    policy::require(caller, Action::WorkNeeds)?;
    let mut result = BulkDispatchResult { dispatched: Vec::new(), failed: Vec::new() };
    let mut ids = req.need_ids.clone();
    ids.sort_unstable();
    ids.dedup();
    let one = NeedActionRequest {
        action: NeedAction::Dispatch,
        note: req.note.clone(),
        missing: None,
        assignee_id: Some(req.assignee_id),
        service_id: None,
        rating: None,
        hours: None,
    };
    for id in ids {
        let outcome = match policy::load::<need::Entity, _>(db, caller, id).await {
            Ok(current) => apply(db, &Actor::Caller(caller), current, &one, now, request_id).await.map(|_| ()),
            Err(e) => Err(e.into()),
        };
        match outcome {
            Ok(()) => result.dispatched.push(id),
            // A bad assignee fails every need alike: report it once for the whole request.
            Err(ApiError::Validation(errors)) => return Err(ApiError::Validation(errors)),
            Err(e) => result.failed.push(BulkFailure { need_id: id, code: e.code(), detail: e.to_string() }),
        }
    }
    Ok(result)
}
