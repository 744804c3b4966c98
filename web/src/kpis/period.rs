//! Reporting periods as the KPI endpoints write them — a year (`2026`), a quarter (`2026-Q3`) or a
//! month (`2026-09`) — parsed, written back, named in both languages and changed by the picker; and
//! the KPI pages' query string (`?area=&period=&indicator=`), so drill-down, back and shared links work.

use leptos_router::params::ParamsMap;
use shared::{Id, PeriodKind};

use crate::common::i18n::Locale;

/// Years the picker offers before the current one (seed 003's baseline is 2023).
pub const FIRST_YEAR: i32 = 2023;

pub use shared::Period;

/// How the dashboard names and picks periods; the period itself and its arithmetic are
/// [`shared::Period`], the same type the API reads and writes.
pub trait PeriodView: Sized {
    fn label(self, locale: Locale) -> String;
    fn short(self) -> String;
    fn with_kind(self, kind: PeriodKind, today: (i32, u32)) -> Self;
    fn with_year(self, year: i32, today: (i32, u32)) -> Self;
    fn starts_after(self, today: (i32, u32)) -> bool;
    fn choices(self, today: (i32, u32)) -> Vec<u32>;
}

impl PeriodView for Period {
    /// `2026年第3季度` / `Q3 2026`.
    fn label(self, locale: Locale) -> String {
        match (self.kind, locale) {
            (PeriodKind::Year, Locale::Zh) => format!("{}年", self.year),
            (PeriodKind::Year, Locale::En) => self.year.to_string(),
            (PeriodKind::Quarter, Locale::Zh) => format!("{}年第{}季度", self.year, self.index),
            (PeriodKind::Quarter, Locale::En) => format!("Q{} {}", self.index, self.year),
            (PeriodKind::Month, Locale::Zh) => format!("{}年{}月", self.year, self.index),
            (PeriodKind::Month, Locale::En) => format!("{}-{:02}", self.year, self.index),
        }
    }

    /// A short axis label: `2026`, `26Q3`, `26-09`.
    fn short(self) -> String {
        match self.kind {
            PeriodKind::Year => self.year.to_string(),
            PeriodKind::Quarter => format!("{:02}Q{}", self.year % 100, self.index),
            PeriodKind::Month => format!("{:02}-{:02}", self.year % 100, self.index),
        }
    }

    /// The same year as another kind: the current quarter or month when it is this year (`today` is
    /// year and month), else the first one.
    fn with_kind(self, kind: PeriodKind, today: (i32, u32)) -> Self {
        let this_year = self.year == today.0;
        let index = match kind {
            PeriodKind::Year => 0,
            PeriodKind::Quarter if this_year => (today.1 - 1) / 3 + 1,
            PeriodKind::Month if this_year => today.1,
            _ => 1,
        };
        Period { year: self.year, kind, index }
    }

    /// Another year, keeping the kind and index, but never a quarter or month not yet begun.
    fn with_year(self, year: i32, today: (i32, u32)) -> Self {
        let moved = Period { year, ..self };
        if moved.starts_after(today) { moved.with_kind(self.kind, today) } else { moved }
    }

    /// Whether the period begins after the month `today`.
    fn starts_after(self, today: (i32, u32)) -> bool {
        let first_month = match self.kind {
            PeriodKind::Year => 1,
            PeriodKind::Quarter => self.index * 3 - 2,
            PeriodKind::Month => self.index,
        };
        (self.year, first_month) > today
    }

    /// The quarters or months of this period's kind a picker offers for its year (1-based), none for
    /// a year; those not yet begun are left out.
    fn choices(self, today: (i32, u32)) -> Vec<u32> {
        let last = match self.kind {
            PeriodKind::Year => return Vec::new(),
            PeriodKind::Quarter => 4,
            PeriodKind::Month => 12,
        };
        (1..=last).filter(|i| !Period { index: *i, ..self }.starts_after(today)).collect()
    }
}

/// Year and month today, in the browser's calendar.
pub fn today() -> (i32, u32) {
    let now = js_sys::Date::new_0();
    (now.get_full_year() as i32, now.get_month() + 1)
}

/// What the KPI pages' URL asks for; absent values fall back to the home area and this year.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KpiQuery {
    pub area: Option<Id>,
    pub period: Option<Period>,
    pub indicator: String,
}

impl KpiQuery {
    /// The query a URL describes; unknown values are ignored.
    pub fn from_query(q: &ParamsMap) -> Self {
        Self {
            area: q.get("area").and_then(|a| a.parse().ok()),
            period: q.get("period").and_then(|p| Period::parse(&p)),
            indicator: q.get("indicator").unwrap_or_default(),
        }
    }
}

/// `path?area=…&period=…` (and `indicator=` when given), for links between the KPI pages.
pub fn kpi_url(path: &str, area: Id, period: Period, indicator: Option<&str>) -> String {
    let mut url = format!("{path}?area={area}&period={}", period);
    if let Some(code) = indicator.filter(|c| !c.is_empty()) {
        url.push_str("&indicator=");
        url.push_str(code);
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_both_languages() {
        let q = Period::parse("2026-Q3").expect("quarter");
        assert_eq!(q.label(Locale::Zh), "2026年第3季度");
        assert_eq!(q.label(Locale::En), "Q3 2026");
        assert_eq!(q.short(), "26Q3");
        assert_eq!(Period::parse("2026-09").expect("month").label(Locale::Zh), "2026年9月");
    }

    #[test]
    fn switching_kind_picks_the_current_part_of_this_year() {
        let today = (2026, 11);
        let year = Period::year(2026);
        assert_eq!(year.with_kind(PeriodKind::Quarter, today).to_string(), "2026-Q4");
        assert_eq!(year.with_kind(PeriodKind::Month, today).to_string(), "2026-11");
        assert_eq!(Period::year(2024).with_kind(PeriodKind::Quarter, today).to_string(), "2024-Q1");
    }

    #[test]
    fn future_parts_are_not_offered() {
        let today = (2026, 5);
        let q = Period::parse("2026-Q1").expect("quarter");
        assert_eq!(q.choices(today), vec![1, 2]);
        let m = Period::parse("2025-12").expect("month");
        assert_eq!(m.choices(today).len(), 12);
        assert_eq!(m.with_year(2026, today).to_string(), "2026-05");
    }

    #[test]
    fn urls_carry_area_period_and_indicator() {
        let p = Period::parse("2026-Q3").expect("quarter");
        assert_eq!(kpi_url("/kpis", 7, p, None), "/kpis?area=7&period=2026-Q3");
        assert_eq!(
            kpi_url("/kpis/report", 7, p, Some("satisfaction_rate")),
            "/kpis/report?area=7&period=2026-Q3&indicator=satisfaction_rate"
        );
    }
}
