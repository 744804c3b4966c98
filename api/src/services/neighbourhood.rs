//! The neighbourhood (身边服务): the services and service spaces that serve a community, public
//! fields only, nearest first with walking minutes from the resident's position or the community's
//! centre. Residents see their own community's; visitors any community's, from the public pages.
//! A community holds tens of places, so they are ranked in memory and paged by offset.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{AreaKind, FieldRule, GeoPoint, Id, NearbyPlace, Neighbourhood, PlaceKind};

use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::matching::geo::{Walking, metres};
use crate::domain::scope::{Scope, path_ids};
use crate::entities::stored::{stored, stored_opt};
use crate::entities::{area, provider, service, service_space};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::matching::facts::{schedule_of, served_paths_of};
use crate::services::needs;

pub const DEFAULT_LIMIT: usize = 20;
pub const MAX_LIMIT: usize = 100;

/// What to list: a category (a service's need category or a space's kind), one kind of place, the
/// position minutes are counted from, and the page.
#[derive(Debug, Default)]
pub struct NearbyQuery {
    pub category: Option<String>,
    pub kind: Option<PlaceKind>,
    pub origin: Option<GeoPoint>,
    pub cursor: Option<String>,
    pub limit: Option<usize>,
}

/// Whether a service serves the community at `path` (centre `centre`): its listed areas contain the
/// community or lie in it, its radius reaches the centre, or — listing neither — its own area does.
/// The same reach matching uses for a need, asked of a whole community.
pub fn serves(s: &service::Model, path: &str, centre: Option<(f64, f64)>) -> bool {
    let related = |p: &str| path.starts_with(p) || p.starts_with(path);
    let listed = served_paths_of(s);
    let radius = match (s.radius_m, s.lat.zip(s.lng), centre) {
        (Some(r), Some(at), Some(c)) => metres(at, c) <= f64::from(r),
        _ => false,
    };
    listed.iter().any(|p| related(p)) || radius || (listed.is_empty() && s.radius_m.is_none() && related(&s.area_path))
}

/// Whether a space serves the community: it lies in it, or in an area above it (a street's centre).
pub fn space_serves(s: &service_space::Model, path: &str) -> bool {
    path.starts_with(&s.area_path) || s.area_path.starts_with(path)
}

/// The resident's own community's neighbourhood.
pub async fn for_resident<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    walking: &Walking,
    q: NearbyQuery,
) -> Result<Neighbourhood, ApiError> {
    policy::require(caller, Action::SeeNeighbourhood)?;
    let community = area::Entity::find()
        .filter(area::Column::Id.is_in(path_ids(&caller.area_path)))
        .filter(area::Column::Kind.eq(AreaKind::Community.as_str()))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("community"))?;
    list(db, community, walking, q).await
}

/// Any community's neighbourhood, for visitors; 404 when `community_id` is no community.
pub async fn for_visitor<C: ConnectionTrait>(
    db: &C,
    community_id: Id,
    walking: &Walking,
    q: NearbyQuery,
) -> Result<Neighbourhood, ApiError> {
    let community = area::Entity::find_by_id(community_id)
        .one(db)
        .await?
        .filter(|a| a.kind == AreaKind::Community.as_str())
        .ok_or(ApiError::NotFound("community"))?;
    list(db, community, walking, q).await
}

/// The offset a cursor stands for; every bad parameter is named at once.
fn page_of(q: &NearbyQuery) -> Result<(usize, usize), ApiError> {
    let mut errors = FieldErrors::default();
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        errors.add("limit", FieldRule::OutOfRange, format!("limit must be between 1 and {MAX_LIMIT}"));
    }
    let offset = match q.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => 0,
        Some(c) => c.strip_prefix('n').and_then(|n| n.parse().ok()).unwrap_or_else(|| {
            errors.add("cursor", FieldRule::Invalid, "not a cursor this list gave");
            0
        }),
    };
    errors.finish()?;
    Ok((offset, limit))
}

