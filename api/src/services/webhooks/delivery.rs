//! Queueing and sending webhook deliveries. [`enqueue`] writes one pending row per interested endpoint
//! in the caller's transaction; the worker ([`spawn_worker`] → [`deliver_due`]) POSTs due rows and
//! retries failures with backoff: the first retry after `retry_base_secs`, each next one four times later.
//!
//! Several API instances may run a worker each over one database: a round first *claims* its rows in
//! one short transaction (on PostgreSQL the read skips rows another worker has locked, `FOR UPDATE
//! SKIP LOCKED`; on both databases each row is taken by a conditional update that pushes its
//! `next_attempt_at` one lease ahead, which only one worker can win). No lock is held while waiting
//! on the network; each outcome is then written in its own short transaction. A worker that dies
//! mid-send leaves its rows to be sent again when the lease lapses (delivery is at least once, and
//! receivers drop repeats by `X-Happyhome-Delivery`).

use std::sync::OnceLock;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, LockBehavior, LockType};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde_json::json;
use shared::DeliveryStatus;

use crate::domain::signature;
use crate::entities::{webhook_delivery, webhook_endpoint};
use crate::error::ApiError;
use crate::state::AppState;

/// Deliveries sent per round; a full round is followed at once by the next.
const BATCH: u64 = 50;
/// How long a receiver may take to answer.
const TIMEOUT: StdDuration = StdDuration::from_secs(10);
/// The longest wait between two attempts, however many there were.
const MAX_DELAY_SECS: i64 = 7 * 24 * 3600;
/// How long a claimed delivery is left to its worker: more than one attempt can take.
const LEASE_SECS: i64 = 60;
/// Longest `last_error` kept.
const MAX_ERROR_CHARS: usize = 500;

/// Queues `event` for every active endpoint whose subtree holds `area_path` and that subscribes to
/// it (an empty list subscribes to everything). Call inside the write that caused the event, so the
/// deliveries exist exactly when the change does.
pub async fn enqueue<C: ConnectionTrait>(
    db: &C,
    event: &str,
    area_path: &str,
    payload: &serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    enqueue_each(db, event, area_path, std::slice::from_ref(payload), now).await
}

/// [`enqueue`] for several events of one kind and place (one notification per recipient): the
/// endpoints are looked up once.
pub async fn enqueue_each<C: ConnectionTrait>(
    db: &C,
    event: &str,
    area_path: &str,
    payloads: &[serde_json::Value],
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    if payloads.is_empty() {
        return Ok(());
    }
    let endpoints = webhook_endpoint::Entity::find()
        .filter(webhook_endpoint::Column::Active.eq(true))
        .filter(webhook_endpoint::Column::AreaPath.is_in(path_prefixes(area_path)))
        .filter(super::subscriptions::hears(event))
        .all(db)
        .await?;
    for payload in payloads {
        for endpoint in &endpoints {
            insert(db, endpoint.id, event, payload, now).await?;
        }
    }
    Ok(())
}

/// `/`, `/1/`, `/1/7/`, `/1/7/42/` for `/1/7/42/`: the endpoint paths whose subtree holds the path.
fn path_prefixes(path: &str) -> Vec<String> {
    let mut prefixes = vec!["/".to_owned()];
    let mut current = String::from("/");
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        current.push_str(segment);
        current.push('/');
        prefixes.push(current.clone());
    }
    prefixes
}

