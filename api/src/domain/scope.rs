//! Area scoping, in one place: every query of area-owned data is filtered here, and every write checks
//! here that its target lies in the caller's subtree. A platform admin's scope is everything.

use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{ColumnTrait, Condition};
use shared::{Id, Role};

use super::caller::Caller;
use crate::entities::area;

/// A record outside the caller's subtree, named by what it is; the edge answers it as 404.
#[derive(Debug, thiserror::Error)]
#[error("{0} not found")]
pub struct OutsideScope(pub &'static str);

/// The part of the area tree a caller may see and change.
#[derive(Debug, Clone)]
pub struct Scope {
    /// Path prefix of the caller's home area; `None` means the whole tree.
    prefix: Option<String>,
    /// For residents: they see only records they own (their own needs, their own account).
    owner: Option<Id>,
}

impl Scope {
    pub fn of(caller: &Caller) -> Self {
        let prefix = (caller.role != Role::PlatformAdmin).then(|| caller.area_path.clone());
        let owner = (caller.role == Role::Resident).then_some(caller.id);
        Self { prefix, owner }
    }

    /// The unrestricted scope, for the system itself (CLI, demo seeding).
    pub fn everything() -> Self {
        Self { prefix: None, owner: None }
    }

    /// The subtree under an area (for "filter by area" on lists); combine with the caller's scope.
    pub fn subtree(path: &str) -> Self {
        Self { prefix: Some(path.to_owned()), owner: None }
    }

    /// Whether the area with this materialised path lies in the scope.
    pub fn contains(&self, path: &str) -> bool {
        self.prefix.as_deref().is_none_or(|prefix| path.starts_with(prefix))
    }

    /// Whether the caller may see the whole tree.
    pub fn is_global(&self) -> bool {
        self.prefix.is_none()
    }

    /// The home area's path, when the scope is a subtree.
    pub fn prefix(&self) -> Option<&str> {
        self.prefix.as_deref()
    }

    /// `Ok` when the area lies in the scope. Out-of-scope records answer 404, never 403, so that
    /// their existence is not revealed.
    pub fn check(&self, path: &str, what: &'static str) -> Result<(), OutsideScope> {
        if self.contains(path) { Ok(()) } else { Err(OutsideScope(what)) }
    }

    /// Filter on a column holding an area path (areas.path, audit_log.area_path).
    pub fn path_condition(&self, column: impl ColumnTrait) -> Condition {
        match &self.prefix {
            // Paths hold only digits and `/`, so the prefix needs no LIKE escaping.
            Some(prefix) => Condition::all().add(column.like(format!("{prefix}%"))),
            None => Condition::all(),
        }
    }

    /// Filter on a column holding an area id (users.area_id, …): the area must be in the subtree.
    pub fn area_id_condition(&self, column: impl ColumnTrait) -> Condition {
        match &self.prefix {
            Some(_) => Condition::all().add(column.in_subquery(self.area_ids())),
            None => Condition::all(),
        }
    }

    /// Filter on a column holding the owning user id; only restricts residents.
    pub fn owner_condition(&self, column: impl ColumnTrait) -> Condition {
        match self.owner {
            Some(owner) => Condition::all().add(column.eq(owner)),
            None => Condition::all(),
        }
    }

    fn area_ids(&self) -> SelectStatement {
        Query::select().column(area::Column::Id).from(area::Entity).cond_where(self.path_condition(area::Column::Path)).to_owned()
    }
}

/// The materialised path of a child of `parent_path` with id `id`.
pub fn child_path(parent_path: Option<&str>, id: Id) -> String {
    format!("{}{id}/", parent_path.unwrap_or("/"))
}

/// Ids of the areas on a path, root first.
pub fn path_ids(path: &str) -> Vec<Id> {
    path.split('/').filter_map(|s| s.parse().ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::AreaKind;

    fn caller(role: Role, path: &str) -> Caller {
        Caller { id: 9, username: "u".into(), role, area_id: 7, area_kind: AreaKind::Street, area_path: path.into(), client: None }
    }

    #[test]
    fn a_street_sees_its_own_subtree_only() {
        let scope = Scope::of(&caller(Role::StreetStaff, "/1/7/"));
        assert!(scope.contains("/1/7/"));
        assert!(scope.contains("/1/7/42/"));
        assert!(!scope.contains("/1/8/"));
        assert!(!scope.contains("/1/"));
    }

    #[test]
    fn a_sibling_whose_id_shares_a_prefix_is_outside() {
        let scope = Scope::of(&caller(Role::StreetStaff, "/1/7/"));
        assert!(!scope.contains("/1/70/"));
    }

    #[test]
    fn the_platform_admin_sees_everything() {
        let scope = Scope::of(&caller(Role::PlatformAdmin, "/1/"));
        assert!(scope.contains("/2/5/"));
        assert!(scope.is_global());
    }

    #[test]
    fn paths_are_built_and_read_back() {
        let root = child_path(None, 1);
        let child = child_path(Some(&root), 42);
        assert_eq!(child, "/1/42/");
        assert_eq!(path_ids(&child), vec![1, 42]);
    }
}
