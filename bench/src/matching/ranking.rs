//! Ranking one need's candidates over 100 000 services: the product's ranking (the categories that
//! fit, exact top ten with pruning, words only for the ten shown) against a straightforward baseline measured in the
//! same run (explain every eligible service, then sort them all). Goal: p99 ≤ 1 ms.

use std::time::{Duration, Instant};

use api::domain::matching::categories::index;
use api::domain::matching::geo::Walking;
use api::domain::matching::schedule::Slot;
use api::domain::matching::score::{CategoryIndex, NeedFacts, Rules, ServiceFacts, explain, group_bits};
use api::domain::need_categories::CATEGORIES;
use chrono::NaiveDate;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use shared::{ServiceMode, TargetGroup};

use super::Args;
use crate::stats::{Bound, Report, Samples, ms, ratio};

const SERVICES: usize = 100_000;
const SHOWN: usize = 10;

/// A city of ~10 km across with 40 communities; services scattered over it.
fn services(rng: &mut StdRng) -> Vec<ServiceFacts> {
    let modes = [ServiceMode::OnSite, ServiceMode::AtHome, ServiceMode::Online];
    (0..SERVICES)
        .map(|_| {
            let community = rng.gen_range(0..40);
            let groups = match rng.gen_range(0..4) {
                0 => group_bits([TargetGroup::Elderly]),
                1 => group_bits([TargetGroup::Disabled, TargetGroup::Elderly]),
                _ => 0,
            };
            let capacity = rng.gen_range(1..20);
            ServiceFacts {
                category: rng.gen_range(0..CATEGORIES.len()) as u8,
                groups,
                min_age: None,
                max_age: (rng.gen_range(0..10) == 0).then_some(17),
                mode: modes[rng.gen_range(0..3)],
                home_area: 100 + community / 8,
                served_areas: if rng.gen_bool(0.3) { [1000 + community].into_iter().collect() } else { Default::default() },
                point: Some((30.20 + rng.gen_range(0.0..0.09), 120.20 + rng.gen_range(0.0..0.1))),
                radius_m: None,
                capacity,
                load: rng.gen_range(0..=capacity),
                schedule: (1..=5).map(|weekday| Slot { weekday, start: 8 * 60, end: 18 * 60 }).collect(),
                closed: vec![],
                finished: rng.gen_range(0..50),
                on_time: 0,
                rated: 0,
                rating_sum: 0,
            }
        })
        .map(|mut s| {
            s.on_time = s.finished * 4 / 5;
            s.rated = s.finished / 2;
            s.rating_sum = s.rated * 4;
            s
        })
        .collect()
}

fn need(rng: &mut StdRng) -> NeedFacts {
    let community = rng.gen_range(0..40);
    let category = ["elderly_care", "health", "housekeeping", "convenience", "legal", "minors"][rng.gen_range(0..6)];
    NeedFacts {
        category: index(category).unwrap_or(0),
        groups: if rng.gen_bool(0.5) { group_bits([TargetGroup::Elderly]) } else { 0 },
        ages: None,
        areas: vec![1, 2, 3, 100 + community / 8, 1000 + community],
        point: Some((30.20 + rng.gen_range(0.0..0.09), 120.20 + rng.gen_range(0.0..0.1))),
        preferred: rng.gen_bool(0.5).then(|| (NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default(), 2, 10 * 60)),
    }
}

pub fn run(args: &Args, report: &mut Report) -> anyhow::Result<()> {
    let mut rng = StdRng::seed_from_u64(20_261_125);
    let mut pool = services(&mut rng);
    // Stored by category, as the service's category-filtered query hands it over: each fitting
    // category is one contiguous run of memory.
    pool.sort_by_key(|s| s.category);
    let rules = Rules::new(Walking::default());
    let walking = Walking::default();
    // Built once with the pool, as the service's category-filtered query is.
    let index = CategoryIndex::new(&pool);
    let rounds = if args.repeats_small > 1 { 2_000 } else { 300 };
    let (mut ours, mut baseline) = (Samples::default(), Samples::default());
    let mut shown = 0usize;
    for _ in 0..rounds {
        let n = need(&mut rng);
        // Interleaved, so both meet the same machine.
        let t = Instant::now();
        let (ranked, _) = rules.rank_among(&n, &pool, index.fitting(&rules, n.category), SHOWN);
        let words: Vec<_> = ranked.iter().map(|(i, a)| explain(&n, &pool[*i], a, &walking)).collect();
        ours.push(t.elapsed());
        shown += words.len();

        let t = Instant::now();
        let mut all: Vec<_> = pool
            .iter()
            .enumerate()
            .filter_map(|(i, s)| rules.assess(&n, s).ok().map(|a| (i, a.score(), explain(&n, s, &a, &walking))))
            .collect();
        all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        all.truncate(SHOWN);
        baseline.push(t.elapsed());
        anyhow::ensure!(
            all.iter().map(|x| x.0).collect::<Vec<_>>() == ranked.iter().map(|x| x.0).collect::<Vec<_>>(),
            "the ranking and the baseline disagree"
        );
    }
    println!(
        "ranking over {SERVICES} services, {rounds} needs: ours p50 {} p99 {} · baseline p50 {} p99 {} · {:.1} shown a need",
        ms(ours.p50()),
        ms(ours.p99()),
        ms(baseline.p50()),
        ms(baseline.p99()),
        shown as f64 / rounds as f64
    );
    report.goal(
        "ranking 100k services: p99 vs 1 ms",
        format!("p50 {} p99 {}", ms(ours.p50()), ms(ours.p99())),
        ratio(ours.p99(), Duration::from_millis(1)),
        Bound::AtMost(1.0),
    );
    report.info(
        "ranking: ours / explain-everything baseline (p50)",
        format!("baseline p50 {}", ms(baseline.p50())),
        Some(ratio(ours.p50(), baseline.p50())),
    );
    Ok(())
}
