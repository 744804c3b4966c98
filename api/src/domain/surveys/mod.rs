//! 民意调查 surveys, free of HTTP and the database: the lifecycle table, the builder's rules, the
//! answer checks against questions and conditions, and the templates shipped as data.

pub mod answers;
pub mod build;
pub mod lifecycle;
pub mod templates;
