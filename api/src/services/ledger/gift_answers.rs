//! Closing an offer of hours: the receiver accepts (the hours move) or declines, the giver
//! withdraws, or nobody answers and it expires. Each is one conditional update from `offered`
//! (`… WHERE id = ? AND status = 'offered' AND created_at > ?`), so of two closes at once — an
//! accept and a withdrawal, an answer and the sweeper — exactly one wins and the other changes
//! nothing; an offer past its day is never accepted, whether or not the sweeper has stored it.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{AuditAction, GIFT_OFFER_DAYS, GiftOffer, GiftStatus, Id, NotificationKind, TransferKind};

use super::gifts::{audited, minutes_of, reached, status_at, tell};
use super::post::{Draft, PostError, post};
use crate::domain::caller::Caller;
use crate::domain::ledger::Violation;
use crate::entities::{gift_offer, user};
use crate::error::ApiError;
use crate::policy::{self, Action, gifts};

/// Moves the offer from `offered` to `to` at `now`, on the condition that decides between a close
/// and expiry: an answer or a withdrawal only takes an offer still within its day, an expiry only
/// one past it. `false` when another close got there first (or the day decided otherwise).
pub(super) async fn close<C: ConnectionTrait>(db: &C, id: Id, to: GiftStatus, now: DateTime<Utc>) -> Result<bool, ApiError> {
    let cutoff = now - Duration::days(GIFT_OFFER_DAYS);
    let within_day =
        if to == GiftStatus::Expired { gift_offer::Column::CreatedAt.lte(cutoff) } else { gift_offer::Column::CreatedAt.gt(cutoff) };
    let taken = gift_offer::Entity::update_many()
        .col_expr(gift_offer::Column::Status, Expr::value(to.as_str()))
        .col_expr(gift_offer::Column::AnsweredAt, Expr::value(now))
        .filter(gift_offer::Column::Id.eq(id))
        .filter(gift_offer::Column::Status.eq(GiftStatus::Offered.as_str()))
        .filter(within_day)
        .exec(db)
        .await?;
    Ok(taken.rows_affected == 1)
}

/// Why an offer could not be closed: it expired, or it was closed already.
fn refused(o: &gift_offer::Model, now: DateTime<Utc>) -> ApiError {
    match status_at(o, now) {
        Ok(GiftStatus::Expired) => {
            ApiError::Conflict(format!("gift offer {} expired: it was not answered within {GIFT_OFFER_DAYS} days; nothing moved", o.id))
        }
        Ok(status) => ApiError::Conflict(format!("gift offer {} is already {}", o.id, status.as_str())),
        Err(e) => e,
    }
}

/// The receiver accepts (the hours move now) or declines (nothing moves); the giver is told.
/// 409 once closed, or once expired.
pub async fn answer<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    accept: bool,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<GiftOffer, ApiError> {
    policy::require(caller, Action::GiveHours)?;
    let o = reached(db, caller, id).await?;
    if !gifts::answers(caller, &o) {
        return Err(ApiError::Forbidden("only the receiver accepts or declines an offer of hours".into()));
    }
    let to = if accept { GiftStatus::Accepted } else { GiftStatus::Declined };
    if !close(db, o.id, to, now).await? {
        return Err(refused(&o, now));
    }
    if accept {
        let transfer = give(db, &o, now).await?;
        gift_offer::Entity::update_many()
            .col_expr(gift_offer::Column::TransferId, Expr::value(transfer))
            .filter(gift_offer::Column::Id.eq(o.id))
            .exec(db)
            .await?;
    }
    let kind = if accept { NotificationKind::GiftAccepted } else { NotificationKind::GiftDeclined };
    tell(db, &o, o.giver_id, kind, Some(caller.id), now).await?;
    let saved = gift_offer::Entity::find_by_id(o.id).one(db).await?.ok_or(ApiError::NotFound("gift offer"))?;
    audited(db, caller, if accept { AuditAction::Accept } else { AuditAction::Decline }, saved, now, request_id).await
}

/// The giver takes a waiting offer back (nothing moves); the receiver is told. 409 once answered
/// or expired.
pub async fn withdraw<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<GiftOffer, ApiError> {
    policy::require(caller, Action::GiveHours)?;
    let o = reached(db, caller, id).await?;
    if !gifts::withdraws(caller, &o) {
        return Err(ApiError::Forbidden("only the giver withdraws an offer of hours".into()));
    }
    if !close(db, o.id, GiftStatus::Withdrawn, now).await? {
        return Err(refused(&o, now));
    }
    tell(db, &o, o.receiver_id, NotificationKind::GiftWithdrawn, Some(caller.id), now).await?;
    let saved = gift_offer::Entity::find_by_id(o.id).one(db).await?.ok_or(ApiError::NotFound("gift offer"))?;
    audited(db, caller, AuditAction::Withdraw, saved, now, request_id).await
}

/// Posts the accepted gift; 409 when the giver no longer holds the minutes.
async fn give<C: ConnectionTrait>(db: &C, o: &gift_offer::Model, now: DateTime<Utc>) -> Result<Id, ApiError> {
    let person = |id: Id| async move { user::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("user")) };
    let (giver, receiver) = (person(o.giver_id).await?, person(o.receiver_id).await?);
    let draft = Draft {
        kind: TransferKind::Gift,
        reason: format!("{}赠送时长给{}（双方确认）", giver.display_name, receiver.display_name),
        source: Some(("gift_offer", o.id)),
        reverses: None,
        idempotency_key: Some(format!("gift_offer:{}", o.id)),
        created_by: Some(o.receiver_id),
        legs: vec![(minutes_of(db, &giver).await?, -o.minutes), (minutes_of(db, &receiver).await?, o.minutes)],
        now,
    };
    match post(db, draft).await {
        Ok((t, _)) => Ok(t.id),
        Err(PostError::Rule(Violation::BelowFloor(_))) => {
            Err(ApiError::Conflict("the giver no longer has these minutes (down to the overdraft); nothing moved".into()))
        }
        Err(PostError::Api(e)) => Err(e),
        Err(other) => Err(ApiError::Unexpected(anyhow::anyhow!("gift refused by the ledger: {other}"))),
    }
}
