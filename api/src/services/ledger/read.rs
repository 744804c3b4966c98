//! Reading the ledger: the accounts of an area with totals, an account's statement with running
//! balances, one's own balances, and the full check that the books balance.

use std::time::Instant;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select, Statement};
use shared::{
    HolderKind, Id, LedgerAccountPage, LedgerCheck, LedgerUnit, MyLedger, Statement as LedgerStatement, StatementLine, UnitCheck, UnitTotal,
};

use super::account_dto;
use crate::domain::caller::Caller;
use crate::domain::scope::Scope;
use crate::entities::stored::stored;
use crate::entities::{area, ledger_account, ledger_posting, ledger_transfer};
use crate::error::ApiError;
use crate::policy::{self, Action, may};
use crate::services::page::{Keyset, PageRequest};

/// Filters of the account list.
pub struct AccountFilter {
    /// Holder name contains.
    pub q: Option<String>,
    pub unit: Option<LedgerUnit>,
    pub holder_kind: Option<HolderKind>,
    /// Accounts in this area's subtree.
    pub area_id: Option<Id>,
}

/// Orders of the account list: `-id` (newest), `id`, `holder_name`.
pub fn keyset(sort: &str) -> Keyset<ledger_account::Entity> {
    let by_name = sort == "holder_name";
    Keyset {
        name: match sort {
            "id" => "id",
            "holder_name" => "holder_name",
            _ => "-id",
        },
        column: by_name.then_some(ledger_account::Column::HolderName),
        desc: sort == "-id",
        id: ledger_account::Column::Id,
        key_of: |m| (Some(m.holder_name.clone()), m.id),
    }
}

async fn filtered<C: ConnectionTrait>(db: &C, caller: &Caller, filter: &AccountFilter) -> Result<Select<ledger_account::Entity>, ApiError> {
    let mut select = policy::visible::<ledger_account::Entity>(caller)?;
    if let Some(unit) = filter.unit {
        select = select.filter(ledger_account::Column::Unit.eq(unit.as_str()));
    }
    if let Some(kind) = filter.holder_kind {
        select = select.filter(ledger_account::Column::HolderKind.eq(kind.as_str()));
    }
    if let Some(id) = filter.area_id {
        let area = policy::load::<area::Entity, _>(db, caller, id).await?;
        select = select.filter(Scope::subtree(&area.path).path_condition(ledger_account::Column::AreaPath));
    }
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let mut by_name = Condition::all().add(ledger_account::Column::HolderName.contains(q));
        // Names of people are personal data: who may not see them may not search them either.
        if !may(caller, Action::HandlePersonalData) {
            by_name =
                by_name.add(ledger_account::Column::HolderKind.is_not_in([HolderKind::Resident.as_str(), HolderKind::Volunteer.as_str()]));
        }
        select = select.filter(by_name);
    }
    Ok(select)
}

/// A page of the accounts the caller may read, with the totals per unit of everything the filter selects.
pub async fn list_accounts<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    filter: &AccountFilter,
    sort: &str,
    page: PageRequest,
) -> Result<LedgerAccountPage, ApiError> {
    let select = filtered(db, caller, filter).await?;
    let (rows, next_cursor) = page.fetch(db, select.clone(), &keyset(sort)).await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        items.push(account_dto(db, caller, row).await?);
    }
    // SUM of a bigint is numeric on PostgreSQL: cast back so both backends answer an i64.
    let sums: Vec<(String, i64, i64)> = select
        .select_only()
        .column(ledger_account::Column::Unit)
        .column_as(Expr::cust("COUNT(*)"), "accounts")
        .column_as(Expr::cust("CAST(COALESCE(SUM(balance), 0) AS BIGINT)"), "balance")
        .group_by(ledger_account::Column::Unit)
        .into_tuple()
        .all(db)
        .await?;
    let mut totals = Vec::new();
    for unit in LedgerUnit::ALL {
        let (accounts, balance) = sums.iter().find(|(u, _, _)| u == unit.as_str()).map_or((0, 0), |(_, n, b)| (*n, *b));
        totals.push(UnitTotal { unit, accounts, balance });
    }
    Ok(LedgerAccountPage { items, next_cursor, totals })
}

/// The account for a statement: staff read the accounts of their subtree; residents and volunteers
/// their own only (another's is 404, as if it did not exist).
async fn readable_account<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<ledger_account::Model, ApiError> {
    if may(caller, Action::ReadLedger) {
        return Ok(policy::load::<ledger_account::Entity, _>(db, caller, id).await?);
    }
    policy::require(caller, Action::ReadOwnLedger)?;
    own_accounts(caller).filter(ledger_account::Column::Id.eq(id)).one(db).await?.ok_or(ApiError::NotFound("account"))
}

fn own_accounts(caller: &Caller) -> Select<ledger_account::Entity> {
    let kind = super::person_holder(caller.role);
    ledger_account::Entity::find()
        .filter(ledger_account::Column::HolderKind.eq(kind.as_str()))
        .filter(ledger_account::Column::HolderId.eq(caller.id))
}

async fn lines<C: ConnectionTrait>(db: &C, postings: Vec<ledger_posting::Model>) -> Result<Vec<StatementLine>, ApiError> {
    let ids: Vec<Id> = postings.iter().map(|p| p.transfer_id).collect();
    let transfers = ledger_transfer::Entity::find().filter(ledger_transfer::Column::Id.is_in(ids.clone())).all(db).await?;
    // The reversals of this page's transfers, found by the unique `reverses_id`.
    let reversals = ledger_transfer::Entity::find().filter(ledger_transfer::Column::ReversesId.is_in(ids)).all(db).await?;
    let mut out = Vec::with_capacity(postings.len());
    for p in postings {
        let Some(t) = transfers.iter().find(|t| t.id == p.transfer_id) else { continue };
        out.push(StatementLine {
            posting_id: p.id,
            transfer_id: t.id,
            kind: stored(&t.kind, "ledger_transfers", t.id)?,
            reason: t.reason.clone(),
            amount: p.amount,
            balance_after: p.balance_after,
            at: p.created_at,
            reversed_by: reversals.iter().find(|r| r.reverses_id == Some(t.id)).map(|r| r.id),
        });
    }
    Ok(out)
}

