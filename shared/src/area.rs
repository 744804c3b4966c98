//! Areas (行政区划): province → city → district 区县 → street 街道乡镇 → community 社区村 → grid 网格.

use serde::{Deserialize, Serialize};

use crate::code_enum;

code_enum! {
    /// Level of an area in the administrative tree.
    pub enum AreaKind {
        /// 省 — context above the platform's districts.
        Province = "province",
        /// 市
        City = "city",
        /// 区/县 — a co-building district.
        District = "district",
        /// 街道/乡镇
        Street = "street",
        /// 社区/村 — has a community profile.
        Community = "community",
        /// 网格 — the smallest unit, inside a community.
        Grid = "grid",
    }
}

impl AreaKind {
    /// The kind an area of this kind must sit under; `None` means it may be a root.
    pub fn parent_kinds(self) -> &'static [AreaKind] {
        match self {
            Self::Province => &[],
            Self::City => &[Self::Province],
            // A deployment may start at the district: a district can be a root or sit in a city.
            Self::District => &[Self::City],
            Self::Street => &[Self::District],
            Self::Community => &[Self::Street],
            Self::Grid => &[Self::Community],
        }
    }

    /// Whether an area of this kind may have no parent.
    pub fn may_be_root(self) -> bool {
        matches!(self, Self::Province | Self::City | Self::District)
    }

    /// Whether areas of this kind carry a 12-digit administrative code (grids do not).
    pub fn requires_code(self) -> bool {
        !matches!(self, Self::Grid)
    }

    /// Whether areas of this kind keep a community profile (社区画像).
    pub fn has_profile(self) -> bool {
        self == Self::Community
    }
}

code_enum! {
    /// 城市社区 or 农村社区.
    pub enum Settlement {
        Urban = "urban",
        Rural = "rural",
    }
}

/// The community profile (社区画像): size and facilities, used by KPIs such as m² per 100 households.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CommunityProfile {
    pub settlement: Option<Settlement>,
    /// Land area in hectares.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1000000, example = 45.6))]
    pub area_ha: Option<f64>,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10000000, example = 3200))]
    pub households: Option<i64>,
    /// Resident population (常住人口).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000000, example = 8600))]
    pub population: Option<i64>,
    /// Residents aged 60 and over.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000000, example = 1500))]
    pub population_60_plus: Option<i64>,
    /// Floor area of buildings, m².
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1000000000, example = 420000.0))]
    pub building_area_m2: Option<f64>,
    /// Floor area of community service facilities (社区综合服务设施), m².
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000000, example = 1200.0))]
    pub facility_area_m2: Option<f64>,
    #[cfg_attr(feature = "openapi", schema(minimum = -90, maximum = 90, example = 30.2084))]
    pub center_lat: Option<f64>,
    #[cfg_attr(feature = "openapi", schema(minimum = -180, maximum = 180, example = 120.2119))]
    pub center_lng: Option<f64>,
}

impl CommunityProfile {
    /// Facility floor area per 100 households (每百户社区综合服务设施面积), the national KPI's figure
    /// for one community.
    pub fn facility_m2_per_100_households(&self) -> Option<f64> {
        match (self.facility_area_m2, self.households) {
            (Some(area), Some(h)) if h > 0 => Some(area / h as f64 * 100.0),
            _ => None,
        }
    }

    /// Share of residents aged 60 and over, in percent.
    pub fn elderly_share(&self) -> Option<f64> {
        match (self.population_60_plus, self.population) {
            (Some(old), Some(all)) if all > 0 => Some(old as f64 / all as f64 * 100.0),
            _ => None,
        }
    }
}

/// An area as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Area {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub kind: AreaKind,
    pub name: String,
    /// 12-digit administrative division code (统计用区划代码); absent for grids.
    pub code: Option<String>,
    /// Depth in the tree, 0 for a root.
    pub depth: i32,
    /// Number of direct children.
    pub child_count: i64,
    /// Only for communities.
    pub profile: Option<CommunityProfile>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// Create an area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewArea {
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub parent_id: Option<i64>,
    pub kind: AreaKind,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "幸福里网格"))]
    pub name: String,
    /// 12 digits; required for every kind but grids.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{12}$"))]
    pub code: Option<String>,
    pub profile: Option<CommunityProfile>,
}

/// Change an area: only the fields present change. The parent and kind never change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AreaPatch {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "缤纷社区"))]
    pub name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{12}$", example = "330108001101"))]
    pub code: Option<String>,
    /// Replaces the whole profile.
    pub profile: Option<CommunityProfile>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_facility_ratio_is_per_hundred_households() {
        let p = CommunityProfile { facility_area_m2: Some(3000.0), households: Some(1500), ..Default::default() };
        assert_eq!(p.facility_m2_per_100_households(), Some(200.0));
    }

    #[test]
    fn ratios_are_absent_without_a_positive_denominator() {
        let p = CommunityProfile { facility_area_m2: Some(3000.0), households: Some(0), population_60_plus: Some(1), ..Default::default() };
        assert_eq!(p.facility_m2_per_100_households(), None);
        assert_eq!(p.elderly_share(), None);
        let q = CommunityProfile { population_60_plus: Some(300), population: Some(1200), ..Default::default() };
        assert_eq!(q.elderly_share(), Some(25.0));
    }
}
