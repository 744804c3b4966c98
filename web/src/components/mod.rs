//! Building blocks shared by the pages.

pub mod area_detail;
pub mod area_form;
pub mod area_tree;
pub mod profile_fields;
pub mod user_form;
