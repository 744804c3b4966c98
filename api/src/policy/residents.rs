//! Which residents a caller reaches, and whether a resident is verified enough to take part:
//! co-signing a need (and, later, voting) is for residents whose residence staff confirmed.

use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait};
use shared::{Role, Verification};

use super::{Action, Refused, require};
use crate::domain::caller::Caller;
use crate::domain::scope::Scope;
use crate::entities::resident;
use crate::entities::stored::stored;

/// Resident accounts (never staff) whose home area is inside `scope`.
pub fn reach(scope: &Scope) -> Condition {
    Condition::all().add(resident::Column::Role.eq(Role::Resident.as_str())).add(scope.area_id_condition(resident::Column::AreaId))
}

/// `Ok` when the caller's role may take `action` and their residence is verified (已认证).
pub async fn require_verified<C: ConnectionTrait>(db: &C, caller: &Caller, action: Action) -> Result<(), Refused> {
    require(caller, action)?;
    let me = resident::Entity::find_by_id(caller.id).one(db).await?.ok_or(Refused::NotFound("resident"))?;
    let verification: Verification = stored(&me.verification, "users", me.id)?;
    if verification == Verification::Verified { Ok(()) } else { Err(Refused::Unverified(action)) }
}

/// Whether the caller sees residents' names, phones and addresses in `area_path` unmasked:
/// community-level staff of that area ([`Action::HandlePersonalData`]).
pub fn reveals_personal_data(caller: &Caller, area_path: &str) -> bool {
    super::may_in(caller, Action::HandlePersonalData, area_path)
}
