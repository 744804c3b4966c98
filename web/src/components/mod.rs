//! Building blocks shared by the pages.

pub mod area_detail;
pub mod area_form;
pub mod area_tree;
pub mod kpi_breakdown;
pub mod kpi_card;
pub mod kpi_children;
pub mod kpi_detail_head;
pub mod kpi_head;
pub mod kpi_history;
pub mod kpi_import;
pub mod kpi_period_picker;
pub mod kpi_report_bits;
pub mod kpi_report_form;
pub mod kpi_targets;
pub mod profile_fields;
pub mod user_form;
