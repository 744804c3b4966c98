//! sea-orm entities, one per table. Conversions to wire types live in `services`, never in `shared`.

pub mod area;
pub mod audit_log;
pub mod catalogue_entry;
pub mod delivery;
pub mod idempotency_key;
pub mod matching_plan;
pub mod milestone;
pub mod need;
pub mod need_cosign;
pub mod need_deadline;
pub mod need_event;
pub mod need_photo;
pub mod plan_row;
pub mod pledge;
pub mod program;
pub mod program_item;
pub mod program_partner;
pub mod provider;
pub mod refresh_token;
pub mod service;
pub mod service_person;
pub mod service_space;
pub mod spend;
pub mod user;
pub mod webhook_delivery;
pub mod webhook_endpoint;