/// An account's postings newest first, each with the balance right after it, within `[from, to)`.
pub async fn statement<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    page: PageRequest,
) -> Result<LedgerStatement, ApiError> {
    let account = readable_account(db, caller, id).await?;
    let mut select = ledger_posting::Entity::find().filter(ledger_posting::Column::AccountId.eq(account.id));
    if let Some(from) = from {
        select = select.filter(ledger_posting::Column::CreatedAt.gte(from));
    }
    if let Some(to) = to {
        select = select.filter(ledger_posting::Column::CreatedAt.lt(to));
    }
    let keyset = Keyset::<ledger_posting::Entity> {
        name: "-id",
        column: None,
        desc: true,
        id: ledger_posting::Column::Id,
        key_of: |m| (None, m.id),
    };
    let (rows, next_cursor) = page.fetch(db, select, &keyset).await?;
    Ok(LedgerStatement { account: account_dto(db, caller, account).await?, items: lines(db, rows).await?, next_cursor })
}

/// The caller's own balances and their latest twenty postings.
pub async fn mine<C: ConnectionTrait>(db: &C, caller: &Caller) -> Result<MyLedger, ApiError> {
    policy::require(caller, Action::ReadOwnLedger)?;
    let rows = own_accounts(caller).order_by_asc(ledger_account::Column::Id).all(db).await?;
    let ids: Vec<Id> = rows.iter().map(|a| a.id).collect();
    let recent = ledger_posting::Entity::find()
        .filter(ledger_posting::Column::AccountId.is_in(ids))
        .order_by_desc(ledger_posting::Column::Id)
        .limit(20)
        .all(db)
        .await?;
    let mut accounts = Vec::with_capacity(rows.len());
    for row in rows {
        accounts.push(account_dto(db, caller, row).await?);
    }
    Ok(MyLedger { accounts, recent: lines(db, recent).await? })
}

async fn numbers<C: ConnectionTrait>(db: &C, sql: &str) -> Result<Vec<(String, i64)>, ApiError> {
    let rows = db.query_all_raw(Statement::from_string(db.get_database_backend(), sql)).await?;
    rows.iter().map(|r| Ok((r.try_get::<String>("", "unit")?, r.try_get::<i64>("", "n")?))).collect()
}

/// The full check over every account and posting: each transfer sums to zero per unit, each kept
/// balance equals the sum of its postings. Portable SQL; sums cast so PostgreSQL answers bigints.
pub async fn check<C: ConnectionTrait>(db: &C, caller: &Caller) -> Result<LedgerCheck, ApiError> {
    policy::require(caller, Action::CheckLedger)?;
    let started = Instant::now();
    let accounts = numbers(db, "SELECT unit, COUNT(*) AS n FROM ledger_accounts GROUP BY unit").await?;
    let kept = numbers(db, "SELECT unit, CAST(COALESCE(SUM(balance), 0) AS BIGINT) AS n FROM ledger_accounts GROUP BY unit").await?;
    let posting_join = "FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id";
    let postings = numbers(db, &format!("SELECT a.unit AS unit, COUNT(*) AS n {posting_join} GROUP BY a.unit")).await?;
    let sums =
        numbers(db, &format!("SELECT a.unit AS unit, CAST(COALESCE(SUM(p.amount), 0) AS BIGINT) AS n {posting_join} GROUP BY a.unit"))
            .await?;
    let mismatched = numbers(
        db,
        "SELECT a.unit AS unit, COUNT(*) AS n FROM ledger_accounts a WHERE a.balance <> \
         (SELECT COALESCE(SUM(p.amount), 0) FROM ledger_postings p WHERE p.account_id = a.id) GROUP BY a.unit",
    )
    .await?;
    let unbalanced = numbers(
        db,
        &format!(
            "SELECT 'all' AS unit, COUNT(*) AS n FROM (SELECT p.transfer_id {posting_join} \
             GROUP BY p.transfer_id, a.unit HAVING SUM(p.amount) <> 0) x"
        ),
    )
    .await?;
    let transfers = numbers(db, "SELECT 'all' AS unit, COUNT(*) AS n FROM ledger_transfers").await?;
    let of = |list: &[(String, i64)], unit: LedgerUnit| list.iter().find(|(u, _)| u == unit.as_str()).map_or(0, |(_, n)| *n);
    let units: Vec<UnitCheck> = LedgerUnit::ALL
        .into_iter()
        .map(|unit| UnitCheck {
            unit,
            accounts: of(&accounts, unit),
            postings: of(&postings, unit),
            postings_sum: of(&sums, unit),
            kept_sum: of(&kept, unit),
            mismatched_accounts: of(&mismatched, unit),
        })
        .collect();
    let unbalanced_transfers = unbalanced.first().map_or(0, |(_, n)| *n);
    let balanced = unbalanced_transfers == 0 && units.iter().all(|u| u.postings_sum == 0 && u.kept_sum == 0 && u.mismatched_accounts == 0);
    Ok(LedgerCheck {
        transfers: transfers.first().map_or(0, |(_, n)| *n),
        unbalanced_transfers,
        units,
        balanced,
        checked_in_ms: started.elapsed().as_millis() as i64,
    })
}
