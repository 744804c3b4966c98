//! Changing a program's status through the lifecycle table, with the evaluation when there is one.
//! Every move is audited, sent as the webhook `program.<action>`, and told to whom it concerns:
//! a submission to the approvers above, an approval or a send-back to the author.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use shared::AuditEntity;
use shared::{FieldRule, Id, NotificationKind, ProgramAction, ProgramActionRequest, ProgramDetail, SubjectKind, program_event};

use super::detail::detail_of;
use super::status_of;
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::notification_text::Facts;
use crate::domain::program_lifecycle::{allowed, next};
use crate::entities::program;
use crate::error::ApiError;
use crate::policy::programs::roles;
use crate::policy::recipients;
use crate::services::audit::{self, Change};
use crate::services::notifications::{self, Notice};
use crate::services::webhooks;

pub async fn act<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    req: &ProgramActionRequest,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ProgramDetail, ApiError> {
    let current = crate::policy::load::<program::Entity, _>(db, caller, id).await?;
    let from = status_of(&current)?;
    let my_roles = roles(caller, &current);
    let to = next(from, req.action, &my_roles).ok_or_else(|| ApiError::InvalidTransition {
        detail: format!("cannot {} a program that is {}", req.action.as_str(), from.as_str()),
        allowed: allowed(from, &my_roles).iter().map(|a| a.as_str().to_owned()).collect(),
    })?;
    let mut errors = FieldErrors::default();
    let note_given = req.note.as_deref().is_some_and(|n| !n.trim().is_empty());
    match req.action {
        ProgramAction::SendBack | ProgramAction::Suspend | ProgramAction::Cancel if !note_given => {
            errors.add("/note", FieldRule::Required, "give a reason")
        }
        ProgramAction::Evaluate if req.evaluation.is_none() => {
            errors.add("/evaluation", FieldRule::Required, "score, evaluator and comments")
        }
        _ => {}
    }
    errors.finish()?;
    let today = now.date_naive();
    let before = detail_of(db, Some(caller), current.clone(), today).await?.program;
    let authors: Vec<Id> = std::iter::once(current.created_by).chain(current.submitted_by).collect();
    let mut model: program::ActiveModel = current.into();
    model.status = Set(to.as_str().into());
    model.updated_at = Set(now);
    match req.action {
        ProgramAction::Submit => model.submitted_by = Set(Some(caller.id)),
        ProgramAction::Approve => model.approved_by = Set(Some(caller.id)),
        ProgramAction::Withdraw | ProgramAction::SendBack => model.submitted_by = Set(None),
        ProgramAction::Evaluate => {
            if let Some(e) = &req.evaluation {
                model.evaluation_score = Set(Some(e.score));
                model.evaluator_type = Set(Some(e.evaluator_type.as_str().into()));
                model.evaluation_comments = Set(e.comments.clone());
            }
        }
        _ => {}
    }
    let saved = model.update(db).await?;
    let detail = detail_of(db, Some(caller), saved.clone(), today).await?;
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: req.action.into(),
            entity: AuditEntity::Program,
            entity_id: id,
            area: Some((saved.area_id, &saved.area_path)),
            before: Some(&before),
            after: Some(&detail.program),
        },
    )
    .await?;
    let payload = serde_json::to_value(&detail.program).map_err(anyhow::Error::from)?;
    webhooks::enqueue(db, &program_event(req.action), &saved.area_path, &payload, now).await?;
    let told = match req.action {
        ProgramAction::Submit => Some((NotificationKind::ProgramSubmitted, recipients::program_approvers(db, &saved.area_path).await?)),
        ProgramAction::Approve => Some((NotificationKind::ProgramApproved, authors)),
        ProgramAction::SendBack => Some((NotificationKind::ProgramSentBack, authors)),
        _ => None,
    };
    if let Some((kind, to)) = told {
        let reason = req.note.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
        let facts = Facts { id, title: Some(saved.title.clone()), reason, ..Default::default() };
        let notice = Notice { kind, subject: SubjectKind::Program, area_path: &saved.area_path, facts };
        notifications::notify(db, &to, Some(caller.id), &notice, now).await?;
    }
    Ok(detail)
}
