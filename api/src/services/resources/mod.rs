//! The service resource catalogue (服务资源清单): providers, people who serve, services and service
//! spaces — registered, changed, listed in the caller's subtree, imported and exported.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{AreaKind, FieldRule, Id};

use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::scope::Scope;
use crate::entities::area;
use crate::error::ApiError;

pub mod export;
pub mod import;
pub mod people;
pub mod providers;
pub mod service;
pub mod spaces;

pub use shared::ResourceSort;

/// The two keysets (newest first, by name) of a resource entity with `id` and `name` columns.
macro_rules! resource_keyset {
    ($entity:ident) => {
        pub(super) fn keyset(sort: super::ResourceSort) -> crate::services::page::Keyset<$entity::Entity> {
            use crate::services::page::Keyset;
            match sort {
                super::ResourceSort::Newest => {
                    Keyset { name: "-id", column: None, desc: true, id: $entity::Column::Id, key_of: |m| (None, m.id) }
                }
                super::ResourceSort::Name => Keyset {
                    name: "name",
                    column: Some($entity::Column::Name),
                    desc: false,
                    id: $entity::Column::Id,
                    key_of: |m| (Some(m.name.clone()), m.id),
                },
            }
        }
    };
}
pub(crate) use resource_keyset;

/// Checks that `area_id` is an area of one of `kinds` in the caller's scope; reports at `pointer`.
pub(crate) async fn home_area<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    area_id: Id,
    kinds: &[AreaKind],
    pointer: &str,
    errors: &mut FieldErrors,
) -> Result<Option<area::Model>, ApiError> {
    match area::Entity::find_by_id(area_id).one(db).await? {
        Some(a) if Scope::of(caller).contains(&a.path) => {
            if !kinds.iter().any(|k| k.as_str() == a.kind) {
                let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
                errors.add(pointer, FieldRule::WrongKind, format!("choose a {}", names.join(" or ")));
            }
            Ok(Some(a))
        }
        _ => {
            errors.add(pointer, FieldRule::NotFound, "no such area in your scope");
            Ok(None)
        }
    }
}

/// Narrows a list to the subtree of `area_id` (which must be visible) on top of the caller's scope.
pub(crate) async fn area_filter<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    area_id: Option<Id>,
    column: impl ColumnTrait,
) -> Result<sea_orm::Condition, ApiError> {
    let scope = Scope::of(caller);
    let mut condition = scope.path_condition(column);
    if let Some(id) = area_id {
        let top = crate::policy::load_within::<crate::entities::area::Entity, _>(db, &scope, id).await?;
        condition = condition.add(Scope::subtree(&top.path).path_condition(column));
    }
    Ok(condition)
}

/// Names of areas by id.
pub(crate) async fn area_names<C: ConnectionTrait>(db: &C, ids: impl IntoIterator<Item = Id>) -> Result<HashMap<Id, String>, ApiError> {
    let mut ids: Vec<Id> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(area::Entity::find().filter(area::Column::Id.is_in(ids)).all(db).await?.into_iter().map(|a| (a.id, a.name)).collect())
}

/// Checks that `user_id` is an active account of one of `roles` whose home area contains `path`.
pub(crate) async fn check_account<C: ConnectionTrait>(
    db: &C,
    user_id: Id,
    roles: &[shared::Role],
    path: &str,
    pointer: &str,
    errors: &mut FieldErrors,
) -> Result<(), ApiError> {
    use crate::entities::user;
    use crate::policy::users::{Fit, fit};
    let account = user::Entity::find_by_id(user_id).find_also_related(area::Entity).one(db).await?;
    match account.and_then(|(u, home)| home.map(|h| fit(&u, &h.path, roles, path))).transpose()? {
        Some(Fit::Fits) => {}
        Some(Fit::OutOfArea) => errors.add(pointer, FieldRule::OutOfArea, "this account's home area does not contain the resource's area"),
        _ => {
            let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
            errors.add(pointer, FieldRule::NotFound, format!("no active {} account with this id", names.join(" or ")));
        }
    }
    Ok(())
}

/// Trims an optional text; blank becomes `None`.
pub(crate) fn clean(text: Option<&str>) -> Option<String> {
    text.map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned)
}

/// Reports a blank required name.
pub(crate) fn check_name(name: &str, errors: &mut FieldErrors) {
    if name.trim().is_empty() {
        errors.add("/name", FieldRule::Required, "the name cannot be blank");
    }
}
