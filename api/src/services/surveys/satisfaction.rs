//! 居民满意度（问卷）, the satisfaction seed 002 judges its 90 % on (an annual questionnaire): of the
//! answers to surveys' satisfaction questions, the share that picked an option the survey counts as
//! satisfied (the annual template's 非常满意 and 满意). A survey counts in the period its window
//! closes in (China time), for the communities its respondents live in; read from the kept
//! per-community aggregates, never from the answers.

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use shared::{Id, Period, SurveyStatus};

use crate::clock::china_date;
use crate::domain::scope::Scope;
use crate::entities::{survey, survey_option_count, survey_question_total};
use crate::error::ApiError;

/// One survey's satisfaction answers from one community.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answered {
    pub community: Id,
    pub closes: NaiveDate,
    pub satisfied: i64,
    pub answered: i64,
}

/// (satisfied, answered) over `communities` in `period`.
pub fn total(rows: &[Answered], communities: &std::collections::HashSet<Id>, period: Period) -> (i64, i64) {
    let (start, end) = (period.start(), period.end_exclusive());
    rows.iter()
        .filter(|r| communities.contains(&r.community) && (start..end).contains(&r.closes))
        .fold((0, 0), |(s, a), r| (s + r.satisfied, a + r.answered))
}

/// Every survey's satisfaction answers per community of `scope`.
pub async fn answered<C: ConnectionTrait>(db: &C, scope: &Scope) -> Result<Vec<Answered>, ApiError> {
    let surveys = survey::Entity::find().filter(survey::Column::Status.ne(SurveyStatus::Draft.as_str())).all(db).await?;
    // (survey, its satisfaction question, the options counted, the day it closes)
    let mut measured: Vec<(Id, i32, Vec<i32>, NaiveDate)> = Vec::new();
    for s in &surveys {
        let questions = super::questions_of(s)?;
        if let Some((q, question)) = questions.iter().enumerate().find(|(_, q)| !q.satisfied_options.is_empty()) {
            let options = question.satisfied_options.iter().map(|o| *o as i32).collect();
            measured.push((s.id, q as i32, options, china_date(s.closes_at)));
        }
    }
    if measured.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Id> = measured.iter().map(|m| m.0).collect();
    let totals: Vec<(Id, i32, Id, i64)> = survey_question_total::Entity::find()
        .filter(survey_question_total::Column::SurveyId.is_in(ids.clone()))
        .filter(scope.area_id_condition(survey_question_total::Column::CommunityId))
        .select_only()
        .columns([
            survey_question_total::Column::SurveyId,
            survey_question_total::Column::Question,
            survey_question_total::Column::CommunityId,
            survey_question_total::Column::Count,
        ])
        .into_tuple()
        .all(db)
        .await?;
    let picks: Vec<(Id, i32, i32, Id, i64)> = survey_option_count::Entity::find()
        .filter(survey_option_count::Column::SurveyId.is_in(ids))
        .filter(scope.area_id_condition(survey_option_count::Column::CommunityId))
        .select_only()
        .columns([
            survey_option_count::Column::SurveyId,
            survey_option_count::Column::Question,
            survey_option_count::Column::OptionNo,
            survey_option_count::Column::CommunityId,
            survey_option_count::Column::Count,
        ])
        .into_tuple()
        .all(db)
        .await?;
    let mut out = Vec::new();
    for (survey, question, options, closes) in measured {
        for &(_, _, community, answered) in totals.iter().filter(|t| t.0 == survey && t.1 == question) {
            let satisfied =
                picks.iter().filter(|p| p.0 == survey && p.1 == question && p.3 == community && options.contains(&p.2)).map(|p| p.4).sum();
            out.push(Answered { community, closes, satisfied, answered });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_count_in_the_period_their_survey_closes_in_for_the_communities_asked_about() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
        // Hand-counted: community 1 answered 10 (9 satisfied) in a survey closing in December and
        // 4 (1 satisfied) in one closing in March; community 2 answered 6 (3 satisfied) in December.
        let rows = [
            Answered { community: 1, closes: day(12, 31), satisfied: 9, answered: 10 },
            Answered { community: 1, closes: day(3, 1), satisfied: 1, answered: 4 },
            Answered { community: 2, closes: day(12, 31), satisfied: 3, answered: 6 },
        ];
        let q4 = Period::parse("2026-Q4").unwrap_or(Period::year(2026));
        assert_eq!(total(&rows, &[1].into(), q4), (9, 10));
        assert_eq!(total(&rows, &[1, 2].into(), q4), (12, 16));
        assert_eq!(total(&rows, &[1, 2].into(), Period::year(2026)), (13, 20));
        assert_eq!(total(&rows, &[3].into(), Period::year(2026)), (0, 0));
    }
}
