//! `bench-ledger`: the ledger of service time at 1M postings over 100k accounts — an account's
//! statement page (`services::ledger::read::statement`) at a long and a short history, one's own
//! balances (`read::mine`) at ~10 000 and ~10 postings, transfer throughput of
//! `services::ledger::post::post` against a raw-sqlx twin sending the same statements, and the time
//! of the full zero-sum check (`read::check`).

pub mod setup;
pub mod twin;

use api::entities::ledger_account;
use api::services::ledger::post::{Draft, post};
use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, TransactionTrait};
use sea_orm::{SqliteTransactionMode, TransactionOptions};
use shared::{HolderKind, Id, LedgerUnit, TransferKind};

use crate::capture::statements_of;
use crate::kpis::setup::Fixture;
use twin::TwinAccount;

pub const REASON: &str = "赠与家人服务时长";

/// One transfer through the service, as the handler runs a write: `begin_write` (BEGIN IMMEDIATE),
/// `post`, commit.
pub async fn by_service(
    db: &DatabaseConnection,
    legs: Vec<(ledger_account::Model, i64)>,
    key: String,
    created_by: Id,
    now: DateTime<Utc>,
) -> anyhow::Result<Id> {
    let options = TransactionOptions { sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate), ..Default::default() };
    let txn = db.begin_with_options(options).await?;
    let draft = Draft {
        kind: TransferKind::Gift,
        reason: REASON.into(),
        source: None,
        reverses: None,
        idempotency_key: Some(key),
        created_by: Some(created_by),
        legs,
        now,
    };
    let (saved, _) = post(&txn, draft).await.map_err(|e| anyhow::anyhow!("post: {e}"))?;
    txn.commit().await?;
    Ok(saved.id)
}

/// The twin's view of a loaded account.
pub fn twin_account(m: &ledger_account::Model) -> anyhow::Result<TwinAccount> {
    Ok(TwinAccount {
        id: m.id,
        kind: HolderKind::parse(&m.holder_kind).ok_or_else(|| anyhow::anyhow!("holder kind {}", m.holder_kind))?,
        unit: LedgerUnit::parse(&m.unit).ok_or_else(|| anyhow::anyhow!("unit {}", m.unit))?,
        area_id: m.area_id,
        area_path: m.area_path.clone(),
    })
}

/// The same gift (a to b) once each way, recorded: the twin must send exactly the statements the service sends.
pub async fn check_statements(f: &Fixture, a: &ledger_account::Model, b: &ledger_account::Model) -> anyhow::Result<Vec<String>> {
    let service =
        statements_of(by_service(&f.db, vec![(a.clone(), -1), (b.clone(), 1)], "bench:check:service".into(), f.caller.id, Utc::now()))
            .await?;
    let legs = [(twin_account(a)?, -1), (twin_account(b)?, 1)];
    let twin = statements_of(twin::post(
        &f.pool,
        TransferKind::Gift,
        REASON,
        Some("bench:check:twin".into()),
        Some(f.caller.id),
        &legs,
        Utc::now(),
    ))
    .await?;
    if service != twin {
        let mut diff = String::from("transfer: the twin does not send the service's statements\n");
        for i in 0..service.len().max(twin.len()) {
            diff.push_str(&format!(
                "  service[{i}]: {}\n  twin[{i}]:    {}\n",
                service.get(i).map_or("-", |s| s),
                twin.get(i).map_or("-", |s| s)
            ));
        }
        anyhow::bail!(diff);
    }
    Ok(service)
}
