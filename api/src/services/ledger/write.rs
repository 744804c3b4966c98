//! What staff write to the ledger: open an account, post an adjustment, a donation of hours to the
//! community pool or a gift of hours between residents, and reverse a transfer. Every write is
//! audited; a bad request names every field at once.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, EntityTrait};
use shared::{AuditAction, AuditEntity};
use shared::{FieldRule, HolderKind, Id, LedgerAccount, LedgerUnit, NewTransfer, OpenAccount, Role, Transfer, TransferKind};

use super::post::{Draft, PostError, post, reverse, transfer_dto};
use super::{Holder, account_dto, community_of, ensure_account, is_person, issuance_account, pool_account};
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::ledger::Violation;
use crate::entities::stored::stored;
use crate::entities::{area, ledger_account, ledger_transfer, provider, user};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};

/// Opens the account of a holder in a unit, or returns the one that exists.
pub async fn open_account<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    req: &OpenAccount,
    now: DateTime<Utc>,
) -> Result<LedgerAccount, ApiError> {
    let scope = policy::allow(caller, Action::AdjustLedger)?;
    let account = match req.holder_kind {
        HolderKind::Resident | HolderKind::Volunteer => {
            let found = user::Entity::find_by_id(req.holder_id).find_also_related(area::Entity).one(db).await?;
            let Some((person, Some(home))) = found.filter(|(u, _)| u.active && u.deleted_at.is_none()) else {
                return Err(ApiError::field("/holder_id", FieldRule::NotFound, "no such person"));
            };
            scope.check(&home.path, "person")?;
            let role: Role = stored(&person.role, "users", person.id)?;
            let fits = matches!((req.holder_kind, role), (HolderKind::Resident, Role::Resident) | (HolderKind::Volunteer, Role::Volunteer));
            if !fits {
                return Err(ApiError::field("/holder_kind", FieldRule::WrongKind, "the person's role is not this holder kind"));
            }
            let holder =
                Holder { kind: req.holder_kind, id: person.id, name: &person.display_name, area_id: home.id, area_path: &home.path };
            ensure_account(db, &holder, req.unit, now).await?
        }
        HolderKind::Organisation => {
            let org = policy::load::<provider::Entity, _>(db, caller, req.holder_id).await?;
            let holder =
                Holder { kind: HolderKind::Organisation, id: org.id, name: &org.name, area_id: org.area_id, area_path: &org.area_path };
            ensure_account(db, &holder, req.unit, now).await?
        }
        HolderKind::CommunityPool => {
            let community = policy::load_within::<area::Entity, _>(db, &scope, req.holder_id).await?;
            if community.kind != shared::AreaKind::Community.as_str() {
                return Err(ApiError::field("/holder_id", FieldRule::WrongKind, "a pool belongs to a community"));
            }
            pool_account(db, &community, req.unit, now).await?
        }
        HolderKind::Issuance | HolderKind::ShopEscrow => {
            return Err(ApiError::field(
                "/holder_kind",
                FieldRule::NotAllowed,
                "issuance and shop escrow accounts are opened by the platform",
            ));
        }
    };
    account_dto(db, caller, account).await
}