/// Inserts one pending delivery whose body is `{"id", "event", "created_at", "data"}`.
pub(super) async fn insert<C: ConnectionTrait>(
    db: &C,
    endpoint_id: i64,
    event: &str,
    data: &serde_json::Value,
    now: DateTime<Utc>,
) -> Result<webhook_delivery::Model, ApiError> {
    let row = webhook_delivery::ActiveModel {
        endpoint_id: Set(endpoint_id),
        event: Set(event.to_owned()),
        payload: Set(String::new()),
        status: Set(DeliveryStatus::Pending.as_str().into()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    // The body names its own delivery id, so it is written once the row has one.
    let body = json!({ "id": row.id, "event": event, "created_at": now, "data": data });
    let mut row: webhook_delivery::ActiveModel = row.into();
    row.payload = Set(serde_json::to_string(&body).map_err(anyhow::Error::from)?);
    Ok(row.update(db).await?)
}

/// The wait before the next attempt after `attempts` failed ones: `base · 4^(attempts-1)`, capped at a week.
pub fn retry_delay(base_secs: i64, attempts: i32) -> Duration {
    let exponent = u32::try_from(attempts.saturating_sub(1)).unwrap_or(0);
    let secs = 4_i64.saturating_pow(exponent).saturating_mul(base_secs.max(1)).min(MAX_DELAY_SECS);
    Duration::seconds(secs)
}

/// What one attempt came to.
enum Outcome {
    Delivered(u16),
    Failed {
        status: Option<u16>,
        error: String,
    },
    /// The endpoint was deactivated after the event was queued: no attempt, no retry.
    Abandoned,
}

fn client() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        // A receiver's redirect is an answer, not a new target: following it could leak the body elsewhere.
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(TIMEOUT)
            .user_agent("happyhome-webhooks/1")
            .build()
            .unwrap_or_else(|e| {
                tracing::error!(error = %e, "webhook HTTP client could not be configured; using defaults");
                reqwest::Client::new()
            })
    })
}

/// POSTs one delivery, signed with the endpoint's secret.
async fn send(url: String, secret: String, event: String, id: i64, body: String, timestamp: i64) -> Outcome {
    let signature = signature::sign(secret.as_bytes(), timestamp, body.as_bytes());
    let sent = client()
        .post(&url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header("X-Happyhome-Event", event)
        .header("X-Happyhome-Delivery", id.to_string())
        .header("X-Happyhome-Timestamp", timestamp.to_string())
        .header("X-Happyhome-Signature", signature)
        .body(body)
        .send()
        .await;
    match sent {
        Ok(res) if res.status().is_success() => Outcome::Delivered(res.status().as_u16()),
        Ok(res) => Outcome::Failed { status: Some(res.status().as_u16()), error: format!("the receiver answered {}", res.status()) },
        Err(e) => Outcome::Failed { status: None, error: error_chain(&e) },
    }
}

/// The error and its causes on one line ("error sending request: connection refused").
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text.chars().take(MAX_ERROR_CHARS).collect()
}

/// Sends every due pending delivery (up to one batch) and records each outcome. Returns how many
/// were attempted.
pub async fn deliver_due(state: &AppState) -> Result<usize, ApiError> {
    let now = state.clock.now();
    let due = claim(state, now).await?;
    let endpoint_ids: Vec<i64> = due.iter().map(|d| d.endpoint_id).collect();
    let endpoints: std::collections::HashMap<i64, webhook_endpoint::Model> = if due.is_empty() {
        Default::default()
    } else {
        webhook_endpoint::Entity::find()
            .filter(webhook_endpoint::Column::Id.is_in(endpoint_ids))
            .all(&state.db)
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect()
    };
    let count = due.len();
    let mut sending = tokio::task::JoinSet::new();
    for delivery in due {
        match endpoints.get(&delivery.endpoint_id).cloned() {
            Some(endpoint) if endpoint.active => {
                let (id, event, body) = (delivery.id, delivery.event.clone(), delivery.payload.clone());
                let task = send(endpoint.url, endpoint.secret, event, id, body, now.timestamp());
                sending.spawn(async move { (delivery, task.await) });
            }
            _ => record(state, delivery, Outcome::Abandoned).await?,
        }
    }
    while let Some(joined) = sending.join_next().await {
        let (delivery, outcome) = joined.map_err(anyhow::Error::from)?;
        record(state, delivery, outcome).await?;
    }
    Ok(count)
}

