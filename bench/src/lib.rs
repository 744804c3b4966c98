//! Benchmarks of the platform, each behind a `just bench-…` recipe and never part of `just test`.
//! Every benchmark measures a baseline in the same run (a raw-sqlx twin of the same work on the same
//! database) and reports ratios against it, so a number means the same on a laptop and on CI.

pub mod capture;
pub mod kpis;
pub mod ledger;
pub mod matching;
pub mod needs;
pub mod scratch;
pub mod stats;
pub mod surveys;
