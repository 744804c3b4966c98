//! The score's rules checked part by part, and pruned ranking against scoring everything.

use chrono::NaiveDate;
use shared::{ServiceMode, TargetGroup};

use super::*;
use crate::domain::matching::categories::index;
use crate::domain::matching::geo::Walking;
use crate::domain::matching::schedule::Slot;

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
