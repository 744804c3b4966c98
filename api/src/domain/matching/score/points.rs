//! The six parts of a score, each a share of its weight: the four known from the service alone
//! (category fit, eligibility, places left, track record), then walking and the preferred time.

use shared::ServiceMode;

use super::eligibility::Exclusion;
use super::facts::{NeedFacts, ServiceFacts};
use super::{Rules, WEIGHTS};
use crate::domain::matching::categories::Fit;
use crate::domain::matching::schedule::open_at;

/// The points of each part, in [`PARTS`](super::PARTS) order, and the facts behind them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessment {
    pub points: [f64; 6],
    pub fit: Fit,
    pub minutes: Option<f64>,
    pub capacity_left: i32,
}

impl Assessment {
    /// The score, 0–100, to one decimal.
    pub fn score(&self) -> f64 {
        (self.points.iter().sum::<f64>() * 10.0).round() / 10.0
    }

    /// The score in whole points ×10 for the solver (at least 1: every eligible pair is worth serving).
    pub fn solver_points(&self) -> u32 {
        ((self.score() * 10.0).round() as u32).max(1)
    }
}

impl Rules {
    /// The four parts that need neither distance nor schedule, in [`PARTS`](super::PARTS) order (0, 1, 3, 5).
    pub(super) fn quick_points(fit: Fit, s: &ServiceFacts) -> [f64; 6] {
        let category = if fit == Fit::Exact { 1.0 } else { 0.5 };
        let eligibility = if s.groups == 0 { 0.7 } else { 1.0 };
        let capacity = f64::from(s.capacity_left()) / f64::from(s.capacity.max(1));
        let track = if s.finished == 0 {
            0.6
        } else {
            let on_time = f64::from(s.on_time) / f64::from(s.finished);
            if s.rated == 0 { on_time } else { 0.5 * on_time + 0.5 * (f64::from(s.rating_sum) / f64::from(s.rated) - 1.0) / 4.0 }
        };
        let mut points = [0.0; 6];
        for (i, share) in [(0, category), (1, eligibility), (3, capacity), (5, track)] {
            points[i] = part(i, share);
        }
        points
    }

    /// Adds the distance and availability parts.
    pub(super) fn finish(&self, need: &NeedFacts, s: &ServiceFacts, fit: Fit, mut points: [f64; 6]) -> Assessment {
        let minutes = match (s.point, need.point) {
            (Some(a), Some(b)) if s.mode != ServiceMode::Online => Some(self.walking.minutes(a, b)),
            _ => None,
        };
        let distance = match (s.mode, minutes) {
            (ServiceMode::Online, _) => 1.0,
            (_, Some(m)) => (1.0 - m / (2.0 * self.walking.circle_minutes)).max(0.0),
            (_, None) => 0.5,
        };
        let availability = match (&need.preferred, s.schedule.is_empty()) {
            (_, true) => 0.5,
            (Some((date, weekday, minute)), false) => {
                if !s.closed.contains(date) && open_at(&s.schedule, *weekday, *minute) {
                    1.0
                } else {
                    0.0
                }
            }
            (None, false) => 1.0,
        };
        points[2] = part(2, distance);
        points[4] = part(4, availability);
        Assessment { points, fit, minutes, capacity_left: s.capacity_left() }
    }

    /// Scores a pair, or says why it is not eligible.
    pub fn assess(&self, need: &NeedFacts, s: &ServiceFacts) -> Result<Assessment, Exclusion> {
        let fit = self.eligible(need, s)?;
        Ok(self.finish(need, s, fit, Self::quick_points(fit, s)))
    }
}

/// Points of part `i` for a share 0–1, to one decimal.
fn part(i: usize, share: f64) -> f64 {
    (WEIGHTS[i] * share * 10.0).round() / 10.0
}
