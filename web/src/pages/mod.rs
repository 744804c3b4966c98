//! One module per route.

pub mod audit;
pub mod users;
