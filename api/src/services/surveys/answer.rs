//! Taking a response: a resident's own (once: the UNIQUE participant row decides a race), or a
//! paper questionnaire entered by staff. The response, its free-text answers and every aggregate
//! results are read from ([`super::aggregates`]) are written in the one transaction, so results never
//! lag the answers.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use shared::{
    AreaKind, FieldRule, Id, PaperResponse, SurveyAction, SurveyAudience, SurveyReceipt, SurveyStatus, TargetGroup, Verification,
};

use super::{ensure_move, questions_of, status_of};
use crate::domain::caller::Caller;
use crate::domain::scope::Scope;
use crate::domain::surveys::answers::{Checked, Given, check};
use crate::domain::surveys::lifecycle::{Party, next};
use crate::entities::stored::stored;
use crate::entities::{area, resident, survey, survey_participant, survey_response, survey_text_answer};
use crate::error::ApiError;
use crate::policy::surveys::{covers_community, in_asked_groups, targets};
use crate::policy::{self, Action};
use crate::services::ledger::points::{self, Taking};
use crate::services::residents::groups;

/// 409 outside the window, with the window in the problem.
fn within_window(s: &survey::Model, now: DateTime<Utc>) -> Result<(), ApiError> {
    if s.opens_at <= now && now < s.closes_at {
        Ok(())
    } else {
        Err(ApiError::OutsideWindow { opens_at: s.opens_at, closes_at: s.closes_at })
    }
}

/// The id of the community a home path lies in (the community itself, or a grid's parent).
async fn community_of_home<C: ConnectionTrait>(db: &C, area_id: Id) -> Result<Option<area::Model>, ApiError> {
    let Some(home) = area::Entity::find_by_id(area_id).one(db).await? else { return Ok(None) };
    match stored::<AreaKind>(&home.kind, "areas", home.id)? {
        AreaKind::Community => Ok(Some(home)),
        AreaKind::Grid => Ok(match home.parent_id {
            Some(parent) => area::Entity::find_by_id(parent).one(db).await?,
            None => None,
        }),
        _ => Ok(None),
    }
}

async fn already<C: ConnectionTrait>(db: &C, survey_id: Id, resident_id: Id) -> Result<bool, ApiError> {
    let n = survey_participant::Entity::find()
        .filter(survey_participant::Column::SurveyId.eq(survey_id))
        .filter(survey_participant::Column::ResidentId.eq(resident_id))
        .count(db)
        .await?;
    Ok(n > 0)
}

/// A resident answers a survey targeting their home: 403 outside the target, audience or target
/// groups, 409 when
/// not open, outside the window or already answered, 422 naming every bad answer.
pub async fn answer<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    answers: &[shared::SurveyAnswer],
    now: DateTime<Utc>,
) -> Result<SurveyReceipt, ApiError> {
    policy::require(caller, Action::AnswerSurveys)?;
    // Drafts are not there for residents; any other survey is, so outside its target is a 403.
    let s = survey::Entity::find_by_id(id)
        .filter(survey::Column::Status.ne(SurveyStatus::Draft.as_str()))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("survey"))?;
    if !targets(caller, &s) {
        return Err(ApiError::Forbidden("this survey asks the residents of another area".into()));
    }
    if stored::<SurveyAudience>(&s.audience, "surveys", s.id)? == SurveyAudience::VerifiedResidents {
        policy::residents::require_verified(db, caller, Action::AnswerSurveys).await?;
    }
    let mine = groups::of(db, caller.id).await?;
    if !in_asked_groups(&super::groups_of(db, s.id).await?, &mine) {
        return Err(ApiError::Forbidden(
            "this survey asks residents of certain target groups (目标群体), and you are recorded in none of them".into(),
        ));
    }
    ensure_move(caller, &s, SurveyAction::Answer)?;
    within_window(&s, now)?;
    if already(db, s.id, caller.id).await? {
        return Err(ApiError::Conflict("you have already answered this survey".into()));
    }
    let checked = check(&questions_of(&s)?, answers)?;
    let community = community_of_home(db, caller.area_id).await?.map_or(caller.area_id, |c| c.id);
    record(db, &s, Respondent { resident_id: Some(caller.id), community_id: community, groups: &mine }, None, &checked, answers, now).await
}

