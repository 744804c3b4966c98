//! Reported values (填报): checked all at once, stored with who/when/source, never overwritten —
//! a new report for the same indicator, area and period must name the one it replaces, which stays
//! in the history marked as superseded. Each report is sent as the webhook `kpi_report.reported`
//! (or `kpi_report.replaced`).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{AreaKind, FieldRule, Id, KPI_REPLACED, KPI_REPORTED, KpiReport, KpiRollup, KpiSource, NewKpiReport, Page};
use shared::{AuditAction, AuditEntity};

use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::kpis::catalogue;
use crate::domain::kpis::period::Period;
use crate::domain::scope::Scope;
use crate::entities::stored::{StoredValueInvalid, stored_with};
use crate::entities::{area, kpi_report};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};
use crate::services::page::{Keyset, PageRequest};
use crate::services::resources::area_names;
use crate::services::webhooks;

use crate::domain::kpis::MAX_VALUE;

fn finite(v: Option<f64>) -> bool {
    v.is_none_or(|v| v.is_finite() && v.abs() <= MAX_VALUE)
}

pub async fn report<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    new: &NewKpiReport,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<KpiReport, ApiError> {
    policy::require(caller, Action::ReportKpis)?;
    let mut errors = FieldErrors::default();
    let def = catalogue::find(&new.indicator);
    match def {
        None => errors.add("/indicator", FieldRule::NotFound, "no such indicator; see GET /api/v1/kpis/indicators"),
        Some(d) if d.indicator.source == KpiSource::Computed => {
            errors.add("/indicator", FieldRule::Computed, "the platform computes this indicator from its own data; it is not reported")
        }
        Some(_) => {}
    }
    let period = Period::parse(&new.period);
    if period.is_none() {
        errors.add("/period", FieldRule::Invalid, "a year (2026), quarter (2026-Q3) or month (2026-09)");
    }
    if period.is_some_and(|p| p.start() > now.date_naive()) {
        errors.add("/period", FieldRule::Future, "values are reported for periods that have begun");
    }
    if new.source_note.trim().is_empty() {
        errors.add("/source_note", FieldRule::Required, "say where the figure comes from (台账, survey, statistics …)");
    }
    for (pointer, v) in [("/value", new.value), ("/numerator", new.numerator), ("/denominator", new.denominator)] {
        if !finite(v) {
            errors.add(pointer, FieldRule::OutOfRange, "a finite number below 10¹²");
        }
    }
    let mut value = new.value;
    if let Some(d) = def.filter(|d| d.indicator.source == KpiSource::Reported) {
        let i = &d.indicator;
        if i.rollup == KpiRollup::Ratio {
            match (new.numerator, new.denominator) {
                (Some(n), Some(den)) => {
                    if n < 0.0 {
                        errors.add("/numerator", FieldRule::Negative, "cannot be negative");
                    }
                    if den <= 0.0 {
                        errors.add("/denominator", FieldRule::NotPositive, "must be more than zero");
                    } else {
                        value = Some(n / den * i.scale);
                    }
                    if i.unit == "%" && i.scale == 100.0 && n > den {
                        errors.add("/numerator", FieldRule::ExceedsDenominator, "a share cannot have more than its whole");
                    }
                }
                (n, den) => {
                    if n.is_none() {
                        errors.add(
                            "/numerator",
                            FieldRule::Required,
                            format!("give {}", i.numerator_zh.as_deref().unwrap_or("the numerator")),
                        );
                    }
                    if den.is_none() {
                        errors.add(
                            "/denominator",
                            FieldRule::Required,
                            format!("give {}", i.denominator_zh.as_deref().unwrap_or("the denominator")),
                        );
                    }
                }
            }
            if new.value.is_some() {
                errors.add("/value", FieldRule::Derived, "leave out the value: it is the numerator ÷ denominator");
            }
        } else {
            match new.value {
                None => errors.add("/value", FieldRule::Required, "give the value"),
                Some(v) if v < 0.0 => errors.add("/value", FieldRule::Negative, "cannot be negative"),
                Some(v) if i.unit == "%" && v > 100.0 => errors.add("/value", FieldRule::OutOfRange, "a percentage is at most 100"),
                Some(_) => {}
            }
            if new.numerator.is_some() || new.denominator.is_some() {
                errors.add("/numerator", FieldRule::NotAllowed, "this indicator takes a value, not a numerator and denominator");
            }
        }
    }
    let place = match area::Entity::find_by_id(new.area_id).one(db).await? {
        Some(a) if Scope::of(caller).contains(&a.path) => {
            if a.kind == AreaKind::Grid.as_str() {
                errors.add("/area_id", FieldRule::WrongKind, "values are reported for a community or a larger area, not a grid");
            }
            Some(a)
        }
        _ => {
            errors.add("/area_id", FieldRule::NotFound, "no such area in your scope");
            None
        }
    };
    // What this report would replace: it must be named, so nobody overwrites a figure unknowingly.
    let current = match (&place, def) {
        (Some(a), Some(_)) => current_report(db, &new.indicator, a.id, &new.period).await?,
        _ => None,
    };
    match (&current, new.replaces) {
        (None, Some(_)) => {
            errors.add("/replaces", FieldRule::NotCurrent, "there is no current value to replace for this indicator, area and period")
        }
        (Some(c), Some(r)) if c.id != r => errors.add("/replaces", FieldRule::NotCurrent, format!("the current value is report {}", c.id)),
        _ => {}
    }
    errors.finish()?;
    if let (Some(c), None) = (&current, new.replaces) {
        return Err(ApiError::Conflict(format!(
            "{} already has a value for {} ({}, report {}); send it again with \"replaces\": {} to replace it",
            new.indicator, new.period, c.value, c.id, c.id
        )));
    }
    let (place, period, value) = match (place, period, value) {
        (Some(a), Some(p), Some(v)) => (a, p, v),
        _ => return Err(ApiError::Unexpected(anyhow::anyhow!("report passed validation without area, period or value"))),
    };
    let (first, last) = period.months();
    let saved = kpi_report::ActiveModel {
        indicator: Set(new.indicator.clone()),
        area_id: Set(place.id),
        area_path: Set(place.path.clone()),
        period: Set(period.to_string()),
        first_month: Set(first),
        last_month: Set(last),
        value: Set(value),
        numerator: Set(new.numerator),
        denominator: Set(new.denominator),
        source_note: Set(new.source_note.trim().to_owned()),
        reported_by: Set(caller.id),
        reported_at: Set(now),
        replaces: Set(current.as_ref().map(|c| c.id)),
        superseded_by: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let event = if current.is_some() { KPI_REPLACED } else { KPI_REPORTED };
    if let Some(c) = current {
        let mut old: kpi_report::ActiveModel = c.into();
        old.superseded_by = Set(Some(saved.id));
        old.update(db).await?;
    }
    let dto = to_dtos(db, vec![saved]).await?.remove(0);
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::Report,
            entity: AuditEntity::KpiReport,
            entity_id: dto.id,
            area: Some((place.id, &place.path)),
            before: None,
            after: Some(&dto),
        },
    )
    .await?;
    let payload = serde_json::to_value(&dto).map_err(anyhow::Error::from)?;
    webhooks::enqueue(db, event, &place.path, &payload, now).await?;
    Ok(dto)
}

