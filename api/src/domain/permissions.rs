//! Who may do what: the role table, in one place. Where (which areas) is [`super::scope`]'s job.

use shared::{AreaKind, Permissions, Role};

use super::caller::Caller;
use crate::error::ApiError;

/// Things a caller may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    ReadAreas,
    CreateAreas,
    EditAreas,
    ManageUsers,
    ReadAudit,
    ManageWebhooks,
}

/// The role table. Staff from community level up maintain areas; street level up manages users;
/// only district admins and above read the audit trail.
pub fn role_may(role: Role, action: Action) -> bool {
    use Role::*;
    match action {
        Action::ReadAreas => true,
        Action::CreateAreas | Action::EditAreas => {
            matches!(role, PlatformAdmin | DistrictAdmin | StreetStaff | CommunityStaff)
        }
        Action::ManageUsers => matches!(role, PlatformAdmin | DistrictAdmin | StreetStaff),
        Action::ReadAudit => matches!(role, PlatformAdmin | DistrictAdmin),
        // Webhooks feed other systems: integration clients, and the admins who set them up.
        Action::ManageWebhooks => matches!(role, PlatformAdmin | DistrictAdmin | Integration),
    }
}

/// `Ok` when the caller's role allows `action`, else 403.
pub fn require(caller: &Caller, action: Action) -> Result<(), ApiError> {
    if role_may(caller.role, action) { Ok(()) } else { Err(ApiError::Forbidden(format!("role {} may not do this", caller.role.as_str()))) }
}

/// Seniority: a manager gives only roles below their own, so nobody can create their own peer or boss.
fn rank(role: Role) -> u8 {
    match role {
        Role::PlatformAdmin => 0,
        Role::DistrictAdmin => 1,
        Role::StreetStaff => 2,
        Role::CommunityStaff => 3,
        Role::GridWorker | Role::Provider | Role::Volunteer | Role::Resident | Role::Integration => 4,
    }
}

/// Roles `role` may give to users it creates or edits (and so the users it may edit at all).
pub fn assignable_roles(role: Role) -> Vec<Role> {
    if !role_may(role, Action::ManageUsers) {
        return Vec::new();
    }
    Role::ALL.into_iter().filter(|r| role == Role::PlatformAdmin || rank(*r) > rank(role)).collect()
}

/// Kinds of area a user of `role` may have as home: staff sit at their level, others anywhere below.
pub fn home_area_kinds(role: Role) -> &'static [AreaKind] {
    use AreaKind::*;
    match role {
        Role::PlatformAdmin => &[Province, City, District, Street, Community, Grid],
        Role::DistrictAdmin | Role::Integration => &[District],
        Role::StreetStaff => &[Street],
        Role::CommunityStaff => &[Community],
        Role::GridWorker => &[Grid, Community],
        Role::Provider | Role::Volunteer => &[District, Street, Community],
        Role::Resident => &[Community, Grid],
    }
}

/// What the dashboard may show this caller.
pub fn permissions(caller: &Caller) -> Permissions {
    Permissions {
        read_areas: role_may(caller.role, Action::ReadAreas),
        create_areas: role_may(caller.role, Action::CreateAreas),
        edit_areas: role_may(caller.role, Action::EditAreas),
        manage_users: role_may(caller.role, Action::ManageUsers),
        read_audit: role_may(caller.role, Action::ReadAudit),
        manage_webhooks: role_may(caller.role, Action::ManageWebhooks),
        work_needs: super::need_access::is_staff(caller.role),
        serve_needs: super::need_access::may_be_assigned(caller.role),
        submit_needs: super::need_access::may_submit(caller.role),
        read_programs: super::program_lifecycle::may_read(caller.role),
        author_programs: super::program_lifecycle::may_author(caller.role),
        read_resources: super::resource_access::may_read(caller.role),
        manage_resources: super::resource_access::may_manage(caller.role),
        match_needs: super::resource_access::may_match(caller.role),
        read_kpis: super::kpi_access::may_read(caller.role),
        report_kpis: super::kpi_access::may_report(caller.role),
        set_kpi_targets: super::kpi_access::may_set_targets(caller.role),
        assignable_roles: assignable_roles(caller.role),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nobody_but_the_platform_admin_can_assign_their_own_role() {
        for role in Role::ALL {
            let own = assignable_roles(role).contains(&role);
            assert_eq!(own, role == Role::PlatformAdmin, "{role:?}");
        }
    }

    #[test]
    fn street_staff_assign_community_roles_but_not_district_ones() {
        let roles = assignable_roles(Role::StreetStaff);
        assert!(roles.contains(&Role::CommunityStaff));
        assert!(roles.contains(&Role::Resident));
        assert!(!roles.contains(&Role::DistrictAdmin));
        assert!(!roles.contains(&Role::StreetStaff));
    }

    #[test]
    fn residents_and_providers_manage_nothing() {
        for role in [Role::Resident, Role::Provider, Role::Volunteer, Role::GridWorker, Role::Integration] {
            assert!(!role_may(role, Action::ManageUsers));
            assert!(!role_may(role, Action::EditAreas));
            assert!(!role_may(role, Action::ReadAudit));
            assert!(assignable_roles(role).is_empty());
        }
    }

    #[test]
    fn every_role_has_a_home_area_kind() {
        for role in Role::ALL {
            assert!(!home_area_kinds(role).is_empty());
        }
    }
}
