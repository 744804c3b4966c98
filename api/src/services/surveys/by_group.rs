//! Results broken down by the respondents' target groups (目标群体), read from the per-group
//! aggregates ([`super::aggregates`]): responses of every group that answered and, from
//! [`MIN_GROUP`] responses on, its answers per question — with fewer, a breakdown could point at who
//! answered what, and these groups (低保, 残疾人 …) are the sensitive kind.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use shared::{Id, MIN_GROUP, SurveyQuestion, TargetGroup, TargetGroupResult};

use super::aggregates::NO_GROUP;
use super::tallies::Tallies;
use crate::entities::stored::StoredValueInvalid;
use crate::entities::{survey_group_option_count, survey_group_question_total, survey_group_total};
use crate::error::ApiError;

/// A stored group key: a group's code, or [`NO_GROUP`] (`None`).
fn group_of(key: &str, id: Id) -> Result<Option<TargetGroup>, StoredValueInvalid> {
    if key == NO_GROUP { Ok(None) } else { crate::entities::stored::stored(key, "survey_group_totals", id).map(Some) }
}

/// Where a group sorts: the vocabulary's order, respondents in no group last.
fn rank(g: Option<TargetGroup>) -> usize {
    g.map_or(TargetGroup::ALL.len(), |g| TargetGroup::ALL.iter().position(|x| *x == g).unwrap_or(TargetGroup::ALL.len()))
}

/// Every group that answered survey `id`, with its answers past [`MIN_GROUP`] responses.
pub(crate) async fn by_target_group<C: ConnectionTrait>(
    db: &C,
    id: Id,
    questions: &[SurveyQuestion],
) -> Result<Vec<TargetGroupResult>, ApiError> {
    let totals: Vec<survey_group_total::Model> =
        survey_group_total::Entity::find().filter(survey_group_total::Column::SurveyId.eq(id)).all(db).await?;
    let shown: Vec<&str> = totals.iter().filter(|t| t.responses >= MIN_GROUP).map(|t| t.target_group.as_str()).collect();
    let mut tallies: HashMap<String, Tallies> = HashMap::new();
    if !shown.is_empty() {
        use survey_group_option_count::Column as O;
        use survey_group_question_total::Column as T;
        let rows: Vec<(String, i32, i64, f64)> = survey_group_question_total::Entity::find()
            .select_only()
            .columns([T::TargetGroup, T::Question, T::Count, T::Sum])
            .filter(T::SurveyId.eq(id))
            .filter(T::TargetGroup.is_in(shown.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        for (g, q, answered, sum) in rows {
            tallies.entry(g).or_default().add_total(q, answered, sum);
        }
        let rows: Vec<(String, i32, i32, i64)> = survey_group_option_count::Entity::find()
            .select_only()
            .columns([O::TargetGroup, O::Question, O::OptionNo, O::Count])
            .filter(O::SurveyId.eq(id))
            .filter(O::TargetGroup.is_in(shown.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        for (g, q, o, count) in rows {
            tallies.entry(g).or_default().add_count(q, o, count);
        }
    }
    let mut out = Vec::with_capacity(totals.len());
    for t in totals.into_iter().filter(|t| t.responses > 0) {
        let breakdown = t.responses >= MIN_GROUP;
        out.push(TargetGroupResult {
            target_group: group_of(&t.target_group, t.id)?,
            responses: t.responses,
            breakdown,
            questions: if breakdown { tallies.remove(&t.target_group).unwrap_or_default().questions(questions) } else { Vec::new() },
        });
    }
    out.sort_by_key(|r| rank(r.target_group));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use shared::Code;

    use super::*;

    #[test]
    fn groups_sort_in_the_vocabularys_order_with_no_group_last() {
        let mut gs = vec![None, Some(TargetGroup::LowIncome), Some(TargetGroup::Elderly)];
        gs.sort_by_key(|g| rank(*g));
        assert_eq!(gs, vec![Some(TargetGroup::Elderly), Some(TargetGroup::LowIncome), None]);
        assert_eq!(<TargetGroup as Code>::parse(NO_GROUP), None, "the no-group key must not be a group's code");
    }
}
