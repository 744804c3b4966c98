//! Who may read KPI dashboards, report values and set targets. Where (which areas) is
//! [`super::scope`]'s job: community staff report only for their own community.

use shared::Role;

use super::caller::Caller;
use crate::error::ApiError;

/// Staff at every level read the dashboards of their area; integrations publish them.
pub fn may_read(role: Role) -> bool {
    matches!(
        role,
        Role::PlatformAdmin | Role::DistrictAdmin | Role::StreetStaff | Role::CommunityStaff | Role::GridWorker | Role::Integration
    )
}

/// Staff from community level up report the figures of their area (台账).
pub fn may_report(role: Role) -> bool {
    matches!(role, Role::PlatformAdmin | Role::DistrictAdmin | Role::StreetStaff | Role::CommunityStaff)
}

/// Targets are set from above: district and street level.
pub fn may_set_targets(role: Role) -> bool {
    matches!(role, Role::PlatformAdmin | Role::DistrictAdmin | Role::StreetStaff)
}

fn require(allowed: bool, caller: &Caller, what: &str) -> Result<(), ApiError> {
    if allowed { Ok(()) } else { Err(ApiError::Forbidden(format!("role {} may not {what}", caller.role.as_str()))) }
}

pub fn require_read(caller: &Caller) -> Result<(), ApiError> {
    require(may_read(caller.role), caller, "read KPIs")
}

pub fn require_report(caller: &Caller) -> Result<(), ApiError> {
    require(may_report(caller.role), caller, "report KPI values")
}

pub fn require_set_targets(caller: &Caller) -> Result<(), ApiError> {
    require(may_set_targets(caller.role), caller, "set KPI targets")
}
