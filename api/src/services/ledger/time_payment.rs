//! Spending banked time on a need (时间银行支取). Who pays a need's minutes is chosen before it is
//! confirmed: by default the community issues them (`earning`'s issuance account); the requester
//! may choose to pay with their own minutes; staff who adjust the ledger may grant a payout from
//! the community's pool of donated hours to someone who cannot earn (独居老人).
//!
//! The choice is a small row beside the need rather than a need action: it moves no need state,
//! and a resident may change their mind until the need is confirmed. At confirmation `payer_of`
//! picks the account the minutes come from, in the credit's transaction: the payer's row is locked
//! first and its floor (the community's overdraft for a person, 0 for the pool) is checked before
//! the transfer is written; when the payer cannot cover the minutes, the community issues them
//! instead and the memo says so. Refusing would block the rating (or the platform's closing) of a
//! need the volunteer has already served; the floor is never crossed either way.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TryIntoModel};
use shared::{AuditAction, AuditEntity, FieldRule, Id, LedgerUnit, NeedStatus, SetTimePayment, TimePayer, TimePayment};

use super::{Holder, ensure_account, floor_of, issuance_account, person_holder, pool_account};
use crate::domain::caller::Caller;
use crate::entities::stored::stored;
use crate::entities::{area, ledger_account, need, need_time_payment, user};
use crate::error::ApiError;
use crate::policy::{self, needs::may_choose_payer};
use crate::services::audit::{self, Change};

async fn row_of<C: ConnectionTrait>(db: &C, need: Id) -> Result<Option<need_time_payment::Model>, ApiError> {
    Ok(need_time_payment::Entity::find().filter(need_time_payment::Column::NeedId.eq(need)).one(db).await?)
}

fn dto(need: Id, row: Option<need_time_payment::Model>) -> Result<TimePayment, ApiError> {
    Ok(match row {
        Some(r) => TimePayment {
            need_id: need,
            payer: stored(&r.payer, "need_time_payments", r.id)?,
            set_by: Some(r.set_by),
            updated_at: Some(r.updated_at),
        },
        None => TimePayment { need_id: need, payer: TimePayer::Community, set_by: None, updated_at: None },
    })
}

/// Who pays a need's minutes, for anyone who reaches the need.
pub async fn get<C: ConnectionTrait>(db: &C, caller: &Caller, need_id: Id) -> Result<TimePayment, ApiError> {
    let n = policy::load::<need::Entity, _>(db, caller, need_id).await?;
    dto(n.id, row_of(db, n.id).await?)
}

/// Chooses who pays a need's minutes; 409 once the need is confirmed or ended.
pub async fn set<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    need_id: Id,
    req: &SetTimePayment,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<TimePayment, ApiError> {
    let n = policy::load::<need::Entity, _>(db, caller, need_id).await?;
    let before = row_of(db, n.id).await?;
    let current = dto(n.id, before.clone())?.payer;
    may_choose_payer(caller, &n, current, req.payer)?;
    let status: NeedStatus = stored(&n.status, "needs", n.id)?;
    if status == NeedStatus::Rated || status.is_final() {
        return Err(ApiError::Conflict(format!("need {} is {}; its minutes are settled", n.id, status.as_str())));
    }
    if n.resident_id.is_none() && req.payer == TimePayer::Requester {
        return Err(ApiError::field("/payer", FieldRule::NotAllowed, "this need has no resident account to pay from"));
    }
    let old = dto(n.id, before.clone())?;
    let mut row: need_time_payment::ActiveModel = match before {
        Some(found) => found.into(),
        None => need_time_payment::ActiveModel { need_id: Set(n.id), ..Default::default() },
    };
    row.payer = Set(req.payer.as_str().into());
    row.set_by = Set(caller.id);
    row.updated_at = Set(now);
    let saved = row.save(db).await?.try_into_model()?;
    let after = dto(n.id, Some(saved.clone()))?;
    let change = Change {
        action: AuditAction::Set,
        entity: AuditEntity::NeedTimePayment,
        entity_id: saved.id,
        area: Some((n.area_id, &n.area_path)),
        before: Some(&old),
        after: Some(&after),
    };
    audit::record(db, Some(caller), request_id, change).await?;
    Ok(after)
}

/// Locks `account` (a no-op update: PostgreSQL holds the row until commit) and says whether it can
/// pay `minutes` without passing its floor.
async fn can_pay<C: ConnectionTrait>(db: &C, account: &ledger_account::Model, minutes: i64) -> Result<bool, ApiError> {
    ledger_account::Entity::update_many()
        .col_expr(ledger_account::Column::Balance, Expr::col(ledger_account::Column::Balance))
        .filter(ledger_account::Column::Id.eq(account.id))
        .exec(db)
        .await?;
    let fresh = ledger_account::Entity::find_by_id(account.id).one(db).await?.ok_or(ApiError::NotFound("ledger account"))?;
    let floor = floor_of(db, &fresh).await?;
    Ok(floor.is_none_or(|f| fresh.balance - minutes >= f))
}

/// The account a confirmed need's `minutes` come from, and what the memo adds about it.
pub async fn payer_of<C: ConnectionTrait>(
    db: &C,
    n: &need::Model,
    community: &area::Model,
    minutes: i64,
    now: DateTime<Utc>,
) -> Result<(ledger_account::Model, String), ApiError> {
    let chosen = dto(n.id, row_of(db, n.id).await?)?.payer;
    let payer = match (chosen, n.resident_id) {
        (TimePayer::Requester, Some(resident)) => {
            let Some((person, Some(home))) = user::Entity::find_by_id(resident).find_also_related(area::Entity).one(db).await? else {
                return issued(db, community, now, "，申请人账户不存在，由社区发放").await;
            };
            let kind = person_holder(stored(&person.role, "users", person.id)?);
            let holder = Holder { kind, id: person.id, name: &person.display_name, area_id: home.id, area_path: &home.path };
            Some((ensure_account(db, &holder, LedgerUnit::Minutes, now).await?, "，由申请人时间账户支付"))
        }
        (TimePayer::CommunityPool, _) => Some((pool_account(db, community, LedgerUnit::Minutes, now).await?, "，由社区时间银行公共池支付")),
        _ => None,
    };
    match payer {
        Some((account, memo)) if can_pay(db, &account, minutes).await? => Ok((account, memo.into())),
        Some(_) => issued(db, community, now, "，支付方时长不足（已达透支额度），由社区发放").await,
        None => issued(db, community, now, "").await,
    }
}

async fn issued<C: ConnectionTrait>(
    db: &C,
    community: &area::Model,
    now: DateTime<Utc>,
    memo: &str,
) -> Result<(ledger_account::Model, String), ApiError> {
    Ok((issuance_account(db, community, LedgerUnit::Minutes, now).await?, memo.into()))
}
