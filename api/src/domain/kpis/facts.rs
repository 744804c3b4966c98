//! What an area's value is made of, so values roll up the area tree by each indicator's rule:
//! sums add, ratios add numerator and denominator separately (never an average of averages),
//! weighted rates add value × weight and weight, minimums take the least, distributions add bucket
//! by bucket. Merging is associative and commutative, so any grouping of areas gives the same total.

use shared::KpiRollup;

/// Upper bounds (hours) of the response-time histogram's buckets; the last one is open.
pub const BUCKET_HOURS: [f64; 12] = [1.0, 2.0, 4.0, 8.0, 12.0, 24.0, 48.0, 72.0, 120.0, 168.0, 336.0, f64::INFINITY];
pub const BUCKETS: usize = BUCKET_HOURS.len();

/// The bucket a response time falls in.
pub fn bucket_of(seconds: i64) -> usize {
    let hours = seconds.max(0) as f64 / 3600.0;
    BUCKET_HOURS.iter().position(|&upper| hours <= upper).unwrap_or(BUCKETS - 1)
}

#[derive(Debug, Clone, PartialEq)]
pub enum Facts {
    Sum(f64),
    Ratio { numerator: f64, denominator: f64 },
    Weighted { weighted: f64, weight: f64 },
    Min(f64),
    Distribution([u64; BUCKETS]),
}

impl Facts {
    /// Combines two areas' facts of the same indicator. Facts of different shapes never meet: one
    /// indicator has one rule; the left one wins if they do.
    pub fn merge(self, other: &Facts) -> Facts {
        match (self, other) {
            (Facts::Sum(a), Facts::Sum(b)) => Facts::Sum(a + b),
            (Facts::Ratio { numerator: n, denominator: d }, Facts::Ratio { numerator, denominator }) => {
                Facts::Ratio { numerator: n + numerator, denominator: d + denominator }
            }
            (Facts::Weighted { weighted: v, weight: w }, Facts::Weighted { weighted, weight }) => {
                Facts::Weighted { weighted: v + weighted, weight: w + weight }
            }
            (Facts::Min(a), Facts::Min(b)) => Facts::Min(a.min(*b)),
            (Facts::Distribution(mut a), Facts::Distribution(b)) => {
                for (x, y) in a.iter_mut().zip(b) {
                    *x += y;
                }
                Facts::Distribution(a)
            }
            (left, _) => left,
        }
    }

    /// The value shown: `scale` turns a ratio into a percentage, per-1 000 or hours; for a
    /// distribution it is the percentile asked for (0.9 for p90).
    pub fn value(&self, scale: f64) -> Option<f64> {
        match *self {
            Facts::Sum(v) | Facts::Min(v) => Some(v),
            Facts::Ratio { numerator, denominator } => (denominator != 0.0).then(|| numerator / denominator * scale),
            Facts::Weighted { weighted, weight } => (weight != 0.0).then(|| weighted / weight),
            Facts::Distribution(ref buckets) => percentile(buckets, scale),
        }
    }

    /// Numerator and denominator, for ratios.
    pub fn parts(&self) -> (Option<f64>, Option<f64>) {
        match *self {
            Facts::Ratio { numerator, denominator } => (Some(numerator), Some(denominator)),
            _ => (None, None),
        }
    }

    /// The facts of one area's reported value under a rule; `weight` is the area's population or
    /// households for the weighted rules (an area without one cannot weigh in).
    pub fn reported(rule: KpiRollup, value: f64, numerator: Option<f64>, denominator: Option<f64>, weight: Option<f64>) -> Option<Facts> {
        Some(match rule {
            KpiRollup::Sum => Facts::Sum(value),
            KpiRollup::Ratio => Facts::Ratio { numerator: numerator?, denominator: denominator? },
            KpiRollup::WeightedPopulation | KpiRollup::WeightedHouseholds => {
                let weight = weight.filter(|w| *w > 0.0)?;
                Facts::Weighted { weighted: value * weight, weight }
            }
            KpiRollup::Min => Facts::Min(value),
            KpiRollup::Distribution => return None,
        })
    }
}

/// Rolls many areas' facts into one; `None` when there are none.
pub fn roll_up<'a>(facts: impl IntoIterator<Item = &'a Facts>) -> Option<Facts> {
    facts.into_iter().fold(None, |acc: Option<Facts>, f| {
        Some(match acc {
            None => f.clone(),
            Some(a) => a.merge(f),
        })
    })
}

