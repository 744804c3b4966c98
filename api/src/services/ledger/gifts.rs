//! Gifts of hours to family with both sides' consent (时长转赠): the giver offers minutes of their
//! own time account to a person, and only the receiver's acceptance moves them — one transfer of
//! kind `gift`, from the giver's account to the receiver's, keyed by the offer so it is written
//! once. The giver's floor (the community's overdraft) is checked when offering, to say so early,
//! and enforced again by the transfer at acceptance, when it counts.
//!
//! An offer waits [`GIFT_OFFER_DAYS`] for its answer. Expiry is read lazily — an offer past its
//! day reads as `expired` and cannot be answered (409) even before anything is written — and the
//! sweeper ([`super::gift_expiry`]) then stores it and tells the giver. The giver may withdraw an
//! offer while it waits. Answers, withdrawals and expiry are in [`super::gift_answers`].

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{
    AuditAction, AuditEntity, FieldRule, GIFT_OFFER_DAYS, GiftOffer, GiftOfferPage, GiftStatus, Id, LedgerUnit, NewGiftOffer,
    NotificationKind, Role, SubjectKind,
};

use super::{Holder, ensure_account, floor_of, person_holder};
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::notification_text::Facts;
use crate::entities::stored::stored;
use crate::entities::{area, gift_offer, ledger_account, user};
use crate::error::ApiError;
use crate::policy::{self, Action, gifts};
use crate::services::audit::{self, Change};
use crate::services::notifications::{self, Notice};
use crate::services::page::{Keyset, PageRequest};

/// A person's minutes account, opened if need be.
pub(super) async fn minutes_of<C: ConnectionTrait>(db: &C, person: &user::Model) -> Result<ledger_account::Model, ApiError> {
    let home = area::Entity::find_by_id(person.area_id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
    let kind = person_holder(stored(&person.role, "users", person.id)?);
    let holder = Holder { kind, id: person.id, name: &person.display_name, area_id: home.id, area_path: &home.path };
    ensure_account(db, &holder, LedgerUnit::Minutes, Utc::now()).await
}

/// When an offer made at `created_at` expires unanswered.
pub fn expires_at(created_at: DateTime<Utc>) -> DateTime<Utc> {
    created_at + Duration::days(GIFT_OFFER_DAYS)
}

/// Where the offer stands at `now`: a waiting offer past its day reads as expired before the
/// sweeper has stored it.
pub fn status_at(o: &gift_offer::Model, now: DateTime<Utc>) -> Result<GiftStatus, ApiError> {
    let kept: GiftStatus = stored(&o.status, "gift_offers", o.id)?;
    Ok(if kept == GiftStatus::Offered && expires_at(o.created_at) <= now { GiftStatus::Expired } else { kept })
}

/// Tells `to` about the offer; the facts carry its id and minutes, never a name.
pub(super) async fn tell<C: ConnectionTrait>(
    db: &C,
    o: &gift_offer::Model,
    to: Id,
    kind: NotificationKind,
    actor: Option<Id>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let facts = Facts { id: o.id, minutes: Some(o.minutes), ..Default::default() };
    let notice = Notice { kind, subject: SubjectKind::GiftOffer, area_path: &o.area_path, facts };
    notifications::notify(db, &[to], actor, &notice, now).await?;
    Ok(())
}

async fn dto<C: ConnectionTrait>(db: &C, o: gift_offer::Model, now: DateTime<Utc>) -> Result<GiftOffer, ApiError> {
    let name =
        |id: Id| async move { Ok::<_, ApiError>(user::Entity::find_by_id(id).one(db).await?.map(|u| u.display_name).unwrap_or_default()) };
    let status = status_at(&o, now)?;
    Ok(GiftOffer {
        id: o.id,
        giver_id: o.giver_id,
        giver_name: name(o.giver_id).await?,
        receiver_id: o.receiver_id,
        receiver_name: name(o.receiver_id).await?,
        minutes: o.minutes,
        note: o.note,
        status,
        transfer_id: o.transfer_id,
        expires_at: expires_at(o.created_at),
        created_at: o.created_at,
        answered_at: o.answered_at,
    })
}

pub(super) async fn audited<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    action: AuditAction,
    o: gift_offer::Model,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<GiftOffer, ApiError> {
    let (area_id, path) = (o.area_id, o.area_path.clone());
    let offer = dto(db, o, now).await?;
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
    tell(db, &saved, saved.receiver_id, NotificationKind::GiftOffered, Some(caller.id), now).await?;
    audited(db, caller, AuditAction::Create, saved, now, request_id).await
}

/// The caller's offers, given and received, newest first.
pub async fn mine<C: ConnectionTrait>(db: &C, caller: &Caller, page: PageRequest, now: DateTime<Utc>) -> Result<GiftOfferPage, ApiError> {
    policy::require(caller, Action::GiveHours)?;
    let select = gift_offer::Entity::find().filter(gifts::reach(caller));
    let keyset =
        Keyset::<gift_offer::Entity> { name: "-id", column: None, desc: true, id: gift_offer::Column::Id, key_of: |m| (None, m.id) };
    let (rows, next_cursor) = page.fetch(db, select, &keyset).await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        items.push(dto(db, row, now).await?);
    }
    Ok(GiftOfferPage { items, next_cursor })
}

/// One offer the caller gave or received (404 for anyone else).
pub async fn one<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id, now: DateTime<Utc>) -> Result<GiftOffer, ApiError> {
    policy::require(caller, Action::GiveHours)?;
    dto(db, reached(db, caller, id).await?, now).await
}

/// The offer `id` if the caller gave or received it.
pub(super) async fn reached<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<gift_offer::Model, ApiError> {
    gift_offer::Entity::find_by_id(id).filter(gifts::reach(caller)).one(db).await?.ok_or(ApiError::NotFound("gift offer"))
}
