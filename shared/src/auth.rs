//! Sign-in: a short-lived access token (JWT) and a rotating refresh token.

use serde::{Deserialize, Serialize};

use crate::{Area, User};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64, example = "admin"))]
    pub username: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128, example = "happyhome-demo"))]
    pub password: String,
}

/// Exchange a refresh token for a new pair; the old refresh token stops working.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 256))]
    pub refresh_token: String,
}

/// Tokens issued at login and refresh.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenPair {
    /// Send as `Authorization: Bearer …`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Single use: each refresh returns a new one.
    pub refresh_token: String,
    pub refresh_expires_in: i64,
}

/// The signed-in user, their home area and what the dashboard may show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub user: User,
    pub area: Area,
    /// From the root down to the home area, for breadcrumbs.
    pub area_path: Vec<AreaCrumb>,
    pub permissions: Permissions,
}

/// One step of an area's path from the root.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AreaCrumb {
    pub id: i64,
    pub name: String,
    pub kind: crate::AreaKind,
}

/// What the caller may do, so the dashboard shows only what works. The server checks every request anyway.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Permissions {
    pub read_areas: bool,
    pub create_areas: bool,
    pub edit_areas: bool,
    pub manage_users: bool,
    pub read_audit: bool,
    /// Register outgoing webhooks (own endpoints; the platform admin sees all).
    pub manage_webhooks: bool,
    /// Register, rotate and revoke integration clients of their subtree, and read their usage.
    #[serde(default)]
    pub manage_integration_clients: bool,
    /// Work the needs queue of their area (staff).
    #[serde(default)]
    pub work_needs: bool,
    /// Receive dispatched needs (providers, volunteers, grid workers and staff).
    #[serde(default)]
    pub serve_needs: bool,
    /// Submit needs (residents for themselves, staff and integrations on a resident's behalf).
    #[serde(default)]
    pub submit_needs: bool,
    /// Read the co-building programs of their area.
    #[serde(default)]
    pub read_programs: bool,
    /// Create and run programs in their area.
    #[serde(default)]
    pub author_programs: bool,
    /// Read the service resource catalogue (providers, people, services, spaces) of their area.
    #[serde(default)]
    pub read_resources: bool,
    /// Register and change resources in their area, and import them.
    #[serde(default)]
    pub manage_resources: bool,
    /// Rank candidates, run matching plans and read the gap report.
    #[serde(default)]
    pub match_needs: bool,
    /// Read the KPI dashboards of their area.
    #[serde(default)]
    pub read_kpis: bool,
    /// Report KPI values for their area (and import them).
    #[serde(default)]
    pub report_kpis: bool,
    /// Set KPI targets for the areas below them.
    #[serde(default)]
    pub set_kpi_targets: bool,
    /// Verify residents' residence (待认证 → 已认证, or refuse): community staff and grid workers.
    #[serde(default)]
    pub verify_residents: bool,
    /// Set which target groups (目标群体: 老年人, 低保对象 …) a resident belongs to: the staff who verify residence.
    #[serde(default)]
    pub set_resident_target_groups: bool,
    /// Read the consultation topics (民主协商议题) of their area.
    #[serde(default)]
    pub read_topics: bool,
    /// Run consultation: publish, file, decline, refer, meetings and decisions, links.
    #[serde(default)]
    pub run_consultation: bool,
    /// Read the surveys (民意调查) of their area.
    #[serde(default)]
    pub read_surveys: bool,
    /// Build, open and close surveys.
    #[serde(default)]
    pub manage_surveys: bool,
    /// Read survey results, free-text answers and exports.
    #[serde(default)]
    pub read_survey_results: bool,
    /// Enter paper questionnaires.
    #[serde(default)]
    pub enter_paper_responses: bool,
    /// Read the ledger of their area: accounts, balances, statements (时间银行 · 积分).
    #[serde(default)]
    pub read_ledger: bool,
    /// Post adjustments and reverse transfers (community staff and above).
    #[serde(default)]
    pub adjust_ledger: bool,
    /// Run the full ledger check (district and platform admins).
    #[serde(default)]
    pub check_ledger: bool,
    /// Set the ledger's rules of a district or community (district and platform admins).
    #[serde(default)]
    pub set_ledger_rules: bool,
    /// Offer points-shop items (merchants their own; staff for the community).
    #[serde(default)]
    pub offer_shop_items: bool,
    /// Read points-shop orders (merchants of their own items; staff of the subtree).
    #[serde(default)]
    pub read_shop_orders: bool,
    /// Hand points-shop orders over against the resident's pick-up code.
    #[serde(default)]
    pub fulfil_shop_orders: bool,
    /// Cancel points-shop orders (staff, saying why; residents their own).
    #[serde(default)]
    pub cancel_shop_orders: bool,
    /// Read the volunteer activities (志愿活动) of their area.
    #[serde(default)]
    pub read_activities: bool,
    /// Organise activities: create, edit, publish, close, finish, cancel; take a mistaken credit back.
    #[serde(default)]
    pub organise_activities: bool,
    /// Check volunteers in and out without a code (staff on site, grid workers too).
    #[serde(default)]
    pub record_attendance: bool,
    /// Read volunteer profiles, star levels and certificates.
    #[serde(default)]
    pub read_volunteers: bool,
    /// Roles this user may give to users they create or edit.
    pub assignable_roles: Vec<crate::Role>,
    /// Sees the whole platform (every root area): views that default to "my area" default to everything.
    #[serde(default)]
    pub whole_platform: bool,
}
