//! The ledger of service time and points (时间银行 · 积分): one double-entry book for every holder.
//!
//! - [`post`] writes a transfer in the caller's transaction, with the domain's rules
//!   (`domain::ledger`) and a conditional update per account, so no spend goes below a floor even
//!   under concurrency; a reversal is a new transfer with negated postings, at most one per transfer.
//! - [`earning`] credits a volunteer when a need they served is rated or closed, and reverses it when
//!   the need is reopened — called from the one place needs move (`services::needs::act::apply`).
//! - [`gifts`] moves hours to family once the receiver accepts the giver's offer
//!   ([`gift_answers`]: accept, decline, withdraw; [`gift_expiry`]: offers nobody answered in time).
//! - [`points`] credits points for taking part (consultation, surveys) and clips every points credit
//!   to the district's daily and monthly caps; [`rules`] reads and sets the rules as data per area.
//! - [`time_payment`] says who pays a confirmed need's minutes: the community, the requester's
//!   banked time, or the community's pool.
//! - [`write`] (open accounts, staff transfers, reversals) and [`read`] (lists, statements, own
//!   balances, the full check) serve the endpoints.
//!
//! Accounts are opened on first use, one per (holder kind, holder, unit).

pub mod earning;
pub mod gift_answers;
pub mod gift_expiry;
pub mod gifts;
pub mod points;
pub mod post;
pub mod read;
pub mod rules;
pub mod time_payment;
pub mod write;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{AreaKind, HolderKind, Id, LedgerAccount, LedgerUnit};

use crate::domain::caller::Caller;
use crate::domain::ledger::caps::Caps;
use crate::domain::ledger::{PointsRule, floor};
use crate::domain::masking::mask_name;
use crate::domain::scope::path_ids;
use crate::entities::stored::stored;
use crate::entities::{area, ledger_account, ledger_rule};
use crate::error::ApiError;
use crate::policy::{self, Action};

/// The rules that apply at an area: each one from the nearest `ledger_rules` row on its path that
/// sets it (defaults: no overdraft, no points, no caps).
#[derive(Debug, Clone, Copy, Default)]
pub struct Rules {
    pub overdraft_minutes: i64,
    pub points: PointsRule,
    pub caps: Caps,
}

pub async fn rules_at<C: ConnectionTrait>(db: &C, area_path: &str) -> Result<Rules, ApiError> {
    let mut rows = ledger_rule::Entity::find().filter(ledger_rule::Column::AreaId.is_in(path_ids(area_path))).all(db).await?;
    rows.sort_by_key(|r| std::cmp::Reverse(r.area_path.len()));
    let set = |rule: fn(&ledger_rule::Model) -> Option<i64>| rows.iter().find_map(rule);
    let nearest = |rule: fn(&ledger_rule::Model) -> Option<i64>| set(rule).unwrap_or(0);
    Ok(Rules {
        overdraft_minutes: nearest(|r| r.overdraft_minutes),
        points: PointsRule {
            per_hour: nearest(|r| r.points_per_hour),
            per_good_rating: nearest(|r| r.points_per_good_rating),
            per_activity: nearest(|r| r.points_per_activity),
            per_consultation: nearest(|r| r.points_per_consultation),
            per_survey: nearest(|r| r.points_per_survey),
        },
        caps: Caps { daily: set(|r| r.daily_points_cap), monthly: set(|r| r.monthly_points_cap) },
    })
}

/// The community an area lies in (itself, or the community above a grid); `None` above community level.
pub async fn community_of<C: ConnectionTrait>(db: &C, area_path: &str) -> Result<Option<area::Model>, ApiError> {
    Ok(area::Entity::find()
        .filter(area::Column::Id.is_in(path_ids(area_path)))
        .filter(area::Column::Kind.eq(AreaKind::Community.as_str()))
        .one(db)
        .await?)
}

/// Who an account belongs to, as stored on it.
pub struct Holder<'a> {
    pub kind: HolderKind,
    pub id: Id,
    pub name: &'a str,
    pub area_id: Id,
    pub area_path: &'a str,
}

