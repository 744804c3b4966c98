//! The batch assignment: our exact solver against OR-Tools' SimpleMinCostFlow (same lexicographic
//! objective: most needs, then best total score) and against greedy, on the large instance and 20
//! small ones. Each instance: ours, OR-Tools and greedy back to back, `repeats` times each, medians.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use api::domain::matching::greedy::greedy;
use api::domain::matching::solver::{Instance, Solution, solve};

use super::Args;
use super::generate::{Spec, generate};
use super::ortools;
use crate::stats::{Bound, Report, Samples, ratio};

/// One solver's answer on one instance, and its times.
#[derive(Debug)]
pub struct Measured {
    pub assigned: usize,
    pub score: u64,
    pub times: Samples,
}

/// One line of the table.
#[derive(Debug)]
pub struct Row {
    pub spec: Spec,
    pub arcs: usize,
    pub ours: Measured,
    pub ortools: ortools::OrTools,
    pub greedy: Measured,
}

impl Row {
    pub fn equal(&self) -> bool {
        (self.ours.assigned, self.ours.score) == (self.ortools.assigned, self.ortools.score)
    }

    pub fn time_ratio(&self) -> f64 {
        ratio(self.ours.times.p50(), self.ortools.solve.p50())
    }
}

/// Fails unless the solution is one: within capacity, listed pairs only, totals that add up.
fn check(instance: &Instance, s: &Solution, who: &str) -> anyhow::Result<()> {
    anyhow::ensure!(s.assignment.len() == instance.needs, "{who}: {} needs in the answer", s.assignment.len());
    let mut best = std::collections::HashMap::new();
    for a in &instance.arcs {
        let e = best.entry((a.need, a.service)).or_insert(a.score);
        *e = (*e).max(a.score);
    }
    let mut load = vec![0u32; instance.capacities.len()];
    let mut score = 0u64;
    for (need, service) in s.assignment.iter().enumerate() {
        if let Some(service) = *service {
            let points = best.get(&(need as u32, service)).ok_or_else(|| anyhow::anyhow!("{who}: need {need} → {service} is no arc"))?;
            score += u64::from(*points);
            load[service as usize] += 1;
        }
    }
    for (service, (l, c)) in load.iter().zip(&instance.capacities).enumerate() {
        anyhow::ensure!(l <= c, "{who}: service {service} holds {l} needs for {c} places");
    }
    anyhow::ensure!(s.assigned == s.assignment.iter().flatten().count() && s.total_score == score, "{who}: totals do not add up");
    Ok(())
}

fn measure(instance: &Instance, repeats: usize, who: &str, mut run: impl FnMut() -> Solution) -> anyhow::Result<Measured> {
    let mut times = Samples::default();
    let mut last = None;
    for _ in 0..repeats {
        let started = Instant::now();
        let s = std::hint::black_box(run());
        times.push(started.elapsed());
        last = Some(s);
    }
    let s = last.ok_or_else(|| anyhow::anyhow!("no repeat"))?;
    check(instance, &s, who)?;
    Ok(Measured { assigned: s.assigned, score: s.total_score, times })
}

fn ms(d: Duration) -> String {
    let v = d.as_secs_f64() * 1000.0;
    if v >= 100.0 { format!("{v:.1}") } else { format!("{v:.3}") }
}

/// Column titles and widths of the table.
const COLUMNS: [(&str, usize); 18] = [
    ("instance", 9),
    ("needs", 6),
    ("svc", 5),
    ("load", 5),
    ("arcs", 7),
    ("ours n", 6),
    ("ours score", 10),
    ("ours ms", 8),
    ("OR n", 6),
    ("OR score", 10),
    ("OR ms", 8),
    ("greedy n", 8),
    ("greedy score", 12),
    ("greedy ms", 9),
    ("greedy %", 8),
    ("OR build", 8),
    ("ours/OR t", 9),
    ("equal", 5),
];

/// One line: the first cell left-aligned, the others right-aligned.
fn line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = String::new();
    for (i, (cell, (_, w))) in cells.iter().zip(COLUMNS).enumerate() {
        let cell = cell.as_ref();
        let _ = if i == 0 { write!(out, "{cell:<w$}") } else { write!(out, " {cell:>w$}") };
    }
    out
}

