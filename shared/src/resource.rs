//! The service resource catalogue (服务资源清单): providers, the people who serve, the services they
//! offer (to whom, when, where, how many a week) and the community service spaces.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{TargetGroup, code_enum};

code_enum! {
    /// What kind of organisation a provider is.
    pub enum ProviderKind {
        /// 社会组织
        SocialOrganisation = "social_organisation",
        /// 社工机构
        SocialWorkAgency = "social_work_agency",
        /// 志愿服务队
        VolunteerTeam = "volunteer_team",
        /// 党组织
        PartyOrganisation = "party_organisation",
        /// 驻区单位
        ResidentUnit = "resident_unit",
        /// 企业
        Enterprise = "enterprise",
        /// 慈善组织
        Charity = "charity",
        /// 物业服务企业
        PropertyManagement = "property_management",
        /// 政府部门
        GovernmentDepartment = "government_department",
    }
}

code_enum! {
    /// Who a person who serves is.
    pub enum PersonKind {
        /// 志愿者
        Volunteer = "volunteer",
        /// 报到党员 (党员报到): a party member who reports to a community
        PartyMember = "party_member",
        /// 社会工作者
        SocialWorker = "social_worker",
    }
}

impl PersonKind {
    /// Only social workers hold the social-work certificate (社工证).
    pub fn holds_certificate(self) -> bool {
        self == Self::SocialWorker
    }

    /// Only party members report to a community (在职党员到社区报到), so only they have a report date.
    pub fn reports_to_community(self) -> bool {
        self == Self::PartyMember
    }
}

code_enum! {
    /// What a service costs the resident.
    pub enum CostKind {
        /// 免费
        Free = "free",
        /// 低偿
        LowCost = "low_cost",
        /// 市场价
        Market = "market",
    }
}

code_enum! {
    /// How a service is delivered.
    pub enum ServiceMode {
        /// 到站服务: the resident comes to the provider
        OnSite = "on_site",
        /// 上门服务: the provider comes to the resident
        AtHome = "at_home",
        /// 线上服务
        Online = "online",
    }
}

code_enum! {
    /// The seven kinds of community service space of the co-building catalogue (seed 000, 2.3).
    pub enum SpaceKind {
        /// 养老服务空间
        Elderly = "elderly",
        /// 未成年人服务空间
        Minors = "minors",
        /// 健康服务空间
        Health = "health",
        /// 教育服务空间
        Education = "education",
        /// 创业就业空间
        Employment = "employment",
        /// 全民健身空间
        Fitness = "fitness",
        /// 便民服务空间
        Convenience = "convenience",
    }
}

/// A weekly opening slot in China Standard Time: `weekday` 1 (Monday) to 7 (Sunday), `HH:MM` times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TimeSlot {
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 7))]
    pub weekday: u8,
    #[cfg_attr(feature = "openapi", schema(pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$", example = "08:30"))]
    pub start: String,
    /// After `start`; `24:00` ends at midnight.
    #[cfg_attr(feature = "openapi", schema(pattern = "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$", example = "17:30"))]
    pub end: String,
}

/// A date on which a weekly schedule does not apply: closed (a holiday, a training day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ClosedDay {
    #[cfg_attr(feature = "openapi", schema(example = "2026-10-01"))]
    pub date: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(max_length = 100, example = "国庆节"))]
    pub note: Option<String>,
}

/// A point (WGS-84 degrees).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct GeoPoint {
    #[cfg_attr(feature = "openapi", schema(minimum = -90, maximum = 90, example = 30.2084))]
    pub lat: f64,
    #[cfg_attr(feature = "openapi", schema(minimum = -180, maximum = 180, example = 120.2119))]
    pub lng: f64,
}

/// An organisation or team that offers services.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Provider {
    pub id: i64,
    pub kind: ProviderKind,
    pub name: String,
    pub area_id: i64,
    pub area_name: String,
    /// Personal data: shown to staff of the provider's area only.
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    /// The account that receives needs dispatched to this provider's services.
    pub user_id: Option<i64>,
    pub verified: bool,
    pub description: String,
    pub active: bool,
    pub service_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Register a provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewProvider {
    pub kind: ProviderKind,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "缤纷社区助老服务社"))]
    pub name: String,
    /// Its home: a district, street or community in your scope.
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub area_id: i64,
    #[cfg_attr(feature = "openapi", schema(max_length = 50, example = "陈社工"))]
    pub contact_name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9+\\-]{5,20}$", example = "13900139000"))]
    pub contact_phone: Option<String>,
    /// An active provider account whose home area contains the provider's.
    #[cfg_attr(feature = "openapi", schema(example = 6))]
    pub user_id: Option<i64>,
    #[serde(default)]
    pub verified: bool,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000, example = "上门助餐、助浴和陪诊"))]
    pub description: String,
}

