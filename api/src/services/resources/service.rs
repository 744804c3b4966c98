//! Services: what a provider or a person offers — category, eligibility, cost, weekly capacity,
//! schedule, mode and the area served. Each carries its load this week and its track record.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{AuditAction, AuditEntity, CountedPage};
use shared::{CostKind, FieldRule, GeoPoint, Id, NewService, Service, ServiceMode, ServicePatch, TargetGroup};

use super::{ResourceSort, area_names, check_name, resource_keyset};
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::matching::schedule;
use crate::domain::need_categories;
use crate::domain::scope::Scope;
use crate::entities::stored::stored;
use crate::entities::{area, provider, service, service_person};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};
use crate::services::matching::facts::{Stats, closed_days_of, groups_of, schedule_of, served_paths_of, stats};
use crate::services::page::PageRequest;
use crate::services::search::Keyword;

resource_keyset!(service);

#[derive(Debug, Default, Clone)]
pub struct ServiceFilter {
    pub area_id: Option<Id>,
    pub category: Option<String>,
    pub mode: Option<ServiceMode>,
    pub cost: Option<CostKind>,
    pub provider_id: Option<Id>,
    pub person_id: Option<Id>,
    pub active: Option<bool>,
    pub q: Option<String>,
}

/// `,elderly,disabled,`: sorted, so the same set is stored the same way.
fn groups_column(groups: &[TargetGroup]) -> String {
    let mut codes: Vec<&str> = groups.iter().map(|g| g.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    if codes.is_empty() { String::new() } else { format!(",{},", codes.join(",")) }
}

pub(crate) async fn to_dtos<C: ConnectionTrait>(db: &C, rows: Vec<service::Model>, now: DateTime<Utc>) -> Result<Vec<Service>, ApiError> {
    let ids: Vec<Id> = rows.iter().map(|s| s.id).collect();
    let stats = stats(db, &ids, now).await?;
    let providers: Vec<provider::Model> = provider::Entity::find()
        .filter(provider::Column::Id.is_in(rows.iter().filter_map(|s| s.provider_id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    let people: Vec<service_person::Model> = service_person::Entity::find()
        .filter(service_person::Column::Id.is_in(rows.iter().filter_map(|s| s.person_id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    let served: Vec<String> = rows.iter().flat_map(served_paths_of).collect();
    let served_ids: std::collections::HashMap<String, Id> =
        area::Entity::find().filter(area::Column::Path.is_in(served)).all(db).await?.into_iter().map(|a| (a.path, a.id)).collect();
    let names = area_names(db, rows.iter().map(|s| s.area_id)).await?;
    rows.into_iter()
        .map(|s| {
            let st = stats.get(&s.id).copied().unwrap_or_default();
            Ok::<_, ApiError>(Service {
                id: s.id,
                provider_name: s.provider_id.and_then(|id| providers.iter().find(|p| p.id == id)).map(|p| p.name.clone()),
                provider_id: s.provider_id,
                person_name: s.person_id.and_then(|id| people.iter().find(|p| p.id == id)).map(|p| p.name.clone()),
                person_id: s.person_id,
                category: s.category.clone(),
                description: s.description.clone(),
                target_groups: groups_of(&s)?,
                min_age: s.min_age,
                max_age: s.max_age,
                cost: stored(&s.cost_kind, "services", s.id)?,
                price_fen: s.price_fen,
                capacity_per_week: s.capacity_per_week,
                schedule: schedule_of(&s),
                closed_days: closed_days_of(&s),
                mode: stored(&s.mode, "services", s.id)?,
                area_id: s.area_id,
                area_name: names.get(&s.area_id).cloned().unwrap_or_default(),
                served_area_ids: served_paths_of(&s).iter().filter_map(|p| served_ids.get(p).copied()).collect(),
                point: s.lat.zip(s.lng).map(|(lat, lng)| GeoPoint { lat, lng }),
                radius_m: s.radius_m,
                active: s.active,
                load_this_week: st.load,
                on_time_rate: Stats::on_time_rate(&st),
                average_rating: st.average_rating(),
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
    filter: ServiceFilter,
    sort: ResourceSort,
    page: PageRequest,
    now: DateTime<Utc>,
) -> Result<CountedPage<Service>, ApiError> {
    policy::require(caller, Action::ReadResources)?;
    let mut select = service::Entity::find().filter(super::area_filter(db, caller, filter.area_id, service::Column::AreaPath).await?);
    if let Some(category) = &filter.category {
        select = select.filter(service::Column::Category.eq(category.as_str()));
    }
    if let Some(mode) = filter.mode {
        select = select.filter(service::Column::Mode.eq(mode.as_str()));
    }
    if let Some(cost) = filter.cost {
        select = select.filter(service::Column::CostKind.eq(cost.as_str()));
    }
    if let Some(id) = filter.provider_id {
        select = select.filter(service::Column::ProviderId.eq(id));
    }
    if let Some(id) = filter.person_id {
        select = select.filter(service::Column::PersonId.eq(id));
    }
    if let Some(active) = filter.active {
        select = select.filter(service::Column::Active.eq(active));
    }
    if let Some(q) = Keyword::parse(filter.q.as_deref()) {
        select = select.filter(q.condition(service::Column::Id, &[service::Column::Name]));
    }
    let (rows, next_cursor, total) = page.fetch_counted(db, select, &keyset(sort)).await?;
    Ok(CountedPage { items: to_dtos(db, rows, now).await?, next_cursor, total })
}

pub async fn get<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id, now: DateTime<Utc>) -> Result<Service, ApiError> {
    let found = policy::load::<service::Entity, _>(db, caller, id).await?;
    Ok(to_dtos(db, vec![found], now).await?.remove(0))
}

/// The fields every service must satisfy, whether new or changed, checked on the merged result.
struct Terms<'a> {
    category: &'a str,
    min_age: Option<i32>,
    max_age: Option<i32>,
    cost: CostKind,
    price_fen: Option<i64>,
    schedule: &'a [shared::TimeSlot],
    closed_days: &'a [shared::ClosedDay],
    point: Option<GeoPoint>,
    radius_m: Option<i32>,
}

fn check_terms(t: &Terms<'_>, errors: &mut FieldErrors) {
    if need_categories::find(t.category).is_none() {
        errors.add("/category", FieldRule::NotFound, "not a need category code");
    }
    if let (Some(min), Some(max)) = (t.min_age, t.max_age)
        && min > max
    {
        errors.add("/max_age", FieldRule::OutOfRange, "the maximum age cannot be below the minimum");
    }
    match (t.cost, t.price_fen) {
        (CostKind::Free, Some(p)) if p > 0 => errors.add("/price_fen", FieldRule::NotApplicable, "a free service has no price"),
        (CostKind::LowCost | CostKind::Market, None) => errors.add("/price_fen", FieldRule::Required, "give the price per use"),
        _ => {}
    }
    schedule::check(t.schedule, "/schedule", errors);
    let mut dates: Vec<_> = t.closed_days.iter().map(|d| d.date).collect();
    dates.sort_unstable();
    if dates.windows(2).any(|w| w[0] == w[1]) {
        errors.add("/closed_days", FieldRule::Duplicate, "each closed day once");
    }
    if t.radius_m.is_some() && t.point.is_none() {
        errors.add("/point", FieldRule::Required, "a radius needs the point it is measured from");
    }
}

/// Resolves served area ids to paths; each must be visible to the caller.
async fn served_paths<C: ConnectionTrait>(db: &C, caller: &Caller, ids: &[Id], errors: &mut FieldErrors) -> Result<Vec<String>, ApiError> {
    let found = area::Entity::find().filter(area::Column::Id.is_in(ids.to_vec())).all(db).await?;
    let scope = Scope::of(caller);
    let mut paths = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        match found.iter().find(|a| a.id == *id) {
            Some(a) if scope.contains(&a.path) => {
                if !paths.contains(&a.path) {
                    paths.push(a.path.clone());
                }
            }
            _ => errors.add(&format!("/served_area_ids/{i}"), FieldRule::NotFound, "no such area in your scope"),
        }
    }
    Ok(paths)
}

/// The home of a new service: its provider's area, or its person's.
async fn offered_by<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    new: &NewService,
    errors: &mut FieldErrors,
) -> Result<Option<(Id, String)>, ApiError> {
    let scope = Scope::of(caller);
    match (new.provider_id, new.person_id) {
        (Some(_), Some(_)) | (None, None) => {
            errors.add("/provider_id", FieldRule::OneOf, "a service is offered by exactly one of a provider or a person");
            Ok(None)
        }
        (Some(id), None) => match provider::Entity::find_by_id(id).one(db).await? {
            Some(p) if scope.contains(&p.area_path) => Ok(Some((p.area_id, p.area_path))),
            _ => {
                errors.add("/provider_id", FieldRule::NotFound, "no such provider in your scope");
                Ok(None)
            }
        },
        (None, Some(id)) => match service_person::Entity::find_by_id(id).one(db).await? {
            Some(p) if scope.contains(&p.area_path) => Ok(Some((p.area_id, p.area_path))),
            _ => {
                errors.add("/person_id", FieldRule::NotFound, "no such person in your scope");
                Ok(None)
            }
        },
    }
}

pub async fn create<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    new: &NewService,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Service, ApiError> {
    policy::require(caller, Action::ManageResources)?;
    let mut errors = FieldErrors::default();
    let home = offered_by(db, caller, new, &mut errors).await?;
    check_name(&new.name, &mut errors);
    check_terms(
        &Terms {
            category: &new.category,
            min_age: new.min_age,
            max_age: new.max_age,
            cost: new.cost,
            price_fen: new.price_fen,
            schedule: &new.schedule,
            closed_days: &new.closed_days,
            point: new.point,
            radius_m: new.radius_m,
        },
        &mut errors,
    );
    let served = served_paths(db, caller, &new.served_area_ids, &mut errors).await?;
    errors.finish()?;
    let (area_id, area_path) = home.ok_or(ApiError::NotFound("provider"))?;
    let saved = service::ActiveModel {
        provider_id: Set(new.provider_id),
        person_id: Set(new.person_id),
        name: Set(new.name.trim().into()),
        category: Set(new.category.clone()),
        description: Set(new.description.trim().into()),
        target_groups: Set(groups_column(&new.target_groups)),
        min_age: Set(new.min_age),
        max_age: Set(new.max_age),
        cost_kind: Set(new.cost.as_str().into()),
        price_fen: Set(new.price_fen.filter(|_| new.cost != CostKind::Free)),
        capacity_per_week: Set(new.capacity_per_week),
        schedule: Set(json(&new.schedule)),
        closed_days: Set(json(&new.closed_days)),
        mode: Set(new.mode.as_str().into()),
        area_id: Set(area_id),
        area_path: Set(area_path.clone()),
        served_paths: Set(json(&served)),
        lat: Set(new.point.map(|p| p.lat)),
        lng: Set(new.point.map(|p| p.lng)),
        radius_m: Set(new.radius_m),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let dto = to_dtos(db, vec![saved], now).await?.remove(0);
    let change = Change {
        action: AuditAction::Create,
        entity: AuditEntity::Service,
        entity_id: dto.id,
        area: Some((area_id, &area_path)),
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
    patch: &ServicePatch,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Service, ApiError> {
    policy::require(caller, Action::ManageResources)?;
    let current = policy::load::<service::Entity, _>(db, caller, id).await?;
    let before = to_dtos(db, vec![current.clone()], now).await?.remove(0);
    let mut errors = FieldErrors::default();
    if let Some(name) = &patch.name {
        check_name(name, &mut errors);
    }
    let schedule = patch.schedule.clone().unwrap_or_else(|| before.schedule.clone());
    let closed_days = patch.closed_days.clone().unwrap_or_else(|| before.closed_days.clone());
    let cost = patch.cost.unwrap_or(before.cost);
    // Turning a service free drops its price unless a price is given (which is then refused).
    let price_fen = match (patch.price_fen, cost) {
        (Some(price), _) => Some(price),
        (None, CostKind::Free) => None,
        (None, _) => before.price_fen,
    };
    let point = patch.point.or(before.point);
    let radius_m = patch.radius_m.or(before.radius_m);
    check_terms(
        &Terms {
            category: &current.category,
            min_age: patch.min_age.or(before.min_age),
            max_age: patch.max_age.or(before.max_age),
            cost,
            price_fen,
            schedule: &schedule,
            closed_days: &closed_days,
            point,
            radius_m,
        },
        &mut errors,
    );
    let served = match &patch.served_area_ids {
        Some(ids) => Some(served_paths(db, caller, ids, &mut errors).await?),
        None => None,
    };
    errors.finish()?;
    let mut m: service::ActiveModel = current.clone().into();
    if let Some(name) = &patch.name {
        m.name = Set(name.trim().into());
    }
    if let Some(description) = &patch.description {
        m.description = Set(description.trim().into());
    }
    if let Some(groups) = &patch.target_groups {
        m.target_groups = Set(groups_column(groups));
    }
    if patch.min_age.is_some() {
        m.min_age = Set(patch.min_age);
    }
    if patch.max_age.is_some() {
        m.max_age = Set(patch.max_age);
    }
    m.cost_kind = Set(cost.as_str().into());
    m.price_fen = Set(price_fen.filter(|_| cost != CostKind::Free));
    if let Some(capacity) = patch.capacity_per_week {
        m.capacity_per_week = Set(capacity);
    }
    m.schedule = Set(json(&schedule));
    m.closed_days = Set(json(&closed_days));
    if let Some(mode) = patch.mode {
        m.mode = Set(mode.as_str().into());
    }
    if let Some(served) = served {
        m.served_paths = Set(json(&served));
    }
    m.lat = Set(point.map(|p| p.lat));
    m.lng = Set(point.map(|p| p.lng));
    m.radius_m = Set(radius_m);
    if let Some(active) = patch.active {
        m.active = Set(active);
    }
    m.updated_at = Set(now);
    let saved = m.update(db).await?;
    let after = to_dtos(db, vec![saved], now).await?.remove(0);
    let area = Some((current.area_id, current.area_path.as_str()));
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::Update,
            entity: AuditEntity::Service,
            entity_id: id,
            area,
            before: Some(&before),
            after: Some(&after),
        },
    )
    .await?;
    Ok(after)
}

/// A stored JSON column (schedule, closed days, served paths).
fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".into())
}
