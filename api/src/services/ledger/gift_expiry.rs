//! The expiry sweeper of offers of hours: an offer nobody answered within its day is stored as
//! `expired` and the giver is told. Reads and answers already treat such an offer as expired
//! ([`super::gifts::status_at`], [`super::gift_answers::close`]); the sweep writes it down and
//! sends the notice. It runs in the background on the platform's clock; tests call [`sweep`]
//! after moving the clock.
//!
//! Safe with several API instances: on PostgreSQL the read skips offers another sweeper holds
//! (`FOR UPDATE SKIP LOCKED`), and on both databases each offer is taken by the conditional update
//! in [`super::gift_answers::close`] that only one transaction wins — so the giver is told once.

use std::time::Duration as StdDuration;

use chrono::Duration;
use sea_orm::sea_query::{LockBehavior, LockType};
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use shared::{GIFT_OFFER_DAYS, GiftStatus, NotificationKind};

use super::gift_answers::close;
use super::gifts::tell;
use crate::entities::gift_offer;
use crate::error::ApiError;
use crate::state::AppState;

/// Offers expired per transaction, so one sweep never holds the write lock for long.
const BATCH: u64 = 100;

/// Expires every offer past its day; returns how many this sweep expired.
pub async fn sweep(state: &AppState) -> Result<usize, ApiError> {
    let mut expired = 0;
    loop {
        let txn = state.begin_write().await?;
        let now = state.clock.now();
        let mut select = gift_offer::Entity::find()
            .filter(gift_offer::Column::Status.eq(GiftStatus::Offered.as_str()))
            .filter(gift_offer::Column::CreatedAt.lte(now - Duration::days(GIFT_OFFER_DAYS)))
            .order_by_asc(gift_offer::Column::Id)
            .limit(BATCH);
        if txn.txn.get_database_backend() == DbBackend::Postgres {
            select = select.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
        }
        let due = select.all(&txn.txn).await?;
        let mut taken = 0;
        for offer in &due {
            if close(&txn.txn, offer.id, GiftStatus::Expired, now).await? {
                tell(&txn.txn, offer, offer.giver_id, NotificationKind::GiftExpired, None, now).await?;
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
                Ok(expired) => tracing::info!(expired, "offers of hours expired"),
                Err(error) => tracing::error!(%error, "sweeping offers of hours failed"),
            }
        }
    });
}
