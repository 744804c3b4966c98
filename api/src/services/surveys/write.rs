//! Building a survey: a new draft (from scratch or a shipped template), editing it while it is a
//! draft, and opening and closing it — each with its audit entry, in the caller's transaction.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use shared::{AreaKind, FieldRule, Id, SurveyAction, SurveyDraft, SurveyFromTemplate, SurveyStatus};
use shared::{AuditAction, AuditEntity};

use super::{ensure_move, load, to_dto};
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::surveys::{build, templates};
use crate::entities::stored::stored;
use crate::entities::{area, survey};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};

/// The target area, checked with the draft's other fields: in the caller's subtree (else
/// `not_found`), and a community or an area above one (a grid is too small to ask).
async fn target<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    area_id: Id,
    errors: &mut FieldErrors,
) -> Result<Option<area::Model>, ApiError> {
    let found = area::Entity::find_by_id(area_id).one(db).await?.filter(|a| policy::may_in(caller, Action::ManageSurveys, &a.path));
    match found {
        None => errors.add("/area_id", FieldRule::NotFound, "no such area in your subtree"),
        Some(a) if stored::<AreaKind>(&a.kind, "areas", a.id)? == AreaKind::Grid => {
            errors.add("/area_id", FieldRule::WrongKind, "a survey targets a community or an area above one")
        }
        Some(a) => return Ok(Some(a)),
    }
    Ok(None)
}

fn audit_change<'a>(action: AuditAction, s: &'a survey::Model, after: &'a serde_json::Value) -> Change<'a, serde_json::Value> {
    Change { action, entity: AuditEntity::Survey, entity_id: s.id, area: Some((s.area_id, &s.area_path)), before: None, after: Some(after) }
}

/// Creates a draft; every bad field at once.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    draft: &SurveyDraft,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<shared::Survey, ApiError> {
    policy::require(caller, Action::ManageSurveys)?;
    let mut errors = FieldErrors::default();
    let area = target(db, caller, draft.area_id, &mut errors).await?;
    build::check_draft(draft, &mut errors);
    errors.finish()?;
    let area = area.ok_or(ApiError::NotFound("area"))?;
    let questions = serde_json::to_string(&draft.questions).map_err(anyhow::Error::from)?;
    let saved = survey::ActiveModel {
        area_id: Set(area.id),
        area_path: Set(area.path.clone()),
        title: Set(draft.title.trim().to_owned()),
        description: Set(draft.description.trim().to_owned()),
        audience: Set(draft.audience.as_str().into()),
        anonymous: Set(draft.anonymous),
        status: Set(SurveyStatus::Draft.as_str().into()),
        opens_at: Set(draft.opens_at),
        closes_at: Set(draft.closes_at),
        questions: Set(questions),
        response_count: Set(0),
        created_by: Set(caller.id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    super::store_groups(db, saved.id, &draft.target_groups).await?;
    let after = serde_json::json!({
        "title": saved.title,
        "status": "draft",
        "questions": draft.questions.len(),
        "target_groups": crate::domain::target_groups::normalised(&draft.target_groups),
    });
    audit::record(db, Some(caller), request_id, audit_change(AuditAction::Create, &saved, &after)).await?;
    to_dto(db, caller, saved).await
}

/// Creates a draft from a shipped template, for the given target and window.
pub async fn from_template<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    code: &str,
    body: &SurveyFromTemplate,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<shared::Survey, ApiError> {
    policy::require(caller, Action::ManageSurveys)?;
    let t = templates::find(code).ok_or(ApiError::NotFound("template"))?;
    let draft = SurveyDraft {
        area_id: body.area_id,
        title: t.title.clone(),
        description: t.description.clone(),
        audience: t.audience,
        anonymous: t.anonymous,
        opens_at: body.opens_at,
        closes_at: body.closes_at,
        questions: t.questions.clone(),
        // A template asks everyone of its audience; staff narrow it to groups in the draft.
        target_groups: Vec::new(),
    };
    create(db, caller, &draft, now, request_id).await
}

/// Replaces a draft's fields and questions (409 once it is open).
pub async fn edit<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    draft: &SurveyDraft,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<shared::Survey, ApiError> {
    policy::require(caller, Action::ManageSurveys)?;
    let current = load(db, caller, id).await?;
    ensure_move(caller, &current, SurveyAction::Edit)?;
    let mut errors = FieldErrors::default();
    let area = target(db, caller, draft.area_id, &mut errors).await?;
    build::check_draft(draft, &mut errors);
    errors.finish()?;
    let area = area.ok_or(ApiError::NotFound("area"))?;
    let mut m: survey::ActiveModel = current.into();
    m.area_id = Set(area.id);
    m.area_path = Set(area.path);
    m.title = Set(draft.title.trim().to_owned());
    m.description = Set(draft.description.trim().to_owned());
    m.audience = Set(draft.audience.as_str().into());
    m.anonymous = Set(draft.anonymous);
    m.opens_at = Set(draft.opens_at);
    m.closes_at = Set(draft.closes_at);
    m.questions = Set(serde_json::to_string(&draft.questions).map_err(anyhow::Error::from)?);
    m.updated_at = Set(now);
    let saved = m.update(db).await?;
    super::store_groups(db, saved.id, &draft.target_groups).await?;
    let after = serde_json::json!({
        "title": saved.title,
        "questions": draft.questions.len(),
        "target_groups": crate::domain::target_groups::normalised(&draft.target_groups),
    });
    audit::record(db, Some(caller), request_id, audit_change(AuditAction::Edit, &saved, &after)).await?;
    to_dto(db, caller, saved).await
}

/// Opens or closes a survey. Opening needs at least one question.
pub async fn act<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    step: shared::SurveyStep,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<shared::Survey, ApiError> {
    let action = step.action();
    let current = load(db, caller, id).await?;
    let to = ensure_move(caller, &current, action)?;
    if action == SurveyAction::Open && super::questions_of(&current)?.is_empty() {
        return Err(ApiError::Conflict("a survey needs at least one question before it opens".into()));
    }
    let mut m: survey::ActiveModel = current.into();
    m.status = Set(to.as_str().into());
    m.updated_at = Set(now);
    let saved = m.update(db).await?;
    let after = serde_json::json!({ "status": to });
    audit::record(db, Some(caller), request_id, audit_change(action.into(), &saved, &after)).await?;
    to_dto(db, caller, saved).await
}
