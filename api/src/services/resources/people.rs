//! People who serve: volunteers, party members who report to a community (党员报到), social workers.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{AreaKind, CountedPage, FieldRule, Id, NewServicePerson, PersonKind, ServicePerson, ServicePersonPatch};
use shared::{AuditAction, AuditEntity};

use super::{ResourceSort, area_filter, area_names, check_account, check_name, clean, home_area, resource_keyset};
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::scope::Scope;
use crate::entities::stored::stored;
use crate::entities::{provider, service_person};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};
use crate::services::page::PageRequest;
use crate::services::search::Keyword;

resource_keyset!(service_person);

#[derive(Debug, Default, Clone)]
pub struct PersonFilter {
    pub area_id: Option<Id>,
    pub kind: Option<PersonKind>,
    pub provider_id: Option<Id>,
    pub q: Option<String>,
}

pub(crate) async fn to_dtos<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    rows: Vec<service_person::Model>,
) -> Result<Vec<ServicePerson>, ApiError> {
    let names = area_names(db, rows.iter().map(|p| p.area_id)).await?;
    let providers: Vec<provider::Model> = provider::Entity::find()
        .filter(provider::Column::Id.is_in(rows.iter().filter_map(|p| p.provider_id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    rows.into_iter()
        .map(|p| {
            Ok::<_, ApiError>(ServicePerson {
                id: p.id,
                kind: stored(&p.kind, "service_people", p.id)?,
                phone: p.phone.filter(|_| policy::may_in(caller, Action::SeeResourceContacts, &p.area_path)),
                area_name: names.get(&p.area_id).cloned().unwrap_or_default(),
                area_id: p.area_id,
                provider_name: p.provider_id.and_then(|id| providers.iter().find(|x| x.id == id)).map(|x| x.name.clone()),
                provider_id: p.provider_id,
                user_id: p.user_id,
                certified: p.certified,
                reported_on: p.reported_on,
                active: p.active,
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
    filter: PersonFilter,
    sort: ResourceSort,
    page: PageRequest,
) -> Result<CountedPage<ServicePerson>, ApiError> {
    policy::require(caller, Action::ReadResources)?;
    let mut select =
        service_person::Entity::find().filter(area_filter(db, caller, filter.area_id, service_person::Column::AreaPath).await?);
    if let Some(kind) = filter.kind {
        select = select.filter(service_person::Column::Kind.eq(kind.as_str()));
    }
    if let Some(provider_id) = filter.provider_id {
        select = select.filter(service_person::Column::ProviderId.eq(provider_id));
    }
    if let Some(q) = Keyword::parse(filter.q.as_deref()) {
        select = select.filter(q.condition(service_person::Column::Id, &[service_person::Column::Name]));
    }
    let (rows, next_cursor, total) = page.fetch_counted(db, select, &keyset(sort)).await?;
    Ok(CountedPage { items: to_dtos(db, caller, rows).await?, next_cursor, total })
}

pub async fn get<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<ServicePerson, ApiError> {
    let found = policy::load::<service_person::Entity, _>(db, caller, id).await?;
    Ok(to_dtos(db, caller, vec![found]).await?.remove(0))
}

/// The provider must be one the caller sees.
async fn check_provider<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id, errors: &mut FieldErrors) -> Result<(), ApiError> {
    let found = provider::Entity::find_by_id(id).one(db).await?;
    if !found.is_some_and(|p| Scope::of(caller).contains(&p.area_path)) {
        errors.add("/provider_id", FieldRule::NotFound, "no such provider in your scope");
    }
    Ok(())
}

pub async fn create<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    new: &NewServicePerson,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ServicePerson, ApiError> {
    policy::require(caller, Action::ManageResources)?;
    let mut errors = FieldErrors::default();
    let home = home_area(db, caller, new.area_id, &[AreaKind::Street, AreaKind::Community], "/area_id", &mut errors).await?;
    check_name(&new.name, &mut errors);
    if let Some(id) = new.provider_id {
        check_provider(db, caller, id, &mut errors).await?;
    }
    if let (Some(user_id), Some(home)) = (new.user_id, &home) {
        check_account(db, user_id, crate::policy::users::PERSON_ACCOUNT_ROLES, &home.path, "/user_id", &mut errors).await?;
    }
    if new.certified && !new.kind.holds_certificate() {
        errors.add("/certified", FieldRule::NotApplicable, "only social workers hold the social-work certificate");
    }
    if new.reported_on.is_some() && !new.kind.reports_to_community() {
        errors.add("/reported_on", FieldRule::NotApplicable, "only party members report to a community");
    }
    errors.finish()?;
    let home = home.ok_or(ApiError::NotFound("area"))?;
    let saved = service_person::ActiveModel {
        kind: Set(new.kind.as_str().into()),
        name: Set(new.name.trim().into()),
        phone: Set(clean(new.phone.as_deref())),
        area_id: Set(home.id),
        area_path: Set(home.path.clone()),
        provider_id: Set(new.provider_id),
        user_id: Set(new.user_id),
        certified: Set(new.certified),
        reported_on: Set(new.reported_on),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let dto = to_dtos(db, caller, vec![saved]).await?.remove(0);
    let change = Change {
        action: AuditAction::Create,
        entity: AuditEntity::Person,
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
    patch: &ServicePersonPatch,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ServicePerson, ApiError> {
    policy::require(caller, Action::ManageResources)?;
    let current = policy::load::<service_person::Entity, _>(db, caller, id).await?;
    let kind: PersonKind = stored(&current.kind, "service_people", current.id)?;
    let mut errors = FieldErrors::default();
    if let Some(name) = &patch.name {
        check_name(name, &mut errors);
    }
    if let Some(id) = patch.provider_id {
        check_provider(db, caller, id, &mut errors).await?;
    }
    if let Some(user_id) = patch.user_id {
        check_account(db, user_id, crate::policy::users::PERSON_ACCOUNT_ROLES, &current.area_path, "/user_id", &mut errors).await?;
    }
    if patch.certified == Some(true) && !kind.holds_certificate() {
        errors.add("/certified", FieldRule::NotApplicable, "only social workers hold the social-work certificate");
    }
    if patch.reported_on.is_some() && !kind.reports_to_community() {
        errors.add("/reported_on", FieldRule::NotApplicable, "only party members report to a community");
    }
    errors.finish()?;
    let before = to_dtos(db, caller, vec![current.clone()]).await?.remove(0);
    let mut m: service_person::ActiveModel = current.clone().into();
    if let Some(name) = &patch.name {
        m.name = Set(name.trim().into());
    }
    if patch.phone.is_some() {
        m.phone = Set(clean(patch.phone.as_deref()));
    }
    if patch.provider_id.is_some() {
        m.provider_id = Set(patch.provider_id);
    }
    if patch.user_id.is_some() {
        m.user_id = Set(patch.user_id);
    }
    if let Some(certified) = patch.certified {
        m.certified = Set(certified);
    }
    if patch.reported_on.is_some() {
        m.reported_on = Set(patch.reported_on);
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
            entity: AuditEntity::Person,
            entity_id: id,
            area,
            before: Some(&before),
            after: Some(&after),
        },
    )
    .await?;
    Ok(after)
}
