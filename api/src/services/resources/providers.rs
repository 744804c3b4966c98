//! Providers: organisations and teams that offer services.

use shared::{AuditAction, AuditEntity, CountedPage};
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect, Set};
use shared::{AreaKind, FieldRule, Id, NewProvider, Provider, ProviderKind, ProviderPatch};

use super::{ResourceSort, area_filter, area_names, check_account, check_name, clean, home_area, resource_keyset};
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::entities::stored::stored;
use crate::entities::{provider, service};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};
use crate::services::page::PageRequest;
use crate::services::search::Keyword;

resource_keyset!(provider);

/// Where providers live: a district, street or community.
pub const HOME_KINDS: [AreaKind; 3] = [AreaKind::District, AreaKind::Street, AreaKind::Community];

#[derive(Debug, Default, Clone)]
pub struct ProviderFilter {
    pub area_id: Option<Id>,
    pub kind: Option<ProviderKind>,
    pub verified: Option<bool>,
    pub active: Option<bool>,
    pub q: Option<String>,
}

#[derive(FromQueryResult)]
struct Count {
    provider_id: Option<i64>,
    n: i64,
}

/// Wire form of providers, with area names and service counts; contacts only for staff of the area.
pub(crate) async fn to_dtos<C: ConnectionTrait>(db: &C, caller: &Caller, rows: Vec<provider::Model>) -> Result<Vec<Provider>, ApiError> {
    let names = area_names(db, rows.iter().map(|p| p.area_id)).await?;
    let counts: HashMap<Id, i64> = service::Entity::find()
        .select_only()
        .column(service::Column::ProviderId)
        .column_as(service::Column::Id.count(), "n")
        .filter(service::Column::ProviderId.is_in(rows.iter().map(|p| p.id).collect::<Vec<_>>()))
        .group_by(service::Column::ProviderId)
        .into_model::<Count>()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|c| c.provider_id.map(|id| (id, c.n)))
        .collect();
    rows.into_iter()
        .map(|p| {
            let contacts = policy::may_in(caller, Action::SeeResourceContacts, &p.area_path);
            Ok::<_, ApiError>(Provider {
                id: p.id,
                kind: stored(&p.kind, "providers", p.id)?,
                area_name: names.get(&p.area_id).cloned().unwrap_or_default(),
                area_id: p.area_id,
                contact_name: p.contact_name.filter(|_| contacts),
                contact_phone: p.contact_phone.filter(|_| contacts),
                user_id: p.user_id,
                verified: p.verified,
                description: p.description,
                active: p.active,
                service_count: counts.get(&p.id).copied().unwrap_or(0),
                created_at: p.created_at,
                updated_at: p.updated_at,
                name: p.name,
            })
        })
        .collect()
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    filter: ProviderFilter,
    sort: ResourceSort,
    page: PageRequest,
) -> Result<CountedPage<Provider>, ApiError> {
    policy::require(caller, Action::ReadResources)?;
    let mut select = provider::Entity::find().filter(area_filter(db, caller, filter.area_id, provider::Column::AreaPath).await?);
    if let Some(kind) = filter.kind {
        select = select.filter(provider::Column::Kind.eq(kind.as_str()));
    }
    if let Some(verified) = filter.verified {
        select = select.filter(provider::Column::Verified.eq(verified));
    }
    if let Some(active) = filter.active {
        select = select.filter(provider::Column::Active.eq(active));
    }
    if let Some(q) = Keyword::parse(filter.q.as_deref()) {
        select = select.filter(q.condition(provider::Column::Id, &[provider::Column::Name]));
    }
    let (rows, next_cursor, total) = page.fetch_counted(db, select, &keyset(sort)).await?;
    Ok(CountedPage { items: to_dtos(db, caller, rows).await?, next_cursor, total })
}

pub async fn get<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<Provider, ApiError> {
    let found = policy::load::<provider::Entity, _>(db, caller, id).await?;
    Ok(to_dtos(db, caller, vec![found]).await?.remove(0))
}

