//! Volunteer activities (志愿活动, seed 003's 社区志愿服务行动 and 时间银行): organised by a community or
//! an organisation, with capacity and a waiting list, check-in and check-out by the organiser or by a
//! code that changes every minute, and the hours credited through the ledger on attendance. And the
//! volunteer's side: star levels (星级) by cumulative hours served, a profile and a certificate of
//! hours (志愿服务证明).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Id, code_enum};

code_enum! {
    /// Where an activity stands (活动状态).
    pub enum ActivityStatus {
        /// 草稿: seen by its organisers only.
        Draft = "draft",
        /// 报名中: residents and volunteers sign up (beyond capacity, on the waiting list).
        Open = "open",
        /// 报名截止: no new sign-ups; cancellations still move the waiting list up.
        Closed = "closed",
        /// 已结束: attendance is final (credits stay; a mistaken one is reversed).
        Finished = "finished",
        /// 已取消
        Cancelled = "cancelled",
    }
}

code_enum! {
    /// A change of an activity's status; each is a row of the activity lifecycle table.
    pub enum ActivityAction {
        /// Open a draft for sign-up (发布).
        Publish = "publish",
        /// Stop taking sign-ups (截止报名).
        Close = "close",
        /// Take sign-ups again.
        Reopen = "reopen",
        /// Mark it held (结束).
        Finish = "finish",
        Cancel = "cancel",
    }
}

code_enum! {
    /// Who organises an activity.
    pub enum OrganiserKind {
        /// The community itself (社区).
        Community = "community",
        /// An organisation (a provider: social organisation, volunteer team, …).
        Organisation = "organisation",
    }
}

code_enum! {
    /// Where a sign-up stands.
    pub enum SignupStatus {
        /// 已报名: holds one of the places.
        Confirmed = "confirmed",
        /// 候补: waits for a place, in the order of signing up.
        Waiting = "waiting",
        /// 已取消
        Cancelled = "cancelled",
    }
}

code_enum! {
    /// One step of attendance (签到 / 签退).
    pub enum AttendanceStep {
        CheckIn = "check_in",
        CheckOut = "check_out",
    }
}

