//! Demo KPI figures: each community's staff report the figures of 专栏1 and seed 002 for 2025 and the
//! quarters of this year through the same `report` as the form, leaving a few out so the dashboard
//! shows partial reporting; the district sets one target of its own.

use chrono::{DateTime, Datelike, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use shared::{Comparator, NewKpiReport, SetTarget};

use super::communities::COMMUNITIES;
use super::{demo_caller, local_staff};
use crate::domain::kpis::period::{Period, PeriodClock};
use crate::entities::{area, kpi_report};
use crate::error::ApiError;
use crate::services::kpis::{reports, targets};

/// Indicator, and how a community's figure is made from its size and a small per-community shift:
/// `(numerator, denominator)` for ratios, `(value, _)` otherwise.
type Figure = fn(households: f64, population: f64, shift: f64) -> (f64, Option<f64>);

const FIGURES: &[(&str, Figure)] = &[
    ("commercial_facility_share", |h, _, s| (h * (0.95 + s / 10.0), Some(h * 10.0))),
    ("activity_space_share", |h, _, s| (h * 0.2 * (0.64 + s / 20.0), Some(h * 0.2))),
    ("self_service_coverage", |_, _, s| (if s > 0.2 { 1.0 } else { 0.0 }, Some(1.0))),
    ("certified_social_workers", |_, _, s| ((3.0 + 6.0 * s).round(), None)),
    ("community_workers_per_10k", |_, p, s| (((16.5 + 3.0 * s) * p / 10_000.0).round(), Some(p))),
    ("all_round_service_coverage", |_, _, _| (1.0, Some(1.0))),
    ("home_service_elderly_share", |_, p, s| ((p * 0.2 * (0.12 + s / 10.0)).round(), Some((p * 0.2).round()))),
    ("hardship_visit_mechanism", |_, _, _| (1.0, Some(1.0))),
    ("five_social_linkage_coverage", |_, _, s| (if s > 0.3 { 1.0 } else { 0.0 }, Some(1.0))),
    ("facility_coverage", |_, _, _| (1.0, Some(1.0))),
    ("childcare_places_per_1000", |_, p, s| ((p * (2.5 + 2.5 * s) / 1000.0).round(), Some(p))),
    ("dispute_resolution_rate", |_, _, s| ((40.0 + 20.0 * s).round(), Some(42.0 + (20.0 * s).round()))),
];

fn report_for(code: &str, area_id: i64, period: &str, (first, second): (f64, Option<f64>)) -> NewKpiReport {
    let ratio = crate::domain::kpis::catalogue::find(code).is_some_and(|d| d.indicator.rollup == shared::KpiRollup::Ratio);
    NewKpiReport {
        indicator: code.into(),
        area_id,
        period: period.into(),
        value: (!ratio).then_some(first),
        numerator: ratio.then_some(first),
        denominator: if ratio { second } else { None },
        source_note: "社区台账 (演示数据)".into(),
        replaces: None,
    }
}

pub async fn seed<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<usize, ApiError> {
    if kpi_report::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let this_year = now.year();
    // Last year, then each quarter of this year that has ended.
    let mut periods = vec![(Period::year(this_year - 1), 0.0)];
    let mut quarter = Period::parse(&format!("{this_year}-Q1")).expect("a quarter");
    while quarter.closed(now) && quarter.year == this_year {
        periods.push((quarter, 0.03 * quarter.index as f64));
        quarter = quarter.shift(1);
    }
    let mut created = 0;
    for (n, c) in COMMUNITIES.iter().enumerate() {
        let Some(community) = area::Entity::find().filter(area::Column::Code.eq(c.code)).one(db).await? else { continue };
        let Ok(staff) = demo_caller(db, &local_staff(n)).await else { continue };
        let base = ((n * 37) % 10) as f64 / 10.0;
        for (k, (code, figure)) in FIGURES.iter().enumerate() {
            // Some communities have not reported some figures yet.
            if (n + k) % 7 == 3 {
                continue;
            }
            for (period, growth) in &periods {
                let shift = (base + growth).min(1.0);
                let new = report_for(code, community.id, &period.to_string(), figure(c.households as f64, c.population as f64, shift));
                reports::report(db, &staff, &new, now, None).await?;
                created += 1;
            }
        }
    }
    // The district of the first community reports the county-level figure and sets a target of its own.
    if let (Ok(district), Some(first)) = (demo_caller(db, "district").await, COMMUNITIES.first())
        && let Some(d) = area::Entity::find().filter(area::Column::Code.eq(first.district.code)).one(db).await?
    {
        let new = report_for("mental_rehab_county_coverage", d.id, &(this_year - 1).to_string(), (1.0, Some(1.0)));
        reports::report(db, &district, &new, now, None).await?;
        let target = SetTarget {
            indicator: "satisfaction_rate".into(),
            area_id: d.id,
            year: this_year,
            comparator: Comparator::AtLeast,
            value: 92.0,
            note: Some("区级目标高于全市 (演示数据)".into()),
        };
        targets::set(db, &district, &target, now, None).await?;
        created += 2;
    }
    Ok(created)
}
