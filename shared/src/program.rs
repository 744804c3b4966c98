//! Co-building programs (共建项目): run in an area against catalogue items, with partners, pledged
//! resources and their deliveries, milestones (节点), budget and spend, a status and an evaluation.
//! Money is in fen (分, 1/100 yuan) as integers, so sums are exact.

use serde::{Deserialize, Serialize};

use crate::code_enum;

code_enum! {
    /// Where a program is in its life.
    pub enum ProgramStatus {
        Draft = "draft",
        Submitted = "submitted",
        Approved = "approved",
        InProgress = "in_progress",
        Completed = "completed",
        Evaluated = "evaluated",
        Suspended = "suspended",
        Cancelled = "cancelled",
    }
}

code_enum! {
    /// A change of a program's status; each is a row (state, action, role) in the program lifecycle table.
    pub enum ProgramAction {
        /// Community staff submit a draft for approval.
        Submit = "submit",
        /// Take a submitted program back to draft.
        Withdraw = "withdraw",
        /// Street or district staff approve (never their own program).
        Approve = "approve",
        /// Send a submitted program back to draft with a reason.
        SendBack = "send_back",
        Start = "start",
        Complete = "complete",
        /// Record the evaluation of a completed program.
        Evaluate = "evaluate",
        Suspend = "suspend",
        Resume = "resume",
        Cancel = "cancel",
    }
}

code_enum! {
    /// Kinds of partner organisation.
    pub enum PartnerKind {
        /// 驻区单位
        ResidentUnit = "resident_unit",
        /// 社会组织
        SocialOrganization = "social_organization",
        /// 企业
        Enterprise = "enterprise",
        /// 专家智库
        Expert = "expert",
        /// 慈善组织
        Charity = "charity",
        /// 政府部门
        GovernmentDepartment = "government_department",
    }
}

code_enum! {
    /// The four resource kinds of the action (资金、人才、物资、技术).
    pub enum ResourceKind {
        /// 资金, in fen.
        Funds = "funds",
        /// 人才, in people and person-days.
        Talent = "talent",
        /// 物资, a quantity with a value in fen.
        Materials = "materials",
        /// 技术, with a value in fen.
        Technology = "technology",
    }
}

code_enum! {
    pub enum MilestoneStatus {
        Pending = "pending",
        InProgress = "in_progress",
        Done = "done",
    }
}

code_enum! {
    /// Who evaluated a program.
    pub enum EvaluatorType {
        /// 自评
        SelfAssessment = "self_assessment",
        /// 第三方评估
        ThirdParty = "third_party",
        /// 居民评议
        Residents = "residents",
    }
}

/// One entry of the co-building catalogue: a direction, a section or a content item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CatalogueEntry {
    pub id: i64,
    pub year: i32,
    /// `2`, `2.3`, `2.3.1`
    pub code: String,
    pub parent_code: Option<String>,
    /// `direction`, `section` or `item`; programs link to items.
    pub level: String,
    pub name_zh: String,
    pub name_en: String,
    pub description_zh: Option<String>,
}

/// Change a catalogue entry's names or description (platform admins).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CatalogueEntryPatch {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "社区嵌入式服务设施"))]
    pub name_zh: Option<String>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, example = "Community-embedded service facilities"))]
    pub name_en: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub description_zh: Option<String>,
}

/// Create a program (as a draft).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewProgram {
    /// The co-building district, street or community that runs it.
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub area_id: i64,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "缤纷社区长者食堂"))]
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 5000, example = "为辖区60岁以上老人提供助餐服务"))]
    pub description: String,
    /// 牵头单位
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "缤纷社区居委会"))]
    pub lead_org: String,
    #[cfg_attr(feature = "openapi", schema(example = "2026-03-01"))]
    pub start_date: chrono::NaiveDate,
    #[cfg_attr(feature = "openapi", schema(example = "2026-12-31"))]
    pub end_date: chrono::NaiveDate,
    /// Budget in fen.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000000000i64, example = 50000000))]
    pub budget_fen: i64,
    /// Catalogue items (level `item`) the program works on; at least one.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 20, example = json!([3])))]
    pub catalogue_item_ids: Vec<i64>,
    /// Disclosed on the public pages (阳光社区).
    #[serde(default)]
    pub public: bool,
}

