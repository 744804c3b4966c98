//! KPIs (指标): the indicator catalogue of seed 003 专栏1 and seed 002's goals, targets per area and
//! year, reported values with their provenance, computed values, and the dashboard built from them.
//!
//! A period is written `2026` (year), `2026-Q3` (quarter) or `2026-09` (month).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{ImportError, code_enum};

code_enum! {
    /// Which way is better.
    pub enum KpiDirection {
        Higher = "higher",
        Lower = "lower",
        /// Informational: no target, no status (e.g. needs per 1 000 residents).
        Neutral = "neutral",
    }
}

code_enum! {
    /// 约束性 binding or 预期性 expected (seed 003 专栏1).
    pub enum KpiAttribute {
        Binding = "binding",
        Expected = "expected",
    }
}

code_enum! {
    /// How values of child areas combine into their parent's.
    pub enum KpiRollup {
        /// Added up (e.g. certified social workers, volunteer hours).
        Sum = "sum",
        /// Numerators and denominators are each added up, then divided: never an average of averages.
        Ratio = "ratio",
        /// A rate averaged with each area's resident population as its weight.
        WeightedPopulation = "weighted_population",
        /// A rate averaged with each area's households as its weight.
        WeightedHouseholds = "weighted_households",
        /// The weakest area's value.
        Min = "min",
        /// A distribution (response-time histogram) added up bucket by bucket; the value is a percentile.
        Distribution = "distribution",
    }
}

code_enum! {
    /// Where values come from.
    pub enum KpiSource {
        /// Staff report them (by form or Excel), with provenance.
        Reported = "reported",
        /// The platform computes them from its own needs, programs, resources and community profiles.
        Computed = "computed",
    }
}

code_enum! {
    /// How a target is compared (≥, ≤, =).
    pub enum Comparator {
        AtLeast = "at_least",
        AtMost = "at_most",
        Equal = "equal",
    }
}

code_enum! {
    /// Attainment of one indicator in one area and period.
    pub enum Attainment {
        /// The value meets the target.
        Met = "met",
        /// Not met yet, but the projection to the year's end meets it.
        OnTrack = "on_track",
        /// The period is still running and the projection misses the target.
        AtRisk = "at_risk",
        /// The period is over and the target was not met.
        Missed = "missed",
        /// No target applies (or the indicator is informational).
        NoTarget = "no_target",
        /// No value for this area and period.
        NoData = "no_data",
    }
}

code_enum! {
    /// Direction of change against the previous period.
    pub enum Trend {
        Up = "up",
        Down = "down",
        Flat = "flat",
    }
}

code_enum! {
    /// Granularity of a period.
    pub enum PeriodKind {
        Year = "year",
        Quarter = "quarter",
        Month = "month",
    }
}

/// A target: comparator and value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TargetValue {
    pub comparator: Comparator,
    pub value: f64,
}

/// A catalogue target for one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YearTarget {
    pub year: i32,
    pub comparator: Comparator,
    pub value: f64,
}

/// One indicator of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Indicator {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    /// Unit as shown, e.g. `%`, `m²/百户`, `小时`.
    pub unit: String,
    pub direction: KpiDirection,
    pub attribute: KpiAttribute,
    pub rollup: KpiRollup,
    pub source: KpiSource,
    /// For ratios: value = numerator ÷ denominator × scale (100 for a percentage).
    pub scale: f64,
    /// What the numerator and denominator count, for the reporting form (ratios only).
    pub numerator_zh: Option<String>,
    pub denominator_zh: Option<String>,
    /// Flows (needs, hours) accumulate over a period; stocks and rates do not.
    pub accumulates: bool,
    /// The 2023 baseline of seed 003 (or seed 002's starting point).
    pub baseline: Option<f64>,
    pub baseline_year: Option<i32>,
    /// Catalogue targets; a year after the last one keeps the last one.
    pub targets: Vec<YearTarget>,
    /// Where the indicator comes from, e.g. `seed 003 专栏1`.
    pub reference: String,
}

/// A target set for one area and year, overriding the catalogue's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AreaTarget {
    pub id: i64,
    pub indicator: String,
    pub area_id: i64,
    pub area_name: String,
    pub year: i32,
    pub comparator: Comparator,
    pub value: f64,
    pub note: Option<String>,
    pub set_by: String,
    pub set_at: DateTime<Utc>,
}

