//! KPIs: need counters kept up to date, reported values and targets, and the dashboard, series,
//! breakdown and export computed from them.

pub mod counters;
pub mod dashboard;
pub mod export;
pub mod import;
pub mod reports;
pub mod targets;
pub mod tree;
pub mod values;