/// The account of `holder` in `unit`, opened if it does not exist yet. `ON CONFLICT DO NOTHING` lets
/// two requests open the same account at once without either failing (PostgreSQL would otherwise
/// abort the losing transaction on the unique index).
pub async fn ensure_account<C: ConnectionTrait>(
    db: &C,
    holder: &Holder<'_>,
    unit: LedgerUnit,
    now: DateTime<Utc>,
) -> Result<ledger_account::Model, ApiError> {
    let find = || {
        ledger_account::Entity::find()
            .filter(ledger_account::Column::HolderKind.eq(holder.kind.as_str()))
            .filter(ledger_account::Column::HolderId.eq(holder.id))
            .filter(ledger_account::Column::Unit.eq(unit.as_str()))
    };
    if let Some(found) = find().one(db).await? {
        return Ok(found);
    }
    let row = ledger_account::ActiveModel {
        holder_kind: Set(holder.kind.as_str().into()),
        holder_id: Set(holder.id),
        holder_name: Set(holder.name.chars().take(100).collect()),
        area_id: Set(holder.area_id),
        area_path: Set(holder.area_path.into()),
        unit: Set(unit.as_str().into()),
        balance: Set(0),
        created_at: Set(now),
        ..Default::default()
    };
    let unique = [ledger_account::Column::HolderKind, ledger_account::Column::HolderId, ledger_account::Column::Unit];
    ledger_account::Entity::insert(row).on_conflict_do_nothing_on(unique).exec(db).await?;
    find().one(db).await?.ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("ledger account vanished after opening")))
}

/// The issuance account of a community in `unit`: the other side of every credit the community grants.
pub async fn issuance_account<C: ConnectionTrait>(
    db: &C,
    community: &area::Model,
    unit: LedgerUnit,
    now: DateTime<Utc>,
) -> Result<ledger_account::Model, ApiError> {
    let name = format!("{}发行账户", community.name);
    let holder = Holder { kind: HolderKind::Issuance, id: community.id, name: &name, area_id: community.id, area_path: &community.path };
    ensure_account(db, &holder, unit, now).await
}

/// The pool of a community in `unit` (funded by donations of hours).
pub async fn pool_account<C: ConnectionTrait>(
    db: &C,
    community: &area::Model,
    unit: LedgerUnit,
    now: DateTime<Utc>,
) -> Result<ledger_account::Model, ApiError> {
    let name = format!("{}时间银行公共池", community.name);
    let holder =
        Holder { kind: HolderKind::CommunityPool, id: community.id, name: &name, area_id: community.id, area_path: &community.path };
    ensure_account(db, &holder, unit, now).await
}

/// The floor of a stored account under the rules of its area.
pub async fn floor_of<C: ConnectionTrait>(db: &C, account: &ledger_account::Model) -> Result<Option<i64>, ApiError> {
    let holder: HolderKind = stored(&account.holder_kind, "ledger_accounts", account.id)?;
    let unit: LedgerUnit = stored(&account.unit, "ledger_accounts", account.id)?;
    let rules = if unit == LedgerUnit::Minutes { rules_at(db, &account.area_path).await? } else { Rules::default() };
    Ok(floor(holder, unit, rules.overdraft_minutes))
}

/// The holder kind of a person's own accounts: a volunteer's, or a resident's for anyone else.
pub fn person_holder(role: shared::Role) -> HolderKind {
    if role == shared::Role::Volunteer { HolderKind::Volunteer } else { HolderKind::Resident }
}

/// Whether a holder is a person (their name is personal data).
pub(crate) fn is_person(kind: HolderKind) -> bool {
    matches!(kind, HolderKind::Resident | HolderKind::Volunteer)
}

/// An account as the caller may see it: a person's name is masked unless the caller handles the
/// personal data of the account's area, or it is the caller's own.
pub async fn account_dto<C: ConnectionTrait>(db: &C, caller: &Caller, m: ledger_account::Model) -> Result<LedgerAccount, ApiError> {
    let holder_kind: HolderKind = stored(&m.holder_kind, "ledger_accounts", m.id)?;
    let unit = stored(&m.unit, "ledger_accounts", m.id)?;
    let floor = floor_of(db, &m).await?;
    let own = is_person(holder_kind) && m.holder_id == caller.id;
    let reveal = own || !is_person(holder_kind) || policy::may_in(caller, Action::HandlePersonalData, &m.area_path);
    Ok(LedgerAccount {
        id: m.id,
        holder_kind,
        holder_id: m.holder_id,
        holder_name: if reveal { m.holder_name } else { mask_name(&m.holder_name) },
        area_id: m.area_id,
        unit,
        balance: m.balance,
        floor,
        created_at: m.created_at,
    })
}
