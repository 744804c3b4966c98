//! Resident needs (居民需求 · 群众点单): what a resident asks for, and its lifecycle
//! 群众点单 → 社区派单 → 党员接单 → 办结 → 评价.

use serde::{Deserialize, Serialize};

use crate::code_enum;

code_enum! {
    /// Where a need is in its lifecycle.
    pub enum NeedStatus {
        /// 已提交 — waiting for staff to accept it.
        Submitted = "submitted",
        /// 退回补充 — staff listed everything missing at once (一次告知); the resident resubmits.
        Returned = "returned",
        /// 已受理 — owned by the accepting staff member (首问负责), deadlines running, waiting to be dispatched.
        Accepted = "accepted",
        /// 已派单 — waiting for the assignee to claim it.
        Dispatched = "dispatched",
        /// 已接单
        Claimed = "claimed",
        /// 办理中
        InProgress = "in_progress",
        /// 已办结 — waiting for the resident's rating.
        Resolved = "resolved",
        /// 已评价
        Rated = "rated",
        /// 已关闭
        Closed = "closed",
        /// 不予受理 — an end, with a reason.
        Rejected = "rejected",
        /// 已撤销 — an end, with a reason.
        Cancelled = "cancelled",
    }
}

impl NeedStatus {
    /// No action leads out of an end state.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Closed | Self::Rejected | Self::Cancelled)
    }
}

/// The status sets the API and the dashboard both speak of, each named once.
impl NeedStatus {
    /// Being worked on: accepted and not yet resolved, so its deadlines run (限时办结).
    pub const OPEN: [NeedStatus; 4] = [Self::Accepted, Self::Dispatched, Self::Claimed, Self::InProgress];
    /// In someone's hands: dispatched to an assignee who has not resolved it yet.
    pub const WITH_ASSIGNEE: [NeedStatus; 3] = [Self::Dispatched, Self::Claimed, Self::InProgress];
    /// Waiting for a service to reach it: not yet dispatched (the matching gap report counts these).
    pub const AWAITING_SERVICE: [NeedStatus; 3] = [Self::Submitted, Self::Returned, Self::Accepted];

    pub fn is_open(self) -> bool {
        Self::OPEN.contains(&self)
    }

    pub fn is_with_assignee(self) -> bool {
        Self::WITH_ASSIGNEE.contains(&self)
    }

    pub fn awaits_service(self) -> bool {
        Self::AWAITING_SERVICE.contains(&self)
    }
}

code_enum! {
    /// Something done to a need. Each is a row (state, action, party) in the lifecycle table.
    pub enum NeedAction {
        /// 提交: the first step of every timeline; taken by submitting (`POST /needs`), never as an action
        Submit = "submit",
        /// 受理
        Accept = "accept",
        /// 退回, naming everything missing (一次告知)
        Return = "return",
        /// Resubmit after a return
        Resubmit = "resubmit",
        /// 不予受理
        Reject = "reject",
        /// 派单 to a provider, volunteer / party member or staff member
        Dispatch = "dispatch",
        /// 接单
        Claim = "claim",
        /// Decline a dispatch, with a reason: back to the queue
        Decline = "decline",
        /// Nobody claimed within the claim window: back to the queue, flagged (system)
        ClaimTimeout = "claim_timeout",
        Start = "start",
        /// 办结, saying what was done
        Resolve = "resolve",
        /// 评价 1–5
        Rate = "rate",
        /// 回访: staff record the rating the resident gave them by phone
        ReturnVisit = "return_visit",
        /// The resident objects to the result: reopened
        Object = "object",
        /// A low rating reopens it (system)
        Reopen = "reopen",
        Close = "close",
        Cancel = "cancel",
        /// 街镇吹哨: a deadline passed; flagged and visible to the street (system)
        Escalate = "escalate",
    }
}

code_enum! {
    /// Urgency decides the deadlines.
    pub enum Urgency {
        Normal = "normal",
        Urgent = "urgent",
        Emergency = "emergency",
    }
}

code_enum! {
    /// How the need reached the platform.
    pub enum Channel {
        MiniProgram = "mini_program",
        Web = "web",
        Phone = "phone",
        Visit = "visit",
        GridPatrol = "grid_patrol",
    }
}

code_enum! {
    /// Target groups a need concerns (seed 003 §8: 低保对象、特困人员、空巢独居老年人、困境儿童 …).
    pub enum TargetGroup {
        /// 老年人
        Elderly = "elderly",
        /// 空巢独居老人
        ElderlyLivingAlone = "elderly_living_alone",
        /// 残疾人
        Disabled = "disabled",
        /// 困境儿童
        ChildrenInDifficulty = "children_in_difficulty",
        /// 农村留守儿童
        LeftBehindChildren = "left_behind_children",
        /// 婴幼儿
        Infants = "infants",
        /// 低保对象
        LowIncome = "low_income",
        /// 特困人员
        ExtremelyPoor = "extremely_poor",
        /// 退役军人
        Veterans = "veterans",
        /// 社区矫正对象
        CommunityCorrections = "community_corrections",
    }
}

