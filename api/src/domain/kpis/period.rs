//! Reporting periods on the server's clock: which period an instant falls in and how far a period
//! has run, in China time. The period itself (`2026`, `2026-Q3`, `2026-09`) is [`shared::Period`].
//! Counters are kept per month as `yyyymm`; a longer period is a range of months.

use chrono::{DateTime, Datelike, Utc};
use shared::PeriodKind;
pub use shared::{MonthKey, Period, month_key};

use crate::clock::{china, china_date};

/// The month (China time) an instant falls in.
pub fn month_of(at: DateTime<Utc>) -> MonthKey {
    let local = at.with_timezone(&china());
    month_key(local.year(), local.month())
}

/// What a period is on the server's clock.
pub trait PeriodClock: Sized {
    /// The period of the given kind an instant falls in.
    fn containing(at: DateTime<Utc>, kind: PeriodKind) -> Self;
    /// Whether the period is over at `now`.
    fn closed(self, now: DateTime<Utc>) -> bool;
    /// Share of the period's year gone by at the period's end, or now if the period is still running.
    fn year_elapsed(self, now: DateTime<Utc>) -> f64;
    /// Share of the period itself gone by (1 when closed).
    fn elapsed(self, now: DateTime<Utc>) -> f64;
}

impl PeriodClock for Period {
    fn containing(at: DateTime<Utc>, kind: PeriodKind) -> Self {
        let local = at.with_timezone(&china());
        let index = match kind {
            PeriodKind::Year => 0,
            PeriodKind::Quarter => (local.month() - 1) / 3 + 1,
            PeriodKind::Month => local.month(),
        };
        Period { year: local.year(), kind, index }
    }

    fn closed(self, now: DateTime<Utc>) -> bool {
        china_date(now) >= self.end_exclusive()
    }

    fn year_elapsed(self, now: DateTime<Utc>) -> f64 {
        let (year_start, year_end) = (Period::year(self.year).start(), Period::year(self.year).end_exclusive());
        let at = china_date(now).min(self.end_exclusive()).max(year_start);
        (at - year_start).num_days() as f64 / (year_end - year_start).num_days() as f64
    }

    fn elapsed(self, now: DateTime<Utc>) -> f64 {
        let (start, end) = (self.start(), self.end_exclusive());
        let at = china_date(now).clamp(start, end);
        (at - start).num_days() as f64 / (end - start).num_days() as f64
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn months_are_counted_in_china_time() {
        // 2026-09-30 17:00 UTC is already 1 October in China.
        assert_eq!(month_of(Utc.with_ymd_and_hms(2026, 9, 30, 17, 0, 0).single().expect("a time")), 202610);
        assert_eq!(month_of(Utc.with_ymd_and_hms(2026, 9, 30, 15, 0, 0).single().expect("a time")), 202609);
    }

    #[test]
    fn the_period_containing_an_instant_is_found_in_china_time() {
        let new_year_in_china = Utc.with_ymd_and_hms(2026, 12, 31, 17, 0, 0).single().expect("a time");
        assert_eq!(Period::containing(new_year_in_china, PeriodKind::Quarter).to_string(), "2027-Q1");
        assert_eq!(Period::containing(new_year_in_china, PeriodKind::Month).to_string(), "2027-01");
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
