//! The check-in code of an activity (签到码): six digits that change every minute, derived from the
//! activity's secret and the minute (HMAC-SHA256, truncated as TOTP does, RFC 6238 with a 60 s step).
//! The organiser shows the current code; a volunteer presents it. The current and the previous minute
//! are accepted (a code read at 10:00:59 still works at 10:01:30); an older one is *expired*, which
//! the volunteer is told apart from a wrong code.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Seconds a code is current.
pub const STEP_SECS: i64 = 60;
/// How many minutes back an old code is recognised as expired rather than wrong.
const RECOGNISED_MINUTES: i64 = 30;

/// The minute `at` falls in (Unix minutes).
pub fn minute_of(at: DateTime<Utc>) -> i64 {
    at.timestamp().div_euclid(STEP_SECS)
}

/// When the code of `at`'s minute stops being current.
pub fn changes_at(at: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp((minute_of(at) + 1) * STEP_SECS, 0).unwrap_or(at)
}

/// The code of one minute for one activity.
pub fn code_at(secret: &str, activity: i64, minute: i64) -> String {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(format!("activity|{activity}|{minute}").as_bytes());
    let digest = mac.finalize().into_bytes();
    // Dynamic truncation (RFC 4226 §5.3).
    let offset = usize::from(digest[digest.len() - 1] & 0x0f);
    let bin = u32::from_be_bytes([digest[offset] & 0x7f, digest[offset + 1], digest[offset + 2], digest[offset + 3]]);
    format!("{:06}", bin % 1_000_000)
}

/// The code shown at `now`.
pub fn current(secret: &str, activity: i64, now: DateTime<Utc>) -> String {
    code_at(secret, activity, minute_of(now))
}

/// Why a presented code is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeRefused {
    #[error("this check-in code has expired; scan the code shown now")]
    Expired,
    #[error("not this activity's check-in code")]
    Wrong,
}

/// The verdict on a presented code at `now`.
pub fn judge(secret: &str, activity: i64, presented: &str, now: DateTime<Utc>) -> Result<(), CodeRefused> {
    let minute = minute_of(now);
    let presented = presented.trim();
    if [minute, minute - 1].iter().any(|m| same(&code_at(secret, activity, *m), presented)) {
        return Ok(());
    }
    if (2..=RECOGNISED_MINUTES).any(|back| same(&code_at(secret, activity, minute - back), presented)) {
        return Err(CodeRefused::Expired);
    }
    Err(CodeRefused::Wrong)
}

/// Constant-time comparison.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).unwrap_or_default()
    }

    #[test]
    fn codes_are_six_digits_and_change_every_minute() {
        let t = at("2026-12-06T10:00:05Z");
        let a = current("s", 1, t);
        assert_eq!(a.len(), 6);
        assert!(a.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(a, current("s", 1, t + Duration::seconds(50)));
        assert_ne!(a, current("s", 1, t + Duration::seconds(60)));
        assert_ne!(a, current("s", 2, t));
        assert_ne!(a, current("t", 1, t));
    }

    #[test]
    fn the_current_and_the_previous_minute_are_accepted_and_older_codes_expired() {
        let t = at("2026-12-06T10:00:05Z");
        let code = current("s", 1, t);
        assert_eq!(judge("s", 1, &code, t), Ok(()));
        assert_eq!(judge("s", 1, &code, t + Duration::seconds(60)), Ok(()));
        assert_eq!(judge("s", 1, &code, t + Duration::seconds(120)), Err(CodeRefused::Expired));
        assert_eq!(judge("s", 1, "abcdef", t), Err(CodeRefused::Wrong));
    }

    #[test]
    fn a_code_changes_at_the_next_minute() {
        assert_eq!(changes_at(at("2026-12-06T10:00:05Z")), at("2026-12-06T10:01:00Z"));
    }
}
