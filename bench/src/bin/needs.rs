//! `just bench-needs [--sizes 10000,100000,1000000] [--creates 2000] [--iterations 200] [--sql]`
//!
//! 1. Create throughput on a fresh database: `needs::submit` per write transaction vs the twin.
//! 2. One more fresh database per size: list throughput and p50/p99 latency of the staff queue (first
//!    page and page 21) as `street` and `community`, service vs twin, all sizes measured interleaved.
//! 3. How list latency grows from the smallest to the largest size.
//!
//! Goals (from the issue): service ≥ 0.9× the twin; list latency at 1M ≤ 1.5× latency at 10k.

use std::time::Instant;

use anyhow::Context as _;
use bench::needs::{self, create, list, setup::Fixture};
use bench::stats::{Bound, Report, Samples, ms, ratio};

struct Args {
    sizes: Vec<i64>,
    creates: usize,
    iterations: usize,
    warmup: usize,
    show_sql: bool,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut args = Args { sizes: vec![10_000, 100_000, 1_000_000], creates: 5_000, iterations: 1_000, warmup: 20, show_sql: false };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().with_context(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--sizes" => args.sizes = value()?.split(',').map(|s| s.trim().replace('_', "").parse()).collect::<Result<_, _>>()?,
            "--creates" => args.creates = value()?.parse()?,
            "--iterations" => args.iterations = value()?.parse()?,
            "--warmup" => args.warmup = value()?.parse()?,
            "--sql" => args.show_sql = true,
            other => {
                anyhow::bail!("unknown argument {other}; see the top of bench/src/bin/needs.rs")
            }
        }
    }
    args.sizes.sort_unstable();
    anyhow::ensure!(!args.sizes.is_empty() && args.creates > 0 && args.iterations > 0, "nothing to measure");
    Ok(args)
}

fn per_sec(s: &Samples) -> String {
    format!("{:.0}/s", s.per_sec())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    bench::capture::install();
    let began = Instant::now();
    let mut report = Report::default();

    // 1. Create throughput.
    let f = Fixture::fresh().await?;
    let version: String = sqlx::query_scalar("SELECT sqlite_version()").fetch_one(&f.pool).await?;
    println!("SQLite {version}, WAL, synchronous=FULL (api::db::connect); database {}", f.path.display());
    let statements = needs::check_create_statements(&f).await?;
    println!("create: service and twin send the same {} statements per need (plus BEGIN/COMMIT)", statements.len());
    if args.show_sql {
        statements.iter().for_each(|s| println!("    {s}"));
    }
    let c = create::run(&f, args.creates, 10).await?;
    let r = c.service.per_sec() / c.twin.per_sec();
    println!(
        "create: service {} twin {} (p50 {} / {} ms) → {r:.3}×",
        per_sec(&c.service),
        per_sec(&c.twin),
        ms(c.service.p50()),
        ms(c.twin.p50())
    );
    report.goal(
        format!("create ×{} (needs/s service vs twin)", args.creates),
        format!("{} vs {}", per_sec(&c.service), per_sec(&c.twin)),
        r,
        Bound::AtLeast(0.9),
    );
    drop(f);

    // 2. List: one database per size (every community holds the same share of needs), measured
    //    interleaved so that the size comparison shares the machine's noise like the twin comparison.
    let mut fixtures = Vec::new();
    for &size in &args.sizes {
        let f = Fixture::fresh().await?;
        let started = Instant::now();
        f.load_to(size).await?;
        let bytes = std::fs::metadata(&f.path).map(|m| m.len()).unwrap_or(0);
        let statements = needs::check_list_statements(&f).await?;
        println!(
            "loaded {size} needs in {:.1}s ({:.0} MB); service and twin send the same {} statements over 4 pages and return identical pages",
            started.elapsed().as_secs_f64(),
            bytes as f64 / 1e6,
            statements.len()
        );
        if args.show_sql && fixtures.is_empty() {
            statements.iter().for_each(|s| println!("    {s}"));
        }
        fixtures.push((size, f));
    }
    for who in ["street", "community"] {
        for page in 0..2 {
            let mut targets = Vec::new();
            for (_, f) in &fixtures {
                let caller = if who == "street" { &f.street } else { &f.community };
                let start = list::starts(f, caller).await?.swap_remove(page);
                targets.push(list::Target { f, caller, start });
            }
            let name = format!("{who} {}", targets[0].start.name);
            println!("\nlist {name}: plan {}", list::query_plan(targets[0].f, targets[0].caller, &targets[0].start).await?.join("; "));
            let results = list::run(&targets, args.warmup, args.iterations).await?;
            for ((size, _), res) in fixtures.iter().zip(&results) {
                let r = res.service.per_sec() / res.twin.per_sec();
                println!(
                    "  {size:>8}: service p50 {} p99 {} ms ({}) | twin p50 {} p99 {} ms ({}) → {r:.3}×",
                    ms(res.service.p50()),
                    ms(res.service.p99()),
                    per_sec(&res.service),
                    ms(res.twin.p50()),
                    ms(res.twin.p99()),
                    per_sec(&res.twin),
                );
                report.goal(
                    format!("list {name} @{size} (pages/s)"),
                    format!(
                        "{} vs {}; p50 {}/{} ms, p99 {}/{} ms",
                        per_sec(&res.service),
                        per_sec(&res.twin),
                        ms(res.service.p50()),
                        ms(res.twin.p50()),
                        ms(res.service.p99()),
                        ms(res.twin.p99())
                    ),
                    r,
                    Bound::AtLeast(0.9),
                );
            }
            // 3. Scaling: service latency at the largest size over the smallest.
            if let (Some(((small, _), a)), Some(((large, _), b))) =
                (fixtures.first().zip(results.first()), fixtures.last().zip(results.last()))
                && large > small
            {
                let (a, b) = (&a.service, &b.service);
                report.goal(
                    format!("list {name} p50 {large} vs {small}"),
                    format!("{} vs {} ms", ms(b.p50()), ms(a.p50())),
                    ratio(b.p50(), a.p50()),
                    Bound::AtMost(1.5),
                );
                report.info(
                    format!("list {name} p99 {large} vs {small}"),
                    format!("{} vs {} ms", ms(b.p99()), ms(a.p99())),
                    Some(ratio(b.p99(), a.p99())),
                );
            }
        }
    }

    let (met, checked) = report.score();
    println!("\n{}", report.render());
    println!("{met} of {checked} goals met; total {:.0}s", began.elapsed().as_secs_f64());
    Ok(())
}
