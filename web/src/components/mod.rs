//! Building blocks shared by the pages.

pub mod user_form;