/// An activity as the caller may see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Activity {
    pub id: Id,
    /// The community it belongs to.
    pub area_id: Id,
    #[cfg_attr(feature = "openapi", schema(example = "缤纷社区"))]
    pub area_name: String,
    pub organiser_kind: OrganiserKind,
    /// The organising provider, when an organisation organises it.
    pub provider_id: Option<Id>,
    #[cfg_attr(feature = "openapi", schema(example = "缤纷社区居委会"))]
    pub organiser_name: String,
    #[cfg_attr(feature = "openapi", schema(example = "周末助老清洁"))]
    pub title: String,
    pub description: String,
    /// The service space it is held in, if any.
    pub space_id: Option<Id>,
    /// The address: the space's name, or where it is held elsewhere.
    #[cfg_attr(feature = "openapi", schema(example = "缤纷社区党群服务中心"))]
    pub place: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i64,
    /// Minutes credited to each volunteer who checks in and out.
    #[cfg_attr(feature = "openapi", schema(example = 120))]
    pub credit_minutes: i64,
    pub status: ActivityStatus,
    /// Places taken (confirmed sign-ups).
    pub confirmed: i64,
    /// Sign-ups waiting for a place.
    pub waiting: i64,
    /// The status changes the caller may make now.
    pub allowed_actions: Vec<ActivityAction>,
    /// The caller's own sign-up, if any.
    pub my_signup: Option<Signup>,
    pub created_by: Id,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Create an activity, or replace a draft's or open one's fields (`PUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivityInput {
    /// The community it belongs to.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, example = 5))]
    pub area_id: Id,
    /// An organisation (provider) of the area that organises it; absent: the community does.
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    #[serde(default)]
    pub provider_id: Option<Id>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "周末助老清洁"))]
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 2000, example = "为独居老人打扫房间、整理物品"))]
    #[serde(default)]
    pub description: String,
    /// A service space of the area it is held in; or give `address`.
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    #[serde(default)]
    pub space_id: Option<Id>,
    /// Where it is held when not in a service space.
    #[cfg_attr(feature = "openapi", schema(max_length = 200, example = "缤纷小区3幢楼下"))]
    #[serde(default)]
    pub address: Option<String>,
    pub starts_at: DateTime<Utc>,
    /// After `starts_at`, within a week of it.
    pub ends_at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10000, example = 20))]
    pub capacity: i64,
    /// Minutes credited for attending (at most the activity's length).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1440, example = 120))]
    pub credit_minutes: i64,
}

/// A page of activities, with how many the filters select.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityPage {
    pub items: Vec<Activity>,
    pub next_cursor: Option<String>,
    pub total: i64,
}

/// Change an activity's status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ActivityActionRequest {
    pub action: ActivityAction,
    #[cfg_attr(feature = "openapi", schema(max_length = 500, example = "天气原因取消"))]
    #[serde(default)]
    pub note: Option<String>,
}

/// A sign-up (报名) with its attendance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Signup {
    pub id: Id,
    pub activity_id: Id,
    pub user_id: Id,
    /// Masked (张*) for callers who do not handle the volunteer's personal data.
    #[cfg_attr(feature = "openapi", schema(example = "张*"))]
    pub user_name: String,
    pub status: SignupStatus,
    /// Place on the waiting list (1 = next to move up), while waiting.
    pub waiting_position: Option<i64>,
    pub checked_in_at: Option<DateTime<Utc>>,
    pub checked_out_at: Option<DateTime<Utc>>,
    /// The ledger transfer that credited the hours, and the reversal that took them back.
    pub transfer_id: Option<Id>,
    pub reversal_id: Option<Id>,
    pub created_at: DateTime<Utc>,
    pub cancelled_at: Option<DateTime<Utc>>,
}

/// The sign-ups of an activity, in the order they were made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignupList {
    pub items: Vec<Signup>,
    pub confirmed: i64,
    pub waiting: i64,
    pub attended: i64,
}

/// The activity's check-in code of this minute, for the organiser to show (as a QR code or digits).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckInCode {
    #[cfg_attr(feature = "openapi", schema(example = "482913"))]
    pub code: String,
    /// When it stops being the current code (it is still accepted for one minute more).
    pub changes_at: DateTime<Utc>,
}

/// Check in or out with the code the organiser shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PresentCode {
    pub step: AttendanceStep,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{6}$", example = "482913"))]
    pub code: String,
}

/// Check a volunteer in or out (the organiser, without a code).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RecordAttendance {
    pub step: AttendanceStep,
}

/// Take back the hours credited for one attendance (by reversal), saying why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RevokeCredit {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500, example = "误签到，实际未参加"))]
    pub reason: String,
}

/// A star level (星级) and the cumulative hours it takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StarLevel {
    /// 1 (一星) to 5 (五星).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5, example = 1))]
    pub level: i32,
    #[cfg_attr(feature = "openapi", schema(example = "一星志愿者"))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, example = 100))]
    pub min_hours: i64,
}

/// The star levels that apply in an area: the nearest district's rows, else the defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StarLevels {
    pub area_id: Id,
    /// The district whose rows apply; absent when the platform's defaults do.
    pub set_by_area_id: Option<Id>,
    pub levels: Vec<StarLevel>,
}

/// Set a district's thresholds: five rising numbers of hours, for 一星 to 五星.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetStarLevels {
    #[cfg_attr(feature = "openapi", schema(min_items = 5, max_items = 5))]
    pub min_hours: Vec<i64>,
}

/// One activity a volunteer attended, or one need they served.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceRecord {
    /// `activity` or `need`.
    #[cfg_attr(feature = "openapi", schema(example = "activity"))]
    pub kind: String,
    pub source_id: Id,
    #[cfg_attr(feature = "openapi", schema(example = "周末助老清洁"))]
    pub title: String,
    pub served_at: DateTime<Utc>,
    /// Minutes credited (0 when the credit was reversed).
    pub minutes: i64,
}

/// One registered volunteer in the roster (志愿者名册) of the caller's subtree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VolunteerSummary {
    pub user_id: Id,
    /// Masked for callers who do not handle the volunteer's personal data.
    #[cfg_attr(feature = "openapi", schema(example = "缤纷志愿者"))]
    pub name: String,
    /// Always masked in the roster (the profile is where staff who handle it see more).
    #[cfg_attr(feature = "openapi", schema(example = "138****0007"))]
    pub phone: Option<String>,
    pub area_id: Id,
    pub area_name: String,
    /// The level reached; absent below 一星.
    pub star: Option<StarLevel>,
    /// Cumulative minutes served, less reversals.
    pub served_minutes: i64,
    /// The same in hours, one decimal.
    pub served_hours: f64,
    /// The latest credit for service still standing.
    pub last_served_at: Option<DateTime<Utc>>,
    /// Served in the last 90 days (活跃志愿者).
    pub active: bool,
    pub registered_at: DateTime<Utc>,
}

/// A page of the roster, with how many volunteers the filters select and how many of them are active.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VolunteerPage {
    pub items: Vec<VolunteerSummary>,
    pub next_cursor: Option<String>,
    pub total: i64,
    pub active: i64,
    /// Hours served by all of them, one decimal.
    pub total_hours: f64,
}

/// A volunteer's profile: hours, points, star level, what they served.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VolunteerProfile {
    pub user_id: Id,
    /// Masked for callers who do not handle the volunteer's personal data.
    #[cfg_attr(feature = "openapi", schema(example = "缤纷志愿者"))]
    pub name: String,
    pub area_id: Id,
    pub area_name: String,
    /// Cumulative minutes served (credits for activities and needs, less reversals).
    pub served_minutes: i64,
    /// The same in hours, one decimal.
    pub served_hours: f64,
    /// Balances now (hours can be spent in the time bank, points in the shop).
    pub minutes_balance: i64,
    pub points_balance: i64,
    /// The level reached; absent below 一星.
    pub star: Option<StarLevel>,
    /// The next level and the hours still missing.
    pub next_star: Option<StarLevel>,
    pub hours_to_next: Option<f64>,
    pub activities_attended: i64,
    pub needs_served: i64,
    /// Newest first.
    pub records: Vec<ServiceRecord>,
}

/// A certificate of hours (志愿服务证明), as data the dashboard prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VolunteerCertificate {
    /// `ZYFW-<community id>-<user id>-<yyyymmdd>`.
    #[cfg_attr(feature = "openapi", schema(example = "ZYFW-5-7-20261206"))]
    pub number: String,
    pub user_id: Id,
    #[cfg_attr(feature = "openapi", schema(example = "缤纷志愿者"))]
    pub name: String,
    /// The community that certifies.
    #[cfg_attr(feature = "openapi", schema(example = "缤纷社区"))]
    pub issued_by: String,
    pub issued_at: DateTime<Utc>,
    pub served_hours: f64,
    pub star: Option<StarLevel>,
    pub activities_attended: i64,
    pub needs_served: i64,
    /// The text of the certificate.
    #[cfg_attr(feature = "openapi", schema(example = "兹证明缤纷志愿者同志累计参加志愿服务 12.5 小时。"))]
    pub statement: String,
    /// Oldest first, as printed.
    pub records: Vec<ServiceRecord>,
}
