//! What every feature uses: the typed API client and its errors, the session and the login page, the
//! app shell, translations (`i18n`, over the table in `crate::messages`), and the widgets no single feature owns —
//! loading/error/empty states, paged lists, form plumbing, format helpers, charts, the Excel import
//! flow and the area search.

pub mod api;
pub mod api_error;
pub mod area_picker;
pub mod bundle;
pub mod chart;
pub mod chart_geometry;
pub mod data_table;
pub mod data_table_parts;
pub mod download;
pub mod early;
pub mod endpoints;
pub mod entity_form;
pub mod form;
pub mod format;
pub mod i18n;
pub mod import_flow;
pub mod login_page;
pub mod not_found;
pub mod paged;
pub mod phone;
pub mod polled;
pub mod route_titles;
pub mod session;
pub mod shell;
#[cfg(test)]
pub mod sources;
pub mod status;
pub mod unsaved;
pub mod widgets;
