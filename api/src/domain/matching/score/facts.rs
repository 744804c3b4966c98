//! What matching knows of a need and of a service: the facts a score is computed from, loaded once
//! per run and compared many times, so they are small numbers and bit sets rather than rows.

use chrono::NaiveDate;
use shared::{ServiceMode, TargetGroup};

use crate::domain::matching::schedule::Slot;

/// A set of target groups as bits (bit i: `TargetGroup::ALL[i]`).
pub fn group_bits(groups: impl IntoIterator<Item = TargetGroup>) -> u32 {
    groups.into_iter().fold(0, |bits, g| bits | 1 << TargetGroup::ALL.iter().position(|x| *x == g).unwrap_or(31))
}

/// The ages a need's target groups imply, when any does.
pub fn implied_ages(groups: &[TargetGroup]) -> Option<(i32, i32)> {
    groups
        .iter()
        .filter_map(|g| match g {
            TargetGroup::Elderly | TargetGroup::ElderlyLivingAlone => Some((60, 150)),
            TargetGroup::Infants => Some((0, 3)),
            TargetGroup::ChildrenInDifficulty | TargetGroup::LeftBehindChildren => Some((0, 17)),
            _ => None,
        })
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))
}

/// What matching needs to know of a need.
#[derive(Debug, Clone)]
pub struct NeedFacts {
    pub category: u8,
    pub groups: u32,
    pub ages: Option<(i32, i32)>,
    /// The ids of the need's area and all above it (its path), so "is it in the area served?" is
    /// a few integer compares, not string work, when ranking many services.
    pub areas: Vec<i64>,
    /// Its location, or its area's centre.
    pub point: Option<(f64, f64)>,
    /// The preferred time in China time: (date, weekday 1–7, minute of the day).
    pub preferred: Option<(NaiveDate, u8, u16)>,
}

/// What matching needs to know of a service.
#[derive(Debug, Clone)]
pub struct ServiceFacts {
    pub category: u8,
    /// 0: open to everyone.
    pub groups: u32,
    pub min_age: Option<i32>,
    pub max_age: Option<i32>,
    pub mode: ServiceMode,
    /// Its home area.
    pub home_area: i64,
    /// The areas served (with their subtrees); empty: its home area's subtree (unless a radius is set).
    pub served_areas: AreaSet,
    pub point: Option<(f64, f64)>,
    pub radius_m: Option<f64>,
    pub capacity: i32,
    /// Needs dispatched to it this week.
    pub load: i32,
    pub schedule: Vec<Slot>,
    pub closed: Vec<NaiveDate>,
    pub finished: u32,
    pub on_time: u32,
    pub rated: u32,
    pub rating_sum: u32,
}

impl ServiceFacts {
    pub fn capacity_left(&self) -> i32 {
        (self.capacity - self.load).max(0)
    }
}

/// A few area ids kept inline: most services list none or one or two areas, and ranking a hundred
/// thousand of them must not chase a heap pointer each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AreaSet {
    inline: [i64; 3],
    len: u8,
    more: Vec<i64>,
}

impl AreaSet {
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether any of these areas is one of `areas`.
    pub fn any_in(&self, areas: &[i64]) -> bool {
        self.inline[..usize::from(self.len)].iter().chain(self.more.iter()).any(|a| areas.contains(a))
    }
}

impl FromIterator<i64> for AreaSet {
    fn from_iter<I: IntoIterator<Item = i64>>(iter: I) -> Self {
        let mut set = AreaSet::default();
        for id in iter {
            match set.inline.get_mut(usize::from(set.len)) {
                Some(slot) => {
                    *slot = id;
                    set.len += 1;
                }
                None => set.more.push(id),
            }
        }
        set
    }
}
