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

use chrono::NaiveDate;
use shared::{Exclusions, ScorePart, ScorePartKind, ServiceMode, TargetGroup};

use super::categories::{Fit, FitTable};
use super::geo::Walking;
use super::schedule::{Slot, open_at};

pub const WEIGHTS: [f64; 6] = [25.0, 15.0, 25.0, 15.0, 10.0, 10.0];
pub const PARTS: [ScorePartKind; 6] = [
    ScorePartKind::Category,
    ScorePartKind::Eligibility,
    ScorePartKind::Distance,
    ScorePartKind::Capacity,
    ScorePartKind::Availability,
    ScorePartKind::TrackRecord,
];

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

/// The points of each part, in [`PARTS`] order, and the facts behind them.
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

/// The rules of one matching run: category fit and walking.
pub struct Rules {
    pub fit: FitTable,
    pub walking: Walking,
}

impl Rules {
    pub fn new(walking: Walking) -> Self {
        Self { fit: FitTable::new(), walking }
    }

    /// Within the listed areas, the radius, or (listing neither) the home area's subtree.
    pub fn reaches(&self, need: &NeedFacts, s: &ServiceFacts) -> bool {
        let listed = s.served_areas.any_in(&need.areas);
        let radius = match (s.radius_m, s.point, need.point) {
            (Some(r), Some(a), Some(b)) => super::geo::metres(a, b) <= r,
            _ => false,
        };
        listed || radius || (s.served_areas.is_empty() && s.radius_m.is_none() && need.areas.contains(&s.home_area))
    }

