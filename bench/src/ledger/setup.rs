//! The benchmark's ledger, loaded in bulk: the district of `bench-kpis` (100 communities), one
//! issuance account per community, and resident accounts in minutes (service time), two of them held
//! by real residents — one with a long history, one with a short one — so `read::mine` can be called
//! as them. Transfers are generated in memory with two legs each (a staff credit against the
//! community's issuance account, or a gift between residents that never takes a giver below zero),
//! running balances kept as they go, then written with multi-row INSERTs, the postings' indexes
//! dropped for the load and created again from the SQL the migrations left. The loaded ledger is
//! consistent by construction; the benchmark asserts it with the service's own full check.

use std::time::{Duration, Instant};

use anyhow::Context as _;
use api::domain::scope::path_ids;
use chrono::{DateTime, Utc};
use shared::{HolderKind, Id, LedgerUnit, Role, TransferKind};
use sqlx::SqliteConnection;

use crate::kpis::setup::{Fixture, Rng};

/// An account as generated: its area, its running balance and how many postings it has.
pub struct Account {
    pub id: Id,
    pub kind: HolderKind,
    pub holder_id: Id,
    pub name: String,
    pub area_id: Id,
    pub area_path: String,
    pub balance: i64,
    pub postings: usize,
    /// Index of the issuance account of its community in `Ledger::accounts`.
    pub issuance: usize,
}

struct TransferRow {
    kind: TransferKind,
    reason: &'static str,
    created_by: Id,
    area: usize,
    at: DateTime<Utc>,
}

struct PostingRow {
    transfer_id: Id,
    account_id: Id,
    amount: i64,
    balance_after: i64,
    at: DateTime<Utc>,
}

/// What was loaded, and the accounts the measurements use.
pub struct Ledger {
    pub accounts: Vec<Account>,
    pub transfers: usize,
    pub postings: usize,
    /// The resident with the long history, their account's index.
    pub long: (Id, usize),
    /// The resident with the short history, their account's index.
    pub short: (Id, usize),
    pub took: Duration,
}

