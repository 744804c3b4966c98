//! Earning by serving needs: when a need a volunteer served is rated (by the resident, or at a
//! return visit) or closed by the platform after resolution, the volunteer is credited the minutes
//! recorded at resolution and the points of the district's rule (clipped to its caps, see
//! `ledger::points`); when a rated need is reopened (objection, low rating), that credit is reversed.
//!
//! Unless the requester pays with their own banked time or staff granted the pool (`time_payment`),
//! the other side of a credit is the community's *issuance* account, not its pool: the pool holds
//! hours residents donated and pays for people who cannot earn, so paying earnings out of it would
//! spend donors' hours on work nobody donated for — and would stop crediting once it ran dry. An
//! issuance account per community and unit has no floor; its negative balance is exactly what the
//! community has granted, so every unit still sums to zero and the pool stays what donors gave.
//!
//! Exactly once: the credit's idempotency key is the need and its reopen count, so a repeated event
//! finds the transfer it already wrote, and a need served again after reopening earns again.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{HolderKind, Id, LedgerUnit, NeedStatus, TransferKind};

use super::points::{capped, memo};
use super::post::{Draft, PostError, post, reverse};
use super::time_payment::payer_of;
use super::{Holder, community_of, ensure_account, issuance_account, rules_at};
use crate::domain::ledger::{Violation, need_earning};
use crate::entities::{ledger_transfer, need, user};
use crate::error::ApiError;

/// The idempotency key of the credit for one round of serving a need.
fn credit_key(need: &need::Model) -> String {
    format!("need_served:{}:{}", need.id, need.reopen_count)
}

/// Called by `services::needs::act::apply` after every move, in its transaction.
pub async fn after_move<C: ConnectionTrait>(
    db: &C,
    actor: Option<Id>,
    from: NeedStatus,
    to: NeedStatus,
    before: &need::Model,
    after: &need::Model,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let confirmed = to == NeedStatus::Rated || (to == NeedStatus::Closed && from == NeedStatus::Resolved);
    if confirmed {
        credit(db, after, now).await
    } else if from == NeedStatus::Rated && to == NeedStatus::Accepted {
        // Reopened after the credit: the key is the round that earned it (before the reopen count grew).
        take_back(db, actor, before, now).await
    } else {
        Ok(())
    }
}

async fn credit<C: ConnectionTrait>(db: &C, need: &need::Model, now: DateTime<Utc>) -> Result<(), ApiError> {
    let (Some(volunteer_id), Some(minutes)) = (need.assignee_id, need.volunteer_minutes.filter(|m| *m > 0)) else { return Ok(()) };
    let key = credit_key(need);
    if ledger_transfer::Entity::find().filter(ledger_transfer::Column::IdempotencyKey.eq(key.as_str())).one(db).await?.is_some() {
        return Ok(());
    }
    let Some(volunteer) = user::Entity::find_by_id(volunteer_id).find_also_related(crate::entities::area::Entity).one(db).await? else {
        return Ok(());
    };
    let (volunteer, Some(home)) = volunteer else { return Ok(()) };
    let Some(community) = community_of(db, &need.area_path).await? else { return Ok(()) };
    let rules = rules_at(db, &need.area_path).await?;
    let (minutes, points) = need_earning(i64::from(minutes), need.rating, rules.points);
    let holder =
        Holder { kind: HolderKind::Volunteer, id: volunteer.id, name: &volunteer.display_name, area_id: home.id, area_path: &home.path };
    // The minutes come from whoever pays for this need (the community unless the requester or staff chose).
    let (payer, paid_by) = payer_of(db, need, &community, minutes, now).await?;
    let mut legs = vec![(ensure_account(db, &holder, LedgerUnit::Minutes, now).await?, minutes), (payer, -minutes)];
    let mut reason = format!("服务需求 #{} 已确认{paid_by}", need.id);
    if points > 0 {
        let account = ensure_account(db, &holder, LedgerUnit::Points, now).await?;
        let issuance = issuance_account(db, &community, LedgerUnit::Points, now).await?;
        let got = capped(db, &account, &issuance, points, rules.caps, now).await?;
        reason = memo(reason, got, rules.caps);
        if got.granted > 0 {
            legs.push((account, got.granted));
            legs.push((issuance, -got.granted));
        }
    }
    let draft = Draft {
        kind: TransferKind::NeedServed,
        reason,
        source: Some(("need", need.id)),
        reverses: None,
        idempotency_key: Some(key),
        created_by: None,
        legs,
        now,
    };
    post(db, draft).await.map(|_| ()).map_err(refusal)
}

async fn take_back<C: ConnectionTrait>(db: &C, actor: Option<Id>, need: &need::Model, now: DateTime<Utc>) -> Result<(), ApiError> {
    let key = credit_key(need);
    let Some(original) = ledger_transfer::Entity::find().filter(ledger_transfer::Column::IdempotencyKey.eq(key.as_str())).one(db).await?
    else {
        return Ok(());
    };
    match reverse(db, &original, format!("需求 #{} 重新办理，收回服务时长与积分", need.id), actor, now).await {
        Ok(_) | Err(PostError::AlreadyReversed(_)) => Ok(()),
        Err(e) => Err(refusal(e)),
    }
}

/// A ledger refusal while moving a need: the volunteer already spent what reopening would take back.
fn refusal(e: PostError) -> ApiError {
    match e {
        PostError::Rule(Violation::BelowFloor(_)) => ApiError::Conflict(
            "the volunteer has already spent the points or hours this would take back; staff adjust the ledger first".into(),
        ),
        PostError::Rule(v) => ApiError::Unexpected(anyhow::anyhow!("need credit broke a ledger rule: {v}")),
        PostError::AlreadyReversed(id) => ApiError::Conflict(format!("transfer {id} is already reversed")),
        PostError::Api(e) => e,
    }
}
