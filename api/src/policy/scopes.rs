//! The scope an integration client needs for each action, beside the role table: a client token
//! passes the role table (its account's role) *and* must carry the action's scope. An action with
//! no scope here is never open to a client token, whatever the role table says.

use shared::ApiScope::{self, *};

use super::table::Action;
use crate::domain::caller::Caller;

/// Action → the scope a client needs for it.
pub const SCOPES: &[(Action, ApiScope)] = &[
    (Action::ReadAreas, AreasRead),
    (Action::ManageWebhooks, WebhooksWrite),
    (Action::ReplayWebhookDeliveries, WebhooksWrite),
    (Action::ReadNeeds, NeedsRead),
    (Action::ReadSubtreeNeeds, NeedsRead),
    (Action::SubmitNeeds, NeedsWrite),
    (Action::SubmitNeedsByMiniProgram, NeedsWrite),
    (Action::ReadPrograms, ProgramsRead),
    (Action::ReadResources, ResourcesRead),
    (Action::ReadKpis, KpisRead),
    (Action::ReadOwnNotifications, NotificationsRead),
    (Action::ReadResidents, ResidentsWrite),
    (Action::KeepResidentProfile, ResidentsWrite),
    (Action::BindResidents, ResidentsWrite),
    (Action::ReadTopics, TopicsRead),
    (Action::ReadShopItems, ShopRead),
];

impl Action {
    /// The scope a client token needs for this action; `None`: no client token may take it.
    pub fn scope(self) -> Option<ApiScope> {
        SCOPES.iter().find(|(a, _)| *a == self).map(|(_, s)| *s)
    }
}

/// `Ok` when the caller's token allows `action`: a person's always, a client's when it carries the
/// action's scope. `Err` names the scope that is missing (or `None` when no scope opens the action).
pub fn check(caller: &Caller, action: Action) -> Result<(), Option<ApiScope>> {
    let Some(grant) = &caller.client else { return Ok(()) };
    match action.scope() {
        Some(scope) if grant.scopes.contains(&scope) => Ok(()),
        scope => Err(scope),
    }
}

#[cfg(test)]
mod tests {
    use shared::Role;

    use super::*;
    use crate::policy::{TABLE, role_may};

    #[test]
    fn every_action_an_integration_may_take_names_a_scope() {
        for (action, _, _) in TABLE {
            if role_may(Role::Integration, *action) {
                assert!(action.scope().is_some(), "{action:?} is open to integrations but names no scope");
            }
        }
    }

    #[test]
    fn every_action_has_at_most_one_scope() {
        for (i, (action, _)) in SCOPES.iter().enumerate() {
            assert!(!SCOPES[i + 1..].iter().any(|(a, _)| a == action), "{action:?} twice");
        }
    }

    #[test]
    fn every_scope_opens_some_action() {
        for scope in ApiScope::ALL {
            assert!(SCOPES.iter().any(|(_, s)| *s == scope), "{scope:?} opens nothing");
        }
    }
}
