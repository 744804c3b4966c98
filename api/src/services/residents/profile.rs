//! The resident's own profile: name, community or grid, address; a new phone number proven by a
//! code sent to it; and deletion, which clears the personal fields, disables the account and keeps
//! the resident's needs with no personal data left on them.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use shared::{AreaKind, CodePurpose, FieldRule, PhoneChange, ProfilePatch, ResidentProfile, Verification};
use shared::{AuditAction, AuditEntity};

use super::pick_home;
use super::sign_in::refused;
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::entities::stored::{stored, stored_opt};
use crate::entities::{area, need, resident_target_group, user};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};
use crate::services::{auth, sms};
use crate::state::AppState;

async fn me<C: ConnectionTrait>(db: &C, caller: &Caller) -> Result<user::Model, ApiError> {
    policy::require(caller, Action::KeepResidentProfile)?;
    user::Entity::find_by_id(caller.id).one(db).await?.ok_or(ApiError::NotFound("resident"))
}

async fn profile_of<C: ConnectionTrait>(db: &C, u: user::Model) -> Result<ResidentProfile, ApiError> {
    let home = area::Entity::find_by_id(u.area_id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
    let (community, grid) = if home.kind == AreaKind::Grid.as_str() {
        let parent = area::Entity::find_by_id(home.parent_id.unwrap_or_default()).one(db).await?.ok_or(ApiError::NotFound("area"))?;
        (parent, Some(home))
    } else {
        (home, None)
    };
    Ok(ResidentProfile {
        id: u.id,
        display_name: u.display_name,
        phone: u.phone,
        address: u.address,
        community_id: community.id,
        community_name: community.name,
        grid_id: grid.as_ref().map(|g| g.id),
        grid_name: grid.map(|g| g.name),
        verification: stored(&u.verification, "users", u.id)?,
        refusal_reason: stored_opt(u.refusal_reason.as_deref(), "users", u.id)?,
        refusal_note: u.refusal_note,
    })
}

pub async fn get<C: ConnectionTrait>(db: &C, caller: &Caller) -> Result<ResidentProfile, ApiError> {
    let u = me(db, caller).await?;
    profile_of(db, u).await
}

/// Changes the fields present. A new community or grid outside the verified one asks staff there to
/// verify residence again.
pub async fn update<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    patch: &ProfilePatch,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ResidentProfile, ApiError> {
    let current = me(db, caller).await?;
    let before = profile_of(db, current.clone()).await?;
    let mut errors = FieldErrors::default();
    let name = patch.display_name.as_deref().map(str::trim);
    if name.is_some_and(str::is_empty) {
        errors.add("/display_name", FieldRule::Required, "give a name");
    }
    let address = patch.address.as_deref().map(str::trim);
    if address.is_some_and(str::is_empty) {
        errors.add("/address", FieldRule::Required, "give an address, or leave the field out");
    }
    let home = if patch.community_id.is_some() || patch.grid_id.is_some() {
        pick_home(db, Some(patch.community_id.unwrap_or(before.community_id)), patch.grid_id, &mut errors).await?
    } else {
        None
    };
    errors.finish()?;
    let mut m: user::ActiveModel = current.clone().into();
    if let Some(name) = name {
        m.display_name = Set(name.to_owned());
    }
    if let Some(address) = address {
        m.address = Set(Some(address.to_owned()));
    }
    if let Some(home) = home {
        if home.id != current.area_id && patch.community_id.is_some_and(|c| c != before.community_id) {
            // Another community: its staff have not seen this resident yet.
            m.verification = Set(Verification::Pending.as_str().into());
            m.refusal_reason = Set(None);
            m.refusal_note = Set(None);
            m.verified_by = Set(None);
            m.verified_at = Set(None);
        }
        m.area_id = Set(home.id);
    }
    m.updated_at = Set(now);
    let saved = m.update(db).await?;
    let after = profile_of(db, saved.clone()).await?;
    let home = area::Entity::find_by_id(saved.area_id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
    // The trail records which fields changed, not the personal values.
    let changed = json!({
        "display_name": before.display_name != after.display_name,
        "address": before.address != after.address,
        "area_id": after.grid_id.unwrap_or(after.community_id),
        "verification": after.verification,
    });
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::UpdateProfile,
            entity: AuditEntity::User,
            entity_id: saved.id,
            area: Some((home.id, &home.path)),
            before: None,
            after: Some(&changed),
        },
    )
    .await?;
    Ok(after)
}

