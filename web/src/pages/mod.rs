//! One module per route.

pub mod areas;
pub mod audit;
pub mod kpi_detail;
pub mod kpi_report;
pub mod kpis;
pub mod matching_gaps;
pub mod matching_plan;
pub mod matching_plans;
pub mod users;
