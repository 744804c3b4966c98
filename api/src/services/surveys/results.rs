//! Results from the kept aggregates (never by re-reading every response): counts and shares per
//! option, means of scale and number questions, responses, all by community; and the free-text
//! answers in keyset pages, without who wrote them.

use std::collections::{BTreeMap, HashMap};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{CommunityResult, Id, OptionResult, Page, QuestionKind, QuestionResult, SurveyQuestion, SurveyResults, TextAnswer};

use super::{questions_of, status_of};
use crate::domain::caller::Caller;
use crate::domain::surveys::build::is_choice;
use crate::entities::{area, survey, survey_community_count, survey_option_count, survey_question_total, survey_text_answer};
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

fn round(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

/// One question's result from its totals (answered, sum) and option counts.
fn question_result(i: usize, q: &SurveyQuestion, answered: i64, sum: f64, counts: &HashMap<i32, i64>) -> QuestionResult {
    let options = if is_choice(q.kind) {
        q.options
            .iter()
            .enumerate()
            .map(|(o, label)| {
                let count = counts.get(&(o as i32)).copied().unwrap_or(0);
                OptionResult {
                    option: o as u32,
                    label: label.clone(),
                    count,
                    share_pct: (answered > 0).then(|| round(count as f64 * 100.0 / answered as f64, 1)),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let mean = (matches!(q.kind, QuestionKind::Scale | QuestionKind::Number) && answered > 0).then(|| round(sum / answered as f64, 2));
    QuestionResult { question: i as u32, text: q.text.clone(), kind: q.kind, answered, options, mean }
}

/// Totals keyed by community (None = the whole survey).
type Totals = HashMap<(Option<Id>, i32), (i64, f64)>;
type Counts = HashMap<(Option<Id>, i32), HashMap<i32, i64>>;

fn questions_for(questions: &[SurveyQuestion], community: Option<Id>, totals: &Totals, counts: &Counts) -> Vec<QuestionResult> {
    let none = HashMap::new();
    questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let (answered, sum) = totals.get(&(community, i as i32)).copied().unwrap_or((0, 0.0));
            question_result(i, q, answered, sum, counts.get(&(community, i as i32)).unwrap_or(&none))
        })
        .collect()
}

/// The results of one survey, for the whole target and per community.
pub async fn results<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<SurveyResults, ApiError> {
    let s = for_results(db, caller, id).await?;
    let questions = questions_of(&s)?;
    let mut totals: Totals = HashMap::new();
    for t in survey_question_total::Entity::find().filter(survey_question_total::Column::SurveyId.eq(id)).all(db).await? {
        for key in [None, Some(t.community_id)] {
            let e = totals.entry((key, t.question)).or_default();
            e.0 += t.count;
            e.1 += t.sum;
        }
    }
    let mut counts: Counts = HashMap::new();
    for c in survey_option_count::Entity::find().filter(survey_option_count::Column::SurveyId.eq(id)).all(db).await? {
        for key in [None, Some(c.community_id)] {
            *counts.entry((key, c.question)).or_default().entry(c.option_no).or_default() += c.count;
        }
    }
    let per_community: BTreeMap<Id, i64> = survey_community_count::Entity::find()
        .filter(survey_community_count::Column::SurveyId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.community_id, c.count))
        .collect();
    let names: HashMap<Id, String> = area::Entity::find()
        .filter(area::Column::Id.is_in(per_community.keys().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    let communities = per_community
        .iter()
        .map(|(&community_id, &responses)| CommunityResult {
            community_id,
            community_name: names.get(&community_id).cloned().unwrap_or_default(),
            responses,
            questions: questions_for(&questions, Some(community_id), &totals, &counts),
        })
        .collect();
    Ok(SurveyResults {
        survey_id: s.id,
        status: status_of(&s)?,
        responses: per_community.values().sum(),
        questions: questions_for(&questions, None, &totals, &counts),
        communities,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_of_those_who_answered_and_means_of_the_values() {
        let q = SurveyQuestion {
            text: "满意吗".into(),
            kind: QuestionKind::SingleChoice,
            required: true,
            options: vec!["满意".into(), "一般".into(), "不满意".into()],
            min_picks: None,
            max_picks: None,
            min: None,
            max: None,
            max_length: None,
            condition: None,
        };
        let counts = HashMap::from([(0, 2), (2, 1)]);
        let r = question_result(0, &q, 3, 0.0, &counts);
        assert_eq!(
            r.options.iter().map(|o| (o.count, o.share_pct)).collect::<Vec<_>>(),
            vec![(2, Some(66.7)), (0, Some(0.0)), (1, Some(33.3))]
        );
        let scale = SurveyQuestion { kind: QuestionKind::Scale, options: vec![], ..q };
        assert_eq!(question_result(1, &scale, 3, 13.0, &HashMap::new()).mean, Some(4.33));
    }
}
