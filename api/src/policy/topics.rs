//! What a caller is to one consultation topic, and which topics they reach. The lifecycle table
//! ([`crate::domain::topic_lifecycle`]) then says which moves each party makes.

use sea_orm::{ColumnTrait, Condition};
use shared::AreaKind;

use super::{Action, may};
use crate::domain::caller::Caller;
use crate::domain::scope::Scope;
use crate::domain::topic_lifecycle::Party;
use crate::entities::topic;

/// The path of the caller's community: their home, or the community of their grid.
pub fn community_of(caller: &Caller) -> Option<String> {
    match caller.area_kind {
        AreaKind::Community => Some(caller.area_path.clone()),
        AreaKind::Grid => {
            let trimmed = caller.area_path.trim_end_matches('/');
            trimmed.rsplit_once('/').map(|(parent, _)| format!("{parent}/"))
        }
        _ => None,
    }
}

/// What the caller is to this topic; empty means they may not act on it.
pub fn parties(caller: &Caller, t: &topic::Model) -> Vec<Party> {
    let mut parties = Vec::new();
    if super::may_in(caller, Action::RunConsultation, &t.area_path) {
        parties.push(Party::Staff);
    }
    if may(caller, Action::CosignTopics) && community_of(caller).as_deref() == Some(t.community_path.as_str()) {
        parties.push(Party::Resident);
    }
    parties
}

/// The topics the caller reaches: residents those of their community; staff and integrations those
/// run in their subtree or concerning a community of it (a topic referred up stays visible below).
pub fn reach(caller: &Caller) -> Condition {
    if may(caller, Action::CosignTopics) {
        // Residents: only their own community; a resident homed above a community reaches none.
        return Condition::all().add(topic::Column::CommunityPath.eq(community_of(caller).unwrap_or_default()));
    }
    let scope = Scope::of(caller);
    if scope.is_global() {
        return Condition::all();
    }
    Condition::any().add(scope.path_condition(topic::Column::AreaPath)).add(scope.path_condition(topic::Column::CommunityPath))
}

/// Proposers' names are shown to the proposer and to community-level staff of the topic's
/// community; everyone else sees them masked, and the public pages not at all.
pub fn reveals_proposer(caller: &Caller, t: &topic::Model) -> bool {
    t.proposer_id == caller.id || super::may_in(caller, Action::HandlePersonalData, &t.community_path)
}