    /// Whether the pair is eligible at all; the cheap checks, in the order of [`Exclusion`].
    fn eligible(&self, need: &NeedFacts, s: &ServiceFacts) -> Result<Fit, Exclusion> {
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

    /// The four parts that need neither distance nor schedule, in [`PARTS`] order (0, 1, 3, 5).
    fn quick_points(fit: Fit, s: &ServiceFacts) -> [f64; 6] {
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
    fn finish(&self, need: &NeedFacts, s: &ServiceFacts, fit: Fit, mut points: [f64; 6]) -> Assessment {
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

/// Points of part `i` for a share 0–1, to one decimal.
fn part(i: usize, share: f64) -> f64 {
    (WEIGHTS[i] * share * 10.0).round() / 10.0
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

/// The parts of an assessment in words, zh and en.
pub fn explain(need: &NeedFacts, s: &ServiceFacts, a: &Assessment, walking: &Walking) -> Vec<ScorePart> {
    let circle = walking.circle_minutes;
    let words: [(String, String); 6] = [
        match a.fit {
            Fit::Exact => ("服务类别与需求一致".into(), "Same category as the need".into()),
            _ => ("相关类别的服务，可兼顾".into(), "A related category that can help".into()),
        },
        if s.groups == 0 {
            ("面向所有居民".into(), "Open to every resident".into())
        } else {
            ("专门服务该需求的对象人群".into(), "Meant for the need's target group".into())
        },
        match (s.mode, a.minutes) {
            (ServiceMode::Online, _) => ("线上服务，不受距离限制".into(), "Online: distance does not matter".into()),
            (_, Some(m)) if m <= circle => (
                format!("步行约 {m:.0} 分钟，在 {circle:.0} 分钟服务圈内"),
                format!("About {m:.0} min on foot, inside the {circle:.0}-minute circle"),
            ),
            (_, Some(m)) => (
                format!("步行约 {m:.0} 分钟，超出 {circle:.0} 分钟服务圈"),
                format!("About {m:.0} min on foot, outside the {circle:.0}-minute circle"),
            ),
            (_, None) => ("位置未知，距离按中等计".into(), "Location unknown: distance counted as average".into()),
        },
        (
            format!("本周剩余名额 {}/{}", a.capacity_left, s.capacity),
            format!("{} of {} places left this week", a.capacity_left, s.capacity),
        ),
        match (&need.preferred, s.schedule.is_empty(), a.points[4] > 0.0) {
            (_, true, _) => ("未公布服务时间，需预约".into(), "No published hours: by appointment".into()),
            (Some(_), false, true) => ("居民期望时间可提供服务".into(), "Open at the resident's preferred time".into()),
            (Some(_), false, false) => ("居民期望时间不在服务时间内".into(), "Closed at the resident's preferred time".into()),
            (None, false, _) => ("居民未指定时间，按服务时间安排".into(), "No preferred time: served in opening hours".into()),
        },
        if s.finished == 0 {
            ("暂无服务记录".into(), "No track record yet".into())
        } else {
            let rate = 100.0 * f64::from(s.on_time) / f64::from(s.finished);
            match s.rated {
                0 => (format!("按时办结率 {rate:.0}%"), format!("{rate:.0}% finished on time")),
                n => {
                    let avg = f64::from(s.rating_sum) / f64::from(n);
                    (format!("按时办结率 {rate:.0}%，平均评分 {avg:.1}"), format!("{rate:.0}% on time, average rating {avg:.1}"))
                }
            }
        },
    ];
    PARTS
        .iter()
        .zip(words)
        .enumerate()
        .map(|(i, (part, (zh, en)))| ScorePart { part: *part, points: a.points[i], max: WEIGHTS[i], reason_zh: zh, reason_en: en })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::matching::categories::index;

    fn cat(code: &str) -> u8 {
        index(code).expect("a category")
    }

    fn need() -> NeedFacts {
        NeedFacts {
            category: cat("elderly_care"),
            groups: group_bits([TargetGroup::Elderly]),
            ages: implied_ages(&[TargetGroup::Elderly]),
            areas: vec![1, 2, 3],
            point: Some((30.0, 120.0)),
            preferred: None,
        }
    }

    fn service() -> ServiceFacts {
        ServiceFacts {
            category: cat("elderly_care"),
            groups: 0,
            min_age: None,
            max_age: None,
            mode: ServiceMode::AtHome,
            home_area: 2,
            served_areas: AreaSet::default(),
            point: Some((30.0, 120.0)),
            radius_m: None,
            capacity: 10,
            load: 0,
            schedule: vec![],
            closed: vec![],
            finished: 0,
            on_time: 0,
            rated: 0,
            rating_sum: 0,
        }
    }

    fn rules() -> Rules {
        Rules::new(Walking::default())
    }

    #[test]
    fn a_perfect_neighbour_scores_the_parts_it_earns() {
        let a = rules().assess(&need(), &service()).expect("eligible");
        // Category 25, open to all 10.5, next door 25, all places free 15, no schedule 5, no record 6.
        assert_eq!(a.points, [25.0, 10.5, 25.0, 15.0, 5.0, 6.0]);
        assert_eq!(a.score(), 86.5);
        assert_eq!(a.solver_points(), 865);
    }

    #[test]
    fn related_categories_get_half_and_unrelated_are_excluded() {
        let mut s = service();
        s.category = cat("housekeeping");
        assert_eq!(rules().assess(&need(), &s).map(|a| a.points[0]), Ok(12.5));
        s.category = cat("legal");
        assert_eq!(rules().assess(&need(), &s), Err(Exclusion::Category));
    }

    #[test]
    fn target_groups_and_ages_decide_eligibility() {
        let mut s = service();
        s.groups = group_bits([TargetGroup::Disabled]);
        assert_eq!(rules().assess(&need(), &s), Err(Exclusion::Eligibility));
        s.groups = group_bits([TargetGroup::Disabled, TargetGroup::Elderly]);
        assert_eq!(rules().assess(&need(), &s).map(|a| a.points[1]), Ok(15.0));
        let mut kids = service();
        kids.max_age = Some(17);
        assert_eq!(rules().assess(&need(), &kids), Err(Exclusion::Eligibility));
    }

    #[test]
    fn outside_the_areas_or_radius_served_is_excluded() {
        let mut s = service();
        s.home_area = 9;
        assert_eq!(rules().assess(&need(), &s), Err(Exclusion::Area));
        s.served_areas = [2].into_iter().collect();
        assert!(rules().assess(&need(), &s).is_ok());
        s.served_areas = AreaSet::default();
        s.radius_m = Some(500.0);
        s.point = Some((30.004, 120.0)); // ~445 m away
        assert!(rules().assess(&need(), &s).is_ok());
        s.point = Some((30.006, 120.0)); // ~667 m away
        assert_eq!(rules().assess(&need(), &s), Err(Exclusion::Area));
    }

    #[test]
    fn an_area_set_holds_any_number_of_areas() {
        let set: AreaSet = (1..=5).collect();
        assert!(set.any_in(&[9, 5]));
        assert!(set.any_in(&[2]));
        assert!(!set.any_in(&[6, 7]));
        assert!(AreaSet::default().is_empty() && !AreaSet::default().any_in(&[1]));
    }

    #[test]
    fn a_full_service_is_never_eligible() {
        let mut s = service();
        s.load = 10;
        assert_eq!(rules().assess(&need(), &s), Err(Exclusion::Full));
        s.load = 7;
        assert_eq!(rules().assess(&need(), &s).map(|a| (a.capacity_left, a.points[3])), Ok((3, 4.5)));
    }

    #[test]
    fn distance_halves_at_the_circle_edge_and_vanishes_at_twice_it() {
        let walk = Walking::default();
        let mut s = service();
        // 15 minutes at 80 m/min with factor 1.3 is 923 m in a straight line: 0.0083 degrees of latitude.
        s.point = Some((30.0 + 923.08 / 111_195.0, 120.0));
        let a = rules().assess(&need(), &s).expect("eligible");
        assert!((a.minutes.unwrap_or(0.0) - walk.circle_minutes).abs() < 0.05);
        assert_eq!(a.points[2], 12.5);
        s.point = Some((30.03, 120.0));
        assert_eq!(rules().assess(&need(), &s).map(|a| a.points[2]), Ok(0.0));
        s.mode = ServiceMode::Online;
        assert_eq!(rules().assess(&need(), &s).map(|a| a.points[2]), Ok(25.0));
    }

    #[test]
    fn availability_follows_the_schedule_and_closed_days() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid");
        let mut n = need();
        n.preferred = Some((date, 2, 9 * 60));
        let mut s = service();
        s.schedule = vec![Slot { weekday: 2, start: 8 * 60, end: 12 * 60 }];
        assert_eq!(rules().assess(&n, &s).map(|a| a.points[4]), Ok(10.0));
        s.closed = vec![date];
        assert_eq!(rules().assess(&n, &s).map(|a| a.points[4]), Ok(0.0));
    }

    #[test]
    fn track_record_mixes_on_time_rate_and_ratings() {
        let mut s = service();
        (s.finished, s.on_time, s.rated, s.rating_sum) = (4, 3, 2, 10);
        // 0.5 × 0.75 + 0.5 × (5 − 1) / 4 = 0.875 of 10.
        assert_eq!(rules().assess(&need(), &s).map(|a| a.points[5]), Ok(8.8));
    }

    #[test]
    fn ranking_is_best_first_and_counts_the_left_out() {
        let near = service();
        let mut far = service();
        far.point = Some((30.005, 120.0));
        let mut full = service();
        full.load = 10;
        let mut wrong = service();
        wrong.category = cat("legal");
        let (ranked, excluded) = rules().rank(&need(), &[far, wrong, near, full], 10);
        assert_eq!(ranked.iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![2, 0]);
        assert_eq!((excluded.category, excluded.full, excluded.eligibility, excluded.area), (1, 1, 0, 0));
        let (top, _) = rules().rank(&need(), &[service(), service(), service()], 2);
        assert_eq!(top.iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![0, 1]);
    }

    #[test]
    fn pruned_ranking_equals_scoring_everything() {
        let rules = rules();
        let mut services = Vec::new();
        for i in 0..300u32 {
            let mut s = service();
            s.point = Some((30.0 + f64::from(i % 17) * 0.0007, 120.0 + f64::from(i % 5) * 0.001));
            s.category = if i % 3 == 0 {
                cat("housekeeping")
            } else if i % 7 == 0 {
                cat("legal")
            } else {
                cat("elderly_care")
            };
            s.load = (i % 11) as i32;
            (s.finished, s.on_time) = (i % 4, i % 3);
            services.push(s);
        }
        let mut naive: Vec<(usize, f64)> =
            services.iter().enumerate().filter_map(|(i, s)| rules.assess(&need(), s).ok().map(|a| (i, a.score()))).collect();
        naive.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for limit in [1, 5, 10, 50, 1000] {
            let (ranked, _) = rules.rank(&need(), &services, limit);
            let got: Vec<(usize, f64)> = ranked.iter().map(|(i, a)| (*i, a.score())).collect();
            assert_eq!(got, naive.iter().take(limit).copied().collect::<Vec<_>>(), "limit {limit}");
        }
        let index = CategoryIndex::new(&services);
        let (among, excluded) = rules.rank_among(&need(), &services, index.fitting(&rules, need().category), 10);
        let (all, all_excluded) = rules.rank(&need(), &services, 10);
        assert_eq!(among.iter().map(|x| x.0).collect::<Vec<_>>(), all.iter().map(|x| x.0).collect::<Vec<_>>());
        assert_eq!(excluded, all_excluded);
    }

    #[test]
    fn explain_gives_words_for_every_part() {
        let a = rules().assess(&need(), &service()).expect("eligible");
        let parts = explain(&need(), &service(), &a, &Walking::default());
        assert_eq!(parts.len(), 6);
        assert!(parts[2].reason_zh.contains("15 分钟服务圈内"), "{}", parts[2].reason_zh);
        assert_eq!(parts.iter().map(|p| p.max).sum::<f64>(), 100.0);
    }
}
