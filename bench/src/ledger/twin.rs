//! The raw-sqlx twin of `services::ledger::post::post`: the same statements in the same order —
//! the transfer's INSERT … RETURNING, then per leg in account id order the area's rules (for a
//! minutes account, to find its overdraft floor), the conditional UPDATE of the kept balance and
//! the posting's INSERT … RETURNING — in the same kind of transaction (`BEGIN IMMEDIATE`, as
//! `AppState::begin_write` opens it), with the SQL written out once and rows decoded by index.
//! [`super::check_statements`] proves the twin sends byte for byte what the service sends.

use std::sync::LazyLock;

use api::domain::ledger::{Leg, check_legs, floor};
use api::domain::scope::path_ids;
use chrono::{DateTime, Utc};
use shared::{HolderKind, Id, LedgerUnit, TransferKind};
use sqlx::{Row, SqlitePool};

const TRANSFER_INSERT: [&str; 10] =
    ["kind", "reason", "source_kind", "source_id", "reverses_id", "idempotency_key", "created_by", "area_id", "area_path", "created_at"];
const TRANSFER_COLUMNS: [&str; 11] = [
    "id",
    "kind",
    "reason",
    "source_kind",
    "source_id",
    "reverses_id",
    "idempotency_key",
    "created_by",
    "area_id",
    "area_path",
    "created_at",
];
const POSTING_INSERT: [&str; 5] = ["transfer_id", "account_id", "amount", "balance_after", "created_at"];
const POSTING_COLUMNS: [&str; 6] = ["id", "transfer_id", "account_id", "amount", "balance_after", "created_at"];
const RULE_COLUMNS: [&str; 12] = [
    "id",
    "area_id",
    "area_path",
    "overdraft_minutes",
    "points_per_hour",
    "points_per_good_rating",
    "points_per_activity",
    "points_per_consultation",
    "points_per_survey",
    "daily_points_cap",
    "monthly_points_cap",
    "updated_at",
];

fn quoted(cols: &[&str]) -> String {
    cols.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ")
}

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// Every statement, built once.
pub struct Sql {
    pub insert_transfer: String,
    pub insert_posting: String,
    /// By the number of areas on the account's path.
    pub rules_on_path: Vec<String>,
    pub credit: String,
    pub debit: String,
}

pub static SQL: LazyLock<Sql> = LazyLock::new(|| Sql {
    insert_transfer: format!(
        "INSERT INTO \"ledger_transfers\" ({}) VALUES ({}) RETURNING {}",
        quoted(&TRANSFER_INSERT),
        placeholders(TRANSFER_INSERT.len()),
        quoted(&TRANSFER_COLUMNS)
    ),
    insert_posting: format!(
        "INSERT INTO \"ledger_postings\" ({}) VALUES ({}) RETURNING {}",
        quoted(&POSTING_INSERT),
        placeholders(POSTING_INSERT.len()),
        quoted(&POSTING_COLUMNS)
    ),
    rules_on_path: (0..=8)
        .map(|n| {
            format!(
                "SELECT {} FROM \"ledger_rules\" WHERE \"ledger_rules\".\"area_id\" IN ({})",
                RULE_COLUMNS.iter().map(|c| format!("\"ledger_rules\".\"{c}\"")).collect::<Vec<_>>().join(", "),
                placeholders(n)
            )
        })
        .collect(),
    credit: "UPDATE \"ledger_accounts\" SET \"balance\" = \"balance\" + ? WHERE \"id\" = ? RETURNING \"balance\"".into(),
    debit: "UPDATE \"ledger_accounts\" SET \"balance\" = \"balance\" + ? WHERE \"id\" = ? AND \"balance\" + ? >= ? RETURNING \"balance\""
        .into(),
});

/// What the twin knows of an account: what the service reads off its loaded model.
#[derive(Debug, Clone)]
pub struct TwinAccount {
    pub id: Id,
    pub kind: HolderKind,
    pub unit: LedgerUnit,
    pub area_id: Id,
    pub area_path: String,
}

/// A transfer written by hand: the same rules, the same statements; returns the transfer's id.
pub async fn post(
    pool: &SqlitePool,
    kind: TransferKind,
    reason: &str,
    idempotency_key: Option<String>,
    created_by: Option<Id>,
    legs: &[(TwinAccount, i64)],
    now: DateTime<Utc>,
) -> anyhow::Result<Id> {
    let checked: Vec<Leg> = legs.iter().map(|(a, amount)| Leg { account: a.id, unit: a.unit, amount: *amount }).collect();
    check_legs(&checked)?;
    let first = &legs.first().ok_or_else(|| anyhow::anyhow!("no legs"))?.0;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let transfer = sqlx::query(SQL.insert_transfer.as_str())
        .bind(kind.as_str())
        .bind(reason)
        .bind(None::<String>)
        .bind(None::<i64>)
        .bind(None::<i64>)
        .bind(idempotency_key)
        .bind(created_by)
        .bind(first.area_id)
        .bind(&first.area_path)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
    let transfer_id: Id = transfer.try_get(0)?;
    let mut ordered: Vec<&(TwinAccount, i64)> = legs.iter().collect();
    ordered.sort_by_key(|(a, _)| a.id);
    for (account, amount) in ordered {
        let overdraft = if account.unit == LedgerUnit::Minutes {
            let ids = path_ids(&account.area_path);
            let mut q = sqlx::query(SQL.rules_on_path[ids.len()].as_str());
            for id in &ids {
                q = q.bind(id);
            }
            let mut rules: Vec<(usize, Option<i64>)> = q
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| Ok((r.try_get::<String, _>(2)?.len(), r.try_get::<Option<i64>, _>(3)?)))
                .collect::<Result<_, sqlx::Error>>()?;
            rules.sort_by_key(|(len, _)| std::cmp::Reverse(*len));
            rules.iter().find_map(|(_, o)| *o).unwrap_or(0)
        } else {
            0
        };
        let floor = floor(account.kind, account.unit, overdraft);
        let row = match (floor, *amount < 0) {
            (Some(floor), true) => {
                sqlx::query(SQL.debit.as_str()).bind(amount).bind(account.id).bind(amount).bind(floor).fetch_optional(&mut *tx).await?
            }
            _ => sqlx::query(SQL.credit.as_str()).bind(amount).bind(account.id).fetch_optional(&mut *tx).await?,
        };
        let balance_after: i64 = row.ok_or_else(|| anyhow::anyhow!("account {} would go below its floor", account.id))?.try_get(0)?;
        sqlx::query(SQL.insert_posting.as_str())
            .bind(transfer_id)
            .bind(account.id)
            .bind(amount)
            .bind(balance_after)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(transfer_id)
}
