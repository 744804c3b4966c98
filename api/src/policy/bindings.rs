//! Which mini-program bindings a caller reaches: a client its own, nobody else any. Bindings belong
//! to the client that made them, not to an area, so they are scoped by the client of the token.

use sea_orm::{ColumnTrait, Condition};
use shared::Id;

use super::{Action, Refused, Scoped, require};
use crate::domain::caller::Caller;
use crate::domain::scope::Scope;
use crate::entities::resident_binding;

impl Scoped for resident_binding::Entity {
    const NAME: &'static str = "binding";
    const READ: Action = Action::BindResidents;
    fn reach(caller: &Caller) -> Condition {
        match &caller.client {
            Some(grant) => Condition::all().add(resident_binding::Column::ClientId.eq(grant.client_id)),
            None => Condition::all().add(resident_binding::Column::ClientId.is_null()),
        }
    }
}

/// The client (row id) a caller binds for: the client of its token. The integration account signed
/// in some other way binds nothing, since a binding belongs to a client.
pub fn binding_client(caller: &Caller) -> Result<Id, Refused> {
    require(caller, Action::BindResidents)?;
    caller.client.as_ref().map(|g| g.client_id).ok_or(Refused::Denied { role: caller.role, action: Action::BindResidents })
}

/// Whether a resident living at `home_path` may be bound by (and act through) this client: the
/// resident lives in the client's subtree.
pub fn reaches_resident(client_area_path: &str, home_path: &str) -> bool {
    Scope::subtree(client_area_path).contains(home_path)
}
