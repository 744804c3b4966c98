//! Operations on the data: each takes a connection (or transaction) and the caller, applies the rules
//! of `domain`, and returns wire types. Handlers stay thin.

pub mod areas;
pub mod audit;
pub mod auth;
pub mod import_rows;
pub mod kpis;
pub mod matching;
pub mod needs;
pub mod page;
pub mod programs;
pub mod resources;
pub mod spreadsheet;
pub mod users;
pub mod webhooks;

/// The stored code of a snake_case wire enum (`"in_progress"`), the one way enums go into columns.
pub(crate) fn enum_str<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// A wire enum back from its stored code; `None` for a code it does not know.
pub(crate) fn enum_parse<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
}
