//! The worker's landing page (工作台): what waits for me, what falls due today, what is mine to do.

use serde::{Deserialize, Serialize};

use crate::Need;

/// How many needs wait at each step of the caller's work, counted over the needs they reach (staff:
/// their subtree; providers and volunteers: those dispatched to them). Each count is what the queue
/// answers for the same filter, so a tile and the list it opens never disagree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WorkbenchCounts {
    /// 待受理: submitted, waiting for staff to accept them (`status=submitted`).
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub submitted: i64,
    /// 待派单: accepted and not yet dispatched (`status=accepted`).
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub accepted: i64,
    /// 待接单: dispatched, waiting for the assignee to claim them (`status=dispatched`).
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub dispatched: i64,
    /// Open and past a deadline (`overdue=true`).
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub overdue: i64,
    /// Open, not overdue yet, with a deadline before the end of today in China (今日到期).
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub due_today: i64,
    /// 我的任务: open needs dispatched to the caller.
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub my_tasks: i64,
}

/// The workbench: the counts, the needs due today (soonest first) and the caller's own tasks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Workbench {
    pub counts: WorkbenchCounts,
    /// At most [`Workbench::LIST_LIMIT`] of the needs counted in `due_today`, soonest deadline first.
    pub due_today: Vec<Need>,
    /// At most [`Workbench::LIST_LIMIT`] of the caller's open tasks, oldest first.
    pub my_tasks: Vec<Need>,
}

impl Workbench {
    /// How many needs each list of the workbench shows; the counts say how many there are in all.
    pub const LIST_LIMIT: usize = 10;
}

/// A need's contact as it was revealed to someone who handles it (the reveal is audited).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeedContact {
    pub need_id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "王小明"))]
    pub contact_name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "13812345678"))]
    pub contact_phone: Option<String>,
}