async fn name_taken<C: ConnectionTrait>(db: &C, area_id: Id, name: &str, except: Option<Id>) -> Result<bool, ApiError> {
    let mut select = provider::Entity::find().filter(provider::Column::AreaId.eq(area_id)).filter(provider::Column::Name.eq(name));
    if let Some(id) = except {
        select = select.filter(provider::Column::Id.ne(id));
    }
    Ok(select.one(db).await?.is_some())
}

pub async fn create<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    new: &NewProvider,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Provider, ApiError> {
    policy::require(caller, Action::ManageResources)?;
    let mut errors = FieldErrors::default();
    let home = home_area(db, caller, new.area_id, &HOME_KINDS, "/area_id", &mut errors).await?;
    check_name(&new.name, &mut errors);
    if let Some(home) = &home {
        if name_taken(db, home.id, new.name.trim(), None).await? {
            errors.add("/name", FieldRule::Taken, "a provider of this name is already registered in this area");
        }
        if let Some(user_id) = new.user_id {
            check_account(db, user_id, crate::policy::users::PROVIDER_ACCOUNT_ROLES, &home.path, "/user_id", &mut errors).await?;
        }
    }
    errors.finish()?;
    let home = home.ok_or(ApiError::NotFound("area"))?;
    let saved = provider::ActiveModel {
        kind: Set(new.kind.as_str().into()),
        name: Set(new.name.trim().into()),
        area_id: Set(home.id),
        area_path: Set(home.path.clone()),
        contact_name: Set(clean(new.contact_name.as_deref())),
        contact_phone: Set(clean(new.contact_phone.as_deref())),
        user_id: Set(new.user_id),
        verified: Set(new.verified),
        description: Set(new.description.trim().into()),
        active: Set(true),
        created_by: Set(caller.id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let dto = to_dtos(db, caller, vec![saved]).await?.remove(0);
    let change = Change {
        action: AuditAction::Create,
        entity: AuditEntity::Provider,
        entity_id: dto.id,
        area: Some((home.id, &home.path)),
        before: None,
        after: Some(&dto),
    };
    audit::record(db, Some(caller), request_id, change).await?;
    Ok(dto)
}

pub async fn update<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    patch: &ProviderPatch,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Provider, ApiError> {
    policy::require(caller, Action::ManageResources)?;
    let current = policy::load::<provider::Entity, _>(db, caller, id).await?;
    let mut errors = FieldErrors::default();
    if let Some(name) = &patch.name {
        check_name(name, &mut errors);
        if name_taken(db, current.area_id, name.trim(), Some(id)).await? {
            errors.add("/name", FieldRule::Taken, "a provider of this name is already registered in this area");
        }
    }
    if let Some(user_id) = patch.user_id {
        check_account(db, user_id, crate::policy::users::PROVIDER_ACCOUNT_ROLES, &current.area_path, "/user_id", &mut errors).await?;
    }
    errors.finish()?;
    let before = to_dtos(db, caller, vec![current.clone()]).await?.remove(0);
    let mut m: provider::ActiveModel = current.clone().into();
    if let Some(kind) = patch.kind {
        m.kind = Set(kind.as_str().into());
    }
    if let Some(name) = &patch.name {
        m.name = Set(name.trim().into());
    }
    if patch.contact_name.is_some() {
        m.contact_name = Set(clean(patch.contact_name.as_deref()));
    }
    if patch.contact_phone.is_some() {
        m.contact_phone = Set(clean(patch.contact_phone.as_deref()));
    }
    if patch.user_id.is_some() {
        m.user_id = Set(patch.user_id);
    }
    if let Some(verified) = patch.verified {
        m.verified = Set(verified);
    }
    if let Some(description) = &patch.description {
        m.description = Set(description.trim().into());
    }
    if let Some(active) = patch.active {
        m.active = Set(active);
    }
    m.updated_at = Set(now);
    let saved = m.update(db).await?;
    let after = to_dtos(db, caller, vec![saved]).await?.remove(0);
    let area = Some((current.area_id, current.area_path.as_str()));
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::Update,
            entity: AuditEntity::Provider,
            entity_id: id,
            area,
            before: Some(&before),
            after: Some(&after),
        },
    )
    .await?;
    Ok(after)
}