/// Takes up to one batch of due pending deliveries for this worker: each is pushed one lease ahead by
/// an update that only succeeds while the row is still due, so two workers never both take it.
async fn claim(state: &AppState, now: DateTime<Utc>) -> Result<Vec<webhook_delivery::Model>, ApiError> {
    let txn = state.begin_write().await?;
    let mut select = webhook_delivery::Entity::find()
        .filter(webhook_delivery::Column::Status.eq(DeliveryStatus::Pending.as_str()))
        .filter(webhook_delivery::Column::NextAttemptAt.lte(now))
        .order_by_asc(webhook_delivery::Column::NextAttemptAt)
        .order_by_asc(webhook_delivery::Column::Id)
        .limit(BATCH);
    if txn.txn.get_database_backend() == DbBackend::Postgres {
        select = select.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    let due = select.all(&txn.txn).await?;
    let lease = now + Duration::seconds(LEASE_SECS);
    let mut claimed = Vec::with_capacity(due.len());
    for delivery in due {
        let taken = webhook_delivery::Entity::update_many()
            .col_expr(webhook_delivery::Column::NextAttemptAt, Expr::value(lease))
            .filter(webhook_delivery::Column::Id.eq(delivery.id))
            .filter(webhook_delivery::Column::Status.eq(DeliveryStatus::Pending.as_str()))
            .filter(webhook_delivery::Column::NextAttemptAt.lte(now))
            .exec(&txn.txn)
            .await?;
        if taken.rows_affected == 1 {
            claimed.push(delivery);
        }
    }
    txn.commit().await?;
    Ok(claimed)
}

/// Writes one attempt's outcome in its own short transaction.
async fn record(state: &AppState, delivery: webhook_delivery::Model, outcome: Outcome) -> Result<(), ApiError> {
    let now = state.clock.now();
    let settings = &state.settings.webhooks;
    let attempts = delivery.attempts + 1;
    let mut row: webhook_delivery::ActiveModel = delivery.into();
    match outcome {
        Outcome::Delivered(status) => {
            row.attempts = Set(attempts);
            row.status = Set(DeliveryStatus::Delivered.as_str().into());
            row.last_status = Set(Some(i32::from(status)));
            row.last_error = Set(None);
            row.delivered_at = Set(Some(now));
        }
        Outcome::Failed { status, error } => {
            row.attempts = Set(attempts);
            row.last_status = Set(status.map(i32::from));
            row.last_error = Set(Some(error));
            if attempts >= settings.max_attempts {
                row.status = Set(DeliveryStatus::Failed.as_str().into());
            } else {
                row.next_attempt_at = Set(now + retry_delay(settings.retry_base_secs, attempts));
            }
        }
        Outcome::Abandoned => {
            row.status = Set(DeliveryStatus::Failed.as_str().into());
            row.last_error = Set(Some("the webhook was deactivated before this was sent".into()));
        }
    }
    let txn = state.begin_write().await?;
    row.update(&txn.txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Starts the delivery worker: every `webhooks.poll_interval_ms` (0 turns it off) it sends what is due.
pub fn spawn_worker(state: AppState) {
    let interval_ms = state.settings.webhooks.poll_interval_ms;
    if interval_ms == 0 {
        return;
    }
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(StdDuration::from_millis(interval_ms));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            loop {
                match deliver_due(&state).await {
                    Ok(n) if n as u64 == BATCH => continue,
                    Ok(_) => break,
                    Err(e) => {
                        tracing::warn!(error = ?e, "webhook delivery round failed; retrying on the next tick");
                        break;
                    }
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_retry_waits_four_times_longer_up_to_a_week() {
        assert_eq!(retry_delay(30, 1), Duration::seconds(30));
        assert_eq!(retry_delay(30, 2), Duration::seconds(120));
        assert_eq!(retry_delay(30, 3), Duration::seconds(480));
        assert_eq!(retry_delay(30, 60), Duration::seconds(MAX_DELAY_SECS));
    }

    #[test]
    fn an_endpoint_hears_of_its_own_subtree_only() {
        let prefixes = path_prefixes("/1/7/42/");
        assert_eq!(prefixes, ["/", "/1/", "/1/7/", "/1/7/42/"]);
        assert!(!prefixes.contains(&"/1/70/".to_owned()));
    }
}