/// Change a provider; absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProviderPatch {
    pub kind: Option<ProviderKind>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "缤纷社区助老服务社"))]
    pub name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 50, example = "陈社工"))]
    pub contact_name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9+\\-]{5,20}$", example = "13900139000"))]
    pub contact_phone: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = 6))]
    pub user_id: Option<i64>,
    pub verified: Option<bool>,
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub description: Option<String>,
    pub active: Option<bool>,
}

/// A volunteer, a party member who reports to a community (党员报到) or a social worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServicePerson {
    pub id: i64,
    pub kind: PersonKind,
    pub name: String,
    /// Personal data: shown to staff of the person's area only.
    pub phone: Option<String>,
    /// Where they serve; for party members, the community they report to.
    pub area_id: i64,
    pub area_name: String,
    pub provider_id: Option<i64>,
    pub provider_name: Option<String>,
    /// Their own account, which receives the needs dispatched to their services.
    pub user_id: Option<i64>,
    /// Social workers: holds the national social-work certificate.
    pub certified: bool,
    /// Party members: the day they reported to the community.
    pub reported_on: Option<NaiveDate>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewServicePerson {
    pub kind: PersonKind,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 50, example = "张伟"))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9+\\-]{5,20}$", example = "13700137000"))]
    pub phone: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub area_id: i64,
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub provider_id: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(example = 7))]
    pub user_id: Option<i64>,
    #[serde(default)]
    pub certified: bool,
    pub reported_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ServicePersonPatch {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 50, example = "张伟"))]
    pub name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9+\\-]{5,20}$", example = "13700137000"))]
    pub phone: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub provider_id: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(example = 7))]
    pub user_id: Option<i64>,
    pub certified: Option<bool>,
    pub reported_on: Option<NaiveDate>,
    pub active: Option<bool>,
}

/// What a provider or a person offers: the category of need it serves, to whom, at what cost, how
/// many a week, when, how, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Service {
    pub id: i64,
    pub provider_id: Option<i64>,
    pub provider_name: Option<String>,
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    pub name: String,
    /// A need category code (`GET /api/v1/need-categories`).
    pub category: String,
    pub description: String,
    /// Who may use it; empty means everyone.
    pub target_groups: Vec<TargetGroup>,
    pub min_age: Option<i32>,
    pub max_age: Option<i32>,
    pub cost: CostKind,
    /// Per use, for low-cost and market services.
    pub price_fen: Option<i64>,
    pub capacity_per_week: i32,
    pub schedule: Vec<TimeSlot>,
    pub closed_days: Vec<ClosedDay>,
    pub mode: ServiceMode,
    /// Home area (the provider's or the person's).
    pub area_id: i64,
    pub area_name: String,
    /// Areas served (with their subtrees); empty when a radius is used.
    pub served_area_ids: Vec<i64>,
    pub point: Option<GeoPoint>,
    /// Serves everyone within this many metres of `point`.
    pub radius_m: Option<i32>,
    pub active: bool,
    /// Needs dispatched to it this week (Monday to Sunday, China time).
    pub load_this_week: i64,
    /// Share of its finished needs resolved by the completion deadline.
    pub on_time_rate: Option<f64>,
    /// Average resident rating (1–5) of its needs.
    pub average_rating: Option<f64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Register a service. Offered by exactly one of a provider or a person; serves the listed areas or
/// everyone within a radius of a point (or both).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewService {
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub provider_id: Option<i64>,
    pub person_id: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "长者助餐"))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32, example = "elderly_care"))]
    pub category: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000, example = "每天中午送餐上门"))]
    pub description: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub target_groups: Vec<TargetGroup>,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 150, example = 60))]
    pub min_age: Option<i32>,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 150, example = 100))]
    pub max_age: Option<i32>,
    pub cost: CostKind,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000000))]
    pub price_fen: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000, example = 40))]
    pub capacity_per_week: i32,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub schedule: Vec<TimeSlot>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 100))]
    pub closed_days: Vec<ClosedDay>,
    pub mode: ServiceMode,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 50, example = json!([5])))]
    pub served_area_ids: Vec<i64>,
    pub point: Option<GeoPoint>,
    #[cfg_attr(feature = "openapi", schema(minimum = 50, maximum = 50000, example = 1500))]
    pub radius_m: Option<i32>,
}

