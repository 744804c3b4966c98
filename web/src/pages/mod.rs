//! One module per route.

pub mod areas;
pub mod audit;
pub mod catalogue;
pub mod kpi_detail;
pub mod kpi_report;
pub mod kpis;
pub mod matching_gaps;
pub mod matching_plan;
pub mod matching_plans;
pub mod program_detail;
pub mod program_edit;
pub mod program_rollup;
pub mod programs;
pub mod public_programs;
pub mod resource_detail;
pub mod resources;
pub mod users;