fn header() -> String {
    line(&COLUMNS.map(|(title, _)| title))
}

fn render(r: &Row) -> String {
    let pct = if r.ortools.score == 0 { 100.0 } else { 100.0 * r.greedy.score as f64 / r.ortools.score as f64 };
    line(&[
        r.spec.name.clone(),
        r.spec.needs.to_string(),
        r.spec.services.to_string(),
        format!("{:.2}", r.spec.load()),
        r.arcs.to_string(),
        r.ours.assigned.to_string(),
        r.ours.score.to_string(),
        ms(r.ours.times.p50()),
        r.ortools.assigned.to_string(),
        r.ortools.score.to_string(),
        ms(r.ortools.solve.p50()),
        r.greedy.assigned.to_string(),
        r.greedy.score.to_string(),
        ms(r.greedy.times.p50()),
        format!("{pct:.2}"),
        ms(r.ortools.build.p50()),
        format!("{:.3}", r.time_ratio()),
        if r.equal() { "yes" } else { "NO" }.into(),
    ])
}

/// Runs one instance: ours, OR-Tools, greedy.
fn run_one(args: &Args, spec: Spec, repeats: usize, dir: &std::path::Path) -> anyhow::Result<Row> {
    let instance = generate(&spec);
    let path = dir.join(format!("{}.txt", spec.name));
    ortools::write(&instance, &path)?;
    let ours = measure(&instance, repeats, "ours", || solve(&instance, &mut |_| {}))?;
    let ortools = ortools::solve(&args.python, &path, repeats)?;
    let greedy = measure(&instance, repeats, "greedy", || greedy(&instance))?;
    Ok(Row { spec, arcs: instance.arcs.len(), ours, ortools, greedy })
}

/// The table, and the goals: objective equal to OR-Tools everywhere; time ≤ OR-Tools on the large one.
pub fn run(args: &Args, report: &mut Report) -> anyhow::Result<Vec<Row>> {
    let version = ortools::version(&args.python)?;
    let dir = tempfile::tempdir()?;
    println!("Batch matching: our exact solver vs OR-Tools {version} SimpleMinCostFlow (solve_max_flow_with_min_cost) vs greedy.");
    println!(
        "Times are medians of {} runs (large) / {} (small), in ms. Ours: the whole `solve` call from the arc list \
         (deduplication, CSR, max flow, min cost). OR-Tools: its solve call alone, timed inside Python; \
         `OR build` is building its network, not counted. n = needs assigned, score = total points (1..=1000 per pair), \
         load = needs per place, greedy % = greedy score / optimum.\n",
        args.repeats_large, args.repeats_small
    );
    println!("{}", header());
    let mut rows = Vec::new();
    let specs = std::iter::once((Spec::large(), args.repeats_large)).chain(Spec::smalls().into_iter().map(|s| (s, args.repeats_small)));
    for (spec, repeats) in specs {
        let row = run_one(args, spec, repeats, dir.path())?;
        println!("{}", render(&row));
        rows.push(row);
    }

    let equal = rows.iter().filter(|r| r.equal()).count();
    report.goal(
        "objective equal to OR-Tools (instances)",
        format!("{equal} of {} equal (needs assigned and total score)", rows.len()),
        equal as f64 / rows.len().max(1) as f64,
        Bound::AtLeast(1.0),
    );
    if let Some(large) = rows.first() {
        report.goal(
            "time ours / OR-Tools on the large instance",
            format!("{} vs {} ms", ms(large.ours.times.p50()), ms(large.ortools.solve.p50())),
            large.time_ratio(),
            Bound::AtMost(1.0),
        );
        let pct = 100.0 * large.greedy.score as f64 / large.ortools.score.max(1) as f64;
        report.info(
            "greedy on the large instance",
            format!("{} of {} needs, {pct:.2} % of the optimal score", large.greedy.assigned, large.ortools.assigned),
            None,
        );
    }
    let total_ours: Duration = rows.iter().map(|r| r.ours.times.p50()).sum();
    let total_or: Duration = rows.iter().map(|r| r.ortools.solve.p50()).sum();
    report.info(
        "time ours / OR-Tools, all instances summed",
        format!("{} vs {} ms", ms(total_ours), ms(total_or)),
        Some(ratio(total_ours, total_or)),
    );
    Ok(rows)
}
