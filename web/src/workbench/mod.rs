//! 工作台 (the worker's landing, `/workbench`): counts of the needs waiting at each step linking to the
//! filtered queue, today's deadlines, my tasks and quick actions ([`page`]); the same counts as live
//! badges on the staff menu ([`badges`]); their API calls.

pub mod badges;
pub mod endpoints;
pub mod page;
