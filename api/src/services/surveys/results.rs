//! Results from the kept aggregates (never by re-reading every response): counts and shares per
//! option, means of scale and number questions from the whole target's own rows, responses per
//! community, one community's breakdown on request (only past a minimum group size) from its rows,
//! the breakdown by target group ([`super::by_group`]);
//! and the free-text answers in keyset pages, without who wrote them.

use std::collections::HashMap;

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use shared::{CommunityResponses, CommunityResult, FieldRule, Id, MIN_GROUP, Page, SurveyResults, TextAnswer};

use super::tallies::Tallies;
use super::{questions_of, status_of};
use crate::domain::caller::Caller;
use crate::entities::{
    area, survey, survey_community_count, survey_option_count, survey_question_total, survey_target_option_count,
    survey_target_question_total, survey_text_answer,
};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::page::{Keyset, PageRequest};

/// The survey, for a caller who may read its results (staff whose scope holds its whole target).
pub(crate) async fn for_results<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<survey::Model, ApiError> {
    policy::require(caller, Action::ReadSurveyResults)?;
    let s = super::load(db, caller, id).await?;
    if !policy::surveys::reads_results(caller, &s) {
        return Err(ApiError::Forbidden("the results of a survey run above your area are read there".into()));
    }
    Ok(s)
}

/// The per-community aggregates summed in the database: one community's (keyed by it), all of them
/// together (`community` `None`, keyed by `None`), or each community's (`per_community`). The whole
/// target's results read [`target_tallies`] instead, whose cost does not grow with the communities.
pub(crate) async fn tallies<C: ConnectionTrait>(
    db: &C,
    id: Id,
    community: Option<Id>,
    per_community: bool,
) -> Result<HashMap<Option<Id>, Tallies>, ApiError> {
    use survey_option_count::Column as O;
    use survey_question_total::Column as T;
    // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back to what the tuple reads.
    let bigint = |e: Expr| e.cast_as("BIGINT");
    let mut totals = survey_question_total::Entity::find()
        .select_only()
        .column(T::Question)
        .column_as(bigint(Expr::col(T::Count).sum()), "answered")
        .column_as(Expr::col(T::Sum).sum(), "sum")
        .filter(T::SurveyId.eq(id))
        .group_by(T::Question);
    let mut counts = survey_option_count::Entity::find()
        .select_only()
        .column(O::Question)
        .column(O::OptionNo)
        .column_as(bigint(Expr::col(O::Count).sum()), "count")
        .filter(O::SurveyId.eq(id))
        .group_by(O::Question)
        .group_by(O::OptionNo);
    if let Some(c) = community {
        totals = totals.filter(T::CommunityId.eq(c));
        counts = counts.filter(O::CommunityId.eq(c));
    }
    let mut by: HashMap<Option<Id>, Tallies> = HashMap::new();
    if per_community {
        let rows: Vec<(i32, i64, f64, Id)> = totals.column(T::CommunityId).group_by(T::CommunityId).into_tuple().all(db).await?;
        for (q, answered, sum, c) in rows {
            by.entry(Some(c)).or_default().add_total(q, answered, sum);
        }
        let rows: Vec<(i32, i32, i64, i64)> = counts.column(O::CommunityId).group_by(O::CommunityId).into_tuple().all(db).await?;
        for (q, o, count, c) in rows {
            by.entry(Some(c)).or_default().add_count(q, o, count);
        }
    } else {
        let key = community;
        let rows: Vec<(i32, i64, f64)> = totals.into_tuple().all(db).await?;
        let t = by.entry(key).or_default();
        for (q, answered, sum) in rows {
            t.add_total(q, answered, sum);
        }
        let rows: Vec<(i32, i32, i64)> = counts.into_tuple().all(db).await?;
        for (q, o, count) in rows {
            t.add_count(q, o, count);
        }
    }
    Ok(by)
}

/// The kept whole-target aggregates of one survey, as they are: a row per question and per option.
async fn target_tallies<C: ConnectionTrait>(db: &C, id: Id) -> Result<Tallies, ApiError> {
    use survey_target_option_count::Column as O;
    use survey_target_question_total::Column as T;
    let mut t = Tallies::default();
    let totals: Vec<(i32, i64, f64)> = survey_target_question_total::Entity::find()
        .select_only()
        .columns([T::Question, T::Count, T::Sum])
        .filter(T::SurveyId.eq(id))
        .into_tuple()
        .all(db)
        .await?;
    for (q, answered, sum) in totals {
        t.add_total(q, answered, sum);
    }
    let counts: Vec<(i32, i32, i64)> = survey_target_option_count::Entity::find()
        .select_only()
        .columns([O::Question, O::OptionNo, O::Count])
        .filter(O::SurveyId.eq(id))
        .into_tuple()
        .all(db)
        .await?;
    for (q, o, count) in counts {
        t.add_count(q, o, count);
    }
    Ok(t)
}

