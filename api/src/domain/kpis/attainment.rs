//! Attainment (达标情况) of one indicator in one area and period: met, on track, at risk, missed —
//! from the target, the direction and a projection to the period's end.

use shared::{Attainment, Comparator, KpiDirection, TargetValue, Trend};

/// Whether a value satisfies a target. "=" allows for rounding in reported figures.
pub fn meets(value: f64, target: TargetValue) -> bool {
    let tolerance = 1e-6 * target.value.abs().max(1.0);
    match target.comparator {
        Comparator::AtLeast => value >= target.value - tolerance,
        Comparator::AtMost => value <= target.value + tolerance,
        Comparator::Equal => (value - target.value).abs() <= tolerance,
    }
}

/// What is known of an indicator in a period, to judge it.
#[derive(Debug, Clone, Copy)]
pub struct Situation {
    pub direction: KpiDirection,
    /// Flows (counts, hours) grow through the period; stocks and rates move from where they started.
    pub accumulates: bool,
    pub value: Option<f64>,
    pub target: Option<TargetValue>,
    /// Where a stock stood when the period began (the previous period's value).
    pub start: Option<f64>,
    pub closed: bool,
    /// Share of the period gone by (0–1).
    pub elapsed: f64,
}

/// The value expected at the period's end if things go on as they have: a flow keeps its pace; a
/// stock keeps moving from where it started at the same rate. `None` once closed or without a basis.
pub fn project(s: &Situation) -> Option<f64> {
    let value = s.value?;
    if s.closed || s.elapsed <= 0.0 {
        return None;
    }
    if s.accumulates {
        Some(value / s.elapsed)
    } else {
        let start = s.start?;
        Some(start + (value - start) / s.elapsed)
    }
}

pub fn assess(s: &Situation) -> (Attainment, Option<f64>) {
    let Some(value) = s.value else { return (Attainment::NoData, None) };
    let target = match s.target {
        Some(t) if s.direction != KpiDirection::Neutral => t,
        _ => return (Attainment::NoTarget, None),
    };
    if meets(value, target) {
        return (Attainment::Met, None);
    }
    if s.closed {
        return (Attainment::Missed, None);
    }
    let projected = project(s);
    let status = if projected.is_some_and(|p| meets(p, target)) { Attainment::OnTrack } else { Attainment::AtRisk };
    (status, projected)
}

/// Up, down or flat against the previous period (changes under 0.05 % of the larger value are flat).
pub fn trend(value: Option<f64>, previous: Option<f64>) -> Option<Trend> {
    let (v, p) = (value?, previous?);
    let tolerance = 5e-4 * v.abs().max(p.abs()).max(1e-9);
    Some(if (v - p).abs() <= tolerance {
        Trend::Flat
    } else if v > p {
        Trend::Up
    } else {
        Trend::Down
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_least(v: f64) -> Option<TargetValue> {
        Some(TargetValue { comparator: Comparator::AtLeast, value: v })
    }

    fn situation(value: Option<f64>, target: Option<TargetValue>) -> Situation {
        Situation { direction: KpiDirection::Higher, accumulates: false, value, target, start: None, closed: false, elapsed: 0.5 }
    }

    #[test]
    fn met_and_missed() {
        assert_eq!(assess(&situation(Some(30.0), at_least(30.0))).0, Attainment::Met);
        assert_eq!(assess(&Situation { closed: true, ..situation(Some(29.0), at_least(30.0)) }).0, Attainment::Missed);
        let at_most = Some(TargetValue { comparator: Comparator::AtMost, value: 12.0 });
        assert_eq!(assess(&Situation { direction: KpiDirection::Lower, ..situation(Some(11.5), at_most) }).0, Attainment::Met);
        let equal = Some(TargetValue { comparator: Comparator::Equal, value: 100.0 });
        assert_eq!(assess(&situation(Some(100.0000001), equal)).0, Attainment::Met);
        assert_eq!(assess(&Situation { closed: true, ..situation(Some(99.0), equal) }).0, Attainment::Missed);
    }

    #[test]
    fn no_data_and_no_target() {
        assert_eq!(assess(&situation(None, at_least(1.0))).0, Attainment::NoData);
        assert_eq!(assess(&situation(Some(3.0), None)).0, Attainment::NoTarget);
        assert_eq!(assess(&Situation { direction: KpiDirection::Neutral, ..situation(Some(3.0), at_least(1.0)) }).0, Attainment::NoTarget);
    }

    #[test]
    fn a_stock_is_projected_from_where_it_started() {
        // 90 % at the start of the year, 93 % halfway: 96 % by the end, target 95 %: on track.
        let s = Situation { start: Some(90.0), ..situation(Some(93.0), at_least(95.0)) };
        assert_eq!(assess(&s), (Attainment::OnTrack, Some(96.0)));
        // 91 % halfway: 92 % by the end: at risk.
        let s = Situation { start: Some(90.0), ..situation(Some(91.0), at_least(95.0)) };
        assert_eq!(assess(&s), (Attainment::AtRisk, Some(92.0)));
        // Without a starting point there is no projection: at risk until met.
        assert_eq!(assess(&situation(Some(91.0), at_least(95.0))), (Attainment::AtRisk, None));
    }

    #[test]
    fn a_flow_keeps_its_pace() {
        // 600 volunteer hours by the end of the first quarter of the year: 2 400 by the end.
        let s = Situation { accumulates: true, elapsed: 0.25, ..situation(Some(600.0), at_least(2000.0)) };
        assert_eq!(assess(&s), (Attainment::OnTrack, Some(2400.0)));
        let s = Situation { accumulates: true, elapsed: 0.25, ..situation(Some(400.0), at_least(2000.0)) };
        assert_eq!(assess(&s), (Attainment::AtRisk, Some(1600.0)));
    }

    #[test]
    fn lower_is_better_projects_downwards() {
        // Average response 20 h at the start, 16 h halfway: 12 h by the end, target ≤ 12 h.
        let s = Situation {
            direction: KpiDirection::Lower,
            start: Some(20.0),
            ..situation(Some(16.0), Some(TargetValue { comparator: Comparator::AtMost, value: 12.0 }))
        };
        assert_eq!(assess(&s).0, Attainment::OnTrack);
    }

    #[test]
    fn trends() {
        assert_eq!(trend(Some(2.0), Some(1.0)), Some(Trend::Up));
        assert_eq!(trend(Some(1.0), Some(2.0)), Some(Trend::Down));
        assert_eq!(trend(Some(100.0), Some(100.01)), Some(Trend::Flat));
        assert_eq!(trend(None, Some(1.0)), None);
    }
}
