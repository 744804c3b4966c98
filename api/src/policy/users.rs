//! Rules about accounts: which roles a manager may give, which home areas fit a role, and whether an
//! account may serve (or own) a record in an area.

use shared::{AreaKind, Role};

use super::{Action, role_may};
use crate::domain::scope::Scope;
use crate::entities::stored::{StoredValueInvalid, stored};
use crate::entities::user;

/// Seniority: a manager gives only roles below their own, so nobody can create their own peer or boss.
fn rank(role: Role) -> u8 {
    match role {
        Role::PlatformAdmin => 0,
        Role::DistrictAdmin => 1,
        Role::StreetStaff => 2,
        Role::CommunityStaff => 3,
        Role::GridWorker | Role::Provider | Role::Volunteer | Role::Resident | Role::Integration | Role::Merchant => 4,
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
        // A merchant (商户) is homed in the community whose residents it serves.
        Role::Merchant => &[Community],
    }
}

/// Accounts that may stand for a provider (its organisation's login) or a person who serves: they
/// receive the needs dispatched through their services.
pub const PROVIDER_ACCOUNT_ROLES: &[Role] = &[Role::Provider, Role::Volunteer];
pub const PERSON_ACCOUNT_ROLES: &[Role] = &[Role::Volunteer, Role::Provider];

/// How an account fits a record it is to serve or be linked to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    Fits,
    /// Active and of a fitting role, but its home area does not contain the record's area.
    OutOfArea,
    /// Inactive, or of a role that does not serve.
    Unfit,
}

/// Whether `account` (homed at `home_path`) may serve a record in `path` with one of `roles`: an
/// active account of such a role whose home area contains the record's area. Dispatching a need, the
/// assignee picker and linking a resource to its account all ask this.
/// An account whose stored role is unknown is an error, not an unfit account.
pub fn fit(account: &user::Model, home_path: &str, roles: &[Role], path: &str) -> Result<Fit, StoredValueInvalid> {
    let role_fits = roles.contains(&stored(&account.role, "users", account.id)?);
    Ok(if !account.active || !role_fits {
        Fit::Unfit
    } else if Scope::subtree(home_path).contains(path) {
        Fit::Fits
    } else {
        Fit::OutOfArea
    })
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
    fn every_role_has_a_home_area_kind() {
        for role in Role::ALL {
            assert!(!home_area_kinds(role).is_empty());
        }
    }
}