/// A service category with its default deadlines: acceptance counted from submission, response and
/// completion from acceptance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeedCategory {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    /// Hours to accept after submission (受理时限) for normal, urgent and emergency needs.
    #[serde(default)]
    pub acceptance_hours: Vec<i64>,
    /// Hours to respond for normal, urgent and emergency needs.
    pub response_hours: Vec<i64>,
    /// Hours to resolve for normal, urgent and emergency needs.
    pub completion_hours: Vec<i64>,
}

/// Submit a need: by a resident for themselves, or by staff on a resident's behalf (phone, visit, patrol).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewNeed {
    /// A code from `GET /api/v1/need-categories`.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32, example = "elderly_care"))]
    pub category: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2000, example = "独居老人想请志愿者每周上门助餐两次"))]
    pub text: String,
    /// The community or grid the need is in.
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub area_id: i64,
    /// Required when `at_home` is true.
    #[cfg_attr(feature = "openapi", schema(max_length = 200, example = "缤纷小区3幢2单元501室"))]
    pub address: Option<String>,
    /// Served at the resident's home (上门): the address is then required.
    #[serde(default)]
    pub at_home: bool,
    #[cfg_attr(feature = "openapi", schema(minimum = -90, maximum = 90, example = 30.2084))]
    pub lat: Option<f64>,
    #[cfg_attr(feature = "openapi", schema(minimum = -180, maximum = 180, example = 120.2119))]
    pub lng: Option<f64>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub tags: Vec<TargetGroup>,
    pub urgency: Urgency,
    /// When the resident would like to be served.
    pub preferred_time: Option<chrono::DateTime<chrono::Utc>>,
    pub channel: Channel,
    /// Who to contact; for staff submitting on behalf of someone without an account.
    #[cfg_attr(feature = "openapi", schema(max_length = 50, example = "王阿姨"))]
    pub contact_name: Option<String>,
    /// Mainland mobile or landline number.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9+\\-]{5,20}$", example = "13800138000"))]
    pub contact_phone: Option<String>,
}

/// A need as the API returns it. Contact details and the exact address are masked for callers who do
/// not handle the need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Need {
    pub id: i64,
    pub status: NeedStatus,
    pub category: String,
    pub text: String,
    pub area_id: i64,
    pub area_name: String,
    pub address: Option<String>,
    /// Served at the resident's home (上门).
    #[serde(default)]
    pub at_home: bool,
    pub lat: Option<f64>,
    pub lng: Option<f64>,
    pub tags: Vec<TargetGroup>,
    pub urgency: Urgency,
    pub preferred_time: Option<chrono::DateTime<chrono::Utc>>,
    pub channel: Channel,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    /// The resident the need belongs to, when they have an account.
    pub resident_id: Option<i64>,
    /// The staff member who accepted it and owns it (首问负责).
    pub owner_id: Option<i64>,
    pub owner_name: Option<String>,
    pub assignee_id: Option<i64>,
    pub assignee_name: Option<String>,
    /// The service it was dispatched through, when it went through one.
    #[serde(default)]
    pub service_id: Option<i64>,
    #[serde(default)]
    pub service_name: Option<String>,
    /// What the resident must add, when returned (一次告知).
    pub missing: Vec<String>,
    /// 受理时限: when a submitted need must be accepted by, counted from submission.
    #[serde(default)]
    pub acceptance_due_at: Option<chrono::DateTime<chrono::Utc>>,
    pub response_due_at: Option<chrono::DateTime<chrono::Utc>>,
    pub completion_due_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Past a deadline now: still waiting to be accepted at `acceptance_due_at`, or open and not
    /// responded to by `response_due_at`, or unresolved at `completion_due_at`. The same rule as the
    /// `overdue` filter.
    pub overdue: bool,
    /// A deadline passed and the need was escalated to the street (街镇吹哨).
    pub escalated: bool,
    /// It went back to the queue because nobody claimed it in time.
    pub unclaimed: bool,
    pub reopen_count: i32,
    pub rating: Option<i32>,
    pub rating_comment: Option<String>,
    /// The rating was recorded by staff on a return call (回访), not given by the resident here.
    #[serde(default)]
    pub return_visit: bool,
    /// What was done, when resolved.
    pub resolution: Option<String>,
    /// Why it was rejected, cancelled or declined.
    pub reason: Option<String>,
    /// Other residents who co-signed it (需求众筹).
    pub cosign_count: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// One step on a need's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeedEvent {
    pub id: i64,
    pub at: chrono::DateTime<chrono::Utc>,
    pub action: NeedAction,
    pub from_status: NeedStatus,
    pub to_status: NeedStatus,
    /// Absent for the platform's own actions (deadlines, claim windows).
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub note: Option<String>,
    /// The service a dispatch went through.
    #[serde(default)]
    pub service_id: Option<i64>,
    #[serde(default)]
    pub service_name: Option<String>,
}

