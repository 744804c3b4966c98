//! What a caller is to one need, and which needs they reach. The lifecycle table
//! ([`crate::domain::need_lifecycle`]) then says which actions each party may take.

use sea_orm::{ColumnTrait, Condition};

use super::{Action, Refused, may};
use crate::domain::caller::Caller;
use crate::domain::need_lifecycle::Party;
use crate::domain::scope::Scope;
use crate::entities::need;
use shared::TimePayer;

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

/// A need's contact (name, phone) is shown without asking only to its own resident. Everyone else
/// who handles it ([`reveals_personal_data`]) sees it masked and asks for it ([`require_reveal`]), so
/// each look at a resident's phone leaves an audit entry.
pub fn shows_contact_unasked(caller: &Caller, need: &need::Model) -> bool {
    need.resident_id == Some(caller.id)
}

/// `Ok` when the caller handles the need and may see its contact in full; supervisors and
/// integrations are refused (403). Callers outside the need's reach never get here: its loader says 404.
pub fn require_reveal(caller: &Caller, need: &need::Model) -> Result<(), Refused> {
    if reveals_personal_data(caller, need) {
        Ok(())
    } else {
        Err(Refused::Denied { role: caller.role, action: Action::HandlePersonalData })
    }
}

/// Who may choose who pays a need's minutes (时间银行支取): staff who adjust the ledger of its area,
/// any payer — granting the pool spends donors' hours, a ledger decision; its resident, between
/// their own banked time and the community's issuance, unless staff granted the pool.
pub fn may_choose_payer(caller: &Caller, need: &need::Model, current: TimePayer, wanted: TimePayer) -> Result<(), Refused> {
    if super::may_in(caller, Action::AdjustLedger, &need.area_path) {
        return Ok(());
    }
    let own = need.resident_id == Some(caller.id) && may(caller, Action::SubmitOwnNeeds);
    if !own {
        return Err(Refused::Denied { role: caller.role, action: Action::AdjustLedger });
    }
    if wanted == TimePayer::CommunityPool || current == TimePayer::CommunityPool {
        return Err(Refused::Denied { role: caller.role, action: Action::AdjustLedger });
    }
    Ok(())
}
