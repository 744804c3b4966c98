//! 幸福家园 (Happy Home) co-building platform: the API server as a library, so the binary, the
//! integration tests and the spec dump share one `build`.

pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod entities;
pub mod error;
pub mod http;
pub mod openapi;
pub mod policy;
pub mod routes;
pub mod services;
pub mod spec_contract;
pub mod spec_rules;
pub mod startup;
pub mod state;
pub mod telemetry;