/// Every community that answered, with its name, most responses first.
pub(crate) async fn communities_of<C: ConnectionTrait>(db: &C, id: Id) -> Result<Vec<CommunityResponses>, ApiError> {
    use survey_community_count::Column as K;
    let counts: Vec<(Id, i64)> = survey_community_count::Entity::find()
        .select_only()
        .column(K::CommunityId)
        .column(K::Count)
        .filter(K::SurveyId.eq(id))
        .into_tuple()
        .all(db)
        .await?;
    let names: HashMap<Id, String> = area::Entity::find()
        .select_only()
        .column(area::Column::Id)
        .column(area::Column::Name)
        .filter(area::Column::Id.is_in(counts.iter().map(|(c, _)| *c)))
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut list: Vec<CommunityResponses> = counts
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(community_id, responses)| CommunityResponses {
            community_id,
            community_name: names.get(&community_id).cloned().unwrap_or_default(),
            responses,
            breakdown: responses >= MIN_GROUP,
        })
        .collect();
    list.sort_by(|a, b| b.responses.cmp(&a.responses).then(a.community_id.cmp(&b.community_id)));
    Ok(list)
}

/// The results of one survey for its whole target, the responses of each community, and the
/// breakdown of `community` when asked for (only of a community with [`MIN_GROUP`] responses).
pub async fn results<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id, community: Option<Id>) -> Result<SurveyResults, ApiError> {
    let s = for_results(db, caller, id).await?;
    results_of(db, &s, community).await
}

/// [`results`] of a survey the caller may read the results of.
pub(crate) async fn results_of<C: ConnectionTrait>(db: &C, s: &survey::Model, community: Option<Id>) -> Result<SurveyResults, ApiError> {
    let id = s.id;
    let questions = questions_of(s)?;
    let communities = communities_of(db, id).await?;
    let community = match community {
        None => None,
        Some(c) => {
            let Some(found) = communities.iter().find(|r| r.community_id == c && r.breakdown) else {
                return Err(ApiError::field(
                    "community_id",
                    FieldRule::NotAllowed,
                    format!("a community's answers are shown from {MIN_GROUP} responses on, so that no one's can be told apart"),
                ));
            };
            let mut by = tallies(db, id, Some(c), false).await?;
            Some(CommunityResult {
                community_id: c,
                community_name: found.community_name.clone(),
                responses: found.responses,
                questions: by.remove(&Some(c)).unwrap_or_default().questions(&questions),
            })
        }
    };
    let whole = target_tallies(db, id).await?;
    let by_target_group = super::by_group::by_target_group(db, id, &questions).await?;
    Ok(SurveyResults {
        survey_id: s.id,
        status: status_of(s)?,
        responses: communities.iter().map(|c| c.responses).sum(),
        questions: whole.questions(&questions),
        communities,
        community,
        by_target_group,
    })
}

/// The sort of the free-text list: in the order they were given.
pub const TEXT_SORT: &str = "id";

/// One page of free-text answers, of one question or of all.
pub async fn text_answers<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    question: Option<u32>,
    page: PageRequest,
) -> Result<Page<TextAnswer>, ApiError> {
    let s = for_results(db, caller, id).await?;
    let mut select = survey_text_answer::Entity::find().filter(survey_text_answer::Column::SurveyId.eq(s.id));
    if let Some(q) = question {
        select = select.filter(survey_text_answer::Column::Question.eq(q as i32));
    }
    let keyset = Keyset::<survey_text_answer::Entity> {
        name: TEXT_SORT,
        column: None,
        desc: false,
        id: survey_text_answer::Column::Id,
        key_of: |m| (None, m.id),
    };
    let (rows, next_cursor) = page.fetch(db, select, &keyset).await?;
    let items = rows
        .into_iter()
        .map(|t| TextAnswer { id: t.id, question: t.question as u32, community_id: t.community_id, text: t.text, created_at: t.created_at })
        .collect();
    Ok(Page { items, next_cursor })
}
