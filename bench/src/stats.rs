//! Timing samples and the report: percentiles, throughput, ratios against a baseline measured in the
//! same run, and the closing table with each goal marked met or missed.
//!
//! Only ratios are compared with goals: absolute numbers move with the machine (and with whatever
//! else is running on it), a ratio of two measurements interleaved in one run mostly does not.

use std::fmt::Write as _;
use std::time::Duration;

/// Durations of one measured operation, in the order they were taken.
#[derive(Debug, Default, Clone)]
pub struct Samples {
    times: Vec<Duration>,
}

impl Samples {
    pub fn push(&mut self, d: Duration) {
        self.times.push(d);
    }

    pub fn len(&self) -> usize {
        self.times.len()
    }

    pub fn is_empty(&self) -> bool {
        self.times.is_empty()
    }

    pub fn total(&self) -> Duration {
        self.times.iter().sum()
    }

    /// Operations per second over the time spent in this operation only.
    pub fn per_sec(&self) -> f64 {
        let secs = self.total().as_secs_f64();
        if secs > 0.0 { self.times.len() as f64 / secs } else { 0.0 }
    }

    /// The `q`-quantile (0.5 for the median, 0.99 for p99), nearest rank.
    pub fn quantile(&self, q: f64) -> Duration {
        if self.times.is_empty() {
            return Duration::ZERO;
        }
        let mut sorted = self.times.clone();
        sorted.sort_unstable();
        let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
        sorted[rank - 1]
    }

    pub fn p50(&self) -> Duration {
        self.quantile(0.5)
    }

    pub fn p99(&self) -> Duration {
        self.quantile(0.99)
    }
}

/// Milliseconds with three decimals, the unit every latency is printed in.
pub fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

/// `a / b` of two durations, as a plain number.
pub fn ratio(a: Duration, b: Duration) -> f64 {
    if b.is_zero() { f64::NAN } else { a.as_secs_f64() / b.as_secs_f64() }
}

/// How a measured ratio must compare with its bound.
#[derive(Debug, Clone, Copy)]
pub enum Bound {
    AtLeast(f64),
    AtMost(f64),
}

impl Bound {
    fn holds(self, value: f64) -> bool {
        match self {
            Bound::AtLeast(min) => value >= min,
            Bound::AtMost(max) => value <= max,
        }
    }

    fn describe(self) -> String {
        match self {
            Bound::AtLeast(min) => format!("≥ {min}"),
            Bound::AtMost(max) => format!("≤ {max}"),
        }
    }
}

/// One line of the closing table.
struct Row {
    name: String,
    numbers: String,
    ratio: Option<f64>,
    goal: Option<Bound>,
}

/// The closing table: every number, and each goal marked met or missed.
#[derive(Default)]
pub struct Report {
    rows: Vec<Row>,
}

impl Report {
    /// A line with a ratio checked against a goal.
    pub fn goal(&mut self, name: impl Into<String>, numbers: impl Into<String>, ratio: f64, bound: Bound) {
        self.rows.push(Row { name: name.into(), numbers: numbers.into(), ratio: Some(ratio), goal: Some(bound) });
    }

    /// A line with a ratio shown for information only.
    pub fn info(&mut self, name: impl Into<String>, numbers: impl Into<String>, ratio: Option<f64>) {
        self.rows.push(Row { name: name.into(), numbers: numbers.into(), ratio, goal: None });
    }

    /// `(met, checked)`.
    pub fn score(&self) -> (usize, usize) {
        let checked: Vec<bool> = self.rows.iter().filter_map(|r| Some(r.goal?.holds(r.ratio?))).collect();
        (checked.iter().filter(|ok| **ok).count(), checked.len())
    }

    pub fn render(&self) -> String {
        let name_w = self.rows.iter().map(|r| r.name.chars().count()).max().unwrap_or(0);
        let num_w = self.rows.iter().map(|r| r.numbers.chars().count()).max().unwrap_or(0);
        let mut out = String::new();
        let _ = writeln!(out, "{:<name_w$}  {:<num_w$}  {:>7}  goal", "measurement", "numbers", "ratio");
        let _ = writeln!(out, "{}", "-".repeat(name_w + num_w + 26));
        for r in &self.rows {
            let ratio = r.ratio.map_or_else(|| "".to_owned(), |v| format!("{v:.3}"));
            let goal = match (r.goal, r.ratio) {
                (Some(bound), Some(v)) => format!("{} {}", bound.describe(), if bound.holds(v) { "met" } else { "MISSED" }),
                _ => String::new(),
            };
            let _ = writeln!(out, "{:<name_w$}  {:<num_w$}  {:>7}  {goal}", r.name, r.numbers, ratio);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_use_the_nearest_rank() {
        let mut s = Samples::default();
        for i in 1..=100 {
            s.push(Duration::from_millis(i));
        }
        assert_eq!(s.p50(), Duration::from_millis(50));
        assert_eq!(s.p99(), Duration::from_millis(99));
        assert_eq!(s.quantile(1.0), Duration::from_millis(100));
    }

    #[test]
    fn a_goal_is_met_or_missed() {
        let mut r = Report::default();
        r.goal("a", "", 0.95, Bound::AtLeast(0.9));
        r.goal("b", "", 1.6, Bound::AtMost(1.5));
        assert_eq!(r.score(), (1, 2));
        assert!(r.render().contains("MISSED"));
    }
}
