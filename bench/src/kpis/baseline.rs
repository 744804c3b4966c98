//! The baseline: the district's need numbers for a period worked out straight from `needs`, as a
//! dashboard without counters would: one aggregate query over every need under the district's path,
//! each fact counted when it happened within the period (China time), exactly as `contribution()`
//! counts it. Nothing narrows the scan: the district holds every need, so SQLite reads them all.

use chrono::{DateTime, NaiveTime, TimeZone as _, Utc};
use shared::KpiDashboard;

use api::clock::china;
use api::domain::kpis::counters::SATISFIED_FROM;
use api::domain::kpis::period::Period;

/// The need-based numbers of one area and period.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct NeedNumbers {
    pub submitted: i64,
    pub responded: i64,
    pub response_secs: i64,
    pub resolved: i64,
    pub on_time: i64,
    pub rated: i64,
    pub satisfied: i64,
    pub volunteer_minutes: i64,
}

impl NeedNumbers {
    pub fn average_response_hours(&self) -> Option<f64> {
        (self.responded > 0).then(|| self.response_secs as f64 / self.responded as f64 / 3600.0)
    }

    pub fn satisfaction_rate(&self) -> Option<f64> {
        (self.rated > 0).then(|| 100.0 * self.satisfied as f64 / self.rated as f64)
    }

    pub fn on_time_rate(&self) -> Option<f64> {
        (self.resolved > 0).then(|| 100.0 * self.on_time as f64 / self.resolved as f64)
    }

    pub fn describe(&self) -> String {
        let show = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"));
        format!(
            "submitted {}, responded {} (average {} h), resolved {} ({} % on time), rated {} ({} % satisfied), volunteer hours {:.1}",
            self.submitted,
            self.responded,
            show(self.average_response_hours()),
            self.resolved,
            show(self.on_time_rate()),
            self.rated,
            show(self.satisfaction_rate()),
            self.volunteer_minutes as f64 / 60.0
        )
    }
}

/// The period's first instant and the instant after its end, as UTC (periods run in China time).
pub fn bounds(period: Period) -> (DateTime<Utc>, DateTime<Utc>) {
    let at =
        |d: chrono::NaiveDate| china().from_local_datetime(&d.and_time(NaiveTime::MIN)).single().expect("fixed offset").with_timezone(&Utc);
    (at(period.start()), at(period.end_exclusive()))
}

/// ?1 and ?2 are the period's bounds (bound as the timestamps are stored, so text order is time
/// order), ?3 the district's path prefix. A fact counts when its timestamp falls in the period.
pub fn sql() -> String {
    let within = |col: &str| format!("{col} >= ?1 AND {col} < ?2");
    let (responded, resolved) = (within("responded_at"), within("resolved_at"));
    let rated = format!("{resolved} AND status IN ('rated', 'closed') AND rating IS NOT NULL");
    format!(
        "SELECT \
         COALESCE(SUM({submitted}), 0), \
         COALESCE(SUM({responded}), 0), \
         COALESCE(SUM(CASE WHEN {responded} THEN MAX(0, unixepoch(responded_at) - unixepoch(created_at)) END), 0), \
         COALESCE(SUM({resolved}), 0), \
         COALESCE(SUM({resolved} AND (completion_due_at IS NULL OR resolved_at <= completion_due_at)), 0), \
         COALESCE(SUM({rated}), 0), \
         COALESCE(SUM({rated} AND rating >= {SATISFIED_FROM}), 0), \
         COALESCE(SUM(CASE WHEN {resolved} AND volunteer_minutes > 0 THEN volunteer_minutes END), 0) \
         FROM needs WHERE area_path LIKE ?3",
        submitted = within("created_at"),
    )
}

/// Runs the baseline for the area with this path over `period`.
pub async fn full_scan(pool: &sqlx::SqlitePool, area_path: &str, period: Period) -> anyhow::Result<NeedNumbers> {
    let (from, to) = bounds(period);
    let row: (i64, i64, i64, i64, i64, i64, i64, i64) =
        sqlx::query_as(sqlx::AssertSqlSafe(sql())).bind(from).bind(to).bind(format!("{area_path}%")).fetch_one(pool).await?;
    let (submitted, responded, response_secs, resolved, on_time, rated, satisfied, volunteer_minutes) = row;
    Ok(NeedNumbers { submitted, responded, response_secs, resolved, on_time, rated, satisfied, volunteer_minutes })
}

/// SQLite's plan for the baseline query, one line per step.
pub async fn query_plan(pool: &sqlx::SqlitePool, area_path: &str, period: Period) -> anyhow::Result<Vec<String>> {
    use sqlx::Row as _;
    let (from, to) = bounds(period);
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!("EXPLAIN QUERY PLAN {}", sql())))
        .bind(from)
        .bind(to)
        .bind(format!("{area_path}%"))
        .fetch_all(pool)
        .await?;
    rows.iter().map(|r| Ok(r.try_get::<String, _>("detail")?)).collect()
}

/// The same numbers as the dashboard shows them: the parts of its need cards.
pub fn from_dashboard(d: &KpiDashboard) -> anyhow::Result<NeedNumbers> {
    let card = |code: &str| d.cards.iter().find(|c| c.indicator.code == code).ok_or_else(|| anyhow::anyhow!("no {code} card"));
    let int = |v: Option<f64>| v.unwrap_or(0.0).round() as i64;
    let response = card("average_response_hours")?;
    let on_time = card("on_time_completion_rate")?;
    let satisfaction = card("satisfaction_rate")?;
    let submitted = card("needs_per_1000_residents")?;
    let hours = card("volunteer_hours")?;
    Ok(NeedNumbers {
        submitted: int(submitted.numerator),
        responded: int(response.denominator),
        response_secs: int(response.numerator),
        resolved: int(on_time.denominator),
        on_time: int(on_time.numerator),
        rated: int(satisfaction.denominator),
        satisfied: int(satisfaction.numerator),
        volunteer_minutes: int(hours.value.map(|h| h * 60.0)),
    })
}

/// Whether the baseline's numbers are the dashboard's: every part, and the values shown.
pub fn agrees(d: &KpiDashboard, base: &NeedNumbers) -> anyhow::Result<bool> {
    let ours = from_dashboard(d)?;
    let value = |code: &str| d.cards.iter().find(|c| c.indicator.code == code).and_then(|c| c.value);
    let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        (a, b) => a.is_none() && b.is_none(),
    };
    Ok(ours == *base
        && close(value("average_response_hours"), base.average_response_hours())
        && close(value("satisfaction_rate"), base.satisfaction_rate())
        && close(value("on_time_completion_rate"), base.on_time_rate()))
}
