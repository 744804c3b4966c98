//! Display helpers: times in the browser's time zone, optional numbers, JSON.

use chrono::{DateTime, Utc};
use wasm_bindgen::JsValue;

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
