//! `just bench-kpis [--sizes 1000000,10000000] [--runs 100] [--warmup 5] [--baseline-runs 5]
//!                  [--counters bulk|rebuild] [--verify-up-to 1000000] [--profile-runs 20]`
//!
//! 1. One database per size: a district of 10 streets × 10 communities × 4 grids and N needs over
//!    2025-01 … today, with a realistic lifecycle. The counters are then filled either from every
//!    generated need's `contribution()` folded while generating (`bulk`, the default) or by
//!    `services::kpis::counters::rebuild` (`rebuild`); on sizes up to `--verify-up-to` they are
//!    compared with `counters::recount`, the reference rule.
//! 2. The district's dashboard for 2026 (`services::kpis::dashboard::dashboard`) against the
//!    baseline, one aggregate query over the needs table computing the same need numbers, which must
//!    agree with the dashboard's; all sizes and both sides measured interleaved.
//! 3. Where the dashboard's time goes, step by step.
//!
//! Goals (from the issue): the dashboard ≤ 20 ms at the largest size, and its p50 at the largest size
//! no more than 1.2× its p50 at the smallest. Missed goals are reported, not failed.

use std::time::{Duration, Instant};

use anyhow::Context as _;
use api::services::kpis::counters;
use bench::kpis::setup::{self, Fixture};
use bench::kpis::{PERIOD, baseline, measure};
use bench::stats::{ms, ratio};
use chrono::Utc;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Counters {
    Bulk,
    Rebuild,
}

struct Args {
    sizes: Vec<usize>,
    runs: usize,
    warmup: usize,
    baseline_runs: usize,
    counters: Counters,
    verify_up_to: usize,
    profile_runs: usize,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut args = Args {
        sizes: vec![1_000_000, 10_000_000],
        runs: 100,
        warmup: 5,
        baseline_runs: 5,
        counters: Counters::Bulk,
        verify_up_to: 1_000_000,
        profile_runs: 20,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().with_context(|| format!("{flag} needs a value"));
        let number = |s: String| s.trim().replace('_', "").parse::<usize>();
        match flag.as_str() {
            "--sizes" => args.sizes = value()?.split(',').map(|s| number(s.to_owned())).collect::<Result<_, _>>()?,
            "--runs" => args.runs = number(value()?)?,
            "--warmup" => args.warmup = number(value()?)?,
            "--baseline-runs" => args.baseline_runs = number(value()?)?,
            "--verify-up-to" => args.verify_up_to = number(value()?)?,
            "--profile-runs" => args.profile_runs = number(value()?)?,
            "--counters" => {
                args.counters = match value()?.as_str() {
                    "bulk" => Counters::Bulk,
                    "rebuild" => Counters::Rebuild,
                    other => anyhow::bail!("--counters is bulk or rebuild, not {other}"),
                }
            }
            other => anyhow::bail!("unknown argument {other}; see the top of bench/src/bin/kpis.rs"),
        }
    }
    args.sizes.sort_unstable();
    args.sizes.dedup();
    anyhow::ensure!(!args.sizes.is_empty() && args.sizes[0] > 0, "nothing to measure");
    anyhow::ensure!(args.runs >= 1 && args.baseline_runs >= 1, "--runs and --baseline-runs must be at least 1");
    Ok(args)
}

