//! `just bench-ledger [--postings 1000000] [--accounts 100000] [--runs 200] [--transfers 2000]
//!  [--long 10000] [--short 10] [--check-runs 3] [--warmup 5]`
//!
//! 1. A fresh SQLite database (the district of `bench-kpis`), and a ledger of service time loaded in
//!    bulk: `--postings` postings (two per transfer) over `--accounts` accounts, one resident with a
//!    `--long` history and one with a `--short` one. The service's full check
//!    (`services::ledger::read::check`) must find it balanced before anything is measured.
//! 2. Statement page (`read::statement`, what `GET /ledger/accounts/{id}/statement` returns: the
//!    first page of 50 with running balances) at the long and the short account, interleaved.
//! 3. Own balances (`read::mine`, what `GET /me/ledger` returns) as the long and the short resident,
//!    interleaved; the ratio long / short shows whether reads depend on history length.
//! 4. Transfers: `post::post` in a `BEGIN IMMEDIATE` transaction (as `AppState::begin_write`) against
//!    a raw-sqlx twin proven to send the same statements, gifts of one minute back and forth between
//!    two residents, in alternating blocks; transfers/s each side.
//! 5. The full zero-sum check over the loaded ledger, `--check-runs` times; and once more after the
//!    transfers, which must still balance.
//!
//! Goals (from the issue): statement page p50 ≤ 5 ms at both accounts; balance reads independent of
//! history (long / short p50 ≤ 1.2); transfers ≥ 0.8× the twin. Missed goals are reported, not failed.

use std::time::Instant;

use anyhow::Context as _;
use api::entities::ledger_account;
use api::services::ledger::read;
use api::services::page::PageRequest;
use bench::kpis::setup::Fixture;
use bench::ledger::{self, setup, twin};
use bench::stats::{Bound, Report, Samples, ms, ratio};
use chrono::Utc;
use sea_orm::EntityTrait;
use shared::TransferKind;

struct Args {
    postings: usize,
    accounts: usize,
    runs: usize,
    transfers: usize,
    long: usize,
    short: usize,
    check_runs: usize,
    warmup: usize,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut args =
        Args { postings: 1_000_000, accounts: 100_000, runs: 200, transfers: 2_000, long: 10_000, short: 10, check_runs: 3, warmup: 5 };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().with_context(|| format!("{flag} needs a value"));
        let number = |s: &str| s.trim().replace('_', "").parse::<usize>();
        match flag.as_str() {
            "--postings" => args.postings = number(&value()?)?,
            "--accounts" => args.accounts = number(&value()?)?,
            "--runs" => args.runs = number(&value()?)?,
            "--transfers" => args.transfers = number(&value()?)?,
            "--long" => args.long = number(&value()?)?,
            "--short" => args.short = number(&value()?)?,
            "--check-runs" => args.check_runs = number(&value()?)?,
            "--warmup" => args.warmup = number(&value()?)?,
            other => anyhow::bail!("unknown argument {other}; see the top of bench/src/bin/ledger.rs"),
        }
    }
    anyhow::ensure!(args.runs >= 1 && args.check_runs >= 1 && args.transfers >= 2, "--runs, --check-runs ≥ 1 and --transfers ≥ 2");
    // Small smoke runs: the long history is at most a tenth of the transfers.
    args.long = args.long.min(args.postings / 20);
    args.short = args.short.min(args.long);
    Ok(args)
}

