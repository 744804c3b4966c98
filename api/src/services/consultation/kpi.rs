//! 城乡社区民主协商机构(平台)覆盖率 (seed 003 专栏1, binding) from the platform's own data:
//! communities with at least one topic filed (立案) in the period ÷ communities.
//!
//! The KPI engine's indicator of that code is still a reported one: making it computed would stop
//! the reports already on record (and the import template) from being accepted, so it is offered
//! here until the catalogue row is switched over with its history kept.

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{AreaKind, Period};

use crate::clock::china_date;
use crate::domain::scope::Scope;
use crate::entities::{area, topic};
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

/// The coverage of the subtree under `area_path` (everything when `None`) in `period`.
pub async fn coverage<C: ConnectionTrait>(db: &C, area_path: Option<&str>, period: Period) -> Result<Coverage, ApiError> {
    let scope = area_path.map_or_else(Scope::everything, Scope::subtree);
    let communities: Vec<String> = area::Entity::find()
        .filter(scope.path_condition(area::Column::Path))
        .filter(area::Column::Kind.eq(AreaKind::Community.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.path)
        .collect();
    let filed: Vec<(String, NaiveDate)> = topic::Entity::find()
        .filter(scope.path_condition(topic::Column::CommunityPath))
        .filter(topic::Column::FiledAt.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .filter_map(|t| Some((t.community_path, china_date(t.filed_at?))))
        .collect();
    Ok(coverage_of(&communities, &filed, period))
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
