//! HTTP plumbing shared by every route: extractors, middleware, static files.

pub mod auth;
pub mod client_usage;
pub mod idempotency;
pub mod json;
pub mod language;
pub mod methods;
pub mod metrics;
pub mod query;
pub mod rate_limit;
pub mod request_id;
pub mod static_files;
pub mod validators;
