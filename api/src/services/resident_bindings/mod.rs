//! Mini-program binding (小程序绑定): an integration client ties one of its users (openid / unionid)
//! to a resident of its subtree by the mobile number it verified, and unbinds them. A number nobody
//! holds becomes a resident the way a need taken by phone makes one ([`residents::link`]); binding
//! counts as the resident signing up through the mini-program, since the client proved the number.
//! Resident tokens are issued against a binding in [`exchange`].

pub mod exchange;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ModelTrait, QueryFilter, Set};
use serde_json::json;
use shared::{AuditAction, AuditEntity};
use shared::{FieldRule, Id, NewResidentBinding, Page, ResidentBinding, Role, is_mainland_mobile};

use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::entities::{area, resident_binding, user};
use crate::error::ApiError;
use crate::policy::{self, bindings};
use crate::services::audit::{self, Change};
use crate::services::page::{Keyset, PageRequest};
use crate::services::residents::{by_phone, link, pick_home};

/// The longest external id a client may give (WeChat's are 28–29 characters).
pub const EXTERNAL_ID_MAX: usize = 128;

fn to_dto(m: resident_binding::Model) -> ResidentBinding {
    ResidentBinding {
        id: m.id,
        client_id: m.client_id,
        external_id: m.external_id,
        resident_id: m.resident_id,
        resident_created: m.resident_created,
        created_at: m.created_at,
    }
}

/// Whether an external id is one a client could have issued: letters, digits, `_` and `-`.
pub fn external_id_is_valid(id: &str) -> bool {
    !id.is_empty() && id.len() <= EXTERNAL_ID_MAX && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// The bindings of the caller's client, newest first.
pub async fn list<C: ConnectionTrait>(db: &C, caller: &Caller, page: PageRequest) -> Result<Page<ResidentBinding>, ApiError> {
    let keyset = Keyset::<resident_binding::Entity> {
        name: "-id",
        column: None,
        desc: true,
        id: resident_binding::Column::Id,
        key_of: |m| (None, m.id),
    };
    let (rows, next_cursor) = page.fetch(db, policy::visible::<resident_binding::Entity>(caller)?, &keyset).await?;
    Ok(Page { items: rows.into_iter().map(to_dto).collect(), next_cursor })
}

/// Binds a user of the caller's client to the resident holding `new.phone` (made when nobody does).
/// 409 when the external id is bound already; every bad field is named at once.
pub async fn bind<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    new: &NewResidentBinding,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ResidentBinding, ApiError> {
    let client_id = bindings::binding_client(caller)?;
    let mut errors = FieldErrors::default();
    let external_id = new.external_id.trim();
    if external_id.is_empty() {
        errors.add("/external_id", FieldRule::Required, "give the mini-program's id for the user");
    } else if external_id.len() > EXTERNAL_ID_MAX {
        errors.add("/external_id", FieldRule::TooLong, "at most 128 characters");
    } else if !external_id_is_valid(external_id) {
        errors.add("/external_id", FieldRule::InvalidFormat, "letters, digits, _ and - only");
    }
    let phone = new.phone.trim();
    if !is_mainland_mobile(phone) {
        errors.add("/phone", FieldRule::InvalidFormat, "a mainland mobile number: 11 digits starting 13–19");
    }
    let display_name = new.display_name.as_deref().map(str::trim);
    if display_name.is_some_and(|n| n.is_empty() || n.chars().count() > 50) {
        errors.add("/display_name", FieldRule::Invalid, "1 to 50 characters");
    }
    let phone_ok = is_mainland_mobile(phone);
    let holder = if phone_ok { by_phone(db, phone).await? } else { None };
    // A number nobody holds needs a home for its new resident, inside the client's subtree.
    let home = match &holder {
        Some(_) => None,
        None if !phone_ok => None,
        None => {
            let home = pick_home(db, new.community_id, new.grid_id, &mut errors).await?;
            match home {
                Some(h) if !bindings::reaches_resident(&caller.area_path, &h.path) => {
                    errors.add("/community_id", FieldRule::NotFound, "no such community in your area");
                    None
                }
                home => home,
            }
        }
    };
    if let Some(found) = &holder {
        let found_home = area::Entity::find_by_id(found.area_id).one(db).await?;
        let reachable =
            found.role == Role::Resident.as_str() && found_home.is_some_and(|h| bindings::reaches_resident(&caller.area_path, &h.path));
        if !reachable {
            // Staff numbers and residents elsewhere are answered alike.
            errors.add("/phone", FieldRule::NotFound, "no resident with that number in your area");
        }
    }
    errors.finish()?;
    let taken = resident_binding::Entity::find()
        .filter(resident_binding::Column::ClientId.eq(client_id))
        .filter(resident_binding::Column::ExternalId.eq(external_id))
        .one(db)
        .await?;
    if taken.is_some() {
        return Err(ApiError::Conflict("that user of the mini-program is bound already; unbind first".into()));
    }
    let (resident_id, created) = match (holder, home) {
        (Some(found), _) => {
            if found.signed_up_at.is_some() && !found.active {
                return Err(ApiError::Conflict("the resident's account is disabled".into()));
            }
            (found.id, false)
        }
        (None, Some(home)) => {
            let id = link::resident_for_phone(db, Some(phone), display_name, &home, now).await?;
            (id.ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("no resident made for a mobile number")))?, true)
        }
        (None, None) => return Err(ApiError::NotFound("community")),
    };
    let account = user::Entity::find_by_id(resident_id).one(db).await?.ok_or(ApiError::NotFound("resident"))?;
    if account.signed_up_at.is_none() {
        // The client proved the number, as a code would have: the record becomes the resident's.
        let mut m: user::ActiveModel = account.clone().into();
        m.active = Set(true);
        m.signed_up_at = Set(Some(now));
        m.updated_at = Set(now);
        m.update(db).await?;
    }
    let saved = resident_binding::ActiveModel {
        client_id: Set(client_id),
        external_id: Set(external_id.to_owned()),
        resident_id: Set(resident_id),
        resident_created: Set(created),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    record(db, caller, request_id, AuditAction::Bind, &saved, account.area_id).await?;
    Ok(to_dto(saved))
}

/// Unbinds a user: the resident tokens issued through the binding stop at once (each request
/// reads the binding). The resident account stays.
pub async fn unbind<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id, request_id: Option<&str>) -> Result<(), ApiError> {
    bindings::binding_client(caller)?;
    let found = policy::load::<resident_binding::Entity, _>(db, caller, id).await?;
    let home = user::Entity::find_by_id(found.resident_id).one(db).await?.map_or(caller.area_id, |u| u.area_id);
    record(db, caller, request_id, AuditAction::Unbind, &found, home).await?;
    found.delete(db).await?;
    Ok(())
}

async fn record<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    request_id: Option<&str>,
    action: AuditAction,
    binding: &resident_binding::Model,
    home_id: Id,
) -> Result<(), ApiError> {
    let home = area::Entity::find_by_id(home_id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
    // The external id is the client's key for a person: kept out of the trail like a phone.
    let row = json!({ "id": binding.id, "client_id": binding.client_id, "resident_id": binding.resident_id });
    let (before, after) = if action == AuditAction::Unbind { (Some(&row), None) } else { (None, Some(&row)) };
    let change =
        Change { action, entity: AuditEntity::ResidentBinding, entity_id: binding.id, area: Some((home.id, &home.path)), before, after };
    audit::record(db, Some(caller), request_id, change).await
}
