//! The expiry sweeper: reserved orders past their pick-up deadline expire, their points come back by
//! reversal and their stock is put back. It runs in the background on the platform's clock; tests
//! call [`sweep`] after moving the clock.
//!
//! Safe with several API instances: on PostgreSQL the read skips orders another sweeper holds
//! (`FOR UPDATE SKIP LOCKED`), and on both databases each order is taken by the conditional status
//! update in [`super::act::close`], which only one transaction can win — so nothing is reversed twice.

use std::time::Duration as StdDuration;

use sea_orm::sea_query::{LockBehavior, LockType};
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use shared::ShopOrderStatus;

use super::act::close;
use crate::entities::shop_order;
use crate::error::ApiError;
use crate::state::AppState;

/// Orders expired per transaction, so one sweep never holds the write lock for long.
const BATCH: u64 = 100;

/// Expires every due order; returns how many this sweep expired.
pub async fn sweep(state: &AppState) -> Result<usize, ApiError> {
    let mut expired = 0;
    loop {
        let txn = state.begin_write().await?;
        let now = state.clock.now();
        let mut select = shop_order::Entity::find()
            .filter(shop_order::Column::Status.eq(ShopOrderStatus::Reserved.as_str()))
            .filter(shop_order::Column::ExpiresAt.lte(now))
            .order_by_asc(shop_order::Column::Id)
            .limit(BATCH);
        if txn.txn.get_database_backend() == DbBackend::Postgres {
            select = select.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
        }
        let due = select.all(&txn.txn).await?;
        let mut taken = 0;
        for order in &due {
            if close(&txn.txn, order, ShopOrderStatus::Expired, None, None, now).await?.is_some() {
                taken += 1;
            }
        }
        txn.commit().await?;
        expired += taken;
        if (due.len() as u64) < BATCH || taken == 0 {
            return Ok(expired);
        }
    }
}

/// Sweeps every `interval` for as long as the server runs.
pub fn spawn_sweeper(state: AppState, interval: StdDuration) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(interval);
        loop {
            ticker.tick().await;
            match sweep(&state).await {
                Ok(0) => {}
                Ok(expired) => tracing::info!(expired, "points-shop orders expired"),
                Err(error) => tracing::error!(%error, "sweeping points-shop orders failed"),
            }
        }
    });
}
