//! The ledger's rules as data per area (积分规则 · 时间银行透支额度): what serving, attending and
//! taking part earn, the caps on points per person, and the time-bank overdraft.

use serde::{Deserialize, Serialize};

use crate::Id;

/// The rules one area sets itself. A rule left out (null) is inherited from the nearest area above
/// that sets it; none set means no points, no cap and no overdraft. Points and caps are set by a
/// district; the overdraft by a district (for its communities) or a community.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetLedgerRules {
    /// Minutes a resident or volunteer may overdraw their time account by (时间银行透支额度).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000, example = 60))]
    #[serde(default)]
    pub overdraft_minutes: Option<i64>,
    /// Points per hour served on a need (pro rata by minute).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000, example = 10))]
    #[serde(default)]
    pub points_per_hour: Option<i64>,
    /// Points for a need rated 4 or 5 stars.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000, example = 5))]
    #[serde(default)]
    pub points_per_good_rating: Option<i64>,
    /// Points per volunteer activity attended (checked out).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000, example = 5))]
    #[serde(default)]
    pub points_per_activity: Option<i64>,
    /// Points per consultation taken part in: co-signing a topic (联名) or rating its outcome (评议).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000, example = 2))]
    #[serde(default)]
    pub points_per_consultation: Option<i64>,
    /// Points per survey answered (民意调查).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000, example = 2))]
    #[serde(default)]
    pub points_per_survey: Option<i64>,
    /// The most points one person earns in a China calendar day, all earnings together.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1000000, example = 30))]
    #[serde(default)]
    pub daily_points_cap: Option<i64>,
    /// The most points one person earns in a China calendar month; not below the daily cap.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10000000, example = 300))]
    #[serde(default)]
    pub monthly_points_cap: Option<i64>,
}

/// The rules that apply at an area: each from the nearest area on its path that sets it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EffectiveLedgerRules {
    pub overdraft_minutes: i64,
    pub points_per_hour: i64,
    pub points_per_good_rating: i64,
    pub points_per_activity: i64,
    pub points_per_consultation: i64,
    pub points_per_survey: i64,
    /// Absent: no daily cap.
    pub daily_points_cap: Option<i64>,
    /// Absent: no monthly cap.
    pub monthly_points_cap: Option<i64>,
}

/// An area's own rules and the rules that apply there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LedgerRules {
    pub area_id: Id,
    /// What this area sets itself (nulls inherited).
    pub own: SetLedgerRules,
    pub effective: EffectiveLedgerRules,
}
