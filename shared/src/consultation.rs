//! 民主协商 consultation: topics (议题) from proposal to review, meetings (协商会) with their
//! decision under a quorum rule, and the per-community settings (co-sign threshold, quorum).
//! The steps follow seed 003 (议题提出、立案、落实、评议) and seed 004's 三级六步 (确定议题、审查议题、
//! 公示议题、协商、备案、结果公示).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::code_enum;
use crate::query::TitleSort;

code_enum! {
    /// Where a topic is in its lifecycle.
    pub enum TopicStatus {
        /// 收集议题 — proposed, waiting for staff to review and publish it.
        Proposed = "proposed",
        /// 公示议题 — published for its notice window; verified residents co-sign (联名).
        Cosigning = "cosigning",
        /// 立案 — accepted as a consultation topic at the community.
        Filed = "filed",
        /// 不予立案 — an end, with the reason.
        Declined = "declined",
        /// 上报 — referred to the street or district (小事不出社区、大事不出街道).
        Referred = "referred",
        /// 协商 — one or more meetings (协商会) are held.
        InConsultation = "in_consultation",
        /// 备案 — a meeting reached a decision under the quorum rule.
        Decided = "decided",
        /// 结果公示 — the decision is on public notice.
        ResultPublished = "result_published",
        /// 落实 — linked to a co-building program and/or needs that carry it out.
        Implementing = "implementing",
        /// 评议 — residents rate the outcome.
        Reviewed = "reviewed",
        /// 办结 — an end.
        Closed = "closed",
    }
}

impl TopicStatus {
    /// No action leads out of an end state.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Declined | Self::Closed)
    }

    /// States whose decision is public (结果公示 and after).
    pub const WITH_RESULT: [TopicStatus; 4] = [Self::ResultPublished, Self::Implementing, Self::Reviewed, Self::Closed];
}

code_enum! {
    /// Something done to a topic. Each is a row (state, action, party) in the lifecycle table.
    pub enum TopicAction {
        /// 议题提出: the first event of every topic (not a move of the table).
        Propose = "propose",
        /// 审查、公示议题: staff open the notice window for co-signing.
        Publish = "publish",
        /// 联名: a verified resident of the community co-signs (once each).
        Cosign = "cosign",
        /// 立案, once the co-sign threshold is reached.
        File = "file",
        /// 不予立案, with a reason.
        Decline = "decline",
        /// 上报 to the level above (community → street → district).
        Refer = "refer",
        /// 召开协商会: a meeting is scheduled.
        Convene = "convene",
        /// 备案: a meeting's decision passed under the quorum rule.
        Decide = "decide",
        /// 结果公示
        PublishResult = "publish_result",
        /// 落实: linked to a co-building program and/or needs.
        Implement = "implement",
        /// 评议: open the outcome to residents' ratings.
        OpenReview = "open_review",
        /// A resident rates the outcome (1–5, once each).
        Rate = "rate",
        Close = "close",
    }
}

code_enum! {
    /// What a topic is about (seed 003: 公共资源分配、公共空间管理、公共秩序维护 …).
    pub enum TopicCategory {
        /// 公共资源分配
        PublicResources = "public_resources",
        /// 公共空间管理
        PublicSpace = "public_space",
        /// 公共秩序维护
        PublicOrder = "public_order",
        /// 设施改造
        Facilities = "facilities",
        /// 社区服务
        Services = "services",
        /// 物业管理
        PropertyManagement = "property_management",
        Other = "other",
    }
}

code_enum! {
    /// Who put the topic forward.
    pub enum ProposerKind {
        /// A verified resident, for themselves.
        Resident = "resident",
        /// Community staff.
        Staff = "staff",
        /// 驻区单位, entered by staff.
        ResidentUnit = "resident_unit",
        /// 社会组织, entered by staff.
        Organisation = "organisation",
    }
}

code_enum! {
    /// Who takes part in a meeting (协商会), counted by kind.
    pub enum ParticipantKind {
        /// 居民代表
        Residents = "residents",
        /// 驻区单位
        ResidentUnits = "resident_units",
        /// 物业服务企业
        PropertyCompany = "property_company",
        /// 业主委员会
        OwnersCommittee = "owners_committee",
        /// 专家
        Experts = "experts",
        /// 党员
        PartyMembers = "party_members",
    }
}

code_enum! {
    /// How a meeting's vote came out under the community's quorum rule.
    pub enum MeetingOutcome {
        /// Quorum present and enough votes for: the decision stands (备案).
        Passed = "passed",
        /// Quorum present but too few votes for.
        Rejected = "rejected",
        /// Too few participants attended: recorded, not passed.
        NoQuorum = "no_quorum",
    }
}

