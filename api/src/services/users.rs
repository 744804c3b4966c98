//! User administration within the caller's scope. Managers give only roles below their own
//! ([`crate::policy::users::assignable_roles`]) and only home areas that fit the role.

use shared::{AuditAction, AuditEntity};
use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Select, Set};
use shared::{CountedPage, FieldRule, Id, NewUser, Role, User, UserPatch, UserSort};

use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::password::Hasher;
use crate::domain::scope::Scope;
use crate::entities::stored::{StoredValueInvalid, stored};
use crate::entities::{area, provider, user};
use crate::error::ApiError;
use crate::policy::users::{assignable_roles, home_area_kinds};
use crate::services::audit::{self, Change};
use crate::services::auth::revoke_all;
use crate::services::page::{Keyset, PageRequest};
use crate::services::search::Keyword;

/// The keyset of an order of the user list.
fn keyset(sort: UserSort) -> Keyset<user::Entity> {
    match sort {
        UserSort::Id => Keyset { name: "id", column: None, desc: false, id: user::Column::Id, key_of: |m| (None, m.id) },
        UserSort::Newest => Keyset { name: "-id", column: None, desc: true, id: user::Column::Id, key_of: |m| (None, m.id) },
        UserSort::Username => Keyset {
            name: "username",
            column: Some(user::Column::Username),
            desc: false,
            id: user::Column::Id,
            key_of: |m| (Some(m.username.clone()), m.id),
        },
    }
}

#[derive(Debug, Default)]
pub struct UserFilter {
    pub role: Option<Role>,
    /// Users whose home area lies in this area's subtree.
    pub area_id: Option<Id>,
    /// Username or display name contains.
    pub q: Option<String>,
    pub active: Option<bool>,
}