async fn insert_resident(conn: &mut SqliteConnection, username: &str, display: &str, area_id: Id) -> anyhow::Result<Id> {
    let now = Utc::now();
    let id = sqlx::query_scalar(
        "INSERT INTO users (username, display_name, role, area_id, password_hash, active, demo, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(username)
    .bind(display)
    .bind(Role::Resident.as_str())
    .bind(area_id)
    .bind("!bench: no password")
    .bind(true)
    .bind(false)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// Loads `postings` postings (two per transfer) over `accounts` accounts; the long history gets
/// `long_postings`, the short one `short_postings`.
pub async fn load(
    f: &Fixture,
    accounts: usize,
    postings: usize,
    long_postings: usize,
    short_postings: usize,
    now: DateTime<Utc>,
) -> anyhow::Result<Ledger> {
    const PER_STATEMENT: usize = 2_000;
    const PER_TRANSACTION: usize = 200_000;
    let started = Instant::now();
    let communities: Vec<(Id, String)> = f.places.iter().filter(|p| path_ids(&p.path).len() == 3).map(|p| (p.id, p.path.clone())).collect();
    anyhow::ensure!(accounts >= communities.len() + 10, "--accounts must be at least {}", communities.len() + 10);
    let transfers = postings / 2;
    anyhow::ensure!(transfers >= long_postings + short_postings + 10, "too few postings for the long and short histories");
    let mut rng = Rng::new(0x1ED6_E250);
    let mut conn = f.pool.acquire().await?;

    // Accounts: the issuance account of each community first, then residents; ids assigned here.
    let first_id: Id = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM ledger_accounts").fetch_one(&mut *conn).await?;
    let mut all: Vec<Account> = Vec::with_capacity(accounts);
    for (n, (id, path)) in communities.iter().enumerate() {
        all.push(Account {
            id: first_id + all.len() as Id,
            kind: HolderKind::Issuance,
            holder_id: *id,
            name: format!("第{}社区发行账户", n + 1),
            area_id: *id,
            area_path: path.clone(),
            balance: 0,
            postings: 0,
            issuance: n,
        });
    }
    let home = &f.places[0];
    let long_user = insert_resident(&mut conn, "bench-ledger-long", "老会员", home.id).await?;
    let short_user = insert_resident(&mut conn, "bench-ledger-short", "新会员", home.id).await?;
    let first_resident = all.len();
    for i in first_resident..accounts {
        let (holder_id, place) = match i - first_resident {
            0 => (long_user, home),
            1 => (short_user, home),
            _ => (10_000_000 + i as Id, &f.places[rng.below(f.places.len())]),
        };
        all.push(Account {
            id: first_id + i as Id,
            kind: HolderKind::Resident,
            holder_id,
            name: format!("居民{i}"),
            area_id: place.id,
            area_path: place.path.clone(),
            balance: 0,
            postings: 0,
            issuance: place.community,
        });
    }
    let (long, short) = (first_resident, first_resident + 1);
    let ordinary = first_resident + 2..accounts;

    // Transfers in time order over the last year; the long and short histories spread evenly.
    let first_transfer: Id = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM ledger_transfers").fetch_one(&mut *conn).await?;
    let first_posting: Id = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM ledger_postings").fetch_one(&mut *conn).await?;
    let span = chrono::Duration::days(365).num_seconds();
    let start = now - chrono::Duration::days(366);
    let mut t_rows = Vec::with_capacity(transfers);
    let mut p_rows = Vec::with_capacity(transfers * 2);
    let every = |n: usize| transfers.checked_div(n).unwrap_or(usize::MAX);
    let (long_every, short_every) = (every(long_postings), every(short_postings));
    let (mut long_left, mut short_left) = (long_postings, short_postings);
    for t in 0..transfers {
        let at = start + chrono::Duration::seconds((t as i128 * span as i128 / transfers as i128) as i64);
        let subject = if long_left > 0 && t % long_every == 0 {
            long_left -= 1;
            long
        } else if short_left > 0 && t % short_every == 1 {
            short_left -= 1;
            short
        } else {
            rng.below(ordinary.len()) + ordinary.start
        };
        let amount = 30 + 15 * rng.below(12) as i64;
        // A gift when the subject has the hours (never below the floor of 0), a credit otherwise.
        let gift = rng.unit() < 0.3 && all[subject].balance >= amount;
        let legs: [(usize, i64); 2] = if gift {
            let mut to = rng.below(ordinary.len()) + ordinary.start;
            if to == subject {
                to = if to + 1 < ordinary.end { to + 1 } else { ordinary.start };
            }
            [(subject, -amount), (to, amount)]
        } else {
            [(subject, amount), (all[subject].issuance, -amount)]
        };
        let transfer_id = first_transfer + t as Id;
        t_rows.push(TransferRow {
            kind: if gift { TransferKind::Gift } else { TransferKind::Adjustment },
            reason: if gift { "赠与家人服务时长" } else { "志愿服务时长登记" },
            created_by: f.caller.id,
            area: legs[0].0,
            at,
        });
        let mut ordered = legs;
        ordered.sort_by_key(|(a, _)| all[*a].id);
        for (a, amount) in ordered {
            let account = &mut all[a];
            account.balance += amount;
            account.postings += 1;
            p_rows.push(PostingRow { transfer_id, account_id: account.id, amount, balance_after: account.balance, at });
        }
    }

    let cache: i64 = sqlx::query_scalar("PRAGMA cache_size").fetch_one(&mut *conn).await?;
    sqlx::query("PRAGMA cache_size = -524288").execute(&mut *conn).await?; // 512 MiB while loading
    let indexes: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ledger_postings' AND sql IS NOT NULL ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await?;
    for (name, _) in &indexes {
        sqlx::query(sqlx::AssertSqlSafe(format!("DROP INDEX \"{name}\""))).execute(&mut *conn).await?;
    }
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    for chunk in all.chunks(PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO ledger_accounts (id, holder_kind, holder_id, holder_name, area_id, area_path, unit, balance, created_at) VALUES {}",
            vec!["(?, ?, ?, ?, ?, ?, ?, ?, ?)"; chunk.len()].join(", ")
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for a in chunk {
            q = q
                .bind(a.id)
                .bind(a.kind.as_str())
                .bind(a.holder_id)
                .bind(&a.name)
                .bind(a.area_id)
                .bind(&a.area_path)
                .bind(LedgerUnit::Minutes.as_str())
                .bind(a.balance)
                .bind(start);
        }
        q.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    for (c, chunk) in t_rows.chunks(PER_TRANSACTION).enumerate() {
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        for (s, rows) in chunk.chunks(PER_STATEMENT).enumerate() {
            let sql = format!(
                "INSERT INTO ledger_transfers (id, kind, reason, created_by, area_id, area_path, created_at) VALUES {}",
                vec!["(?, ?, ?, ?, ?, ?, ?)"; rows.len()].join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (k, r) in rows.iter().enumerate() {
                let area = &all[r.area];
                q = q
                    .bind(first_transfer + (c * PER_TRANSACTION + s * PER_STATEMENT + k) as Id)
                    .bind(r.kind.as_str())
                    .bind(r.reason)
                    .bind(r.created_by)
                    .bind(area.area_id)
                    .bind(&area.area_path)
                    .bind(r.at);
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
    }
    for (c, chunk) in p_rows.chunks(PER_TRANSACTION).enumerate() {
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        for (s, rows) in chunk.chunks(PER_STATEMENT).enumerate() {
            let sql = format!(
                "INSERT INTO ledger_postings (id, transfer_id, account_id, amount, balance_after, created_at) VALUES {}",
                vec!["(?, ?, ?, ?, ?, ?)"; rows.len()].join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (k, r) in rows.iter().enumerate() {
                q = q
                    .bind(first_posting + (c * PER_TRANSACTION + s * PER_STATEMENT + k) as Id)
                    .bind(r.transfer_id)
                    .bind(r.account_id)
                    .bind(r.amount)
                    .bind(r.balance_after)
                    .bind(r.at);
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
    }
    for (_, sql) in &indexes {
        sqlx::query(sqlx::AssertSqlSafe(sql.clone())).execute(&mut *conn).await?;
    }
    sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA cache_size = {cache}"))).execute(&mut *conn).await?;
    drop(conn);
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&f.pool).await.context("checkpoint after the load")?;
    let loaded = Ledger {
        transfers: t_rows.len(),
        postings: p_rows.len(),
        long: (long_user, long),
        short: (short_user, short),
        accounts: all,
        took: started.elapsed(),
    };
    Ok(loaded)
}
