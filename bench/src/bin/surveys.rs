//! `just bench-surveys [--sizes 10000,100000] [--runs 200] [--baseline-runs 10] [--warmup 5]`
//!
//! 1. One database per size: the district of `bench-kpis`, a survey of 30 questions targeting it, and
//!    N paper responses entered through the service, which keeps the aggregates as residents answer.
//!    The results from the aggregates must agree with a full scan of the responses.
//! 2. The survey's results (`services::surveys::results::results`, what `GET /surveys/{id}/results`
//!    returns) against the baseline, a full scan of the stored responses counting the same numbers;
//!    every size and both sides measured interleaved.
//!
//! Goals (from the issue): results p50 ≤ 20 ms at the largest size, and flat from the smallest to the
//! largest (p50 at the largest no more than 1.2× the smallest). Missed goals are reported, not failed.

use std::time::{Duration, Instant};

use anyhow::Context as _;
use api::services::surveys::results::results;
use bench::kpis::setup::Fixture;
use bench::stats::{Samples, ms, ratio};
use bench::surveys::{baseline, setup};
use chrono::Utc;

struct Args {
    sizes: Vec<usize>,
    runs: usize,
    baseline_runs: usize,
    warmup: usize,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut args = Args { sizes: vec![10_000, 100_000], runs: 200, baseline_runs: 10, warmup: 5 };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().with_context(|| format!("{flag} needs a value"));
        let number = |s: &str| s.trim().replace('_', "").parse::<usize>();
        match flag.as_str() {
            "--sizes" => args.sizes = value()?.split(',').map(number).collect::<Result<_, _>>()?,
            "--runs" => args.runs = number(&value()?)?,
            "--baseline-runs" => args.baseline_runs = number(&value()?)?,
            "--warmup" => args.warmup = number(&value()?)?,
            other => anyhow::bail!("unknown argument {other}; see the top of bench/src/bin/surveys.rs"),
        }
    }
    args.sizes.sort_unstable();
    args.sizes.dedup();
    anyhow::ensure!(!args.sizes.is_empty() && args.sizes[0] > 0, "nothing to measure");
    anyhow::ensure!(args.runs >= 1 && args.baseline_runs >= 1, "--runs and --baseline-runs must be at least 1");
    Ok(args)
}

struct Built {
    size: usize,
    f: Fixture,
    survey_id: i64,
    entering: Duration,
    ours: Samples,
    scan: Samples,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    let began = Instant::now();
    let now = Utc::now();
    println!(
        "{} core(s); a survey of {} questions over the 100 communities of one district, anonymous paper responses",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        setup::QUESTIONS
    );
    let mut built: Vec<Built> = Vec::new();
    for &size in &args.sizes {
        let f = Fixture::fresh().await?;
        let loaded = setup::load(&f, size, now).await?;
        let r = results(&f.db, &f.caller, loaded.survey_id, None).await?;
        let mut breakdowns = Vec::new();
        for c in r.communities.iter().filter(|c| c.breakdown) {
            let one = results(&f.db, &f.caller, loaded.survey_id, Some(c.community_id)).await?;
            breakdowns.extend(one.community);
        }
        let scan = baseline::full_scan(&f.pool, loaded.survey_id).await?;
        println!(
            "\n{size} responses entered through the service in {:.1} s ({:.0}/s); results from the kept aggregates agree with a full scan: {}",
            loaded.entering().as_secs_f64(),
            size as f64 / loaded.entering().as_secs_f64(),
            if baseline::agrees(&r, &breakdowns, &scan) { "yes" } else { "NO" }
        );
        anyhow::ensure!(baseline::agrees(&r, &breakdowns, &scan), "the kept aggregates disagree with the responses");
        built.push(Built {
            size,
            f,
            survey_id: loaded.survey_id,
            entering: loaded.entering(),
            ours: Samples::default(),
            scan: Samples::default(),
        });
    }

    for b in &built {
        for _ in 0..args.warmup {
            std::hint::black_box(results(&b.f.db, &b.f.caller, b.survey_id, None).await?);
        }
    }
    // Rounds: in each, every size in turn (rotating which comes first), one full scan and
    // runs / baseline_runs results, the two sides alternating who goes first.
    let per_round = args.runs.div_ceil(args.baseline_runs);
    let sizes = built.len();
    for round in 0..args.baseline_runs {
        for k in 0..sizes {
            let b = &mut built[(k + round) % sizes];
            for scan_side in if (round + k) % 2 == 0 { [true, false] } else { [false, true] } {
                if scan_side {
                    let started = Instant::now();
                    std::hint::black_box(baseline::full_scan(&b.f.pool, b.survey_id).await?);
                    b.scan.push(started.elapsed());
                } else {
                    for _ in 0..per_round {
                        let started = Instant::now();
                        std::hint::black_box(results(&b.f.db, &b.f.caller, b.survey_id, None).await?);
                        b.ours.push(started.elapsed());
                    }
                }
            }
        }
    }

    println!("\n{:>10}  {:>12}  {:>12}  {:>16}  {:>14}", "responses", "ours p50 ms", "ours p99 ms", "full scan p50 ms", "scan/ours");
    for b in &built {
        println!(
            "{:>10}  {:>12}  {:>12}  {:>16}  {:>13.1}×",
            b.size,
            ms(b.ours.p50()),
            ms(b.ours.p99()),
            ms(b.scan.p50()),
            ratio(b.scan.p50(), b.ours.p50())
        );
    }
    println!(
        "(ours: results() from the kept aggregates, {} runs per size; full scan: every response read and counted, {} runs per size; \
         entering: {})",
        per_round * args.baseline_runs,
        args.baseline_runs,
        built.iter().map(|b| format!("{} in {:.1} s", b.size, b.entering.as_secs_f64())).collect::<Vec<_>>().join(", ")
    );
    let (mut met, mut checked) = (0, 0);
    let mut goal = |line: String, ok: bool| {
        checked += 1;
        met += usize::from(ok);
        println!("{line}: {}", if ok { "met" } else { "not met" });
    };
    println!();
    if let (Some(small), Some(large)) = (built.first(), built.last())
        && large.size > small.size
    {
        let r = ratio(large.ours.p50(), small.ours.p50());
        goal(
            format!(
                "flat: ours p50 at {} / at {} = {} / {} ms = {r:.3} (goal ≤ 1.2)",
                large.size,
                small.size,
                ms(large.ours.p50()),
                ms(small.ours.p50())
            ),
            r <= 1.2,
        );
    }
    if let Some(large) = built.last() {
        let p50 = large.ours.p50().as_secs_f64() * 1000.0;
        goal(format!("latency: ours p50 at {} = {} ms (goal ≤ 20 ms)", large.size, ms(large.ours.p50())), p50 <= 20.0);
    }
    println!("{met} of {checked} goals met; total {:.0}s", began.elapsed().as_secs_f64());
    Ok(())
}