/// Set (or change) the target of an indicator for an area and year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetTarget {
    #[cfg_attr(feature = "openapi", schema(example = "certified_social_workers"))]
    pub indicator: String,
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub area_id: i64,
    #[cfg_attr(feature = "openapi", schema(minimum = 2000, maximum = 2100, example = 2026))]
    pub year: i32,
    pub comparator: Comparator,
    #[cfg_attr(feature = "openapi", schema(example = 120.0))]
    pub value: f64,
    #[cfg_attr(feature = "openapi", schema(max_length = 500, example = "区民政局下达"))]
    pub note: Option<String>,
}

/// A reported value with its provenance. Later reports for the same indicator, area and period
/// supersede it; the history is kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KpiReport {
    pub id: i64,
    pub indicator: String,
    pub area_id: i64,
    pub area_name: String,
    pub period: crate::Period,
    pub value: f64,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub source_note: String,
    pub reported_by: String,
    pub reported_at: DateTime<Utc>,
    /// The report this one replaced, if any.
    pub replaces: Option<i64>,
    /// Set once a later report replaced this one.
    pub superseded_by: Option<i64>,
}

/// Report a value. Ratio indicators take a numerator and denominator (the value follows from them);
/// the others take a value. Replacing a current value requires naming it in `replaces`, so nothing is
/// overwritten by accident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewKpiReport {
    #[cfg_attr(feature = "openapi", schema(example = "certified_social_workers"))]
    pub indicator: String,
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub area_id: i64,
    /// `2026`, `2026-Q3` or `2026-09`.
    #[cfg_attr(feature = "openapi", schema(max_length = 7, example = "2026"))]
    pub period: String,
    #[cfg_attr(feature = "openapi", schema(example = 12.0))]
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// Where the number comes from (台账, survey, department statistics …).
    #[cfg_attr(feature = "openapi", schema(max_length = 500, example = "社区工作者持证台账"))]
    pub source_note: String,
    pub replaces: Option<i64>,
}

/// How an area's value was obtained, for the card's footnote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Provenance {
    /// Areas whose reports went into the value, and areas that could have reported.
    pub areas_reported: u32,
    pub areas_expected: u32,
    /// The latest report that went into it.
    pub latest_report: Option<KpiReport>,
}

/// One indicator on the dashboard of an area and period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KpiCard {
    pub indicator: Indicator,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub target: Option<TargetValue>,
    /// Where the target comes from: `catalogue`, or the area whose target applies.
    pub target_source: Option<String>,
    pub status: Attainment,
    /// The value projected to the year's end, when the period is still running.
    pub projected: Option<f64>,
    /// The value of the previous period of the same kind.
    pub previous: Option<f64>,
    pub trend: Option<Trend>,
    /// For reported indicators: who reported and how many areas did.
    pub provenance: Option<Provenance>,
}

/// Counts of cards by status, for the overview's summary line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttainmentCounts {
    pub met: u32,
    pub on_track: u32,
    pub at_risk: u32,
    pub missed: u32,
    pub no_target: u32,
    pub no_data: u32,
}

/// A child area for drill-down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChildArea {
    pub id: i64,
    pub name: String,
    pub kind: crate::AreaKind,
}

/// Every indicator of an area in a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KpiDashboard {
    pub area_id: i64,
    pub area_name: String,
    pub area_kind: crate::AreaKind,
    pub period: crate::Period,
    pub period_kind: PeriodKind,
    /// Whether the period is over (today is after its end, China time).
    pub period_closed: bool,
    /// Share of the year elapsed at the period's end or today, used for projections.
    pub year_elapsed: f64,
    pub counts: AttainmentCounts,
    pub cards: Vec<KpiCard>,
    /// The children to drill down into.
    pub children: Vec<ChildArea>,
}

/// One point of a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SeriesPoint {
    pub period: crate::Period,
    pub value: Option<f64>,
    pub target: Option<TargetValue>,
    pub status: Attainment,
}

/// An indicator over consecutive periods ending at the one asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KpiSeries {
    pub indicator: Indicator,
    pub area_id: i64,
    pub area_name: String,
    pub points: Vec<SeriesPoint>,
}

/// One child area's value of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BreakdownRow {
    pub area: ChildArea,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub target: Option<TargetValue>,
    pub status: Attainment,
}

/// An indicator broken down by the child areas of an area; `total` is the area's own rolled-up value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KpiBreakdown {
    pub indicator: Indicator,
    pub area_id: i64,
    pub area_name: String,
    pub period: crate::Period,
    pub total: BreakdownRow,
    pub rows: Vec<BreakdownRow>,
}

/// What a KPI import did, or would do (dry run). Nothing is imported while any row is bad.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KpiImportReport {
    pub dry_run: bool,
    pub rows: u32,
    pub imported: u32,
    pub errors: Vec<ImportError>,
}
