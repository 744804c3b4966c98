//! Community service spaces (社区服务空间): the seven kinds of seed 000, with floor area, opening
//! hours (flagged under 8 hours a day, seed 003) and capacity.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{AreaKind, CountedPage, FieldRule, GeoPoint, Id, NewServiceSpace, ServiceSpace, ServiceSpacePatch, SpaceKind, TimeSlot};
use shared::{AuditAction, AuditEntity};

use super::{ResourceSort, area_names, check_name, clean, home_area, resource_keyset};
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::matching::schedule;
use crate::domain::scope::Scope;
use crate::entities::stored::stored;
use crate::entities::{provider, service_space};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};
use crate::services::page::PageRequest;
use crate::services::search::Keyword;

resource_keyset!(service_space);

#[derive(Debug, Default, Clone)]
pub struct SpaceFilter {
    pub area_id: Option<Id>,
    pub kind: Option<SpaceKind>,
    /// Only spaces open under 8 hours on some day (`true`), or only the others (`false`).
    pub short_hours: Option<bool>,
    pub q: Option<String>,
}

fn hours_of(m: &service_space::Model) -> Vec<TimeSlot> {
    serde_json::from_str(&m.opening_hours).unwrap_or_default()
}

/// Whether a space is open under 8 hours on some day (seed 003), as its list and the KPI count it.
pub fn short_hours(m: &service_space::Model) -> bool {
    schedule::short_hours(&schedule::slots(&hours_of(m)))
}

pub(crate) async fn to_dtos<C: ConnectionTrait>(db: &C, rows: Vec<service_space::Model>) -> Result<Vec<ServiceSpace>, ApiError> {
    let names = area_names(db, rows.iter().map(|s| s.area_id)).await?;
    let providers: Vec<provider::Model> = provider::Entity::find()
        .filter(provider::Column::Id.is_in(rows.iter().filter_map(|s| s.provider_id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    rows.into_iter()
        .map(|s| {
            let opening_hours = hours_of(&s);
            let slots = schedule::slots(&opening_hours);
            Ok::<_, ApiError>(ServiceSpace {
                id: s.id,
                kind: stored(&s.kind, "service_spaces", s.id)?,
                area_name: names.get(&s.area_id).cloned().unwrap_or_default(),
                area_id: s.area_id,
                address: s.address,
                point: s.lat.zip(s.lng).map(|(lat, lng)| GeoPoint { lat, lng }),
                floor_area_m2: s.floor_area_m2,
                capacity: s.capacity,
                provider_name: s.provider_id.and_then(|id| providers.iter().find(|p| p.id == id)).map(|p| p.name.clone()),
                provider_id: s.provider_id,
                hours_per_day: schedule::hours_per_day(&slots).to_vec(),
                short_hours: schedule::short_hours(&slots),
                opening_hours,
                active: s.active,
                created_at: s.created_at,
                updated_at: s.updated_at,
                name: s.name,
            })
        })
        .collect()
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    filter: SpaceFilter,
    sort: ResourceSort,
    page: PageRequest,
) -> Result<CountedPage<ServiceSpace>, ApiError> {
    policy::require(caller, Action::ReadResources)?;
    let mut select =
        service_space::Entity::find().filter(super::area_filter(db, caller, filter.area_id, service_space::Column::AreaPath).await?);
    if let Some(kind) = filter.kind {
        select = select.filter(service_space::Column::Kind.eq(kind.as_str()));
    }
    if let Some(q) = Keyword::parse(filter.q.as_deref()) {
        select = select.filter(q.condition(service_space::Column::Id, &[service_space::Column::Name]));
    }
    let Some(short) = filter.short_hours else {
        let (rows, next_cursor, total) = page.fetch_counted(db, select, &keyset(sort)).await?;
        return Ok(CountedPage { items: to_dtos(db, rows).await?, next_cursor, total });
    };
    // The flag is computed from the stored hours, so filtering on it reads every space of the
    // scope: spaces are few (a handful per community), never needs-sized.
    let all = to_dtos(db, select.all(db).await?).await?;
    let mut items: Vec<ServiceSpace> = all.into_iter().filter(|s| s.short_hours == short).collect();
    match sort {
        ResourceSort::Newest => items.sort_by_key(|s| std::cmp::Reverse(s.id)),
        ResourceSort::Name => items.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id))),
    }
    let by_name = matches!(sort, ResourceSort::Name);
    let total = Some(items.len() as u64);
    let (items, next_cursor) = page.slice(items, sort.name(), !by_name, |s| (by_name.then(|| s.name.clone()), s.id));
    Ok(CountedPage { items, next_cursor, total })
}

