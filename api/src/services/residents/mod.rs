//! Resident accounts: sign-up and sign-in by code ([`sign_in`], the communities to pick from in
//! [`communities`]), the resident's own profile, phone
//! change and deletion ([`profile`]), residence verification by staff ([`verify`]), the target groups staff record ([`groups`]), and the records
//! created from needs taken by phone ([`link`]).

pub mod communities;
pub mod groups;
pub mod link;
pub mod profile;
pub mod sign_in;
pub mod verify;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{AreaKind, FieldRule, Id, Resident};

use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::masking::{mask_address, mask_name, mask_phone};
use crate::entities::stored::{stored, stored_opt};
use crate::entities::{area, resident, user};
use crate::error::ApiError;
use crate::policy;

/// The account holding `phone`, if any (deleted accounts hold none).
pub async fn by_phone<C: ConnectionTrait>(db: &C, phone: &str) -> Result<Option<user::Model>, ApiError> {
    Ok(user::Entity::find().filter(user::Column::Phone.eq(phone)).one(db).await?)
}

/// A username for an account that signs in by code only: never shown, never guessable, no phone in it.
pub fn code_only_username() -> String {
    format!("r{}", &uuid::Uuid::new_v4().simple().to_string()[..16])
}

/// Stands in for a password hash on accounts that sign in by code: no password ever matches it.
pub const NO_PASSWORD: &str = "!";

/// The home a resident picks: a community, and optionally one of its grids. Errors are added to
/// `errors` under `/community_id` and `/grid_id`, so every bad field is reported at once.
pub(crate) async fn pick_home<C: ConnectionTrait>(
    db: &C,
    community_id: Option<Id>,
    grid_id: Option<Id>,
    errors: &mut FieldErrors,
) -> Result<Option<area::Model>, ApiError> {
    let Some(community_id) = community_id else {
        errors.add("/community_id", FieldRule::Required, "pick your community");
        return Ok(None);
    };
    let community = area::Entity::find_by_id(community_id).one(db).await?.filter(|a| a.kind == AreaKind::Community.as_str());
    let Some(community) = community else {
        errors.add("/community_id", FieldRule::NotFound, "no such community");
        return Ok(None);
    };
    let Some(grid_id) = grid_id else { return Ok(Some(community)) };
    let grid = area::Entity::find_by_id(grid_id)
        .one(db)
        .await?
        .filter(|g| g.kind == AreaKind::Grid.as_str() && g.path.starts_with(&community.path));
    match grid {
        Some(grid) => Ok(Some(grid)),
        None => {
            errors.add("/grid_id", FieldRule::NotFound, "no such grid in that community");
            Ok(None)
        }
    }
}

/// A resident as staff see them; personal data masked unless the caller handles it in that area.
pub(crate) async fn staff_view<C: ConnectionTrait>(db: &C, caller: &Caller, r: resident::Model) -> Result<Resident, ApiError> {
    let home = area::Entity::find_by_id(r.area_id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
    let reveal = policy::residents::reveals_personal_data(caller, &home.path);
    Ok(Resident {
        id: r.id,
        display_name: if reveal { r.display_name.clone() } else { mask_name(&r.display_name) },
        phone: r.phone.as_deref().map(|p| if reveal { p.to_owned() } else { mask_phone(p) }),
        address: r.address.as_deref().map(|a| if reveal { a.to_owned() } else { mask_address(a) }),
        area_id: r.area_id,
        area_name: home.name,
        verification: stored(&r.verification, "users", r.id)?,
        refusal_reason: stored_opt(r.refusal_reason.as_deref(), "users", r.id)?,
        refusal_note: r.refusal_note,
        target_groups: groups::of(db, r.id).await?,
        created_at: r.created_at,
    })
}
