//! Building blocks shared by the pages.

pub mod area_detail;
pub mod area_form;
pub mod area_picker;
pub mod area_tree;
pub mod form;
pub mod format;
pub mod paged;
pub mod profile_fields;
pub mod shell;
pub mod status;
pub mod user_form;
