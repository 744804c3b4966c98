//! Weekly schedules in China Standard Time: validation, "open at this moment?", hours per day.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use shared::{FieldRule, TimeSlot};

use crate::clock::china;
use crate::domain::field_errors::FieldErrors;

/// A slot as minutes of the day: `start..end` on `weekday` (1 = Monday).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub weekday: u8,
    pub start: u16,
    pub end: u16,
}

fn minutes(hhmm: &str) -> Option<u16> {
    let (h, m) = hhmm.split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 24 && m < 60 && h * 60 + m <= 24 * 60).then_some(h * 60 + m)
}

/// Parses slots; a slot that cannot be read or ends before it starts is left out (callers validate
/// input with [`check`] first, so stored schedules always parse).
pub fn slots(schedule: &[TimeSlot]) -> Vec<Slot> {
    schedule
        .iter()
        .filter_map(|s| {
            let (start, end) = (minutes(&s.start)?, minutes(&s.end)?);
            ((1..=7).contains(&s.weekday) && start < end).then_some(Slot { weekday: s.weekday, start, end })
        })
        .collect()
}

/// Reports every slot that ends before it starts or overlaps another slot of the same day.
pub fn check(schedule: &[TimeSlot], pointer: &str, errors: &mut FieldErrors) {
    let parsed: Vec<Option<Slot>> = schedule
        .iter()
        .map(|s| {
            let (start, end) = (minutes(&s.start)?, minutes(&s.end)?);
            Some(Slot { weekday: s.weekday, start, end })
        })
        .collect();
    for (i, slot) in parsed.iter().enumerate() {
        match slot {
            None => errors.add(&format!("{pointer}/{i}"), FieldRule::Invalid, "times are HH:MM"),
            Some(s) if s.start >= s.end => {
                errors.add(&format!("{pointer}/{i}/end"), FieldRule::OutOfRange, "a slot must end after it starts")
            }
            Some(s) => {
                let overlaps = parsed[..i].iter().flatten().any(|o| o.weekday == s.weekday && o.start < s.end && s.start < o.end);
                if overlaps {
                    errors.add(&format!("{pointer}/{i}"), FieldRule::Overlap, "overlaps another slot of the same day");
                }
            }
        }
    }
}

/// The weekday (1 = Monday), minute of the day and date of a moment, in China time.
pub fn local(at: DateTime<Utc>) -> (u8, u16, NaiveDate) {
    let t = at.with_timezone(&china());
    (t.weekday().number_from_monday() as u8, (t.hour() * 60 + t.minute()) as u16, t.date_naive())
}

/// Monday 00:00 China time of the week holding `now`: weekly capacity counts from here.
pub fn week_start(now: DateTime<Utc>) -> DateTime<Utc> {
    let local = now.with_timezone(&china());
    let monday = local.date_naive() - chrono::Days::new(u64::from(local.weekday().num_days_from_monday()));
    monday.and_hms_opt(0, 0, 0).and_then(|t| t.and_local_timezone(china()).single()).map_or(now, |t| t.with_timezone(&Utc))
}

/// Whether the slots are open at this weekday and minute.
pub fn open_at(slots: &[Slot], weekday: u8, minute: u16) -> bool {
    slots.iter().any(|s| s.weekday == weekday && s.start <= minute && minute < s.end)
}

/// Hours open on Monday … Sunday.
pub fn hours_per_day(slots: &[Slot]) -> [f64; 7] {
    let mut hours = [0.0; 7];
    for s in slots {
        hours[usize::from(s.weekday - 1)] += f64::from(s.end - s.start) / 60.0;
    }
    hours
}

/// Open less than 8 hours on some day of the week (seed 003: 服务时间一般不少于每天8小时).
pub fn short_hours(slots: &[Slot]) -> bool {
    hours_per_day(slots).iter().any(|h| *h < 8.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(weekday: u8, start: &str, end: &str) -> TimeSlot {
        TimeSlot { weekday, start: start.into(), end: end.into() }
    }

    #[test]
    fn open_at_counts_the_start_but_not_the_end() {
        let s = slots(&[slot(1, "08:00", "12:00")]);
        assert!(open_at(&s, 1, 8 * 60));
        assert!(open_at(&s, 1, 11 * 60 + 59));
        assert!(!open_at(&s, 1, 12 * 60));
        assert!(!open_at(&s, 2, 9 * 60));
    }

    #[test]
    fn a_day_under_eight_hours_is_flagged() {
        let full: Vec<TimeSlot> = (1..=7).flat_map(|d| [slot(d, "08:00", "12:00"), slot(d, "13:00", "17:00")]).collect();
        assert!(!short_hours(&slots(&full)));
        let mut short = full.clone();
        short.pop();
        assert!(short_hours(&slots(&short)));
        assert_eq!(hours_per_day(&slots(&full))[6], 8.0);
        assert!(slots(&[slot(1, "00:00", "24:00")]).len() == 1);
    }

    #[test]
    fn check_reports_backwards_and_overlapping_slots() {
        let mut errors = FieldErrors::default();
        check(&[slot(1, "09:00", "08:00"), slot(2, "08:00", "12:00"), slot(2, "11:00", "13:00")], "/schedule", &mut errors);
        let pointers: Vec<String> = errors.pointers();
        assert_eq!(pointers, vec!["/schedule/0/end".to_owned(), "/schedule/2".to_owned()]);
    }

    #[test]
    fn the_week_starts_on_monday_midnight_in_china() {
        let at = DateTime::parse_from_rfc3339("2026-11-25T03:00:00Z").expect("valid").with_timezone(&Utc);
        assert_eq!(week_start(at).to_rfc3339(), "2026-11-22T16:00:00+00:00");
        let sunday_night = DateTime::parse_from_rfc3339("2026-11-22T15:59:00Z").expect("valid").with_timezone(&Utc);
        assert_eq!(week_start(sunday_night).to_rfc3339(), "2026-11-15T16:00:00+00:00");
    }

    #[test]
    fn local_time_is_china_time() {
        let at = DateTime::parse_from_rfc3339("2026-11-23T17:30:00Z").expect("valid").with_timezone(&Utc);
        // 01:30 on Tuesday 24 November in Beijing.
        assert_eq!(local(at), (2, 90, NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid")));
    }
}
