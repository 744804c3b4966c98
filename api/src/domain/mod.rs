//! The rules of the platform, free of HTTP: who may do what, where, and how secrets are handled.

pub mod caller;
pub mod password;
pub mod permissions;
pub mod scope;
pub mod tokens;
