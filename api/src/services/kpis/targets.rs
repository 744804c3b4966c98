//! Targets per area and year. An area's target is the one set for it, else the nearest ancestor's,
//! else the catalogue's for that year (targets stand until changed).

use shared::{AuditAction, AuditEntity};
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use shared::{AreaKind, AreaTarget, FieldRule, Id, Indicator, KpiDirection, KpiRollup, SetTarget, TargetValue};

use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::kpis::catalogue::{self, catalogue_target};
use crate::domain::scope::{Scope, path_ids};
use crate::entities::stored::{StoredValueInvalid, stored};
use crate::entities::{area, kpi_target};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};
use crate::services::resources::area_names;

/// Targets set for the areas of a tree and their ancestors, for the years asked about.
pub struct Targets {
    /// By (indicator, area, year): the target, its comparator read from the row once on loading.
    set: HashMap<(String, Id, i32), TargetValue>,
    /// Names of the areas whose targets were loaded, to say where a target comes from.
    names: HashMap<Id, String>,
}

impl Targets {
    pub async fn load<C: ConnectionTrait>(db: &C, root_path: &str, years: (i32, i32)) -> Result<Targets, ApiError> {
        let rows = kpi_target::Entity::find()
            .filter(
                Condition::any()
                    .add(kpi_target::Column::AreaId.is_in(path_ids(root_path)))
                    .add(Scope::subtree(root_path).path_condition(kpi_target::Column::AreaPath)),
            )
            .filter(kpi_target::Column::Year.between(years.0, years.1))
            .all(db)
            .await?;
        let names = area_names(db, rows.iter().map(|t| t.area_id)).await?;
        let set = rows
            .into_iter()
            .map(|t| {
                let comparator = stored(&t.comparator, "kpi_targets", t.id)?;
                Ok(((t.indicator, t.area_id, t.year), TargetValue { comparator, value: t.value }))
            })
            .collect::<Result<_, StoredValueInvalid>>()?;
        Ok(Targets { set, names })
    }

    /// Where a target comes from: `catalogue`, or the name of the area that set it.
    pub fn source(&self, set_by_area: Option<Id>) -> String {
        match set_by_area {
            None => "catalogue".into(),
            Some(id) => self.names.get(&id).cloned().unwrap_or_else(|| format!("area {id}")),
        }
    }

    /// The target in force and where it comes from (`catalogue` or the area id that set it).
    pub fn for_area(
        &self,
        indicator: &Indicator,
        area_path: &str,
        area_kind: Option<AreaKind>,
        year: i32,
    ) -> Option<(TargetValue, Option<Id>)> {
        if indicator.direction == KpiDirection::Neutral {
            return None;
        }
        for id in path_ids(area_path).into_iter().rev() {
            if let Some(target) = self.set.get(&(indicator.code.clone(), id, year)) {
                return Some((*target, Some(id)));
            }
        }
        // A count's catalogue target is the whole city's (e.g. 3 000 certified social workers): it
        // says nothing about one district or community, which need targets of their own.
        if indicator.rollup == KpiRollup::Sum && area_kind.is_some_and(|k| k > AreaKind::City) {
            return None;
        }
        catalogue_target(indicator, year).map(|t| (t, None))
    }
}

pub async fn set<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    new: &SetTarget,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<AreaTarget, ApiError> {
    policy::require(caller, Action::SetKpiTargets)?;
    let mut errors = FieldErrors::default();
    match catalogue::find(&new.indicator) {
        None => errors.add("/indicator", FieldRule::NotFound, "no such indicator; see GET /api/v1/kpis/indicators"),
        Some(d) if d.indicator.direction == KpiDirection::Neutral => {
            errors.add("/indicator", FieldRule::Informational, "this indicator is informational and takes no target")
        }
        Some(_) => {}
    }
    if !new.value.is_finite() || new.value < 0.0 || new.value > 1e12 {
        errors.add("/value", FieldRule::OutOfRange, "a number from 0 to 10¹²");
    }
    if !(2000..=2100).contains(&new.year) {
        errors.add("/year", FieldRule::OutOfRange, "a year from 2000 to 2100");
    }
    let place = match area::Entity::find_by_id(new.area_id).one(db).await? {
        Some(a) if Scope::of(caller).contains(&a.path) => Some(a),
        _ => {
            errors.add("/area_id", FieldRule::NotFound, "no such area in your scope");
            None
        }
    };
    errors.finish()?;
    let place = place.ok_or(ApiError::NotFound("area"))?;
    let existing = kpi_target::Entity::find()
        .filter(kpi_target::Column::Indicator.eq(&new.indicator))
        .filter(kpi_target::Column::AreaId.eq(place.id))
        .filter(kpi_target::Column::Year.eq(new.year))
        .one(db)
        .await?;
    let before = match &existing {
        Some(t) => Some(to_dtos(db, vec![t.clone()]).await?.remove(0)),
        None => None,
    };
    let mut m: kpi_target::ActiveModel = match existing {
        Some(t) => t.into(),
        None => kpi_target::ActiveModel {
            indicator: Set(new.indicator.clone()),
            area_id: Set(place.id),
            area_path: Set(place.path.clone()),
            year: Set(new.year),
            ..Default::default()
        },
    };
    m.comparator = Set(new.comparator.as_str().into());
    m.value = Set(new.value);
    m.note = Set(new.note.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned));
    m.set_by = Set(caller.id);
    m.set_at = Set(now);
    let saved = m.save(db).await?;
    let id = saved.id.clone().unwrap();
    let row = kpi_target::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("target"))?;
    let dto = to_dtos(db, vec![row]).await?.remove(0);
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::Set,
            entity: AuditEntity::KpiTarget,
            entity_id: dto.id,
            area: Some((place.id, &place.path)),
            before: before.as_ref(),
            after: Some(&dto),
        },
    )
    .await?;
    Ok(dto)
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    area_id: Option<Id>,
    year: Option<i32>,
) -> Result<Vec<AreaTarget>, ApiError> {
    policy::require(caller, Action::ReadKpis)?;
    let mut select = kpi_target::Entity::find()
        .filter(crate::services::resources::area_filter(db, caller, area_id, kpi_target::Column::AreaPath).await?);
    if let Some(y) = year {
        select = select.filter(kpi_target::Column::Year.eq(y));
    }
    let rows = select
        .order_by_asc(kpi_target::Column::Year)
        .order_by_asc(kpi_target::Column::Indicator)
        .order_by_asc(kpi_target::Column::Id)
        .limit(1000)
        .all(db)
        .await?;
    to_dtos(db, rows).await
}

async fn to_dtos<C: ConnectionTrait>(db: &C, rows: Vec<kpi_target::Model>) -> Result<Vec<AreaTarget>, ApiError> {
    let areas = area_names(db, rows.iter().map(|r| r.area_id)).await?;
    let users = crate::services::users::display_names(db, rows.iter().map(|r| r.set_by)).await?;
    rows.into_iter()
        .map(|t| {
            Ok::<_, ApiError>(AreaTarget {
                id: t.id,
                area_name: areas.get(&t.area_id).cloned().unwrap_or_default(),
                set_by: users.get(&t.set_by).cloned().unwrap_or_default(),
                indicator: t.indicator,
                area_id: t.area_id,
                year: t.year,
                comparator: stored(&t.comparator, "kpi_targets", t.id)?,
                value: t.value,
                note: t.note,
                set_at: t.set_at,
            })
        })
        .collect()
}
