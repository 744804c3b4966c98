//! One module per route.

pub mod areas;
pub mod audit;
pub mod kpi_detail;
pub mod kpi_report;
pub mod kpis;
pub mod users;