/// Moves the account to a new number with the code sent to it.
pub async fn change_phone(
    state: &AppState,
    caller: &Caller,
    req: &PhoneChange,
    request_id: Option<&str>,
) -> Result<ResidentProfile, ApiError> {
    let now = state.clock.now();
    let txn = state.begin_write().await?;
    let current = me(&txn.txn, caller).await?;
    if let Err(refusal) = sms::check_code(state, &txn.txn, &req.phone, CodePurpose::ChangePhone, &req.code, now).await? {
        txn.commit().await?;
        return Err(refused(refusal));
    }
    if let Some(holder) = super::by_phone(&txn.txn, &req.phone).await?
        && holder.id != current.id
    {
        // Said only to someone who proved they hold the number.
        return Err(ApiError::Conflict("this number belongs to another account".into()));
    }
    let mut m: user::ActiveModel = current.into();
    m.phone = Set(Some(req.phone.clone()));
    m.updated_at = Set(now);
    let saved = m.update(&txn.txn).await?;
    let home = area::Entity::find_by_id(saved.area_id).one(&txn.txn).await?.ok_or(ApiError::NotFound("area"))?;
    let after = json!({ "phone": "changed" });
    audit::record(
        &txn.txn,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::ChangePhone,
            entity: AuditEntity::User,
            entity_id: saved.id,
            area: Some((home.id, &home.path)),
            before: None,
            after: Some(&after),
        },
    )
    .await?;
    let profile = profile_of(&txn.txn, saved).await?;
    txn.commit().await?;
    Ok(profile)
}

/// Deletes the account: name, phone and address cleared, the account disabled and signed out, and
/// the resident's needs kept (they count in the statistics) with no personal data left on them, and
/// the target groups staff recorded (低保 …, personal data too) dropped.
pub async fn delete<C: ConnectionTrait>(db: &C, caller: &Caller, now: DateTime<Utc>, request_id: Option<&str>) -> Result<(), ApiError> {
    let current = me(db, caller).await?;
    let mut m: user::ActiveModel = current.clone().into();
    m.display_name = Set("已注销".into());
    m.phone = Set(None);
    m.address = Set(None);
    m.active = Set(false);
    m.deleted_at = Set(Some(now));
    m.updated_at = Set(now);
    let saved = m.update(db).await?;
    let anonymised = need::Entity::update_many()
        .col_expr(need::Column::ContactName, Expr::value(Option::<String>::None))
        .col_expr(need::Column::ContactPhone, Expr::value(Option::<String>::None))
        .col_expr(need::Column::Address, Expr::value(Option::<String>::None))
        .col_expr(need::Column::Lat, Expr::value(Option::<f64>::None))
        .col_expr(need::Column::Lng, Expr::value(Option::<f64>::None))
        .filter(need::Column::ResidentId.eq(saved.id))
        .exec(db)
        .await?;
    resident_target_group::Entity::delete_many().filter(resident_target_group::Column::ResidentId.eq(saved.id)).exec(db).await?;
    auth::revoke_all(db, saved.id).await?;
    let home = area::Entity::find_by_id(saved.area_id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
    let after = json!({ "active": false, "personal_data": "cleared", "needs_anonymised": anonymised.rows_affected });
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::DeleteAccount,
            entity: AuditEntity::User,
            entity_id: saved.id,
            area: Some((home.id, &home.path)),
            before: None,
            after: Some(&after),
        },
    )
    .await
}