/// Change a program: only the fields present change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgramPatch {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "缤纷社区长者食堂"))]
    pub title: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub description: Option<String>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "缤纷社区居委会"))]
    pub lead_org: Option<String>,
    pub start_date: Option<chrono::NaiveDate>,
    pub end_date: Option<chrono::NaiveDate>,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000000000i64, example = 60000000))]
    pub budget_fen: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 20))]
    pub catalogue_item_ids: Option<Vec<i64>>,
    pub public: Option<bool>,
}

/// A catalogue item as a program refers to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CatalogueRef {
    pub id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
}

/// A program as the API returns it in lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Program {
    pub id: i64,
    pub area_id: i64,
    pub area_name: String,
    pub title: String,
    pub description: String,
    pub lead_org: String,
    pub start_date: chrono::NaiveDate,
    pub end_date: chrono::NaiveDate,
    pub budget_fen: i64,
    pub spent_fen: i64,
    pub status: ProgramStatus,
    pub public: bool,
    pub catalogue_items: Vec<CatalogueRef>,
    /// Weighted share of milestones done, 0 to 1.
    pub progress: f64,
    /// Milestones past their due date and not done.
    pub overdue_milestones: i64,
    /// Absent on the public pages.
    pub created_by: Option<i64>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// Add a partner to a program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewPartner {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "滨江区慈善总会"))]
    pub name: String,
    pub kind: PartnerKind,
    /// Its role in the program (出资方, 运营方, 技术支持 …).
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 50, example = "出资方"))]
    pub role: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 50, example = "李主任"))]
    pub contact_name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9+\\-]{5,20}$", example = "0571-86000000"))]
    pub contact_phone: Option<String>,
}

/// A partner; contact details are personal data, present only for staff of the program's area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Partner {
    pub id: i64,
    pub name: String,
    pub kind: PartnerKind,
    pub role: String,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
}

/// How much of a resource: the fields that apply depend on the kind (funds: amount; talent: people and
/// person-days; materials: quantity, unit and value; technology: value).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    /// Money or value in fen.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100000000000i64, example = 1000000))]
    pub amount_fen: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1000000))]
    pub people: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10000000))]
    pub person_days: Option<f64>,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1000000000))]
    pub quantity: Option<f64>,
}

/// A sum of quantities — a pledge's deliveries, an area's pledges and deliveries of one kind — so
/// without the maxima [`Quantity`] sets on one pledge or delivery. Only the schema; the value is a
/// [`Quantity`].
#[cfg(feature = "openapi")]
#[derive(utoipa::ToSchema)]
pub struct QuantityTotal {
    pub amount_fen: Option<i64>,
    pub people: Option<i64>,
    pub person_days: Option<f64>,
    pub quantity: Option<f64>,
}

/// Pledge a resource to a program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewPledge {
    #[cfg_attr(feature = "openapi", schema(example = 1))]
    pub partner_id: i64,
    pub kind: ResourceKind,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, example = "助餐补贴资金"))]
    pub description: String,
    /// For materials: 台, 份, 套 …
    #[cfg_attr(feature = "openapi", schema(max_length = 10, example = "份"))]
    pub unit: Option<String>,
    pub pledged: Quantity,
}

/// A pledge with what has been delivered against it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pledge {
    pub id: i64,
    pub partner_id: i64,
    pub partner_name: String,
    pub kind: ResourceKind,
    pub description: String,
    pub unit: Option<String>,
    pub pledged: Quantity,
    /// The sum of its deliveries.
    #[cfg_attr(feature = "openapi", schema(value_type = QuantityTotal))]
    pub delivered: Quantity,
    /// Delivered over pledged in the kind's measure (funds and technology: amount; talent:
    /// person-days; materials: quantity), 0 to 1 (more than 1 when over-delivered, at most 1000).
    pub fulfilment: f64,
}

/// Record a delivery against a pledge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewDelivery {
    #[cfg_attr(feature = "openapi", schema(example = "2026-04-01"))]
    pub delivered_on: chrono::NaiveDate,
    pub delivered: Quantity,
    #[cfg_attr(feature = "openapi", schema(max_length = 500, example = "第一批资金到账"))]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Delivery {
    pub id: i64,
    pub pledge_id: i64,
    pub delivered_on: chrono::NaiveDate,
    pub delivered: Quantity,
    pub note: Option<String>,
}