/// Staff enter a paper questionnaire: for a resident of the target (once, like their own answer,
/// and only one in the survey's target groups when it names some), or anonymous with the community
/// it was collected in. An anonymous one names no resident, so no group is checked; it counts under
/// 未登记群体 in the breakdown by group.
pub async fn enter_paper<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    body: &PaperResponse,
    now: DateTime<Utc>,
) -> Result<SurveyReceipt, ApiError> {
    policy::require(caller, Action::EnterPaperResponses)?;
    let s = super::load(db, caller, id).await?;
    let status = status_of(&s)?;
    if next(status, SurveyAction::Answer, &[Party::Staff]).is_none() {
        return Err(ApiError::InvalidTransition {
            detail: format!("cannot answer a survey that is {}", status.as_str()),
            allowed: Vec::new(),
        });
    }
    within_window(&s, now)?;
    let questions = questions_of(&s)?;
    let checked = check(&questions, &body.answers);
    let target = Scope::subtree(&s.area_path);
    let mut errors = crate::domain::field_errors::FieldErrors::default();
    let mut community: Option<area::Model> = None;
    let mut respondent_groups: Vec<TargetGroup> = Vec::new();
    if let Some(resident_id) = body.resident_id {
        let found = resident::Entity::find_by_id(resident_id).filter(policy::residents::reach(&target)).one(db).await?;
        match found {
            None => errors.add("/resident_id", FieldRule::NotFound, "no such resident of the survey's area"),
            Some(r) => {
                let verified = stored::<Verification>(&r.verification, "users", r.id)? == Verification::Verified;
                if stored::<SurveyAudience>(&s.audience, "surveys", s.id)? == SurveyAudience::VerifiedResidents && !verified {
                    errors.add("/resident_id", FieldRule::NotAllowed, "this survey asks verified residents only");
                }
                respondent_groups = groups::of(db, r.id).await?;
                if !in_asked_groups(&super::groups_of(db, s.id).await?, &respondent_groups) {
                    errors.add("/resident_id", FieldRule::NotAllowed, "this survey asks residents of its target groups only");
                }
                if already(db, s.id, r.id).await? {
                    return Err(ApiError::Conflict("this resident has already answered the survey".into()));
                }
                community = community_of_home(db, r.area_id).await?;
            }
        }
        if body.community_id.is_some() {
            errors.add("/community_id", FieldRule::OneOf, "the resident's community is used");
        }
    } else {
        let wanted = body.community_id.unwrap_or(s.area_id);
        let found = area::Entity::find_by_id(wanted).one(db).await?;
        match found {
            Some(a) if target.contains(&a.path) && stored::<AreaKind>(&a.kind, "areas", a.id)? == AreaKind::Community => {
                community = Some(a)
            }
            _ if body.community_id.is_none() => {
                errors.add("/community_id", FieldRule::Required, "name the community an anonymous paper questionnaire was collected in")
            }
            _ => errors.add("/community_id", FieldRule::NotFound, "no such community in the survey's area"),
        }
    }
    if let Some(c) = &community
        && !covers_community(caller, &c.path)
    {
        let field = if body.resident_id.is_some() { "/resident_id" } else { "/community_id" };
        errors.add(field, FieldRule::OutOfArea, "outside your area");
    }
    // The request's own fields first, then the answers: every bad field at once.
    let mut all = errors.finish().err().map(|e| e.0).unwrap_or_default();
    let checked = match checked {
        Ok(c) if all.is_empty() => c,
        Ok(_) => return Err(ApiError::Validation(all)),
        Err(invalid) => {
            all.extend(invalid.0);
            return Err(ApiError::Validation(all));
        }
    };
    let community = community.map_or(s.area_id, |c| c.id);
    let respondent = Respondent { resident_id: body.resident_id, community_id: community, groups: &respondent_groups };
    record(db, &s, respondent, Some(caller.id), &checked, &body.answers, now).await
}

/// Who a response is from: the resident (none for an anonymous paper questionnaire), the community
/// it counts in, and the resident's target groups (for the breakdown by group).
struct Respondent<'a> {
    resident_id: Option<Id>,
    community_id: Id,
    groups: &'a [TargetGroup],
}

/// Writes the response, who took part, the free text and the aggregates.
async fn record<C: ConnectionTrait>(
    db: &C,
    s: &survey::Model,
    respondent: Respondent<'_>,
    entered_by: Option<Id>,
    checked: &Checked,
    raw: &[shared::SurveyAnswer],
    now: DateTime<Utc>,
) -> Result<SurveyReceipt, ApiError> {
    let Respondent { resident_id, community_id, groups } = respondent;
    if let Some(resident_id) = resident_id {
        // The UNIQUE (survey_id, resident_id) index decides a race between two answers: the loser
        // gets 409 from `From<DbErr>` and its transaction, with nothing of it written, rolls back.
        survey_participant::ActiveModel { survey_id: Set(s.id), resident_id: Set(resident_id), created_at: Set(now), ..Default::default() }
            .insert(db)
            .await?;
        // Taking part earns the district's points per survey, online or on paper alike.
        points::credit_taking_part(db, resident_id, Taking::AnswerSurvey, s.id, &s.title, now).await?;
    }
    let kept: Vec<&shared::SurveyAnswer> = raw.iter().filter(|a| checked.get(a.question as usize).is_some_and(Option::is_some)).collect();
    let response = survey_response::ActiveModel {
        survey_id: Set(s.id),
        // Anonymous surveys keep participation apart: the answers carry no resident.
        resident_id: Set(resident_id.filter(|_| !s.anonymous)),
        community_id: Set(community_id),
        paper: Set(entered_by.is_some()),
        entered_by: Set(entered_by),
        answers: Set(serde_json::to_string(&kept).map_err(anyhow::Error::from)?),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    super::aggregates::add_response(db, s.id, community_id, groups, checked).await?;
    keep_texts(db, s.id, community_id, checked, now).await?;
    survey::Entity::update_many()
        .col_expr(survey::Column::ResponseCount, Expr::col(survey::Column::ResponseCount).add(1))
        .filter(survey::Column::Id.eq(s.id))
        .exec(db)
        .await?;
    Ok(SurveyReceipt { survey_id: s.id, response_id: response.id, paper: entered_by.is_some(), created_at: now })
}

/// The free-text answers of one response, kept apart so they can be paged without the responses.
async fn keep_texts<C: ConnectionTrait>(
    db: &C,
    survey_id: Id,
    community: Id,
    checked: &Checked,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    for (q, given) in checked.iter().enumerate() {
        if let Some(Given::Text(text)) = given {
            survey_text_answer::ActiveModel {
                survey_id: Set(survey_id),
                question: Set(q as i32),
                community_id: Set(community),
                text: Set(text.clone()),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}
