//! The rules of the platform, free of HTTP: who may do what, where, and how secrets are handled.

pub mod caller;
pub mod kpi_access;
pub mod kpis;
pub mod matching;
pub mod need_access;
pub mod need_categories;
pub mod need_lifecycle;
pub mod password;
pub mod permissions;
pub mod program_lifecycle;
pub mod resource_access;
pub mod scope;
pub mod signature;
pub mod tokens;
