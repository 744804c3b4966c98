//! The sweeper: reminds assignees whose claim window is closing, finds needs nobody claimed in time
//! (back to the queue, flagged), needs past a deadline — not accepted in time (受理时限) or not
//! responded to or resolved in time — (escalated to the street, 街镇吹哨), and
//! resolved needs left unrated (closed). It runs in the
//! background on the platform's clock; tests call [`sweep`] after moving the clock.

use std::time::Duration as StdDuration;

use chrono::Duration;
use sea_orm::sea_query::{LockBehavior, LockType};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use shared::{NeedAction, NeedActionRequest, NeedStatus};

use super::act::{Actor, apply};
use super::read::{late_condition, unaccepted_condition};
use crate::entities::need;
use crate::error::ApiError;
use crate::state::AppState;

/// What one sweep did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SweepReport {
    /// Assignees told their claim window is closing.
    pub reminded: usize,
    pub unclaimed: usize,
    pub escalated: usize,
    pub closed: usize,
}

/// Hours a dispatched need waits to be claimed before it goes back to the queue.
pub const CLAIM_WINDOW_HOURS: i64 = 4;
/// Hours before the claim window closes that the assignee is reminded (once per dispatch).
pub const CLAIM_REMINDER_HOURS: i64 = 1;
/// Days a resolved need waits for the resident's rating before it is closed.
pub const RATING_WINDOW_DAYS: i64 = 7;
/// Needs handled per sweep and kind, so one sweep never holds the write lock for long.
const BATCH: u64 = 200;

fn system(action: NeedAction, note: &str) -> NeedActionRequest {
    NeedActionRequest { action, note: Some(note.into()), missing: None, assignee_id: None, service_id: None, rating: None, hours: None }
}

async fn run(state: &AppState, select: sea_orm::Select<need::Entity>, request: NeedActionRequest) -> Result<usize, ApiError> {
    let txn = state.begin_write().await?;
    let now = state.clock.now();
    // FOR UPDATE SKIP LOCKED on PostgreSQL: another API instance sweeping at the same moment skips
    // the rows this one holds instead of acting on them twice (SQLite serialises writers already).
    let due = select.limit(BATCH).lock_with_behavior(LockType::Update, LockBehavior::SkipLocked).all(&txn.txn).await?;
    let n = due.len();
    for current in due {
        apply(&txn.txn, &Actor::System, current, &request, now, None).await?;
    }
    txn.commit().await?;
    Ok(n)
}

/// Tells the assignee of each need whose claim window closes within [`CLAIM_REMINDER_HOURS`].
async fn remind(state: &AppState) -> Result<usize, ApiError> {
    let txn = state.begin_write().await?;
    let now = state.clock.now();
    let closing = need::Entity::find()
        .filter(need::Column::Status.eq(NeedStatus::Dispatched.as_str()))
        .filter(need::Column::DispatchedAt.lte(now - Duration::hours(CLAIM_WINDOW_HOURS - CLAIM_REMINDER_HOURS)))
        .filter(need::Column::DispatchedAt.gt(now - Duration::hours(CLAIM_WINDOW_HOURS)))
        .limit(BATCH)
        .all(&txn.txn)
        .await?;
    let mut reminded = 0;
    for n in &closing {
        reminded += super::notices::claim_closing(&txn.txn, n, CLAIM_REMINDER_HOURS, now).await?;
    }
    txn.commit().await?;
    Ok(reminded)
}

pub async fn sweep(state: &AppState) -> Result<SweepReport, ApiError> {
    let now = state.clock.now();
    let reminded = remind(state).await?;
    let unclaimed = run(
        state,
        need::Entity::find()
            .filter(need::Column::Status.eq(NeedStatus::Dispatched.as_str()))
            .filter(need::Column::DispatchedAt.lte(now - Duration::hours(CLAIM_WINDOW_HOURS))),
        system(NeedAction::ClaimTimeout, "派单超时未接单，退回待派"),
    )
    .await?;
    let unaccepted = run(
        state,
        need::Entity::find().filter(unaccepted_condition(now)).filter(need::Column::EscalatedAt.is_null()),
        system(NeedAction::Escalate, "超过受理时限未受理，街镇吹哨"),
    )
    .await?;
    let late = run(
        state,
        need::Entity::find().filter(late_condition(now)).filter(need::Column::EscalatedAt.is_null()),
        system(NeedAction::Escalate, "超时未办结，街镇吹哨"),
    )
    .await?;
    let escalated = unaccepted + late;
    let closed = run(
        state,
        need::Entity::find()
            .filter(need::Column::Status.eq(NeedStatus::Resolved.as_str()))
            .filter(need::Column::ResolvedAt.lte(now - Duration::days(RATING_WINDOW_DAYS))),
        system(NeedAction::Close, "居民未评价，自动关闭"),
    )
    .await?;
    Ok(SweepReport { reminded, unclaimed, escalated, closed })
}

/// Sweeps every `interval` for as long as the server runs.
pub fn spawn_sweeper(state: AppState, interval: StdDuration) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(interval);
        loop {
            ticker.tick().await;
            match sweep(&state).await {
                Ok(report) if report != SweepReport::default() => tracing::info!(?report, "needs swept"),
                Ok(_) => {}
                Err(error) => tracing::error!(%error, "sweeping needs failed"),
            }
        }
    });
}
