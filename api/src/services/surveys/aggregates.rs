//! The aggregates results are read from, added to in each response's transaction: responses per
//! community, and per question (answers, sum of values) and per option (picks) both per community
//! (for a community's breakdown) and over the whole target (for the survey's results, which then
//! read a few rows per question however many communities answered), and the same per target group
//! of the respondent (目标群体; one count in each of their groups, or in `none`).

use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, IdenStatic};
use shared::{Id, TargetGroup};

use crate::domain::surveys::answers::{Checked, Given};
use crate::entities::{
    survey_community_count, survey_group_option_count, survey_group_question_total, survey_group_total, survey_option_count,
    survey_question_total, survey_target_option_count, survey_target_question_total,
};

/// The group key of respondents in no target group (a NULL would not meet the unique key).
pub(crate) const NO_GROUP: &str = "none";

/// The group keys one response adds to, sorted: each of the respondent's groups, or [`NO_GROUP`].
fn group_keys(groups: &[TargetGroup]) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = groups.iter().map(|g| g.as_str()).collect();
    if keys.is_empty() {
        keys.push(NO_GROUP);
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Adds `rows` to the kept rows of `E` in one statement: `INSERT … ON CONFLICT (key) DO UPDATE SET
/// c = table.c + excluded.c` for each of `added`. The database adds under the row's lock, so
/// concurrent answers never lose a count; rows go in the order given, and callers give them in key
/// order so two answers on PostgreSQL lock shared rows in the same order (no deadlock).
async fn add_to<E: EntityTrait, C: ConnectionTrait>(
    db: &C,
    key: &[E::Column],
    added: &[E::Column],
    rows: Vec<Vec<Expr>>,
) -> Result<(), DbErr> {
    if rows.is_empty() {
        return Ok(());
    }
    let table = E::default().table_name();
    let mut insert = Query::insert();
    insert.into_table(E::default().table_ref()).columns(key.iter().chain(added).copied());
    for row in rows {
        insert.values_panic(row);
    }
    let sums = added.iter().map(|c| (*c, Expr::cust(format!("{table}.{0} + excluded.{0}", c.as_str()))));
    insert.on_conflict(OnConflict::columns(key.iter().copied()).values(sums).to_owned());
    db.execute(&insert).await?;
    Ok(())
}

/// Adds one response of `community`, from a respondent in `groups`, to every aggregate.
pub(super) async fn add_response<C: ConnectionTrait>(
    db: &C,
    survey_id: Id,
    community: Id,
    groups: &[TargetGroup],
    checked: &Checked,
) -> Result<(), DbErr> {
    {
        use survey_community_count::Column as K;
        let row: Vec<Expr> = vec![survey_id.into(), community.into(), 1i64.into()];
        add_to::<survey_community_count::Entity, _>(db, &[K::SurveyId, K::CommunityId], &[K::Count], vec![row]).await?;
    }
    // (question, value) of every answer, and (question, option) of every pick, in key order.
    let answered: Vec<(i32, f64)> = checked
        .iter()
        .enumerate()
        .filter_map(|(q, given)| given.as_ref().map(|g| (q as i32, if let Given::Value(v) = g { *v } else { 0.0 })))
        .collect();
    let mut picks: Vec<(i32, i32)> = Vec::new();
    for (q, given) in checked.iter().enumerate() {
        if let Some(Given::Choices(picked)) = given {
            picks.extend(picked.iter().map(|o| (q as i32, *o as i32)));
        }
    }
    picks.sort_unstable();
    {
        use survey_question_total::Column as T;
        let rows: Vec<Vec<Expr>> =
            answered.iter().map(|(q, v)| vec![survey_id.into(), (*q).into(), community.into(), 1i64.into(), (*v).into()]).collect();
        add_to::<survey_question_total::Entity, _>(db, &[T::SurveyId, T::Question, T::CommunityId], &[T::Count, T::Sum], rows).await?;
    }
    {
        use survey_target_question_total::Column as T;
        let rows: Vec<Vec<Expr>> = answered.iter().map(|(q, v)| vec![survey_id.into(), (*q).into(), 1i64.into(), (*v).into()]).collect();
        add_to::<survey_target_question_total::Entity, _>(db, &[T::SurveyId, T::Question], &[T::Count, T::Sum], rows).await?;
    }
    {
        use survey_option_count::Column as O;
        let rows: Vec<Vec<Expr>> =
            picks.iter().map(|(q, o)| vec![survey_id.into(), (*q).into(), (*o).into(), community.into(), 1i64.into()]).collect();
        add_to::<survey_option_count::Entity, _>(db, &[O::SurveyId, O::Question, O::OptionNo, O::CommunityId], &[O::Count], rows).await?;
    }
    {
        use survey_target_option_count::Column as O;
        let rows: Vec<Vec<Expr>> = picks.iter().map(|(q, o)| vec![survey_id.into(), (*q).into(), (*o).into(), 1i64.into()]).collect();
        add_to::<survey_target_option_count::Entity, _>(db, &[O::SurveyId, O::Question, O::OptionNo], &[O::Count], rows).await?;
    }
    // Per target group: the keys lead with the group, so rows in (group, question, option) order.
    let keys = group_keys(groups);
    {
        use survey_group_total::Column as G;
        let rows: Vec<Vec<Expr>> = keys.iter().map(|g| vec![survey_id.into(), (*g).into(), 1i64.into()]).collect();
        add_to::<survey_group_total::Entity, _>(db, &[G::SurveyId, G::TargetGroup], &[G::Responses], rows).await?;
    }
    {
        use survey_group_question_total::Column as T;
        let rows: Vec<Vec<Expr>> = keys
            .iter()
            .flat_map(|g| answered.iter().map(move |(q, v)| vec![survey_id.into(), (*g).into(), (*q).into(), 1i64.into(), (*v).into()]))
            .collect();
        add_to::<survey_group_question_total::Entity, _>(db, &[T::SurveyId, T::TargetGroup, T::Question], &[T::Count, T::Sum], rows)
            .await?;
    }
    {
        use survey_group_option_count::Column as O;
        let rows: Vec<Vec<Expr>> = keys
            .iter()
            .flat_map(|g| picks.iter().map(move |(q, o)| vec![survey_id.into(), (*g).into(), (*q).into(), (*o).into(), 1i64.into()]))
            .collect();
        add_to::<survey_group_option_count::Entity, _>(db, &[O::SurveyId, O::TargetGroup, O::Question, O::OptionNo], &[O::Count], rows)
            .await?;
    }
    Ok(())
}
