//! What a caller is to one need, and which needs they reach. The lifecycle table
//! ([`crate::domain::need_lifecycle`]) then says which actions each party may take.

use sea_orm::{ColumnTrait, Condition};

use super::{Action, may};
use crate::domain::caller::Caller;
use crate::domain::need_lifecycle::Party;
use crate::domain::scope::Scope;
use crate::entities::need;

/// What the caller is to this need; empty means they may not act on it.
pub fn parties(caller: &Caller, need: &need::Model) -> Vec<Party> {
    let mut parties = Vec::new();
    if need.resident_id == Some(caller.id) {
        parties.push(Party::Resident);
    }
    if need.assignee_id == Some(caller.id) {
        parties.push(Party::Assignee);
    }
    if super::may_in(caller, Action::WorkNeeds, &need.area_path) {
        parties.push(Party::Staff);
    }
    parties
}

/// The needs the caller reaches: their own, those dispatched to them, and — for staff and
/// integrations — every need of their subtree. Lists and single reads both go through it.
pub fn reach(caller: &Caller) -> Condition {
    let own = Condition::any().add(need::Column::ResidentId.eq(caller.id)).add(need::Column::AssigneeId.eq(caller.id));
    if may(caller, Action::ReadSubtreeNeeds) { own.add(Scope::of(caller).path_condition(need::Column::AreaPath)) } else { own }
}

/// Phone numbers, names and exact addresses are shown only to those who handle the need: its resident,
/// its assignee, the staff member who owns it, and community-level staff of its area. Supervisors
/// (street, district, platform) and integration clients see them masked.
pub fn reveals_personal_data(caller: &Caller, need: &need::Model) -> bool {
    need.resident_id == Some(caller.id)
        || need.assignee_id == Some(caller.id)
        || need.owner_id == Some(caller.id)
        || super::may_in(caller, Action::HandlePersonalData, &need.area_path)
}
