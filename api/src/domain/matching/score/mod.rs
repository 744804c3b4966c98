//! The score of a (need, service) pair: six parts, each with its weight, and the rules that make a
//! pair ineligible. Numbers first (ranking many services must be fast); words only for the pairs
//! shown ([`explain`]).
//!
//! | part | weight | full points when |
//! |---|---|---|
//! | category | 25 | same category (related: half) |
//! | eligibility | 15 | meant for the need's target group (open to everyone: 70 %) |
//! | distance | 25 | next door; half at the circle's edge, none at twice it (online: full) |
//! | capacity | 15 | every place of the week still free |
//! | availability | 10 | open at the preferred time (no preferred time: open some time) |
//! | track record | 10 | every earlier need on time and rated 5 (no record yet: 60 %) |

//!
//! The facts compared are in `facts`, the eligibility rules in `eligibility`, the parts in `points`,
//! top-k ranking in `ranking` and the words in `explain`.

mod eligibility;
mod explain;
mod facts;
mod points;
mod ranking;
#[cfg(test)]
mod tests;

use shared::ScorePartKind;

use super::categories::FitTable;
use super::geo::Walking;

pub use eligibility::Exclusion;
pub use explain::explain;
pub use facts::{AreaSet, NeedFacts, ServiceFacts, group_bits, implied_ages};
pub use points::Assessment;
pub use ranking::CategoryIndex;

pub const WEIGHTS: [f64; 6] = [25.0, 15.0, 25.0, 15.0, 10.0, 10.0];
pub const PARTS: [ScorePartKind; 6] = [
    ScorePartKind::Category,
    ScorePartKind::Eligibility,
    ScorePartKind::Distance,
    ScorePartKind::Capacity,
    ScorePartKind::Availability,
    ScorePartKind::TrackRecord,
];

/// The rules of one matching run: category fit and walking.
pub struct Rules {
    pub fit: FitTable,
    pub walking: Walking,
}

impl Rules {
    pub fn new(walking: Walking) -> Self {
        Self { fit: FitTable::new(), walking }
    }
}