async fn list<C: ConnectionTrait>(db: &C, community: area::Model, walking: &Walking, q: NearbyQuery) -> Result<Neighbourhood, ApiError> {
    let (offset, limit) = page_of(&q)?;
    let path = community.path.clone();
    let centre = community.center_lat.zip(community.center_lng);
    let origin = q.origin.map(|p| (p.lat, p.lng)).or(centre);
    // Places belong to the community, an area above it, or a neighbour of the same district.
    let ids = path_ids(&path);
    let district = ids
        .len()
        .checked_sub(2)
        .map_or_else(|| path.clone(), |n| format!("/{}/", ids[..n].iter().map(Id::to_string).collect::<Vec<_>>().join("/")));
    // Each place with its provider and area, named once all are known.
    let mut places: Vec<(NearbyPlace, Option<Id>, String)> = Vec::new();
    let mut offered: Vec<String> = Vec::new();
    if q.kind != Some(PlaceKind::Space) {
        let find =
            service::Entity::find().filter(service::Column::Active.eq(true)).filter(near(service::Column::AreaPath, &ids, &district));
        let serving: Vec<service::Model> = find.all(db).await?.into_iter().filter(|s| serves(s, &path, centre)).collect();
        offered.extend(serving.iter().map(|s| s.category.clone()));
        for s in serving.into_iter().filter(|s| q.category.as_ref().is_none_or(|c| *c == s.category)) {
            let (by, at) = (s.provider_id, s.area_path.clone());
            let place = NearbyPlace {
                kind: PlaceKind::Service,
                id: s.id,
                category: Some(s.category.clone()),
                space_kind: None,
                description: s.description.clone(),
                cost: Some(stored(&s.cost_kind, "services", s.id)?),
                mode: Some(stored(&s.mode, "services", s.id)?),
                provider_name: None,
                address: None,
                point: s.lat.zip(s.lng).map(|(lat, lng)| GeoPoint { lat, lng }),
                walking_minutes: None,
                hours: schedule_of(&s),
                area_name: String::new(),
                name: s.name,
            };
            places.push((place, by, at));
        }
    }
    if q.kind != Some(PlaceKind::Service) {
        let mut find = service_space::Entity::find().filter(service_space::Column::Active.eq(true)).filter(near(
            service_space::Column::AreaPath,
            &ids,
            &district,
        ));
        if let Some(category) = &q.category {
            find = find.filter(service_space::Column::Kind.eq(category.as_str()));
        }
        for s in find.all(db).await?.into_iter().filter(|s| space_serves(s, &path)) {
            let (by, at) = (s.provider_id, s.area_path.clone());
            let place = NearbyPlace {
                kind: PlaceKind::Space,
                id: s.id,
                category: None,
                space_kind: stored_opt(Some(&s.kind), "service_spaces", s.id)?,
                description: String::new(),
                cost: None,
                mode: None,
                provider_name: None,
                address: s.address.clone(),
                point: s.lat.zip(s.lng).map(|(lat, lng)| GeoPoint { lat, lng }),
                walking_minutes: None,
                hours: serde_json::from_str(&s.opening_hours).unwrap_or_default(),
                area_name: String::new(),
                name: s.name,
            };
            places.push((place, by, at));
        }
    }
    let mut places = name_places(db, places).await?;
    for place in &mut places {
        place.walking_minutes = origin.zip(place.point).map(|(o, p)| walking.minutes(o, (p.lat, p.lng)).ceil() as i32);
    }
    // Nearest first; places without a point last, by name.
    places.sort_by(|a, b| {
        (a.walking_minutes.is_none(), a.walking_minutes, &a.name, a.id).cmp(&(
            b.walking_minutes.is_none(),
            b.walking_minutes,
            &b.name,
            b.id,
        ))
    });
    let total = places.len();
    let items: Vec<NearbyPlace> = places.into_iter().skip(offset).take(limit).collect();
    let next_cursor = (offset + limit < total).then(|| format!("n{}", offset + limit));
    Ok(Neighbourhood {
        community_id: community.id,
        community_name: community.name,
        origin: origin.map(|(lat, lng)| GeoPoint { lat, lng }),
        items,
        categories: needs::categories().into_iter().filter(|c| offered.contains(&c.code)).collect(),
        next_cursor,
    })
}

/// Rows of the community, of an area above it, or of the same district (a neighbour's services may
/// list this community among the areas they serve).
fn near<Col: ColumnTrait>(column: Col, ids: &[Id], district: &str) -> Condition {
    Condition::any().add(area_column_in(column, ids)).add(Scope::subtree(district).path_condition(column))
}

fn area_column_in<Col: ColumnTrait>(column: Col, ids: &[Id]) -> Condition {
    // The community itself and every area above it, as paths.
    let paths: Vec<String> =
        (1..=ids.len()).map(|n| format!("/{}/", ids[..n].iter().map(Id::to_string).collect::<Vec<_>>().join("/"))).collect();
    Condition::all().add(column.is_in(paths))
}

/// The places with the names of their providers and areas, which visitors read.
async fn name_places<C: ConnectionTrait>(db: &C, places: Vec<(NearbyPlace, Option<Id>, String)>) -> Result<Vec<NearbyPlace>, ApiError> {
    let providers: Vec<Id> = places.iter().filter_map(|p| p.1).collect();
    let names: HashMap<Id, String> =
        provider::Entity::find().filter(provider::Column::Id.is_in(providers)).all(db).await?.into_iter().map(|p| (p.id, p.name)).collect();
    let paths: Vec<String> = places.iter().map(|p| p.2.clone()).collect();
    let areas: HashMap<String, String> =
        area::Entity::find().filter(area::Column::Path.is_in(paths)).all(db).await?.into_iter().map(|a| (a.path, a.name)).collect();
    Ok(places
        .into_iter()
        .map(|(mut place, by, at)| {
            place.provider_name = by.and_then(|id| names.get(&id).cloned());
            place.area_name = areas.get(&at).cloned().unwrap_or_default();
            place
        })
        .collect())
}
