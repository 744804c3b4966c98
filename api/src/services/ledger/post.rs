//! Writing a transfer: the domain's rules, then one conditional update per account in id order,
//! then the postings — all in the caller's transaction, so a refused leg leaves nothing behind.
//!
//! The floor is enforced by the update itself (`balance = balance + x WHERE id = ? AND balance + x >=
//! floor`), not by a read before it: two concurrent spends cannot both see the old balance. On
//! PostgreSQL the update locks the row and re-checks the condition against the committed balance;
//! updating accounts in id order keeps two transfers over the same accounts from deadlocking. On
//! SQLite writers are serialised by `AppState::begin_write`.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use shared::{Id, LedgerUnit, Posting, Transfer, TransferKind};

use super::floor_of;
use crate::domain::ledger::{Leg, Violation, check_legs, reversal_of};
use crate::entities::stored::stored;
use crate::entities::{ledger_account, ledger_posting, ledger_transfer};
use crate::error::ApiError;

/// Why a transfer could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PostError {
    #[error(transparent)]
    Rule(#[from] Violation),
    #[error("transfer {0} is already reversed")]
    AlreadyReversed(Id),
    #[error(transparent)]
    Api(#[from] ApiError),
}

impl From<sea_orm::DbErr> for PostError {
    fn from(err: sea_orm::DbErr) -> Self {
        Self::Api(err.into())
    }
}

/// A transfer to write: what, why, from what, and its legs on loaded accounts.
pub struct Draft {
    pub kind: TransferKind,
    pub reason: String,
    pub source: Option<(&'static str, Id)>,
    pub reverses: Option<Id>,
    /// Unique over all transfers: a retried request or a repeated event finds its transfer instead.
    pub idempotency_key: Option<String>,
    pub created_by: Option<Id>,
    /// The transfer's area is its first leg's account's.
    pub legs: Vec<(ledger_account::Model, i64)>,
    pub now: DateTime<Utc>,
}

/// Writes `draft`; returns the transfer and its postings.
pub async fn post<C: ConnectionTrait>(db: &C, draft: Draft) -> Result<(ledger_transfer::Model, Vec<ledger_posting::Model>), PostError> {
    let mut legs = Vec::with_capacity(draft.legs.len());
    for (account, amount) in &draft.legs {
        let unit: LedgerUnit = stored(&account.unit, "ledger_accounts", account.id).map_err(ApiError::from)?;
        legs.push(Leg { account: account.id, unit, amount: *amount });
    }
    check_legs(&legs)?;
    let Some((first, _)) = draft.legs.first() else { return Err(Violation::TooFewLegs.into()) };
    let transfer = ledger_transfer::ActiveModel {
        kind: Set(draft.kind.as_str().into()),
        reason: Set(draft.reason),
        source_kind: Set(draft.source.map(|(k, _)| k.to_owned())),
        source_id: Set(draft.source.map(|(_, id)| id)),
        reverses_id: Set(draft.reverses),
        idempotency_key: Set(draft.idempotency_key),
        created_by: Set(draft.created_by),
        area_id: Set(first.area_id),
        area_path: Set(first.area_path.clone()),
        created_at: Set(draft.now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut ordered = draft.legs;
    ordered.sort_by_key(|(account, _)| account.id);
    let mut postings = Vec::with_capacity(ordered.len());
    for (account, amount) in ordered {
        let floor = floor_of(db, &account).await?;
        let balance_after = settle_in_db(db, account.id, amount, floor).await?;
        let posting = ledger_posting::ActiveModel {
            transfer_id: Set(transfer.id),
            account_id: Set(account.id),
            amount: Set(amount),
            balance_after: Set(balance_after),
            created_at: Set(draft.now),
            ..Default::default()
        }
        .insert(db)
        .await?;
        postings.push(posting);
    }
    Ok((transfer, postings))
}

/// Adds `amount` to the kept balance unless a debit would cross `floor`; returns the new balance.
async fn settle_in_db<C: ConnectionTrait>(db: &C, account: Id, amount: i64, floor: Option<i64>) -> Result<i64, PostError> {
    let balance = || Expr::col(ledger_account::Column::Balance);
    let mut update = Query::update();
    update
        .table(ledger_account::Entity)
        .value(ledger_account::Column::Balance, balance().add(amount))
        .and_where(Expr::col(ledger_account::Column::Id).eq(account))
        .returning_col(ledger_account::Column::Balance);
    if let (Some(floor), true) = (floor, amount < 0) {
        update.and_where(balance().add(amount).gte(floor));
    }
    let statement = db.get_database_backend().build(&update);
    let row = db.query_one_raw(statement).await?.ok_or(Violation::BelowFloor(account))?;
    Ok(row.try_get::<i64>("", "balance")?)
}

/// The transfer that reverses `original`, if any.
pub async fn reversal_of_transfer<C: ConnectionTrait>(db: &C, original: Id) -> Result<Option<ledger_transfer::Model>, ApiError> {
    Ok(ledger_transfer::Entity::find().filter(ledger_transfer::Column::ReversesId.eq(original)).one(db).await?)
}

/// Reverses `original` with a new transfer of negated postings; refused when already reversed (the
/// unique `reverses_id` also stops two concurrent reversals) or when it is itself a reversal.
pub async fn reverse<C: ConnectionTrait>(
    db: &C,
    original: &ledger_transfer::Model,
    reason: String,
    created_by: Option<Id>,
    now: DateTime<Utc>,
) -> Result<(ledger_transfer::Model, Vec<ledger_posting::Model>), PostError> {
    if original.reverses_id.is_some() || reversal_of_transfer(db, original.id).await?.is_some() {
        return Err(PostError::AlreadyReversed(original.id));
    }
    let postings = ledger_posting::Entity::find()
        .filter(ledger_posting::Column::TransferId.eq(original.id))
        .order_by_asc(ledger_posting::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<Id> = postings.iter().map(|p| p.account_id).collect();
    let accounts = ledger_account::Entity::find().filter(ledger_account::Column::Id.is_in(ids)).all(db).await?;
    let account_of = |id: Id| {
        accounts
            .iter()
            .find(|a| a.id == id)
            .cloned()
            .ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("posting of a missing account {id}")))
    };
    let mut original_legs = Vec::with_capacity(postings.len());
    for p in &postings {
        let unit = stored(&account_of(p.account_id)?.unit, "ledger_accounts", p.account_id).map_err(ApiError::from)?;
        original_legs.push(Leg { account: p.account_id, unit, amount: p.amount });
    }
    let mut legs = Vec::with_capacity(original_legs.len());
    for leg in reversal_of(&original_legs) {
        legs.push((account_of(leg.account)?, leg.amount));
    }
    let draft = Draft {
        kind: TransferKind::Reversal,
        reason,
        source: Some(("transfer", original.id)),
        reverses: Some(original.id),
        idempotency_key: None,
        created_by,
        legs,
        now,
    };
    post(db, draft).await
}

/// A transfer with its postings, for the API.
pub async fn transfer_dto<C: ConnectionTrait>(db: &C, t: ledger_transfer::Model) -> Result<Transfer, ApiError> {
    let postings = ledger_posting::Entity::find()
        .filter(ledger_posting::Column::TransferId.eq(t.id))
        .order_by_asc(ledger_posting::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<Id> = postings.iter().map(|p| p.account_id).collect();
    let accounts = ledger_account::Entity::find().filter(ledger_account::Column::Id.is_in(ids)).all(db).await?;
    let mut legs = Vec::with_capacity(postings.len());
    for p in postings {
        let unit = match accounts.iter().find(|a| a.id == p.account_id) {
            Some(a) => stored(&a.unit, "ledger_accounts", a.id)?,
            None => return Err(ApiError::Unexpected(anyhow::anyhow!("posting {} of a missing account", p.id))),
        };
        legs.push(Posting { account_id: p.account_id, unit, amount: p.amount, balance_after: p.balance_after });
    }
    let reversed_by = reversal_of_transfer(db, t.id).await?.map(|r| r.id);
    Ok(Transfer {
        id: t.id,
        kind: stored(&t.kind, "ledger_transfers", t.id)?,
        reason: t.reason,
        source_kind: t.source_kind,
        source_id: t.source_id,
        reverses_id: t.reverses_id,
        reversed_by,
        created_by: t.created_by,
        created_at: t.created_at,
        postings: legs,
    })
}