pub async fn get<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<ServiceSpace, ApiError> {
    let found = policy::load::<service_space::Entity, _>(db, caller, id).await?;
    Ok(to_dtos(db, vec![found]).await?.remove(0))
}

async fn check_operator<C: ConnectionTrait>(db: &C, caller: &Caller, id: Option<Id>, errors: &mut FieldErrors) -> Result<(), ApiError> {
    if let Some(id) = id {
        let found = provider::Entity::find_by_id(id).one(db).await?;
        if !found.is_some_and(|p| Scope::of(caller).contains(&p.area_path)) {
            errors.add("/provider_id", FieldRule::NotFound, "no such provider in your scope");
        }
    }
    Ok(())
}

pub async fn create<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    new: &NewServiceSpace,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ServiceSpace, ApiError> {
    policy::require(caller, Action::ManageResources)?;
    let mut errors = FieldErrors::default();
    let home = home_area(db, caller, new.area_id, &[AreaKind::Street, AreaKind::Community], "/area_id", &mut errors).await?;
    check_name(&new.name, &mut errors);
    schedule::check(&new.opening_hours, "/opening_hours", &mut errors);
    check_operator(db, caller, new.provider_id, &mut errors).await?;
    errors.finish()?;
    let home = home.ok_or(ApiError::NotFound("area"))?;
    let saved = service_space::ActiveModel {
        kind: Set(new.kind.as_str().into()),
        name: Set(new.name.trim().into()),
        area_id: Set(home.id),
        area_path: Set(home.path.clone()),
        address: Set(clean(new.address.as_deref())),
        lat: Set(new.point.map(|p| p.lat)),
        lng: Set(new.point.map(|p| p.lng)),
        floor_area_m2: Set(new.floor_area_m2),
        opening_hours: Set(serde_json::to_string(&new.opening_hours).unwrap_or_else(|_| "[]".into())),
        capacity: Set(new.capacity),
        provider_id: Set(new.provider_id),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let dto = to_dtos(db, vec![saved]).await?.remove(0);
    let change = Change {
        action: AuditAction::Create,
        entity: AuditEntity::Space,
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
    patch: &ServiceSpacePatch,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ServiceSpace, ApiError> {
    policy::require(caller, Action::ManageResources)?;
    let current = policy::load::<service_space::Entity, _>(db, caller, id).await?;
    let mut errors = FieldErrors::default();
    if let Some(name) = &patch.name {
        check_name(name, &mut errors);
    }
    if let Some(hours) = &patch.opening_hours {
        schedule::check(hours, "/opening_hours", &mut errors);
    }
    check_operator(db, caller, patch.provider_id, &mut errors).await?;
    errors.finish()?;
    let before = to_dtos(db, vec![current.clone()]).await?.remove(0);
    let mut m: service_space::ActiveModel = current.clone().into();
    if let Some(name) = &patch.name {
        m.name = Set(name.trim().into());
    }
    if patch.address.is_some() {
        m.address = Set(clean(patch.address.as_deref()));
    }
    if let Some(point) = patch.point {
        m.lat = Set(Some(point.lat));
        m.lng = Set(Some(point.lng));
    }
    if let Some(area) = patch.floor_area_m2 {
        m.floor_area_m2 = Set(area);
    }
    if let Some(hours) = &patch.opening_hours {
        m.opening_hours = Set(serde_json::to_string(hours).unwrap_or_else(|_| "[]".into()));
    }
    if let Some(capacity) = patch.capacity {
        m.capacity = Set(capacity);
    }
    if patch.provider_id.is_some() {
        m.provider_id = Set(patch.provider_id);
    }
    if let Some(active) = patch.active {
        m.active = Set(active);
    }
    m.updated_at = Set(now);
    let saved = m.update(db).await?;
    let after = to_dtos(db, vec![saved]).await?.remove(0);
    let area = Some((current.area_id, current.area_path.as_str()));
    audit::record(
        db,
        Some(caller),
        request_id,
        Change { action: AuditAction::Update, entity: AuditEntity::Space, entity_id: id, area, before: Some(&before), after: Some(&after) },
    )
    .await?;
    Ok(after)
}