/// Add a milestone (节点) with its owner (责任人).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewMilestone {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "食堂装修完工"))]
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(example = 4))]
    pub owner_id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "2026-06-30"))]
    pub due_on: chrono::NaiveDate,
    /// Its share of the program's progress.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100, example = 30))]
    pub weight: i32,
}

/// Change a milestone; setting `status` to `done` records when.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MilestonePatch {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "食堂装修完工"))]
    pub title: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = 4))]
    pub owner_id: Option<i64>,
    pub due_on: Option<chrono::NaiveDate>,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100, example = 30))]
    pub weight: Option<i32>,
    pub status: Option<MilestoneStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Milestone {
    pub id: i64,
    pub title: String,
    /// Absent on the public pages.
    pub owner_id: Option<i64>,
    pub owner_name: Option<String>,
    pub due_on: chrono::NaiveDate,
    pub weight: i32,
    pub status: MilestoneStatus,
    /// Past due and not done.
    pub overdue: bool,
    pub done_on: Option<chrono::NaiveDate>,
}

/// Record spending against the budget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewSpend {
    #[cfg_attr(feature = "openapi", schema(example = "2026-04-15"))]
    pub spent_on: chrono::NaiveDate,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100000000000i64, example = 250000))]
    pub amount_fen: i64,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, example = "采购厨房设备"))]
    pub purpose: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Spend {
    pub id: i64,
    pub spent_on: chrono::NaiveDate,
    pub amount_fen: i64,
    pub purpose: String,
}

/// The evaluation of a completed program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100, example = 90))]
    pub score: i32,
    pub evaluator_type: EvaluatorType,
    #[cfg_attr(feature = "openapi", schema(max_length = 2000, example = "居民满意度高"))]
    pub comments: Option<String>,
}

/// Change a program's status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgramActionRequest {
    pub action: ProgramAction,
    /// Reason (send back, suspend, cancel) or remark.
    #[cfg_attr(feature = "openapi", schema(max_length = 1000, example = "材料齐全，同意立项"))]
    pub note: Option<String>,
    /// Required for `evaluate`.
    pub evaluation: Option<Evaluation>,
}

/// A program with everything about it, and what the caller may do next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgramDetail {
    pub program: Program,
    pub partners: Vec<Partner>,
    pub pledges: Vec<Pledge>,
    pub deliveries: Vec<Delivery>,
    pub milestones: Vec<Milestone>,
    pub spends: Vec<Spend>,
    pub evaluation: Option<Evaluation>,
    pub allowed_actions: Vec<ProgramAction>,
    /// Whether the caller may edit the program, its partners, pledges, milestones and spend.
    pub editable: bool,
}

/// Pledged against delivered for one resource kind, in its measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KindFulfilment {
    pub kind: ResourceKind,
    /// The sum of the pledges of this kind.
    #[cfg_attr(feature = "openapi", schema(value_type = QuantityTotal))]
    pub pledged: Quantity,
    /// The sum of its deliveries.
    #[cfg_attr(feature = "openapi", schema(value_type = QuantityTotal))]
    pub delivered: Quantity,
    pub fulfilment: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgramStatusCount {
    pub status: ProgramStatus,
    pub count: i64,
}

/// One child area's programs within a roll-up: the live ones (cancelled left out, as in the totals).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChildProgramRollup {
    pub area: crate::ChildArea,
    /// Programs in the child's subtree, cancelled ones left out.
    pub programs: i64,
    /// Of those, completed or evaluated.
    pub completed: i64,
    pub budget_fen: i64,
    pub spent_fen: i64,
    pub overdue_milestones: i64,
}

/// The programs of an area's subtree, rolled up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgramRollup {
    /// The area whose subtree is rolled up; `None` for the whole platform.
    pub area_id: Option<i64>,
    pub area_name: Option<String>,
    pub by_status: Vec<ProgramStatusCount>,
    pub by_kind: Vec<KindFulfilment>,
    pub budget_fen: i64,
    pub spent_fen: i64,
    pub overdue_milestones: i64,
    /// The same sums for each child area (of the platform's roots for the whole platform), in the
    /// tree's order; programs filed at the area itself are in the totals only.
    pub by_child: Vec<ChildProgramRollup>,
}