/// Change a service; absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ServicePatch {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "长者助餐"))]
    pub name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 2000, example = "每天中午送餐上门"))]
    pub description: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub target_groups: Option<Vec<TargetGroup>>,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 150, example = 60))]
    pub min_age: Option<i32>,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 150, example = 100))]
    pub max_age: Option<i32>,
    pub cost: Option<CostKind>,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000000))]
    pub price_fen: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000, example = 40))]
    pub capacity_per_week: Option<i32>,
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub schedule: Option<Vec<TimeSlot>>,
    #[cfg_attr(feature = "openapi", schema(max_items = 100))]
    pub closed_days: Option<Vec<ClosedDay>>,
    pub mode: Option<ServiceMode>,
    #[cfg_attr(feature = "openapi", schema(max_items = 50, example = json!([5])))]
    pub served_area_ids: Option<Vec<i64>>,
    pub point: Option<GeoPoint>,
    #[cfg_attr(feature = "openapi", schema(minimum = 50, maximum = 50000, example = 1500))]
    pub radius_m: Option<i32>,
    pub active: Option<bool>,
}

/// A community service space (社区服务空间).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceSpace {
    pub id: i64,
    pub kind: SpaceKind,
    pub name: String,
    pub area_id: i64,
    pub area_name: String,
    pub address: Option<String>,
    pub point: Option<GeoPoint>,
    pub floor_area_m2: f64,
    pub opening_hours: Vec<TimeSlot>,
    /// People it holds at once.
    pub capacity: i32,
    /// The operator, when a provider runs it.
    pub provider_id: Option<i64>,
    pub provider_name: Option<String>,
    /// Hours open on Monday … Sunday.
    pub hours_per_day: Vec<f64>,
    /// Open less than 8 hours on some day (seed 003: 服务时间一般不少于每天8小时).
    pub short_hours: bool,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewServiceSpace {
    pub kind: SpaceKind,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "缤纷社区长者食堂"))]
    pub name: String,
    /// A street or community in your scope.
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub area_id: i64,
    #[cfg_attr(feature = "openapi", schema(max_length = 200, example = "缤纷小区会所一楼"))]
    pub address: Option<String>,
    pub point: Option<GeoPoint>,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000000, example = 320.0))]
    pub floor_area_m2: f64,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub opening_hours: Vec<TimeSlot>,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000, example = 60))]
    pub capacity: i32,
    #[cfg_attr(feature = "openapi", schema(example = 2))]
    pub provider_id: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceSpacePatch {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "缤纷社区长者食堂"))]
    pub name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 200, example = "缤纷小区会所一楼"))]
    pub address: Option<String>,
    pub point: Option<GeoPoint>,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000000, example = 320.0))]
    pub floor_area_m2: Option<f64>,
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub opening_hours: Option<Vec<TimeSlot>>,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000, example = 60))]
    pub capacity: Option<i32>,
    #[cfg_attr(feature = "openapi", schema(example = 2))]
    pub provider_id: Option<i64>,
    pub active: Option<bool>,
}

code_enum! {
    /// What an import or export holds.
    pub enum ResourceTable {
        Providers = "providers",
        Services = "services",
        People = "people",
        Spaces = "spaces",
    }
}

/// One bad cell (or row) of an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportError {
    /// The spreadsheet row, counting the header as row 1.
    pub row: u32,
    /// The column header, when one column is at fault.
    pub column: Option<String>,
    /// The rule the cell or row broke.
    pub code: crate::FieldRule,
    pub message: String,
}

/// What an import did, or would do (dry run). Nothing is imported while any row is bad.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportReport {
    pub table: ResourceTable,
    pub dry_run: bool,
    /// Data rows read.
    pub rows: u32,
    /// Rows imported (0 on a dry run or when any row is bad).
    pub imported: u32,
    pub errors: Vec<ImportError>,
}
