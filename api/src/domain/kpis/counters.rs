//! Need counters: what one need adds to its area's monthly counters. The KPI tables keep the sum of
//! these per area (the need's own and every ancestor) and month, updated in the same transaction as
//! the need by subtracting the old row's contribution and adding the new one's. Because a
//! contribution depends only on the need's row, the kept counters always equal a full recount.

use std::collections::BTreeMap;

use shared::NeedStatus;

use super::facts::{BUCKETS, bucket_of};
use super::period::{MonthKey, month_of};
use crate::entities::need;

/// A counter's code as stored (short: it is part of the key of every counter row).
pub type Counter = &'static str;

pub const SUBMITTED: Counter = "submitted";
pub const RESPONDED: Counter = "responded";
pub const RESPONSE_SECONDS: Counter = "response_secs";
pub const RESOLVED: Counter = "resolved";
pub const RESOLVED_ON_TIME: Counter = "resolved_on_time";
pub const RATED: Counter = "rated";
pub const SATISFIED: Counter = "satisfied";
pub const VOLUNTEER_MINUTES: Counter = "volunteer_minutes";
/// `response_b00` … `response_b11`: the response-time histogram.
pub const RESPONSE_BUCKETS: [Counter; BUCKETS] = [
    "response_b00",
    "response_b01",
    "response_b02",
    "response_b03",
    "response_b04",
    "response_b05",
    "response_b06",
    "response_b07",
    "response_b08",
    "response_b09",
    "response_b10",
    "response_b11",
];

/// Lowest rating that counts as satisfied (4 or 5 stars).
pub const SATISFIED_FROM: i32 = 4;

/// Deltas keyed by (month, counter), for one area path.
pub type Deltas = BTreeMap<(MonthKey, Counter), i64>;

/// What one need contributes, by month and counter. Each fact is counted in the month it happened:
/// submission, first response, resolution (with its rating and volunteer hours).
pub fn contribution(n: &need::Model) -> Deltas {
    let mut out = Deltas::new();
    let mut add = |month: MonthKey, counter: Counter, v: i64| *out.entry((month, counter)).or_default() += v;
    add(month_of(n.created_at), SUBMITTED, 1);
    if let Some(responded) = n.responded_at {
        let month = month_of(responded);
        let seconds = (responded - n.created_at).num_seconds().max(0);
        add(month, RESPONDED, 1);
        add(month, RESPONSE_SECONDS, seconds);
        add(month, RESPONSE_BUCKETS[bucket_of(seconds)], 1);
    }
    if let Some(resolved) = n.resolved_at {
        let month = month_of(resolved);
        add(month, RESOLVED, 1);
        if n.completion_due_at.is_none_or(|due| resolved <= due) {
            add(month, RESOLVED_ON_TIME, 1);
        }
        // A rating counts while it stands: a reopened need is rated again.
        let rated = [NeedStatus::Rated.as_str(), NeedStatus::Closed.as_str()].contains(&n.status.as_str());
        if let Some(rating) = n.rating.filter(|_| rated) {
            add(month, RATED, 1);
            if rating >= SATISFIED_FROM {
                add(month, SATISFIED, 1);
            }
        }
        if let Some(minutes) = n.volunteer_minutes.filter(|m| *m > 0) {
            add(month, VOLUNTEER_MINUTES, minutes as i64);
        }
    }
    out.retain(|_, v| *v != 0);
    out
}

/// What changes when a need goes from `before` to `after` (either may be absent): the new
/// contribution minus the old, without the entries that cancel out.
pub fn change(before: Option<&need::Model>, after: Option<&need::Model>) -> Deltas {
    let mut out = after.map(contribution).unwrap_or_default();
    for (key, v) in before.map(contribution).unwrap_or_default() {
        *out.entry(key).or_default() -= v;
    }
    out.retain(|_, v| *v != 0);
    out
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::*;

    fn need(status: NeedStatus) -> need::Model {
        let created = Utc.with_ymd_and_hms(2026, 3, 31, 10, 0, 0).unwrap(); // 18:00 China time
        need::Model {
            id: 1,
            area_id: 5,
            area_path: "/1/2/5/".into(),
            category: "elderly_care".into(),
            text: "t".into(),
            address: None,
            at_home: false,
            lat: None,
            lng: None,
            tags: ",".into(),
            urgency: "normal".into(),
            preferred_time: None,
            channel: "web".into(),
            contact_name: None,
            contact_phone: None,
            resident_id: None,
            submitted_by: 1,
            status: status.as_str().into(),
            owner_id: None,
            assignee_id: None,
            service_id: None,
            missing: None,
            dispatched_at: None,
            acceptance_due_at: None,
            response_due_at: None,
            completion_due_at: None,
            escalated_at: None,
            unclaimed: false,
            reopen_count: 0,
            rating: None,
            rating_comment: None,
            resolution: None,
            reason: None,
            cosign_count: 0,
            responded_at: None,
            resolved_at: None,
            volunteer_minutes: None,
            return_visit: false,
            created_at: created,
            updated_at: created,
        }
    }

    #[test]
    fn each_fact_counts_in_its_own_month() {
        let mut n = need(NeedStatus::Rated);
        n.responded_at = Some(n.created_at + Duration::hours(7)); // 1 April, China time
        n.completion_due_at = Some(n.created_at + Duration::days(3));
        n.resolved_at = Some(n.created_at + Duration::days(2));
        n.rating = Some(5);
        n.volunteer_minutes = Some(90);
        let c = contribution(&n);
        assert_eq!(c[&(202603, SUBMITTED)], 1);
        assert_eq!(c[&(202604, RESPONDED)], 1);
        assert_eq!(c[&(202604, RESPONSE_SECONDS)], 7 * 3600);
        assert_eq!(c[&(202604, RESPONSE_BUCKETS[3])], 1);
        assert_eq!(c[&(202604, RESOLVED_ON_TIME)], 1);
        assert_eq!(c[&(202604, SATISFIED)], 1);
        assert_eq!(c[&(202604, VOLUNTEER_MINUTES)], 90);
        assert_eq!(c.len(), 9);
    }

    #[test]
    fn late_resolution_and_reopened_ratings() {
        let mut n = need(NeedStatus::Resolved);
        n.completion_due_at = Some(n.created_at + Duration::days(1));
        n.resolved_at = Some(n.created_at + Duration::days(2));
        n.rating = Some(2); // an old rating of a need being worked again does not count
        let c = contribution(&n);
        assert_eq!(c.get(&(202604, RESOLVED)), Some(&1));
        assert_eq!(c.get(&(202604, RESOLVED_ON_TIME)), None);
        assert_eq!(c.get(&(202604, RATED)), None);
    }

    #[test]
    fn a_change_is_the_difference() {
        let before = need(NeedStatus::Accepted);
        let mut after = before.clone();
        after.status = NeedStatus::InProgress.as_str().into();
        assert!(change(Some(&before), Some(&after)).is_empty());
        after.responded_at = Some(after.created_at + Duration::minutes(30));
        let d = change(Some(&before), Some(&after));
        assert_eq!(d.len(), 3);
        assert_eq!(d[&(202603, RESPONDED)], 1);
        let gone = change(Some(&after), None);
        assert_eq!(gone[&(202603, SUBMITTED)], -1);
    }
}
