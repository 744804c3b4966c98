//! Gifts of hours to family with both sides' consent (时长转赠): the giver offers minutes of their
//! own time account to a person, and only the receiver's acceptance moves them — one transfer of
//! kind `gift`, from the giver's account to the receiver's, keyed by the offer so it is written
//! once. The giver's floor (the community's overdraft) is checked when offering, to say so early,
//! and enforced again by the transfer at acceptance, when it counts.
//!
//! Offers that nobody answers stay offered; they do not expire yet.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{AuditAction, AuditEntity, FieldRule, GiftOffer, GiftOfferPage, GiftStatus, Id, LedgerUnit, NewGiftOffer, Role, TransferKind};

use super::post::{Draft, PostError, post};
use super::{Holder, ensure_account, floor_of, person_holder};
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::ledger::Violation;
use crate::entities::stored::stored;
use crate::entities::{area, gift_offer, ledger_account, user};
use crate::error::ApiError;
use crate::policy::{self, Action, gifts};
use crate::services::audit::{self, Change};
use crate::services::page::{Keyset, PageRequest};

/// A person's minutes account, opened if need be.
async fn minutes_of<C: ConnectionTrait>(db: &C, person: &user::Model) -> Result<ledger_account::Model, ApiError> {
    let home = area::Entity::find_by_id(person.area_id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
    let kind = person_holder(stored(&person.role, "users", person.id)?);
    let holder = Holder { kind, id: person.id, name: &person.display_name, area_id: home.id, area_path: &home.path };
    ensure_account(db, &holder, LedgerUnit::Minutes, Utc::now()).await
}

async fn dto<C: ConnectionTrait>(db: &C, o: gift_offer::Model) -> Result<GiftOffer, ApiError> {
    let name =
        |id: Id| async move { Ok::<_, ApiError>(user::Entity::find_by_id(id).one(db).await?.map(|u| u.display_name).unwrap_or_default()) };
    Ok(GiftOffer {
        id: o.id,
        giver_id: o.giver_id,
        giver_name: name(o.giver_id).await?,
        receiver_id: o.receiver_id,
        receiver_name: name(o.receiver_id).await?,
        minutes: o.minutes,
        note: o.note,
        status: stored(&o.status, "gift_offers", o.id)?,
        transfer_id: o.transfer_id,
        created_at: o.created_at,
        answered_at: o.answered_at,
    })
}

async fn audited<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    action: AuditAction,
    o: gift_offer::Model,
    request_id: Option<&str>,
) -> Result<GiftOffer, ApiError> {
    let (area_id, path) = (o.area_id, o.area_path.clone());
    let offer = dto(db, o).await?;
    let change = Change {
        action,
        entity: AuditEntity::GiftOffer,
        entity_id: offer.id,
        area: Some((area_id, &path)),
        before: None,
        after: Some(&offer),
    };
    audit::record(db, Some(caller), request_id, change).await?;
    Ok(offer)
}

/// Offers minutes to a family member; every bad field at once.
pub async fn offer<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    req: &NewGiftOffer,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<GiftOffer, ApiError> {
    policy::require(caller, Action::GiveHours)?;
    let mut errors = FieldErrors::default();
    let receiver = user::Entity::find_by_id(req.receiver_id).filter(user::Column::Active.eq(true)).one(db).await?;
    // Whoever may give hours holds them, and so may receive them: one role list, the policy table's.
    let is_person = |u: &user::Model| stored::<Role>(&u.role, "users", u.id).is_ok_and(|r| policy::role_may(r, Action::GiveHours));
    match &receiver {
        Some(r) if r.id == caller.id => errors.add("/receiver_id", FieldRule::Duplicate, "hours are given to someone else"),
        Some(r) if is_person(r) && r.deleted_at.is_none() => {}
        _ => errors.add("/receiver_id", FieldRule::NotFound, "no such resident or volunteer"),
    }
    let giver = user::Entity::find_by_id(caller.id).one(db).await?.ok_or(ApiError::NotFound("user"))?;
    let account = minutes_of(db, &giver).await?;
    let floor = floor_of(db, &account).await?;
    if floor.is_some_and(|f| account.balance - req.minutes < f) {
        errors.add("/minutes", FieldRule::InsufficientBalance, "more than your time account holds (down to the overdraft)");
    }
    errors.finish()?;
    let note = req.note.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    let saved = gift_offer::ActiveModel {
        giver_id: Set(caller.id),
        receiver_id: Set(req.receiver_id),
        minutes: Set(req.minutes),
        note: Set(note),
        status: Set(GiftStatus::Offered.as_str().into()),
        area_id: Set(account.area_id),
        area_path: Set(account.area_path.clone()),
        transfer_id: Set(None),
        created_at: Set(now),
        answered_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audited(db, caller, AuditAction::Create, saved, request_id).await
}

/// The caller's offers, given and received, newest first.
pub async fn mine<C: ConnectionTrait>(db: &C, caller: &Caller, page: PageRequest) -> Result<GiftOfferPage, ApiError> {
    policy::require(caller, Action::GiveHours)?;
    let select = gift_offer::Entity::find().filter(gifts::reach(caller));
    let keyset =
        Keyset::<gift_offer::Entity> { name: "-id", column: None, desc: true, id: gift_offer::Column::Id, key_of: |m| (None, m.id) };
    let (rows, next_cursor) = page.fetch(db, select, &keyset).await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        items.push(dto(db, row).await?);
    }
    Ok(GiftOfferPage { items, next_cursor })
}

/// The receiver accepts (the hours move now) or declines (nothing moves); 409 once answered.
pub async fn answer<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    accept: bool,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<GiftOffer, ApiError> {
    policy::require(caller, Action::GiveHours)?;
    let o = gift_offer::Entity::find_by_id(id).filter(gifts::reach(caller)).one(db).await?.ok_or(ApiError::NotFound("gift offer"))?;
    if !gifts::answers(caller, &o) {
        return Err(ApiError::Forbidden("only the receiver accepts or declines an offer of hours".into()));
    }
    let to = if accept { GiftStatus::Accepted } else { GiftStatus::Declined };
    // Conditional on still being offered: of two answers at once, one wins.
    let done = gift_offer::Entity::update_many()
        .col_expr(gift_offer::Column::Status, Expr::value(to.as_str()))
        .col_expr(gift_offer::Column::AnsweredAt, Expr::value(now))
        .filter(gift_offer::Column::Id.eq(o.id))
        .filter(gift_offer::Column::Status.eq(GiftStatus::Offered.as_str()))
        .exec(db)
        .await?;
    if done.rows_affected != 1 {
        return Err(ApiError::Conflict(format!("gift offer {} is already answered", o.id)));
    }
    if accept {
        let transfer = give(db, &o, now).await?;
        gift_offer::Entity::update_many()
            .col_expr(gift_offer::Column::TransferId, Expr::value(transfer))
            .filter(gift_offer::Column::Id.eq(o.id))
            .exec(db)
            .await?;
    }
    let saved = gift_offer::Entity::find_by_id(o.id).one(db).await?.ok_or(ApiError::NotFound("gift offer"))?;
    audited(db, caller, if accept { AuditAction::Accept } else { AuditAction::Decline }, saved, request_id).await
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
