//! Reporting periods: a year (`2026`), a quarter (`2026-Q3`) or a month (`2026-09`), all in China time.
//! Counters are kept per month as `yyyymm`; a longer period is a range of months.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use shared::PeriodKind;

use crate::domain::matching::schedule::china;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub year: i32,
    pub kind: PeriodKind,
    /// Quarter 1–4 or month 1–12; 0 for a year.
    pub index: u32,
}

/// A month as stored in counters: `yyyymm`.
pub type MonthKey = i32;

pub fn month_key(year: i32, month: u32) -> MonthKey {
    year * 100 + month as i32
}

/// The month (China time) an instant falls in.
pub fn month_of(at: DateTime<Utc>) -> MonthKey {
    let local = at.with_timezone(&china());
    month_key(local.year(), local.month())
}

impl Period {
    pub fn year(year: i32) -> Self {
        Period { year, kind: PeriodKind::Year, index: 0 }
    }

    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let year: i32 = s.get(..4)?.parse().ok()?;
        if !(2000..=2100).contains(&year) {
            return None;
        }
        let period = match s.get(4..)? {
            "" => Period::year(year),
            rest if rest.len() == 3 && rest.starts_with("-Q") => {
                Period { year, kind: PeriodKind::Quarter, index: rest[2..].parse().ok().filter(|q| (1..=4).contains(q))? }
            }
            rest if rest.len() == 3 && rest.starts_with('-') && rest[1..].bytes().all(|b| b.is_ascii_digit()) => {
                Period { year, kind: PeriodKind::Month, index: rest[1..].parse().ok().filter(|m| (1..=12).contains(m))? }
            }
            _ => return None,
        };
        Some(period)
    }

    /// The period today falls in, of the given kind.
    pub fn containing(at: DateTime<Utc>, kind: PeriodKind) -> Self {
        let local = at.with_timezone(&china());
        let index = match kind {
            PeriodKind::Year => 0,
            PeriodKind::Quarter => (local.month() - 1) / 3 + 1,
            PeriodKind::Month => local.month(),
        };
        Period { year: local.year(), kind, index }
    }

    /// First and last month, inclusive.
    pub fn months(self) -> (MonthKey, MonthKey) {
        match self.kind {
            PeriodKind::Year => (month_key(self.year, 1), month_key(self.year, 12)),
            PeriodKind::Quarter => (month_key(self.year, self.index * 3 - 2), month_key(self.year, self.index * 3)),
            PeriodKind::Month => (month_key(self.year, self.index), month_key(self.year, self.index)),
        }
    }

    /// The day after the period's last day.
    pub fn end_exclusive(self) -> NaiveDate {
        let (_, last) = self.months();
        let (y, m) = (last / 100, last % 100);
        let (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        NaiveDate::from_ymd_opt(y, m as u32, 1).expect("valid first of month")
    }

    pub fn start(self) -> NaiveDate {
        let (first, _) = self.months();
        NaiveDate::from_ymd_opt(first / 100, (first % 100) as u32, 1).expect("valid first of month")
    }

    /// The period of the same kind just before.
    pub fn previous(self) -> Self {
        self.shift(-1)
    }

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

    /// Whether the period is over on `today` (China time).
    pub fn closed(self, now: DateTime<Utc>) -> bool {
        now.with_timezone(&china()).date_naive() >= self.end_exclusive()
    }

    /// Share of the period's year gone by at the period's end, or now if the period is still running.
    pub fn year_elapsed(self, now: DateTime<Utc>) -> f64 {
        let today = now.with_timezone(&china()).date_naive();
        let year_start = NaiveDate::from_ymd_opt(self.year, 1, 1).expect("valid");
        let year_end = NaiveDate::from_ymd_opt(self.year + 1, 1, 1).expect("valid");
        let at = today.min(self.end_exclusive()).max(year_start);
        (at - year_start).num_days() as f64 / (year_end - year_start).num_days() as f64
    }

    /// Share of the period itself gone by (1 when closed).
    pub fn elapsed(self, now: DateTime<Utc>) -> f64 {
        let today = now.with_timezone(&china()).date_naive();
        let (start, end) = (self.start(), self.end_exclusive());
        let at = today.clamp(start, end);
        (at - start).num_days() as f64 / (end - start).num_days() as f64
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            PeriodKind::Year => write!(f, "{}", self.year),
            PeriodKind::Quarter => write!(f, "{}-Q{}", self.year, self.index),
            PeriodKind::Month => write!(f, "{}-{:02}", self.year, self.index),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn parses_and_prints_every_kind() {
        for s in ["2026", "2026-Q3", "2026-09", "2025-12", "2024-Q1"] {
            assert_eq!(Period::parse(s).map(|p| p.to_string()).as_deref(), Some(s));
        }
        for bad in ["", "26", "2026-Q5", "2026-13", "2026-00", "2026-9", "2026Q1", "1999", "2026-Q0", "abcd"] {
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
        assert_eq!(Period::parse("2026").expect("a period").previous().to_string(), "2025");
        assert!(Period::year(2026).contains(q3));
        assert!(!q3.contains(Period::year(2026)));
        assert_eq!(Period::parse("2026-12").expect("a period").end_exclusive(), NaiveDate::from_ymd_opt(2027, 1, 1).expect("a date"));
    }

    #[test]
    fn months_are_counted_in_china_time() {
        // 2026-09-30 17:00 UTC is already 1 October in China.
        assert_eq!(month_of(Utc.with_ymd_and_hms(2026, 9, 30, 17, 0, 0).single().expect("a time")), 202610);
        assert_eq!(month_of(Utc.with_ymd_and_hms(2026, 9, 30, 15, 0, 0).single().expect("a time")), 202609);
    }

    #[test]
    fn elapsed_shares() {
        let now = Utc.with_ymd_and_hms(2026, 7, 2, 4, 0, 0).single().expect("a time"); // 2 July China time: day 182 of 365
        let year = Period::year(2026);
        assert!(!year.closed(now));
        assert!((year.year_elapsed(now) - 182.0 / 365.0).abs() < 1e-9);
        let q1 = Period::parse("2026-Q1").expect("a period");
        assert!(q1.closed(now));
        assert!((q1.year_elapsed(now) - 90.0 / 365.0).abs() < 1e-9);
        assert_eq!(q1.elapsed(now), 1.0);
        assert!(Period::year(2025).closed(now));
        assert_eq!(Period::year(2025).year_elapsed(now), 1.0);
    }
}