/// The `q` percentile (0–1) of a histogram, interpolated linearly inside its bucket; hours.
pub fn percentile(buckets: &[u64; BUCKETS], q: f64) -> Option<f64> {
    let total: u64 = buckets.iter().sum();
    if total == 0 {
        return None;
    }
    let rank = q * total as f64;
    let mut below = 0u64;
    for (i, &count) in buckets.iter().enumerate() {
        if count > 0 && (below + count) as f64 >= rank {
            let lower = if i == 0 { 0.0 } else { BUCKET_HOURS[i - 1] };
            let upper = BUCKET_HOURS[i];
            if upper.is_infinite() {
                return Some(lower);
            }
            let within = ((rank - below as f64) / count as f64).clamp(0.0, 1.0);
            return Some(lower + (upper - lower) * within);
        }
        below += count;
    }
    Some(BUCKET_HOURS[BUCKETS - 2])
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn ratio() -> impl Strategy<Value = Facts> {
        (0u32..10_000, 0u32..10_000).prop_map(|(n, d)| Facts::Ratio { numerator: n as f64, denominator: d as f64 })
    }

    proptest! {
        /// The roll-up of a ratio is the ratio of the rolled-up numerator and denominator.
        #[test]
        fn ratio_of_roll_up_is_ratio_of_sums(areas in proptest::collection::vec(ratio(), 1..40), scale in 1.0f64..1000.0) {
            let total = roll_up(&areas).expect("facts to roll up");
            let (n, d) = areas.iter().fold((0.0, 0.0), |(n, d), f| {
                let (a, b) = f.parts();
                (n + a.expect("a part"), d + b.expect("a part"))
            });
            prop_assert_eq!(total.parts(), (Some(n), Some(d)));
            match total.value(scale) {
                Some(v) => prop_assert!((v - n / d * scale).abs() <= 1e-9 * v.abs().max(1.0)),
                None => prop_assert_eq!(d, 0.0),
            }
        }

        /// Any grouping of areas (streets of communities) gives the district the same value.
        #[test]
        fn grouping_does_not_change_the_total(areas in proptest::collection::vec(ratio(), 2..40), cut in 1usize..39) {
            let cut = cut.min(areas.len() - 1);
            let (left, right) = areas.split_at(cut);
            let by_street = roll_up([&roll_up(left).expect("the left half"), &roll_up(right).expect("the right half")]).expect("facts to roll up");
            prop_assert_eq!(by_street, roll_up(&areas).expect("facts to roll up"));
        }

        #[test]
        fn weighted_rates_stay_within_the_range(values in proptest::collection::vec((0.0f64..100.0, 1.0f64..50_000.0), 1..30)) {
            let facts: Vec<Facts> = values.iter().map(|&(v, w)| Facts::reported(KpiRollup::WeightedPopulation, v, None, None, Some(w)).expect("valid facts")).collect();
            let v = roll_up(&facts).expect("facts to roll up").value(1.0).expect("a value");
            let lo = values.iter().map(|x| x.0).fold(f64::MAX, f64::min);
            let hi = values.iter().map(|x| x.0).fold(f64::MIN, f64::max);
            prop_assert!(v >= lo - 1e-9 && v <= hi + 1e-9);
        }

        #[test]
        fn distributions_add_and_percentiles_are_monotone(a in proptest::array::uniform12(0u64..50), b in proptest::array::uniform12(0u64..50)) {
            let merged = Facts::Distribution(a).merge(&Facts::Distribution(b));
            let Facts::Distribution(sum) = merged else { unreachable!() };
            for i in 0..BUCKETS { prop_assert_eq!(sum[i], a[i] + b[i]); }
            if let (Some(p50), Some(p90)) = (percentile(&sum, 0.5), percentile(&sum, 0.9)) {
                prop_assert!(p50 <= p90);
            }
        }
    }

    #[test]
    fn an_average_of_averages_would_be_wrong() {
        // 1 of 1 and 10 of 100: the district is 11 of 101 (10.9 %), not the mean of 100 % and 10 %.
        let a = Facts::Ratio { numerator: 1.0, denominator: 1.0 };
        let b = Facts::Ratio { numerator: 10.0, denominator: 100.0 };
        let v = roll_up([&a, &b]).expect("facts to roll up").value(100.0).expect("a value");
        assert!((v - 1100.0 / 101.0).abs() < 1e-9);
    }

    #[test]
    fn min_and_sum_and_weights() {
        let mins = [Facts::Min(3.0), Facts::Min(1.0), Facts::Min(2.0)];
        assert_eq!(roll_up(&mins).expect("facts to roll up").value(1.0), Some(1.0));
        let sums = [Facts::Sum(3.0), Facts::Sum(4.5)];
        assert_eq!(roll_up(&sums).expect("facts to roll up").value(1.0), Some(7.5));
        // 50 % of 1 000 people and 10 % of 3 000: 20 % of everyone.
        let w = [
            Facts::reported(KpiRollup::WeightedPopulation, 50.0, None, None, Some(1000.0)).expect("valid facts"),
            Facts::reported(KpiRollup::WeightedPopulation, 10.0, None, None, Some(3000.0)).expect("valid facts"),
        ];
        assert_eq!(roll_up(&w).expect("facts to roll up").value(1.0), Some(20.0));
        assert_eq!(Facts::reported(KpiRollup::WeightedHouseholds, 5.0, None, None, None), None);
        assert_eq!(Facts::Ratio { numerator: 0.0, denominator: 0.0 }.value(100.0), None);
    }

    #[test]
    fn percentile_of_a_histogram() {
        let mut h = [0u64; BUCKETS];
        assert_eq!(percentile(&h, 0.9), None);
        h[0] = 9; // ≤ 1 h
        h[5] = 1; // 12–24 h
        assert!((percentile(&h, 0.9).expect("a percentile") - 1.0).abs() < 1e-9);
        h[5] = 11;
        // rank 18 of 20: the 9th of 11 in the 12–24 h bucket.
        assert!((percentile(&h, 0.9).expect("a percentile") - (12.0 + 12.0 * 9.0 / 11.0)).abs() < 1e-9);
        assert_eq!(bucket_of(0), 0);
        assert_eq!(bucket_of(3600), 0);
        assert_eq!(bucket_of(3601), 1);
        assert_eq!(bucket_of(10_000_000), BUCKETS - 1);
    }
}
