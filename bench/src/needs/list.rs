//! List throughput and latency: the staff queue (`needs::list`, newest first, 50 a page) for one
//! caller, on the first page and on a page deep in the keyset, against the twin sending the same
//! statements (three, and on the first page the count of the table's total). Both sides are first
//! checked to return identical pages.

use std::time::Instant;

use api::domain::caller::Caller;
use api::services::needs::NeedFilter;
use api::services::page::PageRequest;
use chrono::Utc;
use shared::NeedSort;
use shared::{CountedPage, Need};
use sqlx::Row;

use super::setup::Fixture;
use super::sql::SQL;
use super::twin;
use crate::stats::Samples;

pub const LIMIT: u64 = 50;
/// The deep page is the one after this many pages walked.
pub const DEEP_AFTER_PAGES: usize = 20;

/// Which page of the queue is measured.
#[derive(Debug, Clone)]
pub struct Start {
    pub name: &'static str,
    /// The cursor the service was given for this page, and the id the twin starts below.
    pub cursor: Option<(String, i64)>,
}

async fn service_page(f: &Fixture, caller: &Caller, cursor: Option<&str>) -> anyhow::Result<CountedPage<Need>> {
    let page = PageRequest::parse(cursor, Some(LIMIT), NeedSort::Newest.name())?;
    Ok(api::services::needs::list(&f.db, caller, NeedFilter::default(), NeedSort::Newest, page, Utc::now()).await?)
}

/// The first page, and the page after walking [`DEEP_AFTER_PAGES`] pages through the service.
pub async fn starts(f: &Fixture, caller: &Caller) -> anyhow::Result<Vec<Start>> {
    let mut cursor: Option<(String, i64)> = None;
    for _ in 0..DEEP_AFTER_PAGES {
        let page = service_page(f, caller, cursor.as_ref().map(|c| c.0.as_str())).await?;
        match (page.next_cursor, page.items.last()) {
            (Some(next), Some(last)) => cursor = Some((next, last.id)),
            _ => anyhow::bail!("fewer than {} pages in the queue of {}", DEEP_AFTER_PAGES + 1, caller.username),
        }
    }
    Ok(vec![Start { name: "first page", cursor: None }, Start { name: "page 21", cursor }])
}

/// Fails unless the twin returns exactly the service's page: same rows, same masking, same names.
pub async fn check_same(f: &Fixture, caller: &Caller, start: &Start) -> anyhow::Result<()> {
    let service = service_page(f, caller, start.cursor.as_ref().map(|c| c.0.as_str())).await?;
    let (items, next, total) = twin::list(&f.pool, caller, start.cursor.as_ref().map(|c| c.1), LIMIT as i64).await?;
    anyhow::ensure!(service.total == total, "twin and service disagree on the total: {:?} vs {total:?}", service.total);
    anyhow::ensure!(service.items.len() == LIMIT as usize, "short page");
    anyhow::ensure!(service.items == items, "twin and service disagree on {} of {}", start.name, caller.username);
    anyhow::ensure!(service.next_cursor.is_some() == next.is_some(), "twin and service disagree on the next cursor");
    Ok(())
}

pub struct ListResult {
    pub service: Samples,
    pub twin: Samples,
}

/// One page of one caller's queue on one database.
pub struct Target<'a> {
    pub f: &'a Fixture,
    pub caller: &'a Caller,
    pub start: Start,
}

/// `iterations` pages each way on every target after `warmup`, in blocks of ten that rotate over the
/// targets and alternate service and twin, so that noise lands on all of them alike.
pub async fn run(targets: &[Target<'_>], warmup: usize, iterations: usize) -> anyhow::Result<Vec<ListResult>> {
    const BLOCK: usize = 10;
    for t in targets {
        let (cursor, after) = (t.start.cursor.as_ref().map(|c| c.0.as_str()), t.start.cursor.as_ref().map(|c| c.1));
        for _ in 0..warmup {
            service_page(t.f, t.caller, cursor).await?;
            twin::list(&t.f.pool, t.caller, after, LIMIT as i64).await?;
        }
    }
    let mut results: Vec<ListResult> =
        targets.iter().map(|_| ListResult { service: Samples::default(), twin: Samples::default() }).collect();
    let mut round = 0;
    while results[0].service.len() < iterations {
        let n = BLOCK.min(iterations - results[0].service.len());
        for k in 0..targets.len() {
            let i = (k + round) % targets.len();
            let t = &targets[i];
            let (cursor, after) = (t.start.cursor.as_ref().map(|c| c.0.as_str()), t.start.cursor.as_ref().map(|c| c.1));
            for service_side in if (round + k) % 2 == 0 { [true, false] } else { [false, true] } {
                for _ in 0..n {
                    let started = Instant::now();
                    if service_side {
                        std::hint::black_box(service_page(t.f, t.caller, cursor).await?);
                        results[i].service.push(started.elapsed());
                    } else {
                        std::hint::black_box(twin::list(&t.f.pool, t.caller, after, LIMIT as i64).await?);
                        results[i].twin.push(started.elapsed());
                    }
                }
            }
        }
        round += 1;
    }
    Ok(results)
}

/// SQLite's plan for the queue query with this caller's parameters, one line per step.
pub async fn query_plan(f: &Fixture, caller: &Caller, start: &Start) -> anyhow::Result<Vec<String>> {
    let sql = if start.cursor.is_some() { &SQL.queue_after } else { &SQL.queue_first };
    let mut q = sqlx::query(sqlx::AssertSqlSafe(format!("EXPLAIN QUERY PLAN {sql}")))
        .bind(caller.id)
        .bind(caller.id)
        .bind(format!("{}%", caller.area_path));
    if let Some((_, after)) = &start.cursor {
        q = q.bind(*after);
    }
    let rows = q.bind(LIMIT as i64 + 1).fetch_all(&f.pool).await?;
    rows.iter().map(|r| Ok(r.try_get::<String, _>("detail")?)).collect()
}
