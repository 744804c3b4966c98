//! Matching needs to services: candidates of one need, batch plans as jobs, and the gap report.

pub mod candidates;
pub mod dispatch;
pub mod facts;
pub mod gaps;
pub mod plans;
