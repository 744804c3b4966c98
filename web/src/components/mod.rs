//! Building blocks shared by the pages.

pub mod action_form;
pub mod area_detail;
pub mod area_form;
pub mod area_picker;
pub mod area_tree;
pub mod assignee_picker;
pub mod bulk_dispatch;
pub mod form;
pub mod format;
pub mod missing_editor;
pub mod mobile_shell;
pub mod need_area;
pub mod need_badges;
pub mod need_filters;
pub mod need_form;
pub mod need_panel;
pub mod need_table;
pub mod need_view;
pub mod paged;
pub mod profile_fields;
pub mod shell;
pub mod status;
pub mod user_form;
