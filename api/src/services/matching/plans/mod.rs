//! Batch plans (动态优化): every open need of an area assigned to service capacity at once, the most
//! needs served and then the best total score, never over capacity — solved exactly as a job with
//! progress; applied through the need lifecycle; re-planned when needs or resources change.
//!
//! Queuing a plan is in `queue`, the solver job in `job`, reading plans and rows in `read`,
//! applying through the need lifecycle in `apply`, re-planning in `replan` and what it changed in `changes`.

mod apply;
mod changes;
mod job;
mod queue;
mod read;
mod replan;

pub use apply::apply;
pub use changes::changes;
pub use job::{MAX_NEEDS, fail_interrupted, run};
pub use queue::create;
pub use read::{detail, list};
pub use replan::replan;

use shared::Id;

/// What a plan covers: an area's subtree, optional filters, and the plan it re-plans.
struct Target {
    area: (Id, String),
    category: Option<String>,
    urgency: Option<String>,
    parent_id: Option<Id>,
}
