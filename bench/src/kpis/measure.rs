//! Timing the dashboard against the baseline, every size interleaved, and where the dashboard's time
//! goes, step by step (the steps `dashboard` takes, called one by one).

use std::collections::BTreeMap;
use std::time::Instant;

use api::domain::kpis::catalogue;
use api::domain::kpis::period::Period;
use api::domain::matching::geo::Walking;
use api::services::kpis::counters;
use api::services::kpis::dashboard::judge;
use api::services::kpis::targets::Targets;
use api::services::kpis::tree::Tree;
use api::services::kpis::values::{Inputs, span};
use chrono::{DateTime, Utc};
use shared::KpiDashboard;

use super::baseline;
use super::setup::Fixture;
use crate::stats::Samples;

/// The dashboard of the fixture's district for [`super::PERIOD`], as the API handler computes it.
pub async fn ours(f: &Fixture, now: DateTime<Utc>) -> anyhow::Result<KpiDashboard> {
    Ok(api::services::kpis::dashboard::dashboard(&f.db, &f.caller, f.district.id, super::period()?, Walking::default(), now).await?)
}

pub async fn base(f: &Fixture) -> anyhow::Result<baseline::NeedNumbers> {
    let period = super::period()?;
    baseline::full_scan(&f.pool, &f.district.path, period).await
}

pub struct Timing {
    pub ours: Samples,
    pub baseline: Samples,
}

/// `warmup` dashboards per size, then `baseline_runs` rounds: in each, for every size in turn
/// (rotating which comes first), one baseline and `runs / baseline_runs` dashboards, the order of the
/// two alternating, so that the machine's noise lands on every size and on both sides alike.
pub async fn run(
    fixtures: &[&Fixture],
    now: DateTime<Utc>,
    warmup: usize,
    runs: usize,
    baseline_runs: usize,
) -> anyhow::Result<Vec<Timing>> {
    for f in fixtures {
        for _ in 0..warmup {
            std::hint::black_box(ours(f, now).await?);
        }
    }
    let per_round = runs.div_ceil(baseline_runs.max(1));
    let mut out: Vec<Timing> = fixtures.iter().map(|_| Timing { ours: Samples::default(), baseline: Samples::default() }).collect();
    for round in 0..baseline_runs.max(1) {
        for k in 0..fixtures.len() {
            let i = (k + round) % fixtures.len();
            let f = fixtures[i];
            for baseline_side in if (round + k) % 2 == 0 { [true, false] } else { [false, true] } {
                if baseline_side {
                    if round < baseline_runs {
                        let started = Instant::now();
                        std::hint::black_box(base(f).await?);
                        out[i].baseline.push(started.elapsed());
                    }
                } else {
                    for _ in 0..per_round {
                        let started = Instant::now();
                        std::hint::black_box(ours(f, now).await?);
                        out[i].ours.push(started.elapsed());
                    }
                }
            }
        }
    }
    Ok(out)
}

/// The steps of `dashboard`, each timed over `runs` calls: p50 per step, and per indicator the
/// evaluation (value, last year's start and previous period, as `dashboard` does).
#[derive(Default)]
pub struct Profile {
    steps: BTreeMap<usize, (&'static str, Samples)>,
    indicators: BTreeMap<usize, (String, Samples)>,
    pub counter_rows: usize,
    pub areas: usize,
}

impl Profile {
    pub fn steps(&self) -> impl Iterator<Item = &(&'static str, Samples)> {
        self.steps.values()
    }

    pub fn indicators(&self) -> impl Iterator<Item = &(String, Samples)> {
        self.indicators.values()
    }

    fn time(&mut self, k: usize, name: &'static str, started: Instant) {
        self.steps.entry(k).or_insert_with(|| (name, Samples::default())).1.push(started.elapsed());
    }
}

/// `runs` rounds, each taking every fixture's dashboard apart once, so that every size sees the same
/// machine.
pub async fn profile(fixtures: &[&Fixture], now: DateTime<Utc>, runs: usize) -> anyhow::Result<Vec<Profile>> {
    let mut out: Vec<Profile> = fixtures.iter().map(|_| Profile::default()).collect();
    for round in 0..runs {
        for k in 0..fixtures.len() {
            let i = (k + round) % fixtures.len();
            profile_once(fixtures[i], now, &mut out[i]).await?;
        }
    }
    Ok(out)
}

async fn profile_once(f: &Fixture, now: DateTime<Utc>, p: &mut Profile) -> anyhow::Result<()> {
    let period = super::period()?;
    let all = [period, period.previous(), Period::year(period.year - 1)];
    let range = span(all);
    let years = (all.iter().map(|p| p.year).min().unwrap_or(2000), all.iter().map(|p| p.year).max().unwrap_or(2000));
    let t = Instant::now();
    let root =
        api::policy::load_within::<api::entities::area::Entity, _>(&f.db, &api::domain::scope::Scope::of(&f.caller), f.district.id).await?;
    p.time(0, "visible_area (find the area)", t);
    let t = Instant::now();
    let tree = Tree::load(&f.db, root.clone()).await?;
    p.time(1, "Tree::load (areas of the subtree)", t);
    p.areas = tree.areas.len();
    let t = Instant::now();
    let targets = Targets::load(&f.db, &root.path, years).await?;
    p.time(2, "Targets::load", t);
    let t = Instant::now();
    p.counter_rows = counters::rows(&f.db, &[root.id], range).await?.len();
    p.time(3, "  counters::rows (inside Inputs::load)", t);
    let t = Instant::now();
    let inputs = Inputs::load(&f.db, tree, &[root.id], range, Walking::default()).await?;
    p.time(4, "Inputs::load (all of it)", t);
    let t = Instant::now();
    for (k, def) in catalogue::all().iter().enumerate() {
        let one = Instant::now();
        std::hint::black_box(judge(&inputs, &targets, def, root.id, period, now));
        std::hint::black_box(inputs.evaluate(def, root.id, period.previous()));
        p.indicators.entry(k).or_insert_with(|| (def.indicator.code.clone(), Samples::default())).1.push(one.elapsed());
    }
    p.time(5, "evaluate every indicator (CPU only)", t);
    let t = Instant::now();
    std::hint::black_box(ours(f, now).await?);
    p.time(6, "dashboard() end to end", t);
    Ok(())
}
