//! 民意调查 surveys: built by staff (from scratch or a template), opened for a window, answered once
//! by residents or entered from paper by staff, and read back from aggregates kept in each answer's
//! transaction. Every move goes through the lifecycle table ([`crate::domain::surveys::lifecycle`]).

mod aggregates;
mod answer;
mod by_group;
mod export;
pub mod kpi;
pub mod read;
pub mod results;
pub mod satisfaction;
mod tallies;
mod write;

pub use answer::{answer, enter_paper};
pub use export::{export_responses, export_results};
pub use read::{detail, list};
pub use results::{results, text_answers};
pub use write::{act, create, edit, from_template};

use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set};
use shared::{Id, SurveyAction, SurveyQuestion, SurveyStatus, TargetGroup};

use crate::domain::caller::Caller;
use crate::domain::surveys::lifecycle::{allowed, next};
use crate::entities::stored::{StoredValueInvalid, stored, stored_with};
use crate::entities::{area, survey, survey_participant, survey_target_group};
use crate::error::ApiError;
use crate::policy::surveys::parties;
use crate::policy::{self};

/// The stored status of a survey; an unknown one is an error (see [`stored`]).
pub(crate) fn status_of(m: &survey::Model) -> Result<SurveyStatus, StoredValueInvalid> {
    stored(&m.status, "surveys", m.id)
}

/// The stored questions; unreadable JSON is an error naming the row, never an empty survey.
pub(crate) fn questions_of(m: &survey::Model) -> Result<Vec<SurveyQuestion>, StoredValueInvalid> {
    stored_with(&m.questions, "surveys", m.id, "SurveyQuestions", |v| serde_json::from_str(v).ok())
}

/// The state `action` by `caller` leads the survey to, or 409 with the moves the caller may make.
pub(crate) fn ensure_move(caller: &Caller, s: &survey::Model, action: SurveyAction) -> Result<SurveyStatus, ApiError> {
    let from = status_of(s)?;
    let who = parties(caller, s);
    next(from, action, &who).ok_or_else(|| ApiError::InvalidTransition {
        detail: format!("cannot {} a survey that is {}", action.as_str(), from.as_str()),
        allowed: allowed(from, &who).iter().map(|a| a.as_str().to_owned()).collect(),
    })
}

/// The target groups a survey asks, in code order; empty: no group restriction.
pub(crate) async fn groups_of<C: ConnectionTrait>(db: &C, survey_id: Id) -> Result<Vec<TargetGroup>, ApiError> {
    let rows = survey_target_group::Entity::find()
        .filter(survey_target_group::Column::SurveyId.eq(survey_id))
        .order_by_asc(survey_target_group::Column::TargetGroup)
        .all(db)
        .await?;
    Ok(rows.iter().map(|r| stored(&r.target_group, "survey_target_groups", r.id)).collect::<Result<_, _>>()?)
}

/// Replaces a survey's target groups (the draft's whole replacement, like its questions).
pub(crate) async fn store_groups<C: ConnectionTrait>(db: &C, survey_id: Id, groups: &[TargetGroup]) -> Result<(), ApiError> {
    survey_target_group::Entity::delete_many().filter(survey_target_group::Column::SurveyId.eq(survey_id)).exec(db).await?;
    for g in crate::domain::target_groups::normalised(groups) {
        survey_target_group::ActiveModel { survey_id: Set(survey_id), target_group: Set(g.as_str().into()), ..Default::default() }
            .insert(db)
            .await?;
    }
    Ok(())
}

/// One survey the caller reaches (403 without the role, 404 outside their reach).
pub(crate) async fn load<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<survey::Model, ApiError> {
    Ok(policy::load::<survey::Entity, _>(db, caller, id).await?)
}

/// The wire form of a survey as `caller` sees it.
pub(crate) async fn to_dto<C: ConnectionTrait>(db: &C, caller: &Caller, m: survey::Model) -> Result<shared::Survey, ApiError> {
    let area_name = area::Entity::find_by_id(m.area_id).one(db).await?.map(|a| a.name).unwrap_or_default();
    let answered = survey_participant::Entity::find()
        .filter(survey_participant::Column::SurveyId.eq(m.id))
        .filter(survey_participant::Column::ResidentId.eq(caller.id))
        .count(db)
        .await?
        > 0;
    let status = status_of(&m)?;
    Ok(shared::Survey {
        id: m.id,
        status,
        area_id: m.area_id,
        area_name,
        title: m.title.clone(),
        description: m.description.clone(),
        audience: stored(&m.audience, "surveys", m.id)?,
        anonymous: m.anonymous,
        opens_at: m.opens_at,
        closes_at: m.closes_at,
        questions: questions_of(&m)?,
        target_groups: groups_of(db, m.id).await?,
        response_count: m.response_count,
        answered,
        actions: if answered { Vec::new() } else { allowed(status, &parties(caller, &m)) },
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}
