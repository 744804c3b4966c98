//! Matching needs to services (资源匹配): the ranked candidates of one need with the parts of each
//! score, batch plans that assign many needs at once, and the gaps no service reaches.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{ServiceMode, Urgency, code_enum};

code_enum! {
    /// The parts a candidate's score is made of.
    pub enum ScorePartKind {
        /// The service's category is the need's, or a related one.
        Category = "category",
        /// The service is meant for the need's target group, or for everyone.
        Eligibility = "eligibility",
        /// Walking minutes (the 15-minute circle 一刻钟服务圈).
        Distance = "distance",
        /// Places left this week.
        Capacity = "capacity",
        /// Open at the resident's preferred time.
        Availability = "availability",
        /// On-time rate and ratings of its earlier needs.
        TrackRecord = "track_record",
    }
}

/// One part of a score: points earned out of the part's weight, and why, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScorePart {
    pub part: ScorePartKind,
    pub points: f64,
    pub max: f64,
    pub reason_zh: String,
    pub reason_en: String,
}

/// A service that can serve the need, with its score (0–100) and the parts of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Candidate {
    pub service_id: i64,
    pub service_name: String,
    /// The provider's or the person's name.
    pub offered_by: String,
    pub category: String,
    pub mode: ServiceMode,
    pub score: f64,
    pub parts: Vec<ScorePart>,
    pub walking_minutes: Option<f64>,
    pub capacity_left: i32,
    /// Whether dispatching to it is possible now (the service has an account to receive it).
    pub dispatchable: bool,
}

/// How many services were left out, and why; never listed as candidates.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Exclusions {
    /// Of another, unrelated category.
    pub category: u32,
    /// Not for the need's target group or age.
    pub eligibility: u32,
    /// The need lies outside the areas or radius served.
    pub area: u32,
    /// No places left this week.
    pub full: u32,
}

/// The ranked candidates of one need, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Candidates {
    pub need_id: i64,
    pub candidates: Vec<Candidate>,
    pub excluded: Exclusions,
    /// Minutes of the service circle used for the distance part.
    pub circle_minutes: f64,
}

code_enum! {
    /// Where a matching plan is.
    pub enum PlanStatus {
        /// Waiting to run.
        Queued = "queued",
        Running = "running",
        /// Solved; can be applied.
        Done = "done",
        Failed = "failed",
        /// Its assignments were dispatched.
        Applied = "applied",
        /// A newer plan (re-planned from it) replaces it.
        Superseded = "superseded",
    }
}

code_enum! {
    /// Why a need of a plan was left unassigned.
    pub enum UnassignedReason {
        /// No active service of a fitting category, eligibility and area reaches it.
        NoEligibleService = "no_eligible_service",
        /// Eligible services exist, but their places went to other needs in the optimum.
        CapacityExhausted = "capacity_exhausted",
    }
}

code_enum! {
    /// What applying a plan did with one row.
    pub enum ApplyOutcome {
        Dispatched = "dispatched",
        /// The need or the service changed since the plan was made; left for a re-plan.
        Skipped = "skipped",
    }
}

/// Plan the open (accepted, not yet dispatched) needs of an area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewPlan {
    /// A district, street or community in your scope.
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub area_id: i64,
    /// Only needs of this category.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32, example = "elderly_care"))]
    pub category: Option<String>,
    /// Only needs of this urgency.
    pub urgency: Option<Urgency>,
}

/// A matching plan (a job): its scope, progress and result in numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Plan {
    pub id: i64,
    pub area_id: i64,
    pub area_name: String,
    pub category: Option<String>,
    pub urgency: Option<Urgency>,
    pub status: PlanStatus,
    /// 0–100.
    pub progress: i32,
    /// The plan this one re-planned.
    pub parent_id: Option<i64>,
    pub created_by: i64,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub applied_at: Option<DateTime<Utc>>,
    pub need_count: i32,
    pub assigned_count: i32,
    /// Sum of the assigned needs' scores.
    pub total_score: f64,
    pub error: Option<String>,
}

/// One need of a plan: the service it goes to and the score, or why it goes nowhere.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanRow {
    pub need_id: i64,
    pub need_category: String,
    pub need_summary: String,
    pub area_name: String,
    pub urgency: Urgency,
    pub service_id: Option<i64>,
    pub service_name: Option<String>,
    pub offered_by: Option<String>,
    pub score: Option<f64>,
    pub reason: Option<UnassignedReason>,
    pub outcome: Option<ApplyOutcome>,
    pub outcome_note: Option<String>,
}

code_enum! {
    /// How a need's place changed from the plan re-planned to this one.
    pub enum PlanChangeKind {
        /// Not in the earlier plan (a new need).
        Added = "added",
        /// In the earlier plan, not in this one (dispatched, cancelled or no longer matching).
        Removed = "removed",
        /// Assigned to another service.
        Moved = "moved",
        /// Assigned now, unassigned before.
        NowAssigned = "now_assigned",
        /// Unassigned now, assigned before.
        NowUnassigned = "now_unassigned",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanChange {
    pub need_id: i64,
    pub kind: PlanChangeKind,
    pub from_service_id: Option<i64>,
    pub to_service_id: Option<i64>,
}

/// A plan with every row and, for a re-plan, what changed from its parent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanDetail {
    pub plan: Plan,
    pub rows: Vec<PlanRow>,
    pub changes: Vec<PlanChange>,
}

/// One cell of the gap report: a category in a community.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GapCell {
    pub category: String,
    /// Needs of this category not yet dispatched (submitted, accepted, returned).
    pub open_needs: i64,
    /// Of those, needs no active eligible service reaches.
    pub unreachable_needs: i64,
    /// Active services of this category that serve the community.
    pub services: i64,
    /// Share (0–1) of the community's places (grid centres, or its own centre) within the
    /// 15-minute circle of an on-site or at-home service of this category; `None` without locations.
    pub coverage: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GapRow {
    pub area_id: i64,
    pub area_name: String,
    pub cells: Vec<GapCell>,
}

/// Gaps (三项清单: 需求清单 vs 资源清单): per community and category, the needs no service reaches and
/// the 15-minute-circle coverage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GapReport {
    pub area_id: i64,
    pub circle_minutes: f64,
    pub categories: Vec<String>,
    pub communities: Vec<GapRow>,
}

/// Start a draft co-building program to close a gap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewGapProgram {
    /// The community with the gap.
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub area_id: i64,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32, example = "elderly_care"))]
    pub category: String,
}
