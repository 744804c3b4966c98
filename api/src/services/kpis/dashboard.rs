//! The dashboard of an area and period (every indicator: value, target, status, trend), an
//! indicator's series over consecutive periods, and its breakdown by child areas. Need indicators
//! read the kept counters of the areas asked about, so the cost grows with areas × indicators, never
//! with the number of needs.

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use shared::{
    Attainment, AttainmentCounts, BreakdownRow, ChildArea, FieldRule, Id, KpiBreakdown, KpiCard, KpiDashboard, KpiSeries, PeriodKind,
    Provenance, SeriesPoint, TargetValue,
};

use super::reports::to_dtos;
use super::targets::Targets;
use super::tree::Tree;
use super::values::{Evaluated, Inputs, span};
use crate::domain::caller::Caller;
use crate::domain::kpis::attainment::{Situation, assess, trend};
use crate::domain::kpis::catalogue::{self, Definition};
use crate::domain::kpis::period::{Period, PeriodClock};
use crate::domain::matching::geo::Walking;
use crate::error::ApiError;
use crate::policy::{self, Action};

/// Most points a series returns.
pub const MAX_POINTS: u32 = 36;

pub fn find_indicator(code: &str) -> Result<&'static Definition, ApiError> {
    catalogue::find(code)
        .ok_or_else(|| ApiError::field("indicator", FieldRule::NotFound, "no such indicator; see GET /api/v1/kpis/indicators"))
}

/// One indicator judged in one area and period.
pub struct Judged {
    pub evaluated: Evaluated,
    pub value: Option<f64>,
    pub target: Option<(TargetValue, Option<Id>)>,
    pub status: Attainment,
    pub projected: Option<f64>,
}

/// Judges an indicator: its value, the target in force, and the status against a projection to the
/// end of the year (a stock moves on from last year's value; a flow keeps its pace).
pub fn judge(inputs: &Inputs, targets: &Targets, def: &Definition, area: Id, period: Period, now: DateTime<Utc>) -> Judged {
    let i = &def.indicator;
    let evaluated = inputs.evaluate(def, area, period);
    let value = evaluated.facts.as_ref().and_then(|f| f.value(i.scale));
    let place = inputs.tree.areas.get(&area);
    let target = targets.for_area(i, place.map(|a| a.path.as_str()).unwrap_or_default(), inputs.tree.kind(area), period.year);
    let year = Period::year(period.year);
    let start = if i.accumulates { None } else { inputs.evaluate(def, area, year.previous()).facts.and_then(|f| f.value(i.scale)) };
    let flow_in_part_of_year = i.accumulates && period.kind != PeriodKind::Year;
    let situation = Situation {
        direction: i.direction,
        accumulates: i.accumulates,
        value,
        target: target.map(|t| t.0),
        start,
        closed: year.closed(now),
        elapsed: if flow_in_part_of_year { 0.0 } else { period.year_elapsed(now) },
    };
    let (status, projected) = assess(&situation);
    Judged { evaluated, value, target, status, projected }
}

fn count(counts: &mut AttainmentCounts, status: Attainment) {
    let slot = match status {
        Attainment::Met => &mut counts.met,
        Attainment::OnTrack => &mut counts.on_track,
        Attainment::AtRisk => &mut counts.at_risk,
        Attainment::Missed => &mut counts.missed,
        Attainment::NoTarget => &mut counts.no_target,
        Attainment::NoData => &mut counts.no_data,
    };
    *slot += 1;
}

/// Loads what questions about an area (and, `with_children`, its children) over `periods` need.
pub(super) async fn prepare<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    area_id: Id,
    periods: &[Period],
    with_children: bool,
    walking: Walking,
) -> Result<(Inputs, Targets), ApiError> {
    policy::require(caller, Action::ReadKpis)?;
    let root =
        crate::policy::load_within::<crate::entities::area::Entity, _>(db, &crate::domain::scope::Scope::of(caller), area_id).await?;
    let tree = Tree::load(db, root).await?;
    let mut areas = vec![tree.root.id];
    if with_children {
        areas.extend_from_slice(tree.children_of(tree.root.id));
    }
    // Last year's values are the starting points of projections.
    let all: Vec<Period> = periods.iter().flat_map(|p| [*p, p.previous(), Period::year(p.year - 1)]).collect();
    let years = (all.iter().map(|p| p.year).min().unwrap_or(2000), all.iter().map(|p| p.year).max().unwrap_or(2000));
    let targets = Targets::load(db, &tree.root.path, years).await?;
    let inputs = Inputs::load(db, tree, &areas, span(all), walking).await?;
    Ok((inputs, targets))
}