code_enum! {
    /// How the co-sign threshold of a community is given.
    pub enum ThresholdKind {
        /// A number of co-signers.
        Count = "count",
        /// A share of the community's households (its profile).
        HouseholdShare = "household_share",
    }
}

/// A community's consultation rules, as data. Without a stored row the defaults apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ConsultationSettings {
    pub threshold_kind: ThresholdKind,
    /// Co-signers needed to file, for `count`.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100000, example = 10))]
    pub threshold_count: i32,
    /// Share of households (%) whose co-signature is needed, for `household_share`.
    #[cfg_attr(feature = "openapi", schema(minimum = 0.01, maximum = 100, example = 1.0))]
    pub household_share_pct: Option<f64>,
    /// Share (%) of the invited participants who must attend for a vote to count (quorum).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100, example = 50))]
    pub quorum_present_pct: i32,
    /// A decision passes with more than this share (%) of the votes cast for it.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 99, example = 50))]
    pub pass_pct: i32,
}

/// Propose a topic (议题提出).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewTopic {
    /// The community (or a grid of it) the topic concerns.
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub area_id: i64,
    pub category: TopicCategory,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, pattern = r"\S", example = "小区东门电动车充电棚选址"))]
    pub title: String,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 4000, pattern = r"\S", example = "东门空地是否建设电动车充电棚，请居民共同商议。")
    )]
    pub text: String,
    pub proposer_kind: ProposerKind,
    /// The resident unit's or organisation's name, for those kinds.
    #[cfg_attr(feature = "openapi", schema(max_length = 100, example = "滨江区人民医院"))]
    pub proposer_org: Option<String>,
    /// Needs of the community the topic gathers (several needs of one kind → one topic).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub need_ids: Vec<i64>,
}

/// A topic as the API returns it. The proposer's name is masked for callers who do not handle
/// the community's personal data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Topic {
    pub id: i64,
    pub status: TopicStatus,
    pub category: TopicCategory,
    pub title: String,
    pub text: String,
    pub community_id: i64,
    pub community_name: String,
    /// The area whose staff run it: the community, or the street or district it was referred to.
    pub area_id: i64,
    pub area_name: String,
    pub proposer_kind: ProposerKind,
    pub proposer_org: Option<String>,
    pub proposer_name: Option<String>,
    pub cosign_count: i32,
    /// Co-signers needed to file, by the community's settings.
    pub cosign_threshold: i32,
    /// Whether the caller co-signed it.
    pub cosigned: bool,
    pub notice_starts_at: Option<DateTime<Utc>>,
    pub notice_ends_at: Option<DateTime<Utc>>,
    pub result_notice_starts_at: Option<DateTime<Utc>>,
    pub result_notice_ends_at: Option<DateTime<Utc>>,
    pub decline_reason: Option<String>,
    /// What the passed meeting decided (备案).
    pub decision: Option<String>,
    /// The co-building program that carries the decision out (落实).
    pub program_id: Option<i64>,
    pub need_ids: Vec<i64>,
    pub rating_count: i32,
    pub rating_average: Option<f64>,
    /// The caller's own rating.
    pub my_rating: Option<i32>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One step on a topic's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicEvent {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub action: TopicAction,
    pub from_status: TopicStatus,
    pub to_status: TopicStatus,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub note: Option<String>,
}

/// Invited and attending participants of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Participants {
    pub kind: ParticipantKind,
    pub invited: i32,
    /// Recorded with the decision.
    pub attended: Option<i32>,
}

/// A meeting (协商会) of a topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Meeting {
    pub id: i64,
    pub topic_id: i64,
    pub held_at: DateTime<Utc>,
    pub place: Option<String>,
    pub online: bool,
    pub participants: Vec<Participants>,
    pub options: Vec<String>,
    pub minutes: Option<String>,
    pub decision: Option<String>,
    pub votes_for: Option<i32>,
    pub votes_against: Option<i32>,
    pub votes_abstaining: Option<i32>,
    /// Empty until the decision is recorded.
    pub outcome: Option<MeetingOutcome>,
    /// The quorum rule the vote was judged under (a copy of the settings at the time).
    pub quorum_present_pct: Option<i32>,
    pub pass_pct: Option<i32>,
    pub recorded_at: Option<DateTime<Utc>>,
    /// Residents named on the sign-in sheet, and how many of them voted (counts: no names).
    pub signed_in: i64,
    pub signed_in_voted: i64,
}

