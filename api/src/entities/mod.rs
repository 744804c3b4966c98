//! sea-orm entities, one per table. Conversions to wire types live in `services`, never in `shared`.

pub mod area;
pub mod audit_log;
pub mod idempotency_key;
pub mod refresh_token;
pub mod user;
