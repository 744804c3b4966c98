//! Reporting periods — a year (`2026`), a quarter (`2026-Q3`) or a month (`2026-09`) — one type for
//! the API and the dashboard, sent as its code. Calendar arithmetic only; what "today" is (China time)
//! is the server's business.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use crate::PeriodKind;

/// One reporting period: quarter 1–4 or month 1–12 in `index`, 0 for a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub year: i32,
    pub kind: PeriodKind,
    pub index: u32,
}

/// A month as counters store it: `yyyymm`.
pub type MonthKey = i32;

pub fn month_key(year: i32, month: u32) -> MonthKey {
    year * 100 + month as i32
}

/// The pattern of a period's code, as the spec states it (years 2000–2100).
pub const PERIOD_PATTERN: &str = "^(20[0-9]{2}|2100)(-Q[1-4]|-(0[1-9]|1[0-2]))?$";

impl Period {
    pub fn year(year: i32) -> Self {
        Period { year, kind: PeriodKind::Year, index: 0 }
    }

    /// `2026`, `2026-Q3` or `2026-09`; anything else is `None`.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let year: i32 = s.get(..4)?.parse().ok().filter(|y| (2000..=2100).contains(y))?;
        let rest = s.get(4..)?;
        if rest.is_empty() {
            return Some(Self::year(year));
        }
        let tail = rest.strip_prefix('-').filter(|t| t.len() == 2)?;
        if let Some(q) = tail.strip_prefix('Q') {
            let index = q.parse().ok().filter(|q| (1..=4).contains(q))?;
            return Some(Period { year, kind: PeriodKind::Quarter, index });
        }
        let index = tail.parse().ok().filter(|m| (1..=12).contains(m) && tail.bytes().all(|b| b.is_ascii_digit()))?;
        Some(Period { year, kind: PeriodKind::Month, index })
    }

    /// First and last month, inclusive.
    pub fn months(self) -> (MonthKey, MonthKey) {
        match self.kind {
            PeriodKind::Year => (month_key(self.year, 1), month_key(self.year, 12)),
            PeriodKind::Quarter => (month_key(self.year, self.index * 3 - 2), month_key(self.year, self.index * 3)),
            PeriodKind::Month => (month_key(self.year, self.index), month_key(self.year, self.index)),
        }
    }

    /// The first day.
    pub fn start(self) -> NaiveDate {
        let (first, _) = self.months();
        first_of(first / 100, (first % 100) as u32)
    }

    /// The day after the last day.
    pub fn end_exclusive(self) -> NaiveDate {
        let (_, last) = self.months();
        let (y, m) = (last / 100, last % 100);
        if m == 12 { first_of(y + 1, 1) } else { first_of(y, m as u32 + 1) }
    }

    /// The period of the same kind just before.
    pub fn previous(self) -> Self {
        self.shift(-1)
    }

    /// The period of the same kind `by` steps later (earlier when negative).
    pub fn shift(self, by: i32) -> Self {
        let per_year = match self.kind {
            PeriodKind::Year => return Period::year(self.year + by),
            PeriodKind::Quarter => 4,
            PeriodKind::Month => 12,
        };
        let n = self.year * per_year + self.index as i32 - 1 + by;
        Period { year: n.div_euclid(per_year), kind: self.kind, index: n.rem_euclid(per_year) as u32 + 1 }
    }

    /// Whether `other` lies within this period (a period contains itself).
    pub fn contains(self, other: Period) -> bool {
        let ((a, b), (c, d)) = (self.months(), other.months());
        a <= c && d <= b
    }
}

/// The first of a month; periods only name months of years 2000–2100, which all exist.
fn first_of(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            PeriodKind::Year => write!(f, "{}", self.year),
            PeriodKind::Quarter => write!(f, "{}-Q{}", self.year, self.index),
            PeriodKind::Month => write!(f, "{}-{:02}", self.year, self.index),
        }
    }
}

/// Why a text is not a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAPeriod;

impl fmt::Display for NotAPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a period is a year (2026), a quarter (2026-Q3) or a month (2026-09)")
    }
}

impl FromStr for Period {
    type Err = NotAPeriod;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Period::parse(s).ok_or(NotAPeriod)
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Period::parse(&text).ok_or_else(|| serde::de::Error::custom(NotAPeriod))
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Period {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(PERIOD_PATTERN))
            .description(Some("A year (`2026`), a quarter (`2026-Q3`) or a month (`2026-09`), China time."))
            .examples([serde_json::json!("2026-Q3")])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Period {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_parses_and_prints_back() {
        for s in ["2026", "2026-Q3", "2026-09", "2025-12", "2024-Q1", "2100"] {
            assert_eq!(Period::parse(s).map(|p| p.to_string()).as_deref(), Some(s));
        }
        for bad in ["", "26", "2026-Q5", "2026-13", "2026-00", "2026-9", "2026Q1", "1999", "2026-Q0", "abcd", "2026-1a"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn months_and_shifts() {
        let q3 = Period::parse("2026-Q3").expect("a period");
        assert_eq!(q3.months(), (202607, 202609));
        assert_eq!(q3.previous().to_string(), "2026-Q2");
        assert_eq!(Period::parse("2026-Q1").expect("a period").previous().to_string(), "2025-Q4");
        assert_eq!(Period::parse("2026-01").expect("a period").shift(-13).to_string(), "2024-12");
        assert_eq!(Period::year(2026).previous().to_string(), "2025");
        assert!(Period::year(2026).contains(q3));
        assert!(!q3.contains(Period::year(2026)));
        assert_eq!(Period::parse("2026-12").expect("a period").end_exclusive(), NaiveDate::from_ymd_opt(2027, 1, 1).expect("a date"));
        assert_eq!(q3.start(), NaiveDate::from_ymd_opt(2026, 7, 1).expect("a date"));
    }

    #[test]
    fn it_travels_as_its_code() {
        let q3 = Period::parse("2026-Q3").expect("a period");
        assert_eq!(serde_json::to_value(q3).expect("json"), serde_json::json!("2026-Q3"));
        assert_eq!(serde_json::from_value::<Period>(serde_json::json!("2026-09")).expect("period").to_string(), "2026-09");
        assert!(serde_json::from_value::<Period>(serde_json::json!("2026-Q9")).is_err());
    }
}
