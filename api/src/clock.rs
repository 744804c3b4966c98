//! The time the platform works with. Deadlines, escalation and retries read it from here, so tests
//! can move time forward instead of sleeping. The platform's days, weeks and months are China's, so
//! China Standard Time lives here too: schedules, capacity weeks and KPI periods all count in it.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};

/// Now, as the platform sees it.
#[derive(Clone, Default)]
pub struct Clock {
    /// Seconds added to the system time; only tests change it.
    offset_secs: Arc<AtomicI64>,
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::seconds(self.offset_secs.load(Ordering::Relaxed))
    }

    /// Moves this clock (and every copy of it) forward.
    pub fn advance(&self, by: Duration) {
        self.offset_secs.fetch_add(by.num_seconds(), Ordering::Relaxed);
    }
}

/// China Standard Time (UTC+8), in which schedules are written and days are counted.
pub fn china() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset")
}

/// The calendar date in China at `at` ("today" when `at` is now).
pub fn china_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&china()).date_naive()
}

/// The first instant of `date` in China.
pub fn china_day_start(date: NaiveDate) -> DateTime<Utc> {
    let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    // A fixed offset has no gaps or folds: `single` always answers.
    midnight.and_local_timezone(china()).single().map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_china_date_turns_at_four_pm_utc() {
        let before = DateTime::parse_from_rfc3339("2026-12-31T15:59:00Z").expect("valid").with_timezone(&Utc);
        let after = DateTime::parse_from_rfc3339("2026-12-31T16:00:00Z").expect("valid").with_timezone(&Utc);
        assert_eq!(china_date(before), NaiveDate::from_ymd_opt(2026, 12, 31).expect("valid"));
        assert_eq!(china_date(after), NaiveDate::from_ymd_opt(2027, 1, 1).expect("valid"));
    }

    #[test]
    fn advancing_moves_every_copy() {
        let clock = Clock::default();
        let copy = clock.clone();
        let before = copy.now();
        clock.advance(Duration::hours(13));
        assert!(copy.now() - before >= Duration::hours(13));
    }
}
