//! 城乡社区民主协商机构(平台)覆盖率 (seed 003 专栏1, binding) from the platform's own data:
//! communities with at least one topic filed (立案) in the period ÷ communities.
//!
//! The KPI engine computes the indicator with this rule (`services::kpis::values`); reports made
//! before it was computed stay on record and still answer for their periods.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use shared::Period;

use crate::clock::china_date;
use crate::domain::scope::Scope;
use crate::entities::topic;
use crate::error::ApiError;

/// Communities covered and all communities of an area's subtree in one period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coverage {
    pub covered: usize,
    pub communities: usize,
}

impl Coverage {
    /// The share in percent; none without communities.
    pub fn percent(self) -> Option<f64> {
        (self.communities > 0).then(|| self.covered as f64 * 100.0 / self.communities as f64)
    }
}

/// The rule, free of the database: a community counts once when any topic of it was filed on a day
/// of the period (China time).
pub fn coverage_of(communities: &[String], filed: &[(String, NaiveDate)], period: Period) -> Coverage {
    let (start, end) = (period.start(), period.end_exclusive());
    let covered = communities.iter().filter(|c| filed.iter().any(|(path, day)| path == *c && (start..end).contains(day))).count();
    Coverage { covered, communities: communities.len() }
}

/// Each topic filed (立案) in the scope: its community and the (China) day it was filed.
pub async fn filed<C: ConnectionTrait>(db: &C, scope: &Scope) -> Result<Vec<(String, NaiveDate)>, ApiError> {
    Ok(topic::Entity::find()
        .filter(scope.path_condition(topic::Column::CommunityPath))
        .filter(topic::Column::FiledAt.is_not_null())
        .select_only()
        .columns([topic::Column::CommunityPath, topic::Column::FiledAt])
        .into_tuple::<(String, Option<DateTime<Utc>>)>()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(path, at)| Some((path, china_date(at?))))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    #[test]
    fn a_community_counts_once_for_any_topic_filed_in_the_period() {
        // Hand-counted: four communities; /1/2/ filed twice in Q3, /1/3/ once in Q3, /1/4/ only in
        // Q2, /1/5/ never → 2 of 4 in 2026-Q3, 1 of 4 in 2026-Q2, 3 of 4 over 2026.
        let communities: Vec<String> = ["/1/2/", "/1/3/", "/1/4/", "/1/5/"].map(String::from).to_vec();
        let filed = vec![
            ("/1/2/".to_owned(), day(7, 1)),
            ("/1/2/".to_owned(), day(9, 30)),
            ("/1/3/".to_owned(), day(8, 15)),
            ("/1/4/".to_owned(), day(6, 30)),
        ];
        let q3 = Period::parse("2026-Q3").unwrap_or(Period::year(2026));
        let q2 = Period::parse("2026-Q2").unwrap_or(Period::year(2026));
        assert_eq!(coverage_of(&communities, &filed, q3), Coverage { covered: 2, communities: 4 });
        assert_eq!(coverage_of(&communities, &filed, q2), Coverage { covered: 1, communities: 4 });
        assert_eq!(coverage_of(&communities, &filed, Period::year(2026)).percent(), Some(75.0));
    }

    #[test]
    fn no_communities_is_no_value_rather_than_zero() {
        assert_eq!(coverage_of(&[], &[], Period::year(2026)).percent(), None);
    }
}