fn secs(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

struct Built {
    size: usize,
    f: Fixture,
    /// Loading the needs, without folding their contributions (counted under counters).
    generation: Duration,
    counters: Duration,
    counters_how: &'static str,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    let began = Instant::now();
    let now = Utc::now();
    println!(
        "{} core(s), load average {}; dashboard of the district for {PERIOD}; needs from {} to {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load_average(),
        setup::first_day().format("%Y-%m-%d %H:%M UTC"),
        now.format("%Y-%m-%d %H:%M UTC")
    );

    // 1. One database per size.
    let mut built: Vec<Built> = Vec::new();
    for &size in &args.sizes {
        let f = Fixture::fresh().await?;
        if built.is_empty() {
            let version: String = sqlx::query_scalar("SELECT sqlite_version()").fetch_one(&f.pool).await?;
            println!(
                "SQLite {version}, WAL, synchronous=FULL (api::db::connect); {} areas: 1 district, {} streets, {} communities ({} residents), {} grids",
                1 + setup::STREETS * (1 + setup::COMMUNITIES_PER_STREET * (1 + setup::GRIDS_PER_COMMUNITY)),
                setup::STREETS,
                setup::STREETS * setup::COMMUNITIES_PER_STREET,
                f.population,
                setup::STREETS * setup::COMMUNITIES_PER_STREET * setup::GRIDS_PER_COMMUNITY
            );
        }
        println!("\n{size} needs: generating into {}", f.path.display());
        let loaded = f.load(size, now, args.counters == Counters::Bulk).await?;
        anyhow::ensure!(f.count_needs().await? == size as i64, "the needs table does not hold {size} rows");
        println!(
            "  generated in {} ({:.0} needs/s, {:.0} MB; of it folding contributions {}, creating the {} needs indexes after the load {})",
            secs(loaded.took),
            size as f64 / loaded.took.as_secs_f64(),
            f.bytes() as f64 / 1e6,
            secs(loaded.folding),
            loaded.indexes,
            secs(loaded.indexing)
        );
        println!("  mix: {}", loaded.mix.describe());
        let (took, how, rows) = match (&loaded.totals, args.counters) {
            (Some(totals), Counters::Bulk) => {
                let started = Instant::now();
                let rows = f.write_counters(totals).await?;
                (loaded.folding + started.elapsed(), "bulk", rows)
            }
            _ => {
                let started = Instant::now();
                let rows = counters::rebuild(&f.db).await?;
                (started.elapsed(), "rebuild", rows)
            }
        };
        println!(
            "  counters: {rows} rows by {}, {}",
            if how == "bulk" { "folding contribution() while generating and writing them at the end" } else { "counters::rebuild" },
            secs(took)
        );
        if size <= args.verify_up_to {
            let started = Instant::now();
            let reference = counters::recount(&f.db).await?;
            let recount_took = started.elapsed();
            let stored = counters::stored(&f.db).await?;
            println!(
                "  counters equal a full recount: {} ({} rows; counters::recount took {})",
                if stored == reference { "yes" } else { "NO" },
                reference.len(),
                secs(recount_took)
            );
        }
        let period = bench::kpis::period()?;
        let d = measure::ours(&f, now).await?;
        let base = measure::base(&f).await?;
        println!("  dashboard: {} cards; {}", d.cards.len(), baseline::from_dashboard(&d)?.describe());
        println!("  baseline:  {}", base.describe());
        println!("  baseline agrees: {}", if baseline::agrees(&d, &base)? { "yes" } else { "no" });
        if built.is_empty() {
            println!("  baseline plan: {}", baseline::query_plan(&f.pool, &f.district.path, period).await?.join("; "));
        }
        built.push(Built { size, f, generation: loaded.took.saturating_sub(loaded.folding), counters: took, counters_how: how });
    }

    // 2. Dashboard and baseline, every size interleaved.
    println!(
        "\nmeasuring: {} warm-up dashboards per size, then {} dashboards and {} baselines per size, interleaved; load average {}",
        args.warmup,
        args.baseline_runs * args.runs.div_ceil(args.baseline_runs),
        args.baseline_runs,
        load_average()
    );
    let fixtures: Vec<&Fixture> = built.iter().map(|b| &b.f).collect();
    let timings = measure::run(&fixtures, now, args.warmup, args.runs, args.baseline_runs).await?;
    println!("load average after measuring: {}", load_average());

    // 3. Where the time goes, every size interleaved.
    if args.profile_runs > 0 {
        let profiles = measure::profile(&fixtures, now, args.profile_runs).await?;
        for (b, p) in built.iter().zip(&profiles) {
            println!(
                "\nwhere the dashboard's time goes at {} needs (p50 of {} runs; {} areas loaded, {} counter rows read):",
                b.size, args.profile_runs, p.areas, p.counter_rows
            );
            for (name, s) in p.steps() {
                println!("  {name:<42} {:>9} ms", ms(s.p50()));
            }
            let mut slow: Vec<_> = p.indicators().collect();
            slow.sort_by_key(|(_, s)| std::cmp::Reverse(s.p50()));
            let list: Vec<String> = slow.iter().take(5).map(|(code, s)| format!("{code} {} ms", ms(s.p50()))).collect();
            println!("  slowest indicators to evaluate: {}", list.join(", "));
        }
    }

    // The table and the goals.
    println!(
        "\n{:>10}  {:>22}  {:>18}  {:>12}  {:>12}  {:>15}  {:>13}",
        "needs", "generation", "counters", "ours p50 ms", "ours p99 ms", "baseline p50 ms", "baseline/ours"
    );
    for (b, t) in built.iter().zip(&timings) {
        println!(
            "{:>10}  {:>22}  {:>18}  {:>12}  {:>12}  {:>15}  {:>12.1}×",
            b.size,
            format!("{} ({:.0}/s)", secs(b.generation), b.size as f64 / b.generation.as_secs_f64()),
            format!("{} {}", b.counters_how, secs(b.counters)),
            ms(t.ours.p50()),
            ms(t.ours.p99()),
            ms(t.baseline.p50()),
            ratio(t.baseline.p50(), t.ours.p50())
        );
    }
    println!(
        "(generation: inserting the needs and creating their indexes; counters: folding contribution() over every need and writing the \
         rows (bulk), or counters::rebuild; ours: dashboard(); baseline: the full-scan aggregate)"
    );
    let (small, large) = (built.first().zip(timings.first()), built.last().zip(timings.last()));
    let mut met = 0;
    let mut checked = 0;
    let mut goal = |line: String, ok: bool| {
        checked += 1;
        met += usize::from(ok);
        println!("{line}: {}", if ok { "met" } else { "not met" });
    };
    println!();
    if let (Some((bs, ts)), Some((bl, tl))) = (small, large)
        && bl.size > bs.size
    {
        let r = ratio(tl.ours.p50(), ts.ours.p50());
        goal(
            format!(
                "scaling: ours p50 at {} / at {} = {} / {} ms = {r:.3} (goal ≤ 1.2)",
                bl.size,
                bs.size,
                ms(tl.ours.p50()),
                ms(ts.ours.p50())
            ),
            r <= 1.2,
        );
    }
    if let Some((bl, tl)) = large {
        let p50 = tl.ours.p50().as_secs_f64() * 1000.0;
        goal(format!("latency: ours p50 at {} = {} ms (goal ≤ 20 ms)", bl.size, ms(tl.ours.p50())), p50 <= 20.0);
    }
    println!("{met} of {checked} goals met; total {:.0}s", began.elapsed().as_secs_f64());
    Ok(())
}