/// Loads an account named by a request field, reporting a missing or unreachable one on that field.
async fn account_field<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    errors: &mut FieldErrors,
    field: &str,
    id: Option<Id>,
) -> Result<Option<(ledger_account::Model, HolderKind, LedgerUnit)>, ApiError> {
    let Some(id) = id else { return Ok(None) };
    match policy::load::<ledger_account::Entity, _>(db, caller, id).await {
        Ok(a) => {
            let kind = stored(&a.holder_kind, "ledger_accounts", a.id)?;
            let unit = stored(&a.unit, "ledger_accounts", a.id)?;
            Ok(Some((a, kind, unit)))
        }
        Err(policy::Refused::NotFound(_)) => {
            errors.add(field, FieldRule::NotFound, "no such account in your area");
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// The community an account lies in; accounts above community level take no adjustments or donations.
async fn community<C: ConnectionTrait>(db: &C, account: &ledger_account::Model) -> Result<area::Model, ApiError> {
    community_of(db, &account.area_path)
        .await?
        .ok_or_else(|| ApiError::field("/from_account_id", FieldRule::WrongKind, "the account is not in a community"))
}

/// Checks a staff transfer and turns it into legs (see [`NewTransfer`] for what each kind means).
async fn legs_of<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    req: &NewTransfer,
    now: DateTime<Utc>,
) -> Result<Vec<(ledger_account::Model, i64)>, ApiError> {
    let mut errors = FieldErrors::default();
    if req.reason.trim().is_empty() {
        errors.add("/reason", FieldRule::Required, "say why");
    }
    let (from_id, to_id) = (req.from_account_id, req.to_account_id);
    match req.kind {
        TransferKind::Adjustment if from_id.is_some() == to_id.is_some() => {
            errors.add("/to_account_id", FieldRule::RequiredOne, "an adjustment credits one account or debits one, not both")
        }
        TransferKind::Donation if from_id.is_none() => errors.add("/from_account_id", FieldRule::Required, "whose hours are donated"),
        TransferKind::Donation if to_id.is_some() => {
            errors.add("/to_account_id", FieldRule::NotAllowed, "a donation goes to the donor's community pool")
        }
        TransferKind::Gift if from_id.is_none() || to_id.is_none() => {
            errors.add("/to_account_id", FieldRule::Required, "a gift names the giver and the receiver")
        }
        TransferKind::Gift if from_id == to_id => errors.add("/to_account_id", FieldRule::Duplicate, "a gift goes to someone else"),
        TransferKind::Adjustment | TransferKind::Donation | TransferKind::Gift => {}
        _ => errors.add("/kind", FieldRule::NotAllowed, "staff post adjustments, donations and gifts; the platform posts the rest"),
    }
    let from = account_field(db, caller, &mut errors, "/from_account_id", from_id).await?;
    let to = account_field(db, caller, &mut errors, "/to_account_id", to_id).await?;
    let hours_only = matches!(req.kind, TransferKind::Donation | TransferKind::Gift);
    for (field, side) in [("/from_account_id", &from), ("/to_account_id", &to)] {
        if let Some((_, kind, unit)) = side {
            if hours_only && (*unit != LedgerUnit::Minutes || !is_person(*kind)) {
                errors.add(field, FieldRule::WrongKind, "donations and gifts move a resident's or volunteer's hours");
            } else if req.kind == TransferKind::Adjustment && *kind == HolderKind::Issuance {
                errors.add(field, FieldRule::WrongKind, "an adjustment is made against the issuance account, not to it");
            }
        }
    }
    errors.finish()?;
    let amount = req.amount;
    Ok(match (req.kind, from, to) {
        (TransferKind::Adjustment, None, Some((to, _, unit))) => {
            let issuance = issuance_account(db, &community(db, &to).await?, unit, now).await?;
            vec![(to, amount), (issuance, -amount)]
        }
        (TransferKind::Adjustment, Some((from, _, unit)), None) => {
            let issuance = issuance_account(db, &community(db, &from).await?, unit, now).await?;
            vec![(from, -amount), (issuance, amount)]
        }
        (TransferKind::Donation, Some((from, _, _)), None) => {
            let pool = pool_account(db, &community(db, &from).await?, LedgerUnit::Minutes, now).await?;
            vec![(from, -amount), (pool, amount)]
        }
        (TransferKind::Gift, Some((from, _, _)), Some((to, _, _))) => vec![(from, -amount), (to, amount)],
        _ => return Err(ApiError::field("/kind", FieldRule::Invalid, "the accounts do not fit this kind of transfer")),
    })
}

/// Posts a staff transfer. `key` is the request's `Idempotency-Key` (with the caller), kept unique
/// on the transfer as a second guard behind the replay table.
pub async fn transfer<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    req: &NewTransfer,
    key: Option<&str>,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Transfer, ApiError> {
    policy::require(caller, Action::AdjustLedger)?;
    let legs = legs_of(db, caller, req, now).await?;
    let draft = Draft {
        kind: req.kind,
        reason: req.reason.trim().to_owned(),
        source: None,
        reverses: None,
        idempotency_key: key.map(|k| format!("api:{}:{k}", caller.id)),
        created_by: Some(caller.id),
        legs,
        now,
    };
    let (saved, _) = post(db, draft).await.map_err(|e| match e {
        PostError::Rule(Violation::BelowFloor(_)) => ApiError::field(
            "/amount",
            FieldRule::InsufficientBalance,
            "the balance is too low for this (points stop at 0, hours at the overdraft)",
        ),
        other => unexpected(other),
    })?;
    finish(db, caller, saved, request_id).await
}

/// Reverses a transfer of the caller's area: 409 when it is already reversed (or is a reversal).
pub async fn reverse_transfer<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    reason: &str,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Transfer, ApiError> {
    policy::require(caller, Action::AdjustLedger)?;
    let original = policy::load::<ledger_transfer::Entity, _>(db, caller, id).await?;
    if reason.trim().is_empty() {
        return Err(ApiError::field("/reason", FieldRule::Required, "say why"));
    }
    let (saved, _) = reverse(db, &original, reason.trim().to_owned(), Some(caller.id), now).await.map_err(|e| match e {
        PostError::AlreadyReversed(_) if original.reverses_id.is_some() => {
            ApiError::Conflict(format!("transfer {id} is a reversal; post a new transfer instead"))
        }
        PostError::AlreadyReversed(_) => ApiError::Conflict(format!("transfer {id} is already reversed")),
        PostError::Rule(Violation::BelowFloor(account)) => {
            ApiError::Conflict(format!("account {account} has already spent what this reversal would take back"))
        }
        other => unexpected(other),
    })?;
    finish(db, caller, saved, request_id).await
}

fn unexpected(e: PostError) -> ApiError {
    match e {
        PostError::Api(e) => e,
        other => ApiError::Unexpected(anyhow::anyhow!("ledger transfer refused: {other}")),
    }
}

/// Audits a written transfer and answers it.
async fn finish<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    saved: ledger_transfer::Model,
    request_id: Option<&str>,
) -> Result<Transfer, ApiError> {
    let (area_id, path) = (saved.area_id, saved.area_path.clone());
    let dto = transfer_dto(db, saved).await?;
    let change = Change {
        action: if dto.reverses_id.is_some() { AuditAction::Reverse } else { AuditAction::Transfer },
        entity: AuditEntity::LedgerTransfer,
        entity_id: dto.id,
        area: Some((area_id, &path)),
        before: None,
        after: Some(&dto),
    };
    audit::record(db, Some(caller), request_id, change).await?;
    Ok(dto)
}