/// A need with its timeline and what the caller may do next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeedDetail {
    pub need: Need,
    pub timeline: Vec<NeedEvent>,
    pub allowed_actions: Vec<NeedAction>,
    /// Shown only to those who handle the need (photos can show faces and homes).
    #[serde(default)]
    pub photos: Vec<NeedPhoto>,
}

/// Take an action on a need. Which fields are required depends on the action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NeedActionRequest {
    pub action: NeedAction,
    /// Reason (reject, cancel, decline, object), what was done (resolve) or a remark.
    #[cfg_attr(feature = "openapi", schema(max_length = 1000, example = "已电话联系居民，约好明天上午上门"))]
    pub note: Option<String>,
    /// Return: every missing item, at once.
    #[cfg_attr(feature = "openapi", schema(max_items = 20, example = json!(["身份证复印件"])))]
    pub missing: Option<Vec<String>>,
    /// Dispatch: the provider, volunteer or staff member who should serve it.
    #[cfg_attr(feature = "openapi", schema(example = 7))]
    pub assignee_id: Option<i64>,
    /// Dispatch: through this service instead (its provider's or person's account receives it; the
    /// need counts against the service's weekly capacity and track record).
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub service_id: Option<i64>,
    /// Rate: 1 (bad) to 5 (very good); 1 or 2 reopens the need.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5, example = 5))]
    pub rating: Option<i32>,
    /// Resolve: hours spent serving; when a volunteer or party member resolves it they count as
    /// volunteer hours (志愿服务时长).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 24, example = 1.5))]
    pub hours: Option<f64>,
}

/// Dispatch several accepted needs to one assignee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BulkDispatch {
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 200, example = json!([2])))]
    pub need_ids: Vec<i64>,
    #[cfg_attr(feature = "openapi", schema(example = 7))]
    pub assignee_id: i64,
    #[cfg_attr(feature = "openapi", schema(max_length = 1000, example = "请本周内上门"))]
    pub note: Option<String>,
}

/// The outcome for each need of a bulk dispatch; one failure does not stop the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkDispatchResult {
    pub dispatched: Vec<i64>,
    pub failed: Vec<BulkFailure>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkFailure {
    pub need_id: i64,
    pub code: crate::ErrorCode,
    pub detail: String,
}

/// How many needs of the queue are in each status, and how many are overdue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeedCounts {
    pub by_status: Vec<StatusCount>,
    pub overdue: i64,
    pub escalated: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusCount {
    pub status: NeedStatus,
    pub count: i64,
}

/// Another resident's need in the same community, without personal data, for co-signing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeedSummary {
    pub id: i64,
    pub status: NeedStatus,
    pub category: String,
    pub text: String,
    pub area_name: String,
    pub cosign_count: i32,
    /// Whether the caller has co-signed it already.
    pub cosigned: bool,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// A district's deadline for one category and urgency, overriding the default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DeadlineSetting {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32, example = "elderly_care"))]
    pub category: String,
    pub urgency: Urgency,
    /// Hours to accept after submission (受理时限).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 2160, example = 24))]
    pub acceptance_hours: i64,
    /// Hours to respond after acceptance.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 2160, example = 12))]
    pub response_hours: i64,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 2160, example = 72))]
    pub completion_hours: i64,
}

/// Someone a need may be dispatched to: an active provider, volunteer or staff member serving its area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assignee {
    pub id: i64,
    pub display_name: String,
    pub role: crate::Role,
    pub area_name: String,
    /// Needs dispatched to them and not yet resolved.
    pub open_needs: i64,
    /// The best match of the list (its first): the least busy, and among equals the one homed
    /// closest to the need's area.
    #[serde(default)]
    pub best: bool,
}

/// A photo attached to a need (jpeg, png or webp). Fetch it from its `url`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeedPhoto {
    pub id: i64,
    /// `image/jpeg`, `image/png` or `image/webp`, decided from the bytes, not the client's word.
    pub mime: String,
    pub bytes: i64,
    pub url: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}