/// A topic with its timeline, meetings and the actions the caller may take.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicDetail {
    pub topic: Topic,
    pub timeline: Vec<TopicEvent>,
    pub meetings: Vec<Meeting>,
    pub allowed_actions: Vec<TopicAction>,
}

/// A step staff take on a topic: publish, file, decline, refer, publish_result, open_review, close.
/// Co-signing, meetings, links and ratings have endpoints of their own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TopicActionRequest {
    pub action: TopicAction,
    /// The reason (required to decline) or a note for the timeline.
    #[cfg_attr(feature = "openapi", schema(max_length = 2000, example = "涉及多个社区，上报街道协调"))]
    pub note: Option<String>,
    /// Days the notice (publish) or the result notice (publish_result) stays up; 7 when left out.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 60, example = 7))]
    pub notice_days: Option<i64>,
}

/// Invited participants of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Invited {
    pub kind: ParticipantKind,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100000, example = 30))]
    pub invited: i32,
}

/// Schedule a meeting (协商会).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewMeeting {
    pub held_at: DateTime<Utc>,
    /// Where it is held; required unless online.
    #[cfg_attr(feature = "openapi", schema(max_length = 200, example = "社区党群服务中心二楼会议室"))]
    pub place: Option<String>,
    #[serde(default)]
    pub online: bool,
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 6))]
    pub participants: Vec<Invited>,
    /// The options put to the meeting.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub options: Vec<String>,
}

/// Attendance of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Attended {
    pub kind: ParticipantKind,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000, example = 24))]
    pub attended: i32,
}

/// Record what a meeting decided and how it voted; judged under the community's quorum rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MeetingDecision {
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 6))]
    pub attended: Vec<Attended>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 10000, example = "与会居民代表就充电棚选址充分讨论……"))]
    pub minutes: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2000, example = "在东门空地建设充电棚，物业负责日常管理"))]
    pub decision: String,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000, example = 20))]
    pub votes_for: i32,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000, example = 3))]
    pub votes_against: i32,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000, example = 1))]
    pub votes_abstaining: i32,
    /// Residents named on the sign-in sheet (签到表), each once; they count as taking part in
    /// decisions (居民决策性参与比例). No more than the residents who attended, and no more voters
    /// than votes cast.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 2000))]
    pub signed_in: Vec<SignedIn>,
}

/// A resident of the topic's community on a meeting's sign-in sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignedIn {
    #[cfg_attr(feature = "openapi", schema(example = 8))]
    pub resident_id: i64,
    /// They cast a vote (for, against or abstaining).
    #[serde(default)]
    pub voted: bool,
}

/// 落实: what carries the decision out. At least one of the two.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TopicLink {
    pub program_id: Option<i64>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub need_ids: Vec<i64>,
}

/// 评议: a resident's rating of the outcome, once each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TopicRating {
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5, example = 5))]
    pub rating: i32,
    #[cfg_attr(feature = "openapi", schema(max_length = 500, example = "充电棚建得很及时"))]
    pub comment: Option<String>,
}

/// How many topics are in one state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicStatusCount {
    pub status: TopicStatus,
    pub count: i64,
}

/// Topics per state under the list's filters (the kanban's columns).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicCounts {
    pub by_status: Vec<TopicStatusCount>,
    pub total: i64,
}

/// A topic's result as published (结果公示).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicResult {
    pub decision: String,
    pub held_at: DateTime<Utc>,
    pub votes_for: i32,
    pub votes_against: i32,
    pub votes_abstaining: i32,
    pub result_notice_ends_at: Option<DateTime<Utc>>,
}

/// A topic on the public notice board: no names, phones or addresses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicTopic {
    pub id: i64,
    pub status: TopicStatus,
    pub category: TopicCategory,
    pub title: String,
    pub text: String,
    pub community_name: String,
    pub cosign_count: i32,
    pub cosign_threshold: i32,
    pub notice_starts_at: Option<DateTime<Utc>>,
    pub notice_ends_at: Option<DateTime<Utc>>,
    pub result: Option<PublicResult>,
    pub rating_count: i32,
    pub rating_average: Option<f64>,
}

/// `GET /topics` and `GET /topics/counts`: filters, order and page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct TopicListQuery {
    pub status: Option<TopicStatus>,
    /// Topics of communities in this area's subtree, or run at this area.
    pub area_id: Option<i64>,
    pub category: Option<TopicCategory>,
    /// Title or text contains.
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    #[cfg_attr(feature = "openapi", param(inline))]
    pub sort: Option<TitleSort>,
    #[cfg_attr(feature = "openapi", param(max_length = 512))]
    pub cursor: Option<String>,
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200))]
    pub limit: Option<u64>,
}
