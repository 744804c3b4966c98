//! Needs taken on a resident's behalf (phone, visit, grid patrol, a mini-program backend) belong to
//! the resident with that mobile number. When nobody has it yet, an unverified record is created in
//! the need's area; the resident takes it over when they first sign in with the number, and finds
//! the needs there to follow and rate.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use shared::{Id, Role, Verification, is_mainland_mobile};

use super::{NO_PASSWORD, by_phone, code_only_username};
use crate::entities::{area, user};
use crate::error::ApiError;

/// The resident a need taken for `phone` belongs to; `None` when the number is not a mainland mobile
/// (a landline reaches a household, not an account) or belongs to a staff account.
pub async fn resident_for_phone<C: ConnectionTrait>(
    db: &C,
    phone: Option<&str>,
    name: Option<&str>,
    place: &area::Model,
    now: DateTime<Utc>,
) -> Result<Option<Id>, ApiError> {
    let Some(phone) = phone.map(str::trim).filter(|p| is_mainland_mobile(p)) else { return Ok(None) };
    if let Some(found) = by_phone(db, phone).await? {
        return Ok((found.role == Role::Resident.as_str()).then_some(found.id));
    }
    let name = name.map(str::trim).filter(|n| !n.is_empty()).map_or_else(|| format!("居民{}", &phone[7..]), str::to_owned);
    let record = user::ActiveModel {
        username: Set(code_only_username()),
        display_name: Set(name),
        role: Set(Role::Resident.as_str().into()),
        area_id: Set(place.id),
        password_hash: Set(NO_PASSWORD.into()),
        // Nobody can sign in to it until the resident proves the number with a code.
        active: Set(false),
        demo: Set(false),
        phone: Set(Some(phone.to_owned())),
        verification: Set(Verification::Pending.as_str().into()),
        signed_up_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Some(record.id))
}
