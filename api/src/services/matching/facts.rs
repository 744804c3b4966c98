//! What matching knows of services and needs, loaded from the database in bulk: weekly load and
//! track record per service, and the facts the score reads.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect};
use shared::{ClosedDay, Id, TargetGroup, TimeSlot};

use crate::domain::matching::categories;
use crate::domain::matching::schedule::{self, week_start};
use crate::domain::matching::score::{NeedFacts, ServiceFacts, group_bits, implied_ages};
use crate::domain::scope::path_ids;
use crate::entities::stored::{StoredValueInvalid, stored, stored_list};
use crate::entities::{area, need, service};
use crate::error::ApiError;

/// A service's load this week and its record so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub load: i64,
    pub finished: i64,
    pub on_time: i64,
    pub rated: i64,
    pub rating_sum: i64,
}

impl Stats {
    pub fn on_time_rate(&self) -> Option<f64> {
        (self.finished > 0).then(|| self.on_time as f64 / self.finished as f64)
    }

    pub fn average_rating(&self) -> Option<f64> {
        (self.rated > 0).then(|| self.rating_sum as f64 / self.rated as f64)
    }
}

#[derive(FromQueryResult)]
struct LoadRow {
    service_id: Option<i64>,
    n: i64,
}

#[derive(FromQueryResult)]
struct RecordRow {
    service_id: Option<i64>,
    finished: i64,
    on_time: Option<i64>,
    rated: i64,
    rating_sum: Option<i64>,
}

/// Load this week (needs dispatched to the service since Monday, China time, still on it) and the
/// track record (finished needs, on time, rated, rating sum) of each service, in two grouped queries.
pub async fn stats<C: ConnectionTrait>(db: &C, ids: &[Id], now: DateTime<Utc>) -> Result<HashMap<Id, Stats>, ApiError> {
    let mut out: HashMap<Id, Stats> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    for chunk in ids.chunks(500) {
        let loads: Vec<LoadRow> = need::Entity::find()
            .select_only()
            .column(need::Column::ServiceId)
            .column_as(need::Column::Id.count(), "n")
            .filter(need::Column::ServiceId.is_in(chunk.to_vec()))
            .filter(need::Column::DispatchedAt.gte(week_start(now)))
            .group_by(need::Column::ServiceId)
            .into_model()
            .all(db)
            .await?;
        for row in loads {
            if let Some(id) = row.service_id {
                out.entry(id).or_default().load = row.n;
            }
        }
        let records: Vec<RecordRow> = need::Entity::find()
            .select_only()
            .column(need::Column::ServiceId)
            .column_as(need::Column::Id.count(), "finished")
            .column_as(Expr::cust("SUM(CASE WHEN resolved_at <= completion_due_at THEN 1 ELSE 0 END)"), "on_time")
            .column_as(need::Column::Rating.count(), "rated")
            .column_as(need::Column::Rating.sum(), "rating_sum")
            .filter(need::Column::ServiceId.is_in(chunk.to_vec()))
            .filter(need::Column::ResolvedAt.is_not_null())
            .group_by(need::Column::ServiceId)
            .into_model()
            .all(db)
            .await?;
        for row in records {
            if let Some(id) = row.service_id {
                let s = out.entry(id).or_default();
                s.finished = row.finished;
                s.on_time = row.on_time.unwrap_or(0);
                s.rated = row.rated;
                s.rating_sum = row.rating_sum.unwrap_or(0);
            }
        }
    }
    Ok(out)
}

pub fn schedule_of(m: &service::Model) -> Vec<TimeSlot> {
    serde_json::from_str(&m.schedule).unwrap_or_default()
}

pub fn closed_days_of(m: &service::Model) -> Vec<ClosedDay> {
    serde_json::from_str(&m.closed_days).unwrap_or_default()
}

pub fn served_paths_of(m: &service::Model) -> Vec<String> {
    serde_json::from_str(&m.served_paths).unwrap_or_default()
}