pub async fn dashboard<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    area_id: Id,
    period: Period,
    walking: Walking,
    now: DateTime<Utc>,
) -> Result<KpiDashboard, ApiError> {
    let (inputs, targets) = prepare(db, caller, area_id, &[period], false, walking).await?;
    let root = &inputs.tree.root;
    let expected = inputs.tree.communities(root.id).len().max(1) as u32;
    let mut counts = AttainmentCounts::default();
    let judged: Vec<(&Definition, Judged)> =
        catalogue::all().iter().map(|def| (def, judge(&inputs, &targets, def, root.id, period, now))).collect();
    // The latest report behind each reported card, named in one query for all cards.
    let latest: Vec<_> =
        judged.iter().filter_map(|(_, j)| j.evaluated.reports.iter().max_by_key(|r| (r.reported_at, r.id)).cloned()).collect();
    let latest = to_dtos(db, latest).await?;
    let mut cards = Vec::new();
    for (def, j) in judged {
        let previous = inputs.evaluate(def, root.id, period.previous()).facts.and_then(|f| f.value(def.indicator.scale));
        // A computed card shows reports only where they answer for its period (made before it was computed).
        let provenance = (def.computed.is_none() || !j.evaluated.reports.is_empty()).then(|| Provenance {
            areas_reported: j.evaluated.reports.len() as u32,
            areas_expected: expected,
            latest_report: latest.iter().find(|r| r.indicator == def.indicator.code).cloned(),
        });
        count(&mut counts, j.status);
        let (numerator, denominator) = j.evaluated.facts.as_ref().map(|f| f.parts()).unwrap_or_default();
        cards.push(KpiCard {
            indicator: def.indicator.clone(),
            value: j.value,
            numerator,
            denominator,
            target: j.target.map(|t| t.0),
            target_source: j.target.map(|t| targets.source(t.1)),
            status: j.status,
            projected: j.projected,
            previous,
            trend: trend(j.value, previous),
            provenance,
        });
    }
    Ok(KpiDashboard {
        area_id: root.id,
        area_name: root.name.clone(),
        area_kind: inputs.tree.root_kind,
        period,
        period_kind: period.kind,
        period_closed: period.closed(now),
        year_elapsed: period.year_elapsed(now),
        counts,
        cards,
        children: inputs.tree.child_areas(root.id),
    })
}

/// Which series: an indicator of an area, over `points` periods ending at `period`.
pub struct SeriesAsk<'a> {
    pub indicator: &'a str,
    pub area_id: Id,
    pub period: Period,
    pub points: Option<u32>,
}

pub async fn series<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    ask: SeriesAsk<'_>,
    walking: Walking,
    now: DateTime<Utc>,
) -> Result<KpiSeries, ApiError> {
    let SeriesAsk { indicator, area_id, period, points } = ask;
    let def = find_indicator(indicator)?;
    let n = points.unwrap_or(match period.kind {
        PeriodKind::Year => 5,
        PeriodKind::Quarter => 8,
        PeriodKind::Month => 12,
    });
    if !(1..=MAX_POINTS).contains(&n) {
        return Err(ApiError::field("points", FieldRule::OutOfRange, format!("from 1 to {MAX_POINTS}")));
    }
    // Periods name years 2000–2100 only: a series reaching further back starts at 2000.
    let periods: Vec<Period> = (0..n as i32).rev().map(|k| period.shift(-k)).filter(|p| p.year >= 2000).collect();
    let (inputs, targets) = prepare(db, caller, area_id, &periods, false, walking).await?;
    let root = &inputs.tree.root;
    let points = periods
        .iter()
        .map(|p| {
            let j = judge(&inputs, &targets, def, root.id, *p, now);
            SeriesPoint { period: *p, value: j.value, target: j.target.map(|t| t.0), status: j.status }
        })
        .collect();
    Ok(KpiSeries { indicator: def.indicator.clone(), area_id: root.id, area_name: root.name.clone(), points })
}

pub async fn breakdown<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    indicator: &str,
    area_id: Id,
    period: Period,
    walking: Walking,
    now: DateTime<Utc>,
) -> Result<KpiBreakdown, ApiError> {
    let def = find_indicator(indicator)?;
    let (inputs, targets) = prepare(db, caller, area_id, &[period], true, walking).await?;
    let root = &inputs.tree.root;
    let row = |area: ChildArea| {
        let j = judge(&inputs, &targets, def, area.id, period, now);
        let (numerator, denominator) = j.evaluated.facts.as_ref().map(|f| f.parts()).unwrap_or_default();
        BreakdownRow { area, value: j.value, numerator, denominator, target: j.target.map(|t| t.0), status: j.status }
    };
    let total = row(ChildArea { id: root.id, name: root.name.clone(), kind: inputs.tree.root_kind });
    let rows = inputs.tree.child_areas(root.id).into_iter().map(row).collect();
    Ok(KpiBreakdown { indicator: def.indicator.clone(), area_id: root.id, area_name: root.name.clone(), period, total, rows })
}
