//! Wire types of the 幸福家园 platform: what the API sends and accepts, shared with the WASM dashboard.
//!
//! Nothing here touches a database, so it compiles for `wasm32-unknown-unknown`. With the `openapi`
//! feature the types derive `utoipa::ToSchema`, which is how the server's spec describes them.

pub mod activity;
pub mod area;
pub mod audit;
pub mod auth;
pub mod binding;
pub mod client;
mod codes;
pub use codes::Code;
pub mod consultation;
pub mod kpi;
pub mod labels;
pub mod lang;
pub mod ledger;
pub mod ledger_rules;
pub mod matching;
pub mod need;
pub mod neighbourhood;
pub mod notification;
pub mod page;
pub mod period;
pub mod problem;
pub mod program;
pub mod query;
pub mod resident;
pub mod resource;
pub mod shop;
pub mod survey;
pub mod time_bank;
pub mod user;
pub mod webhook;
pub mod workbench;

pub use activity::*;
pub use area::*;
pub use audit::*;
pub use auth::*;
pub use binding::*;
pub use client::*;
pub use consultation::*;
pub use kpi::*;
pub use labels::{Labelled, schedule_from_text, schedule_text, unit_decimals, unit_label, weekday_from_label, weekday_label, yes_no};
pub use lang::Lang;
pub use ledger::*;
pub use ledger_rules::*;
pub use matching::*;
pub use need::*;
pub use neighbourhood::*;
pub use notification::*;
pub use page::*;
pub use period::{MonthKey, NotAPeriod, PERIOD_PATTERN, Period, month_key};
pub use problem::*;
pub use program::*;
pub use query::*;
pub use resident::*;
pub use resource::*;
pub use shop::*;
pub use survey::*;
pub use time_bank::*;
pub use user::*;
pub use webhook::*;
pub use workbench::*;

/// Server-assigned identifier of any stored record.
pub type Id = i64;