/// The report in force for an indicator, area and period (the one nothing has superseded).
pub async fn current_report<C: ConnectionTrait>(
    db: &C,
    indicator: &str,
    area_id: Id,
    period: &str,
) -> Result<Option<kpi_report::Model>, ApiError> {
    Ok(kpi_report::Entity::find()
        .filter(kpi_report::Column::Indicator.eq(indicator))
        .filter(kpi_report::Column::AreaId.eq(area_id))
        .filter(kpi_report::Column::Period.eq(period))
        .filter(kpi_report::Column::SupersededBy.is_null())
        .one(db)
        .await?)
}

/// A stored period. Reports are written only with valid periods, so a bad one is corruption: an
/// error with the row, never a guess.
fn stored_period(r: &kpi_report::Model) -> Result<Period, StoredValueInvalid> {
    stored_with(&r.period, "kpi_reports", r.id, "Period", Period::parse)
}

pub async fn to_dtos<C: ConnectionTrait>(db: &C, rows: Vec<kpi_report::Model>) -> Result<Vec<KpiReport>, ApiError> {
    let areas = area_names(db, rows.iter().map(|r| r.area_id)).await?;
    let users = crate::services::users::display_names(db, rows.iter().map(|r| r.reported_by)).await?;
    rows.into_iter()
        .map(|r| {
            let period = stored_period(&r)?;
            Ok(KpiReport {
                id: r.id,
                area_name: areas.get(&r.area_id).cloned().unwrap_or_default(),
                reported_by: users.get(&r.reported_by).cloned().unwrap_or_default(),
                indicator: r.indicator,
                area_id: r.area_id,
                period,
                value: r.value,
                numerator: r.numerator,
                denominator: r.denominator,
                source_note: r.source_note,
                reported_at: r.reported_at,
                replaces: r.replaces,
                superseded_by: r.superseded_by,
            })
        })
        .collect()
}

/// Filters of the history list.
pub struct ReportFilter {
    pub area_id: Option<Id>,
    pub indicator: Option<String>,
    pub period: Option<Period>,
    pub current_only: bool,
}

/// The history of reports in the caller's scope, newest first.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    filter: ReportFilter,
    page: PageRequest,
) -> Result<Page<KpiReport>, ApiError> {
    policy::require(caller, Action::ReadKpis)?;
    let mut select = kpi_report::Entity::find()
        .filter(crate::services::resources::area_filter(db, caller, filter.area_id, kpi_report::Column::AreaPath).await?);
    if let Some(code) = filter.indicator {
        select = select.filter(kpi_report::Column::Indicator.eq(code));
    }
    if let Some(p) = filter.period {
        let (first, last) = p.months();
        select = select.filter(kpi_report::Column::FirstMonth.gte(first)).filter(kpi_report::Column::LastMonth.lte(last));
    }
    if filter.current_only {
        select = select.filter(kpi_report::Column::SupersededBy.is_null());
    }
    let keyset = Keyset { name: "-id", column: None, desc: true, id: kpi_report::Column::Id, key_of: |r: &kpi_report::Model| (None, r.id) };
    let (rows, next_cursor) = page.fetch(db, select, &keyset).await?;
    Ok(Page { items: to_dtos(db, rows).await?, next_cursor })
}
