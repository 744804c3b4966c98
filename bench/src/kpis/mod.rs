//! `bench-kpis`: the KPI dashboard of a district, which reads the kept need counters, against a
//! baseline that aggregates the needs table directly, on 1M and 10M needs; and how the dashboard's
//! latency grows with the number of needs (it must not: its cost is areas × indicators).

pub mod baseline;
pub mod measure;
pub mod setup;

/// The period every measurement asks about: the current year, so every need indicator has data.
pub const PERIOD: &str = "2026";

pub fn period() -> anyhow::Result<api::domain::kpis::period::Period> {
    api::domain::kpis::period::Period::parse(PERIOD).ok_or_else(|| anyhow::anyhow!("{PERIOD} is not a period"))
}