fn to_dto(m: user::Model, area_name: String) -> Result<User, StoredValueInvalid> {
    Ok(User {
        id: m.id,
        username: m.username,
        display_name: m.display_name,
        role: stored(&m.role, "users", m.id)?,
        area_id: m.area_id,
        area_name,
        active: m.active,
        provider_id: m.provider_id,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

/// Attaches home-area names with one query for the whole page.
pub(crate) async fn with_area_names<C: ConnectionTrait>(db: &C, rows: Vec<user::Model>) -> Result<Vec<User>, ApiError> {
    let ids: Vec<Id> = rows.iter().map(|u| u.area_id).collect();
    let names: HashMap<Id, String> =
        area::Entity::find().filter(area::Column::Id.is_in(ids)).all(db).await?.into_iter().map(|a| (a.id, a.name)).collect();
    Ok(rows
        .into_iter()
        .map(|u| {
            let name = names.get(&u.area_id).cloned().unwrap_or_default();
            to_dto(u, name)
        })
        .collect::<Result<_, _>>()?)
}

/// The users of `scope` that `filter` selects.
pub(crate) async fn filtered<C: ConnectionTrait>(db: &C, scope: &Scope, filter: &UserFilter) -> Result<Select<user::Entity>, ApiError> {
    let mut select = user::Entity::find()
        .filter(<user::Entity as crate::policy::AreaOwned>::within(scope))
        .filter(scope.owner_condition(user::Column::Id));
    if let Some(role) = filter.role {
        select = select.filter(user::Column::Role.eq(role.as_str()));
    }
    if let Some(area_id) = filter.area_id {
        let top = crate::policy::load_within::<area::Entity, _>(db, scope, area_id).await?;
        select = select.filter(Scope::subtree(&top.path).area_id_condition(user::Column::AreaId));
    }
    if let Some(q) = Keyword::parse(filter.q.as_deref()) {
        select = select.filter(q.condition(user::Column::Id, &[user::Column::Username, user::Column::DisplayName]));
    }
    if let Some(active) = filter.active {
        select = select.filter(user::Column::Active.eq(active));
    }
    Ok(select)
}

/// One page of the users `filter` selects, with the total.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    scope: &Scope,
    filter: UserFilter,
    sort: UserSort,
    page: PageRequest,
) -> Result<CountedPage<User>, ApiError> {
    let select = filtered(db, scope, &filter).await?;
    let (rows, next_cursor, total) = page.fetch_counted(db, select, &keyset(sort)).await?;
    Ok(CountedPage { items: with_area_names(db, rows).await?, next_cursor, total })
}

/// A user in the scope, with their home area.
async fn load_with_home<C: ConnectionTrait>(db: &C, scope: &Scope, id: Id) -> Result<(user::Model, area::Model), ApiError> {
    let found = crate::policy::load_within::<user::Entity, _>(db, scope, id).await?;
    let home = area::Entity::find_by_id(found.area_id).one(db).await?.ok_or(ApiError::NotFound("user"))?;
    Ok((found, home))
}

pub async fn get<C: ConnectionTrait>(db: &C, scope: &Scope, id: Id) -> Result<User, ApiError> {
    let (found, home) = load_with_home(db, scope, id).await?;
    Ok(to_dto(found, home.name)?)
}

/// Checks that `role` may be given by `actor` and that `area_id` is a fitting home for it.
async fn check_role_and_area<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Caller>,
    scope: &Scope,
    role: Role,
    area_id: Id,
    errors: &mut FieldErrors,
) -> Result<Option<area::Model>, ApiError> {
    if let Some(actor) = actor
        && !assignable_roles(actor.role).contains(&role)
    {
        errors.add("/role", FieldRule::NotAllowed, format!("you may not give the role {}", role.as_str()));
    }
    match area::Entity::find_by_id(area_id).one(db).await? {
        Some(home) if scope.contains(&home.path) => {
            let fits = home_area_kinds(role).contains(&stored(&home.kind, "areas", home.id)?);
            if !fits {
                let kinds: Vec<&str> = home_area_kinds(role).iter().map(|k| k.as_str()).collect();
                errors.add("/area_id", FieldRule::WrongKind, format!("a {} belongs to a {}", role.as_str(), kinds.join(" or ")));
            }
            Ok(Some(home))
        }
        _ => {
            errors.add("/area_id", FieldRule::NotFound, "no such area in your scope");
            Ok(None)
        }
    }
}

/// A merchant sells for a provider of the scope; no other role names one.
async fn check_provider<C: ConnectionTrait>(
    db: &C,
    scope: &Scope,
    role: Role,
    provider_id: Option<Id>,
    errors: &mut FieldErrors,
) -> Result<(), ApiError> {
    match (role == Role::Merchant, provider_id) {
        (true, None) => errors.add("/provider_id", FieldRule::Required, "a merchant sells for a provider: name it"),
        (false, Some(_)) => errors.add("/provider_id", FieldRule::NotAllowed, "only merchants sell for a provider"),
        (true, Some(id)) => match crate::policy::load_within::<provider::Entity, _>(db, scope, id).await {
            Ok(_) => {}
            Err(crate::policy::Refused::NotFound(_)) => errors.add("/provider_id", FieldRule::NotFound, "no such provider in your area"),
            Err(e) => return Err(e.into()),
        },
        (false, None) => {}
    }
    Ok(())
}

async fn hash(hasher: Hasher, password: &str) -> Result<String, ApiError> {
    let password = password.to_owned();
    Ok(tokio::task::spawn_blocking(move || hasher.hash(&password)).await.map_err(anyhow::Error::from)??)
}

/// Creates a user. `actor` is `None` only for the system (CLI, demo seeding).
pub async fn create<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Caller>,
    scope: &Scope,
    hasher: Hasher,
    new: &NewUser,
    demo: bool,
    request_id: Option<&str>,
) -> Result<User, ApiError> {
    let mut errors = FieldErrors::default();
    let username = new.username.trim().to_lowercase();
    if user::Entity::find().filter(user::Column::Username.eq(username.as_str())).one(db).await?.is_some() {
        errors.add("/username", FieldRule::Taken, "this username is already in use");
    }
    if new.display_name.trim().is_empty() {
        errors.add("/display_name", FieldRule::Required, "the display name cannot be blank");
    }
    if new.password.eq_ignore_ascii_case(&username) {
        errors.add("/password", FieldRule::Weak, "the password cannot be the username");
    }
    let home = check_role_and_area(db, actor, scope, new.role, new.area_id, &mut errors).await?;
    // The system (demo seeding, the CLI) may make a merchant first and name the provider later.
    if actor.is_some() || new.provider_id.is_some() {
        check_provider(db, scope, new.role, new.provider_id, &mut errors).await?;
    }
    errors.finish()?;
    let home = home.ok_or(ApiError::NotFound("area"))?;

    let now = Utc::now();
    let saved = user::ActiveModel {
        username: Set(username),
        display_name: Set(new.display_name.trim().into()),
        role: Set(new.role.as_str().into()),
        area_id: Set(home.id),
        password_hash: Set(hash(hasher, &new.password).await?),
        active: Set(true),
        demo: Set(demo),
        provider_id: Set(new.provider_id.filter(|_| new.role == Role::Merchant)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let dto = to_dto(saved, home.name)?;
    audit::record(
        db,
        actor,
        request_id,
        Change {
            action: AuditAction::Create,
            entity: AuditEntity::User,
            entity_id: dto.id,
            area: Some((home.id, &home.path)),
            before: None,
            after: Some(&dto),
        },
    )
    .await?;
    Ok(dto)
}

/// Changes a user the caller manages. Callers cannot change their own role, home or status.
pub async fn update<C: ConnectionTrait>(
    db: &C,
    actor: &Caller,
    scope: &Scope,
    hasher: Hasher,
    id: Id,
    patch: &UserPatch,
    request_id: Option<&str>,
) -> Result<User, ApiError> {
    let (current, current_home) = load_with_home(db, scope, id).await?;
    let current_role: Role = stored(&current.role, "users", current.id)?;
    let is_self = current.id == actor.id;
    if !is_self && !assignable_roles(actor.role).contains(&current_role) {
        return Err(ApiError::Forbidden("you may not manage users of this role".into()));
    }
    let mut errors = FieldErrors::default();
    if is_self {
        for (field, given) in [
            ("/role", patch.role.is_some()),
            ("/area_id", patch.area_id.is_some()),
            ("/active", patch.active.is_some()),
            ("/provider_id", patch.provider_id.is_some()),
        ] {
            if given {
                errors.add(field, FieldRule::NotAllowed, "you cannot change this on your own account");
            }
        }
    }
    if patch.display_name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        errors.add("/display_name", FieldRule::Required, "the display name cannot be blank");
    }
    let role = patch.role.unwrap_or(current_role);
    let area_id = patch.area_id.unwrap_or(current.area_id);
    let home = if !is_self && (patch.role.is_some() || patch.area_id.is_some()) {
        check_role_and_area(db, Some(actor), scope, role, area_id, &mut errors).await?
    } else {
        Some(current_home.clone())
    };
    // A merchant keeps their provider unless a new one is named; anyone else has none.
    let provider_id = if role == Role::Merchant { patch.provider_id.or(current.provider_id) } else { None };
    if !is_self && (patch.role.is_some() || patch.provider_id.is_some()) {
        check_provider(db, scope, role, if role == Role::Merchant { provider_id } else { patch.provider_id }, &mut errors).await?;
    }
    errors.finish()?;
    let home = home.ok_or(ApiError::NotFound("area"))?;

    let before = to_dto(current.clone(), current_home.name.clone())?;
    let mut model: user::ActiveModel = current.into();
    if let Some(name) = &patch.display_name {
        model.display_name = Set(name.trim().into());
    }
    model.role = Set(role.as_str().into());
    model.area_id = Set(home.id);
    model.provider_id = Set(provider_id);
    if let Some(active) = patch.active {
        model.active = Set(active);
    }
    if let Some(password) = &patch.password {
        model.password_hash = Set(hash(hasher, password).await?);
    }
    model.updated_at = Set(Utc::now());
    let saved = model.update(db).await?;
    if patch.password.is_some() || patch.active == Some(false) {
        revoke_all(db, id).await?;
    }
    let after = to_dto(saved, home.name.clone())?;
    audit::record(
        db,
        Some(actor),
        request_id,
        Change {
            action: AuditAction::Update,
            entity: AuditEntity::User,
            entity_id: id,
            area: Some((home.id, &home.path)),
            before: Some(&before),
            after: Some(&after),
        },
    )
    .await?;
    Ok(after)
}

/// Display names of accounts by id (for "reported by", "set by", owners …).
pub async fn display_names<C: ConnectionTrait>(db: &C, ids: impl IntoIterator<Item = Id>) -> Result<HashMap<Id, String>, ApiError> {
    let mut ids: Vec<Id> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await?.into_iter().map(|u| (u.id, u.display_name)).collect())
}
