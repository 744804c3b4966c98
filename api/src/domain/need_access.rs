//! Who may see a need, act on it, and read its personal data — in one place. The lifecycle table
//! ([`super::need_lifecycle`]) then says which actions each party may take.

use sea_orm::{ColumnTrait, Condition};
use shared::Role;

use super::caller::Caller;
use super::need_lifecycle::Party;
use super::scope::Scope;
use crate::entities::need;

/// Roles that handle needs for the areas in their scope.
pub fn is_staff(role: Role) -> bool {
    matches!(role, Role::PlatformAdmin | Role::DistrictAdmin | Role::StreetStaff | Role::CommunityStaff | Role::GridWorker)
}

/// Roles that may submit needs: residents for themselves, staff and mini-program backends on a resident's behalf.
pub fn may_submit(role: Role) -> bool {
    is_staff(role) || matches!(role, Role::Resident | Role::Integration)
}

/// What the caller is to this need; empty means they may not see it at all.
pub fn parties(caller: &Caller, need: &need::Model) -> Vec<Party> {
    let mut parties = Vec::new();
    if need.resident_id == Some(caller.id) {
        parties.push(Party::Resident);
    }
    if need.assignee_id == Some(caller.id) {
        parties.push(Party::Assignee);
    }
    if is_staff(caller.role) && Scope::of(caller).contains(&need.area_path) {
        parties.push(Party::Staff);
    }
    parties
}

/// Whether the caller may read this need. Integration clients read their subtree's needs (masked).
pub fn can_view(caller: &Caller, need: &need::Model) -> bool {
    !parties(caller, need).is_empty() || (caller.role == Role::Integration && Scope::of(caller).contains(&need.area_path))
}

/// The list filter matching [`can_view`].
pub fn list_condition(caller: &Caller) -> Condition {
    let own = Condition::any().add(need::Column::ResidentId.eq(caller.id)).add(need::Column::AssigneeId.eq(caller.id));
    if is_staff(caller.role) || caller.role == Role::Integration {
        own.add(Scope::of(caller).path_condition(need::Column::AreaPath))
    } else {
        own
    }
}

/// Phone numbers, names and exact addresses are shown only to those who handle the need: its resident,
/// its assignee, the staff member who owns it, and community-level staff of its area. Supervisors
/// (street, district, platform) and integration clients see them masked.
pub fn reveals_personal_data(caller: &Caller, need: &need::Model) -> bool {
    need.resident_id == Some(caller.id)
        || need.assignee_id == Some(caller.id)
        || need.owner_id == Some(caller.id)
        || (matches!(caller.role, Role::CommunityStaff | Role::GridWorker) && Scope::of(caller).contains(&need.area_path))
}

/// Roles a need may be dispatched to.
pub fn may_be_assigned(role: Role) -> bool {
    matches!(role, Role::Provider | Role::Volunteer | Role::CommunityStaff | Role::GridWorker | Role::StreetStaff)
}

/// `138****5678`: enough to recognise, not enough to call.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() < 7 {
        return "****".into();
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}****{tail}")
}

/// `王*` / `欧阳**`: the family name only.
pub fn mask_name(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => format!("{first}{}", "*".repeat(chars.count().max(1))),
        None => String::new(),
    }
}

/// The start of an address (the estate), without building and door numbers.
pub fn mask_address(address: &str) -> String {
    let head: String = address.chars().take(6).collect();
    format!("{head}****")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_keeps_its_first_three_and_last_four_digits() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("123"), "****");
    }

    #[test]
    fn a_name_keeps_the_family_name() {
        assert_eq!(mask_name("王小明"), "王**");
        assert_eq!(mask_name("李"), "李*");
    }

    #[test]
    fn an_address_keeps_only_its_start() {
        assert_eq!(mask_address("缤纷小区3幢2单元501室"), "缤纷小区3幢****");
    }

    #[test]
    fn residents_and_providers_are_not_staff() {
        assert!(!is_staff(Role::Resident));
        assert!(!is_staff(Role::Provider));
        assert!(is_staff(Role::GridWorker));
    }
}
