//! What a caller is to one co-building program. The lifecycle table
//! ([`crate::domain::program_lifecycle`]) then says which moves each role makes.

use super::{Action, may};
use crate::domain::caller::Caller;
use crate::domain::program_lifecycle::ProgramRole::{self, Approver, Author};
use crate::domain::scope::Scope;
use crate::entities::program;

/// The caller's roles on a program; empty means they may only read it (if it is in their scope).
pub fn roles(caller: &Caller, p: &program::Model) -> Vec<ProgramRole> {
    let mut roles = Vec::new();
    let scope = Scope::of(caller);
    if !scope.contains(&p.area_path) {
        return roles;
    }
    if may(caller, Action::AuthorPrograms) {
        roles.push(Author);
    }
    let own = p.created_by == caller.id || p.submitted_by == Some(caller.id);
    // Approval comes from above: the program's own area is not the approver's home.
    let from_above = scope.is_global() || caller.area_path != p.area_path;
    if may(caller, Action::ApprovePrograms) && !own && from_above {
        roles.push(Approver);
    }
    roles
}
