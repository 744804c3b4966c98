//! KPIs (指标): the catalogue, periods, how values roll up the area tree and how attainment is judged.
//! Free of the database: the services feed these rules with counters, reports and profiles.

pub mod attainment;
pub mod catalogue;
pub mod counters;
pub mod facts;
pub mod period;

/// Largest reported value, numerator or denominator (either sign); beyond it a figure is a typing error.
pub const MAX_VALUE: f64 = 1e12;
