//! Whether a pair is eligible at all, and if not why ([`Exclusion`]): category, target group and
//! ages, the area or radius served, places left. Checked before any part is scored.

use shared::Exclusions;

use super::Rules;
use super::facts::{NeedFacts, ServiceFacts};
use crate::domain::matching::categories::Fit;

/// Why a pair is not eligible; checked in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    Category,
    Eligibility,
    Area,
    Full,
}

impl Exclusion {
    pub fn count(self, into: &mut Exclusions) {
        match self {
            Exclusion::Category => into.category += 1,
            Exclusion::Eligibility => into.eligibility += 1,
            Exclusion::Area => into.area += 1,
            Exclusion::Full => into.full += 1,
        }
    }
}

impl Rules {
    /// Within the listed areas, the radius, or (listing neither) the home area's subtree.
    pub fn reaches(&self, need: &NeedFacts, s: &ServiceFacts) -> bool {
        let listed = s.served_areas.any_in(&need.areas);
        let radius = match (s.radius_m, s.point, need.point) {
            (Some(r), Some(a), Some(b)) => crate::domain::matching::geo::metres(a, b) <= r,
            _ => false,
        };
        listed || radius || (s.served_areas.is_empty() && s.radius_m.is_none() && need.areas.contains(&s.home_area))
    }

    /// Whether the pair is eligible at all; the cheap checks, in the order of [`Exclusion`].
    pub(super) fn eligible(&self, need: &NeedFacts, s: &ServiceFacts) -> Result<Fit, Exclusion> {
        let fit = self.fit.fit(need.category, s.category);
        if fit == Fit::None {
            return Err(Exclusion::Category);
        }
        if s.groups != 0 && s.groups & need.groups == 0 {
            return Err(Exclusion::Eligibility);
        }
        if let Some((lo, hi)) = need.ages
            && (s.min_age.is_some_and(|min| hi < min) || s.max_age.is_some_and(|max| lo > max))
        {
            return Err(Exclusion::Eligibility);
        }
        if !self.reaches(need, s) {
            return Err(Exclusion::Area);
        }
        if s.capacity_left() == 0 {
            return Err(Exclusion::Full);
        }
        Ok(fit)
    }
}
