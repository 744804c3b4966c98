//! One module per route.

pub mod areas;
pub mod audit;
pub mod users;