const PAGE: u64 = 50;
const BLOCKS: usize = 10;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    bench::capture::install();
    let began = Instant::now();
    let now = Utc::now();
    println!(
        "{} core(s); a ledger of service time (minutes) over the 100 communities of one district, on SQLite",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let f = Fixture::fresh().await?;
    let loaded = setup::load(&f, args.accounts, args.postings, args.long, args.short, now).await?;
    let long = &loaded.accounts[loaded.long.1];
    let short = &loaded.accounts[loaded.short.1];
    println!(
        "\nloaded {} accounts, {} transfers, {} postings in {:.1} s; the long history has {} postings, the short one {}",
        loaded.accounts.len(),
        loaded.transfers,
        loaded.postings,
        loaded.took.as_secs_f64(),
        long.postings,
        short.postings
    );

    // The full check, which also proves the bulk load consistent before anything is measured.
    let mut check = Samples::default();
    for i in 0..args.check_runs {
        let started = Instant::now();
        let c = read::check(&f.db, &f.caller).await?;
        check.push(started.elapsed());
        if i == 0 {
            let postings: i64 = c.units.iter().map(|u| u.postings).sum();
            println!(
                "full check: {} transfers, {postings} postings, unbalanced transfers {}, mismatched kept balances {}, balanced: {}",
                c.transfers,
                c.unbalanced_transfers,
                c.units.iter().map(|u| u.mismatched_accounts).sum::<i64>(),
                if c.balanced { "yes" } else { "NO" }
            );
            anyhow::ensure!(c.balanced, "the loaded ledger does not balance");
            anyhow::ensure!(
                c.transfers as usize == loaded.transfers && postings as usize == loaded.postings,
                "the check counts other rows"
            );
        }
    }

    // Statement pages at the long and the short account, interleaved.
    let page = || PageRequest::parse(None, Some(PAGE), "-id");
    let first = read::statement(&f.db, &f.caller, long.id, None, None, page()?).await?;
    anyhow::ensure!(
        first.items.len() == PAGE as usize && first.items[0].balance_after == long.balance && first.account.balance == long.balance,
        "the long statement's first page does not end at the kept balance"
    );
    let (mut st_long, mut st_short) = (Samples::default(), Samples::default());
    for _ in 0..args.warmup {
        std::hint::black_box(read::statement(&f.db, &f.caller, long.id, None, None, page()?).await?);
        std::hint::black_box(read::statement(&f.db, &f.caller, short.id, None, None, page()?).await?);
    }
    for i in 0..args.runs {
        for long_side in if i % 2 == 0 { [true, false] } else { [false, true] } {
            let (id, samples) = if long_side { (long.id, &mut st_long) } else { (short.id, &mut st_short) };
            let started = Instant::now();
            std::hint::black_box(read::statement(&f.db, &f.caller, id, None, None, page()?).await?);
            samples.push(started.elapsed());
        }
    }

    // Own balances as the long and the short resident, interleaved.
    let long_caller = api::services::auth::load_caller(&f.db, loaded.long.0).await?.context("long resident inactive")?;
    let short_caller = api::services::auth::load_caller(&f.db, loaded.short.0).await?.context("short resident inactive")?;
    let mine = read::mine(&f.db, &long_caller).await?;
    anyhow::ensure!(
        mine.accounts.len() == 1 && mine.accounts[0].balance == long.balance,
        "the long resident's balance is not the kept one"
    );
    let (mut bal_long, mut bal_short) = (Samples::default(), Samples::default());
    for _ in 0..args.warmup {
        std::hint::black_box(read::mine(&f.db, &long_caller).await?);
        std::hint::black_box(read::mine(&f.db, &short_caller).await?);
    }
    for i in 0..args.runs {
        for long_side in if i % 2 == 0 { [true, false] } else { [false, true] } {
            let (caller, samples) = if long_side { (&long_caller, &mut bal_long) } else { (&short_caller, &mut bal_short) };
            let started = Instant::now();
            std::hint::black_box(read::mine(&f.db, caller).await?);
            samples.push(started.elapsed());
        }
    }

    // Transfers: gifts of one minute back and forth between two residents with hours banked.
    let pair: Vec<&setup::Account> =
        loaded.accounts.iter().filter(|a| a.kind == shared::HolderKind::Resident && a.balance >= 10).take(2).collect();
    anyhow::ensure!(pair.len() == 2, "no two residents with hours to give");
    let a = ledger_account::Entity::find_by_id(pair[0].id).one(&f.db).await?.context("account a")?;
    let b = ledger_account::Entity::find_by_id(pair[1].id).one(&f.db).await?.context("account b")?;
    let statements = ledger::check_statements(&f, &a, &b).await?;
    println!("\na transfer sends {} statements, the same from the service and the twin:", statements.len());
    for s in &statements {
        println!("  {}", if s.chars().count() > 150 { format!("{}…", s.chars().take(150).collect::<String>()) } else { s.clone() });
    }
    let (ta, tb) = (ledger::twin_account(&a)?, ledger::twin_account(&b)?);
    let (mut service, mut raw) = (Samples::default(), Samples::default());
    let per_block = args.transfers.div_ceil(BLOCKS).max(2) & !1; // even: the pair ends where it began
    for block in 0..BLOCKS {
        for service_side in if block % 2 == 0 { [true, false] } else { [false, true] } {
            for i in 0..per_block {
                let forth = i % 2 == 0;
                let key = format!("bench:{}:{block}:{i}", if service_side { "service" } else { "twin" });
                let started = Instant::now();
                if service_side {
                    let legs = if forth { vec![(a.clone(), -1), (b.clone(), 1)] } else { vec![(b.clone(), -1), (a.clone(), 1)] };
                    ledger::by_service(&f.db, legs, key, f.caller.id, Utc::now()).await?;
                    service.push(started.elapsed());
                } else {
                    let legs = if forth { [(ta.clone(), -1), (tb.clone(), 1)] } else { [(tb.clone(), -1), (ta.clone(), 1)] };
                    twin::post(&f.pool, TransferKind::Gift, ledger::REASON, Some(key), Some(f.caller.id), &legs, Utc::now()).await?;
                    raw.push(started.elapsed());
                }
            }
        }
    }
    let after = read::check(&f.db, &f.caller).await?;
    anyhow::ensure!(after.balanced, "the ledger does not balance after the measured transfers");
    println!("full check after {} more transfers: balanced", service.len() + raw.len() + 2);

    println!("\n{:<34}  {:>10}  {:>10}  {:>8}", "measurement", "p50 ms", "p99 ms", "samples");
    let line = |name: &str, s: &Samples| println!("{name:<34}  {:>10}  {:>10}  {:>8}", ms(s.p50()), ms(s.p99()), s.len());
    line(&format!("statement page, {} postings", long.postings), &st_long);
    line(&format!("statement page, {} postings", short.postings), &st_short);
    line(&format!("own balances, {} postings", long.postings), &bal_long);
    line(&format!("own balances, {} postings", short.postings), &bal_short);
    line("transfer, service (post)", &service);
    line("transfer, raw-sqlx twin", &raw);
    line(&format!("full check, {} postings", loaded.postings), &check);

    let mut report = Report::default();
    let p50_ms = |s: &Samples| s.p50().as_secs_f64() * 1000.0;
    report.goal(
        format!("statement p50 ms, {} postings", long.postings),
        format!("{} ms", ms(st_long.p50())),
        p50_ms(&st_long),
        Bound::AtMost(5.0),
    );
    report.goal(
        format!("statement p50 ms, {} postings", short.postings),
        format!("{} ms", ms(st_short.p50())),
        p50_ms(&st_short),
        Bound::AtMost(5.0),
    );
    report.goal(
        "own balances p50, long / short",
        format!("{} / {} ms", ms(bal_long.p50()), ms(bal_short.p50())),
        ratio(bal_long.p50(), bal_short.p50()),
        Bound::AtMost(1.2),
    );
    report.goal(
        "transfers/s, service / twin",
        format!("{:.0} / {:.0} per s", service.per_sec(), raw.per_sec()),
        service.per_sec() / raw.per_sec(),
        Bound::AtLeast(0.8),
    );
    report.info(
        format!("full zero-sum check, {} postings", loaded.postings),
        format!("p50 {} ms over {} runs", ms(check.p50()), check.len()),
        None,
    );
    println!("\n{}", report.render());
    let (met, checked) = report.score();
    println!("{met} of {checked} goals met; total {:.0}s", began.elapsed().as_secs_f64());
    Ok(())
}
