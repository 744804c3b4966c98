//! Display helpers: times in the browser's time zone, date inputs, optional numbers, money in fen
//! (shown as ¥, typed in yuan), plain numbers, JSON.

use chrono::{DateTime, NaiveDate, Utc};
use wasm_bindgen::JsValue;

use crate::common::i18n::group_thousands;

/// `2026-05-01 14:03` in the viewer's local time. chrono's `Local` needs the `wasmbind` feature,
/// so the browser's `Date` does the time-zone work.
pub fn local_time(at: &DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Now, from the browser's clock. `chrono::Utc::now()` would panic here: without chrono's `wasmbind`
/// feature it asks `SystemTime`, which wasm32-unknown-unknown does not have.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// `2026-05-01T14:03`: what a `datetime-local` input shows for `at` in the viewer's local time.
pub fn local_input(at: &DateTime<Utc>) -> String {
    local_time(at).replacen(' ', "T", 1)
}

/// The instant a `datetime-local` input's value (`2026-05-01T14:03`) means in the viewer's time zone;
/// `None` when empty or not a date.
pub fn parse_local_time(value: &str) -> Option<DateTime<Utc>> {
    if value.is_empty() {
        return None;
    }
    // ECMAScript reads date-time strings without an offset as local time, which is what the input means.
    let millis = js_sys::Date::new(&JsValue::from_str(value)).get_time();
    if millis.is_nan() {
        return None;
    }
    DateTime::from_timestamp_millis(millis as i64)
}

/// Pretty-printed JSON for the audit diff.
pub fn pretty_json(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}

/// Today in the viewer's time zone as a date input wants it (`2026-05-01`).
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// A date input's value; `None` when empty or not a date.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    // By hand: chrono's format parser costs kilobytes of wasm for this one shape.
    let mut parts = value.trim().splitn(3, '-').map(str::parse::<u32>);
    let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// `¥1,234.56`, exact (integer arithmetic on fen).
pub fn money(fen: i64) -> String {
    let abs = fen.unsigned_abs();
    let sign = if fen < 0 { "-" } else { "" };
    format!("{sign}¥{}.{:02}", group_thousands(&(abs / 100).to_string()), abs % 100)
}

/// `600`, `12.5`, `20,000`: no trailing zeros.
pub fn plain_number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    group_thousands(text)
}

/// Yuan as typed (`1234.5`, `1,234.56`, `¥100`) to fen; `None` when not a non-negative amount with at
/// most two decimals.
pub fn parse_yuan(text: &str) -> Option<i64> {
    let cleaned: String = text.trim().trim_start_matches('¥').chars().filter(|c| *c != ',' && *c != '，' && !c.is_whitespace()).collect();
    let (int, frac) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) || frac.len() > 2 {
        return None;
    }
    let yuan: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let cents: i64 = format!("{frac:0<2}").parse().ok()?;
    yuan.checked_mul(100)?.checked_add(cents)
}

/// Fen as an input's yuan text (`1234.5` → `1234.50`), for editing.
pub fn yuan_input(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, (fen % 100).abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `chrono::Utc::now()` compiles for wasm32 and panics there (see [`now`]); only tests, which
    /// run on the host, may call it.
    #[test]
    fn the_dashboard_reads_the_time_from_the_browser_never_from_chrono() {
        let mut offenders = Vec::new();
        for (file, code) in crate::common::sources::dashboard_code() {
            for (n, line) in code.lines().enumerate() {
                if line.contains("Utc::now()") && !line.trim_start().starts_with("//") {
                    offenders.push(format!("{file}:{}", n + 1));
                }
            }
        }
        assert!(offenders.is_empty(), "use common::format::now() instead of Utc::now() at {offenders:?}");
    }

    #[test]
    fn yuan_is_parsed_to_exact_fen() {
        assert_eq!(parse_yuan("1234.5"), Some(123_450));
        assert_eq!(parse_yuan("¥1,000"), Some(100_000));
        assert_eq!(parse_yuan(".07"), Some(7));
        assert_eq!(parse_yuan("0.123"), None);
        assert_eq!(parse_yuan("-5"), None);
        assert_eq!(parse_yuan(""), None);
    }

    #[test]
    fn money_is_shown_with_two_decimals() {
        assert_eq!(money(123_456), "¥1,234.56");
        assert_eq!(money(5), "¥0.05");
        assert_eq!(yuan_input(123_450), "1234.50");
        assert_eq!(plain_number(20000.0), "20,000");
        assert_eq!(plain_number(12.5), "12.5");
    }
}
