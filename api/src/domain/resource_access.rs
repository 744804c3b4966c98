//! Who may read and change the service resource catalogue, and who may match needs to it.
//! Where (which areas) is [`super::scope`]'s job.

use shared::Role;

use super::caller::Caller;
use super::need_access::is_staff;
use super::scope::Scope;
use crate::error::ApiError;

/// Everyone but residents reads the catalogue of their area: staff to dispatch, providers and
/// volunteers to see what they and their neighbours offer, integrations to publish it.
pub fn may_read(role: Role) -> bool {
    role != Role::Resident
}

/// Staff from community level up register and change resources.
pub fn may_manage(role: Role) -> bool {
    matches!(role, Role::PlatformAdmin | Role::DistrictAdmin | Role::StreetStaff | Role::CommunityStaff)
}

/// Matching is part of dispatching: the staff who work the needs queue.
pub fn may_match(role: Role) -> bool {
    is_staff(role)
}

pub fn require_read(caller: &Caller) -> Result<(), ApiError> {
    if may_read(caller.role) { Ok(()) } else { Err(ApiError::Forbidden("residents do not read the resource catalogue".into())) }
}

pub fn require_manage(caller: &Caller) -> Result<(), ApiError> {
    if may_manage(caller.role) {
        Ok(())
    } else {
        Err(ApiError::Forbidden(format!("role {} does not manage resources", caller.role.as_str())))
    }
}

pub fn require_match(caller: &Caller) -> Result<(), ApiError> {
    if may_match(caller.role) { Ok(()) } else { Err(ApiError::Forbidden("matching is done by staff".into())) }
}

/// Contact details (personal data) are for staff whose scope holds the record.
pub fn sees_contacts(caller: &Caller, area_path: &str) -> bool {
    is_staff(caller.role) && Scope::of(caller).contains(area_path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn residents_neither_read_nor_manage_nor_match() {
        assert!(!may_read(Role::Resident));
        assert!(!may_manage(Role::Resident));
        assert!(!may_match(Role::Resident));
    }

    #[test]
    fn providers_read_but_do_not_manage() {
        for role in [Role::Provider, Role::Volunteer, Role::Integration, Role::GridWorker] {
            assert!(may_read(role));
            assert!(!may_manage(role));
        }
        assert!(may_manage(Role::CommunityStaff));
        assert!(!may_match(Role::Provider));
    }
}
