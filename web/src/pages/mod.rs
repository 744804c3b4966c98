//! One module per route.

pub mod areas;
pub mod audit;
pub mod community;
pub mod login;
pub mod need_detail;
pub mod needs;
pub mod overdue;
pub mod resident;
pub mod tasks;
pub mod users;
