//! Operations on the data: each takes a connection (or transaction) and the caller, applies the rules
//! of `domain`, and returns wire types. Handlers stay thin.

pub mod activities;
pub mod areas;
pub mod audit;
pub mod auth;
pub mod consultation;
pub mod import_rows;
pub mod integration_clients;
pub mod kpis;
pub mod ledger;
pub mod matching;
pub mod needs;
pub mod neighbourhood;
pub mod notifications;
pub mod page;
pub mod programs;
pub mod resident_bindings;
pub mod residents;
pub mod resources;
pub mod search;
pub mod shop;
pub mod sms;
pub mod spreadsheet;
pub mod surveys;
pub mod users;
pub mod users_export;
pub mod webhooks;
pub mod workbench;
