//! Ranking many services for one need: exact top-k that skips the expensive parts of a service
//! that cannot make the cut, and an index of services by category.

use shared::Exclusions;

use super::facts::{NeedFacts, ServiceFacts};
use super::points::Assessment;
use super::{Rules, WEIGHTS};
use crate::domain::matching::categories::Fit;

impl Rules {
    /// Every eligible service of `services` for the need, best first (ties: lower index first), at
    /// most `limit`; and how many were left out, by reason.
    ///
    /// Exact top-k with pruning: once `limit` are held, a service whose quick parts plus the most the
    /// distance and availability parts can add cannot beat the weakest held one is not finished —
    /// the walking distance and the schedule are the expensive parts.
    pub fn rank(&self, need: &NeedFacts, services: &[ServiceFacts], limit: usize) -> (Vec<(usize, Assessment)>, Exclusions) {
        self.rank_among(need, services, 0..services.len(), limit)
    }

    /// [`Self::rank`] over some of the services, in any order (those of fitting categories, from a
    /// [`CategoryIndex`]); the others count as excluded by category.
    pub fn rank_among(
        &self,
        need: &NeedFacts,
        services: &[ServiceFacts],
        among: impl IntoIterator<Item = usize>,
        limit: usize,
    ) -> (Vec<(usize, Assessment)>, Exclusions) {
        let mut excluded = Exclusions::default();
        let mut held: Vec<(usize, Assessment)> = Vec::with_capacity(limit + 1);
        // The weakest held score once `limit` are held.
        let mut floor = f64::NEG_INFINITY;
        let mut looked = 0u32;
        let open_points = WEIGHTS[2] + WEIGHTS[4];
        for i in among {
            looked += 1;
            let s = &services[i];
            let fit = match self.eligible(need, s) {
                Ok(fit) => fit,
                Err(e) => {
                    e.count(&mut excluded);
                    continue;
                }
            };
            let quick = Self::quick_points(fit, s);
            // A tie with the floor may still win on a lower index, so only a bound below it prunes.
            if held.len() == limit && quick.iter().sum::<f64>() + open_points < floor - 1e-9 {
                continue;
            }
            let a = self.finish(need, s, fit, quick);
            if limit == 0 {
                continue;
            }
            if held.len() == limit {
                let Some(w) = weakest(&held) else { continue };
                if beats((i, a.score()), (held[w].0, held[w].1.score())) {
                    held.swap_remove(w);
                } else {
                    continue;
                }
            }
            held.push((i, a));
            if held.len() == limit {
                floor = weakest(&held).map_or(f64::NEG_INFINITY, |w| held[w].1.score());
            }
        }
        excluded.category += (services.len() as u32).saturating_sub(looked);
        held.sort_by(|a, b| b.1.score().total_cmp(&a.1.score()).then(a.0.cmp(&b.0)));
        (held, excluded)
    }
}

/// Whether (index, score) ranks before another: higher score, then lower index.
fn beats(a: (usize, f64), b: (usize, f64)) -> bool {
    a.1 > b.1 || (a.1 == b.1 && a.0 < b.0)
}

/// The held entry that loses to every other: lowest score, then highest index.
fn weakest(held: &[(usize, Assessment)]) -> Option<usize> {
    (0..held.len()).min_by(|&a, &b| held[a].1.score().total_cmp(&held[b].1.score()).then(held[b].0.cmp(&held[a].0)))
}

/// Services by category, so a need looks only at the categories that fit it.
pub struct CategoryIndex(Vec<Vec<usize>>);

impl CategoryIndex {
    pub fn new(services: &[ServiceFacts]) -> Self {
        let mut buckets = vec![Vec::new(); crate::domain::need_categories::CATEGORIES.len()];
        for (i, s) in services.iter().enumerate() {
            if let Some(bucket) = buckets.get_mut(usize::from(s.category)) {
                bucket.push(i);
            }
        }
        Self(buckets)
    }

    /// Indices of the services whose category fits `category` (same or related), bucket by bucket.
    pub fn fitting<'a>(&'a self, rules: &'a Rules, category: u8) -> impl Iterator<Item = usize> + 'a {
        (0..self.0.len()).filter(move |c| rules.fit.fit(category, *c as u8) != Fit::None).flat_map(move |c| self.0[c].iter().copied())
    }
}
