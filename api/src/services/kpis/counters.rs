//! Keeping the need counters: every need write adds its change to the counters of its area and every
//! ancestor, in the same transaction (one upsert statement). `rebuild` recounts from scratch (after
//! a bulk load, or to repair); `recount` is the reference the tests compare the kept counters with.

use std::collections::{BTreeMap, HashMap};

use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::domain::kpis::counters::{Deltas, change, contribution};
use crate::domain::kpis::period::MonthKey;
use crate::domain::scope::path_ids;
use crate::entities::{kpi_counter, need};

/// Rows per upsert statement when writing many counters at once.
const CHUNK: usize = 500;
/// Needs read per batch by `rebuild` and `recount`.
const BATCH: u64 = 5_000;

pub type CounterKey = (i64, MonthKey, String);

/// Adds what changed between `before` and `after` (one need; either may be absent) to the counters.
pub async fn record<C: ConnectionTrait>(db: &C, before: Option<&need::Model>, after: Option<&need::Model>) -> Result<(), DbErr> {
    let deltas = change(before, after);
    let Some(path) = after.or(before).map(|n| n.area_path.as_str()) else { return Ok(()) };
    if deltas.is_empty() {
        return Ok(());
    }
    let rows: Vec<(i64, MonthKey, &str, i64)> =
        path_ids(path).into_iter().flat_map(|area| deltas.iter().map(move |(&(m, c), &v)| (area, m, c, v))).collect();
    upsert(db, &rows).await
}

/// `value = value + delta` for each row, inserting rows that do not exist yet.
async fn upsert<C: ConnectionTrait>(db: &C, rows: &[(i64, MonthKey, &str, i64)]) -> Result<(), DbErr> {
    use kpi_counter::Column;
    for chunk in rows.chunks(CHUNK) {
        let mut insert = Query::insert();
        insert.into_table(kpi_counter::Entity).columns([Column::AreaId, Column::Month, Column::Counter, Column::Value]);
        for &(area, month, counter, value) in chunk {
            insert.values_panic([area.into(), month.into(), counter.into(), value.into()]);
        }
        insert.on_conflict(
            OnConflict::columns([Column::AreaId, Column::Month, Column::Counter])
                .value(Column::Value, Expr::cust("kpi_counters.value + excluded.value"))
                .to_owned(),
        );
        db.execute(&insert).await?;
    }
    Ok(())
}

/// Every need's contribution, folded per (area, month, counter): what the counters must hold.
pub async fn recount<C: ConnectionTrait>(db: &C) -> Result<BTreeMap<CounterKey, i64>, DbErr> {
    let mut totals: HashMap<(i64, MonthKey, &'static str), i64> = HashMap::new();
    let mut after = 0i64;
    loop {
        let batch = need::Entity::find().filter(need::Column::Id.gt(after)).order_by_asc(need::Column::Id).limit(BATCH).all(db).await?;
        let Some(last) = batch.last() else { break };
        after = last.id;
        for n in &batch {
            let c: Deltas = contribution(n);
            for area in path_ids(&n.area_path) {
                for (&(m, counter), &v) in &c {
                    *totals.entry((area, m, counter)).or_default() += v;
                }
            }
        }
    }
    Ok(totals.into_iter().filter(|(_, v)| *v != 0).map(|((a, m, c), v)| ((a, m, c.to_owned()), v)).collect())
}

/// The counters as kept, without rows that came back to zero.
pub async fn stored<C: ConnectionTrait>(db: &C) -> Result<BTreeMap<CounterKey, i64>, DbErr> {
    let rows = kpi_counter::Entity::find().filter(kpi_counter::Column::Value.ne(0)).all(db).await?;
    Ok(rows.into_iter().map(|r| ((r.area_id, r.month, r.counter), r.value)).collect())
}

/// Throws the counters away and recounts them from the needs. Returns the rows written.
pub async fn rebuild<C: ConnectionTrait>(db: &C) -> Result<usize, DbErr> {
    kpi_counter::Entity::delete_many().exec(db).await?;
    let totals = recount(db).await?;
    let rows: Vec<(i64, MonthKey, &str, i64)> = totals.iter().map(|((a, m, c), v)| (*a, *m, c.as_str(), *v)).collect();
    upsert(db, &rows).await?;
    Ok(rows.len())
}

/// The counters of `areas` for months `first..=last`, keyed by (area, month, counter).
pub async fn rows<C: ConnectionTrait>(
    db: &C,
    areas: &[i64],
    (first, last): (MonthKey, MonthKey),
) -> Result<HashMap<(i64, MonthKey, String), i64>, DbErr> {
    use kpi_counter::Column;
    let rows = kpi_counter::Entity::find()
        .filter(Column::AreaId.is_in(areas.iter().copied()))
        .filter(Column::Month.between(first, last))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|r| ((r.area_id, r.month, r.counter), r.value)).collect())
}