/// A service's target groups, stored `,elderly,disabled,`.
pub fn groups_of(m: &service::Model) -> Result<Vec<TargetGroup>, StoredValueInvalid> {
    stored_list(&m.target_groups, "services", m.id)
}

/// The score's view of a stored service.
pub fn service_facts(m: &service::Model, stats: Stats) -> Result<ServiceFacts, StoredValueInvalid> {
    Ok(ServiceFacts {
        category: categories::index(&m.category).unwrap_or(u8::MAX),
        groups: group_bits(groups_of(m)?),
        min_age: m.min_age,
        max_age: m.max_age,
        mode: stored(&m.mode, "services", m.id)?,
        home_area: m.area_id,
        served_areas: served_paths_of(m).iter().filter_map(|p| path_ids(p).last().copied()).collect(),
        point: m.lat.zip(m.lng),
        radius_m: m.radius_m.map(f64::from),
        capacity: m.capacity_per_week,
        load: i32::try_from(stats.load).unwrap_or(i32::MAX),
        schedule: schedule::slots(&schedule_of(m)),
        closed: closed_days_of(m).into_iter().map(|c| c.date).collect::<Vec<NaiveDate>>(),
        finished: u32::try_from(stats.finished).unwrap_or(0),
        on_time: u32::try_from(stats.on_time).unwrap_or(0),
        rated: u32::try_from(stats.rated).unwrap_or(0),
        rating_sum: u32::try_from(stats.rating_sum).unwrap_or(0),
    })
}

/// The score's view of a stored need; its point falls back to its area's centre.
pub fn need_facts(n: &need::Model, area_centre: Option<(f64, f64)>) -> Result<NeedFacts, StoredValueInvalid> {
    let groups: Vec<TargetGroup> = stored_list(&n.tags, "needs", n.id)?;
    Ok(NeedFacts {
        category: categories::index(&n.category).unwrap_or(u8::MAX),
        groups: group_bits(groups.iter().copied()),
        ages: implied_ages(&groups),
        areas: path_ids(&n.area_path),
        point: n.lat.zip(n.lng).or(area_centre),
        preferred: n.preferred_time.map(|t| {
            let (weekday, minute, date) = schedule::local(t);
            (date, weekday, minute)
        }),
    })
}

/// Centres of areas by id (for needs without a location of their own).
pub async fn centres<C: ConnectionTrait>(db: &C, ids: impl IntoIterator<Item = Id>) -> Result<HashMap<Id, (f64, f64)>, ApiError> {
    let mut ids: Vec<Id> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        for a in area::Entity::find().filter(area::Column::Id.is_in(chunk.to_vec())).all(db).await? {
            if let (Some(lat), Some(lng)) = (a.center_lat, a.center_lng) {
                out.insert(a.id, (lat, lng));
            }
        }
    }
    Ok(out)
}

/// Active services whose home lies in the subtree of `district_path`, of these categories (all when
/// empty): the pool the district's needs are matched against.
pub async fn pool<C: ConnectionTrait>(db: &C, category_codes: &[&str], district_path: &str) -> Result<Vec<service::Model>, ApiError> {
    let mut select = service::Entity::find().filter(service::Column::Active.eq(true));
    if !category_codes.is_empty() {
        select = select.filter(service::Column::Category.is_in(category_codes.iter().map(|c| c.to_string()).collect::<Vec<_>>()));
    }
    Ok(select.filter(crate::domain::scope::Scope::subtree(district_path).path_condition(service::Column::AreaPath)).all(db).await?)
}

/// The path of the district holding `path` (the widest area a need's services come from); the path
/// itself when no district is above it.
pub async fn district_path<C: ConnectionTrait>(db: &C, path: &str) -> Result<String, ApiError> {
    let ids = crate::domain::scope::path_ids(path);
    let district = area::Entity::find()
        .filter(area::Column::Id.is_in(ids))
        .filter(area::Column::Kind.eq(shared::AreaKind::District.as_str()))
        .one(db)
        .await?;
    Ok(district.map_or_else(|| path.to_owned(), |d| d.path))
}
