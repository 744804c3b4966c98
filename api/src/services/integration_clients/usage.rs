//! Counting a client's requests, its per-minute limit, and its usage report. One row per client and
//! minute, incremented by one upsert per request (`INSERT … ON CONFLICT … DO UPDATE … RETURNING`,
//! the same on SQLite and PostgreSQL), so the limit holds across API instances and the same rows,
//! summed per day, are the usage. Only requests with a client token pay this write.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use shared::{ClientUsage, ClientUsageDay, Id};

use crate::clock::china_date;
use crate::domain::caller::Caller;
use crate::entities::{client_usage, integration_client};
use crate::error::ApiError;
use crate::policy;

/// The rate-limit window a moment falls in: minutes since the Unix epoch.
pub fn minute_of(now: DateTime<Utc>) -> i64 {
    now.timestamp().div_euclid(60)
}

/// Seconds until the window of `now` ends (what `Retry-After` says once the limit is used up).
pub fn seconds_to_next_minute(now: DateTime<Utc>) -> u64 {
    Ord::max(60 - now.timestamp().rem_euclid(60), 1).unsigned_abs()
}

/// Counts one request of the client in the minute of `now`; answers the minute's count so far.
pub async fn count<C: ConnectionTrait>(db: &C, client: Id, now: DateTime<Utc>) -> Result<i64, ApiError> {
    use client_usage::Column as C;
    let mut insert = Query::insert();
    insert
        .into_table(client_usage::Entity)
        .columns([C::ClientId, C::Minute, C::Day, C::Requests, C::Errors, C::LastUsedAt])
        .values([client.into(), minute_of(now).into(), china_date(now).into(), 1.into(), 0.into(), now.into()])
        .map_err(anyhow::Error::from)?
        .on_conflict(
            OnConflict::columns([C::ClientId, C::Minute])
                .value(C::Requests, Expr::col((client_usage::Entity, C::Requests)).add(1))
                .update_column(C::LastUsedAt)
                .to_owned(),
        )
        .returning_col(C::Requests);
    let row = db.query_one_raw(db.get_database_backend().build(&insert)).await?;
    let requests: i32 = row.ok_or_else(|| anyhow::anyhow!("the usage upsert returned no row"))?.try_get("", "requests")?;
    Ok(i64::from(requests))
}

/// Counts an answer of 4xx or 5xx against the minute its request was counted in.
pub async fn count_error<C: ConnectionTrait>(db: &C, client: Id, minute: i64) -> Result<(), ApiError> {
    client_usage::Entity::update_many()
        .col_expr(client_usage::Column::Errors, Expr::col(client_usage::Column::Errors).add(1))
        .filter(client_usage::Column::ClientId.eq(client))
        .filter(client_usage::Column::Minute.eq(minute))
        .exec(db)
        .await?;
    Ok(())
}

/// A client's usage per day (China dates, both ends included; the last 30 days by default).
pub async fn read<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<ClientUsage, ApiError> {
    let client = policy::load::<integration_client::Entity, _>(db, caller, id).await?;
    let to = to.unwrap_or_else(|| china_date(now));
    let from = from.unwrap_or(to - Duration::days(29));
    use client_usage::Column as C;
    let sums: Vec<(NaiveDate, i64, i64, i64)> = client_usage::Entity::find()
        .select_only()
        .column(C::Day)
        .column_as(C::Requests.sum(), "requests")
        .column_as(C::Errors.sum(), "errors")
        .column_as(C::Minute.max(), "minute")
        .filter(C::ClientId.eq(client.id))
        .filter(C::Day.gte(from))
        .filter(C::Day.lte(to))
        .group_by(C::Day)
        .order_by_desc(C::Day)
        .into_tuple()
        .all(db)
        .await?;
    // The last use of each day is the newest row of that day: read those rows by their minute.
    let last: HashMap<i64, DateTime<Utc>> = client_usage::Entity::find()
        .filter(C::ClientId.eq(client.id))
        .filter(C::Minute.is_in(sums.iter().map(|s| s.3)))
        .all(db)
        .await?
        .into_iter()
        .map(|row| (row.minute, row.last_used_at))
        .collect();
    let days: Vec<ClientUsageDay> = sums
        .into_iter()
        .filter_map(|(day, requests, errors, minute)| {
            last.get(&minute).map(|at| ClientUsageDay { day, requests, errors, last_used_at: *at })
        })
        .collect();
    Ok(ClientUsage {
        client_id: client.id,
        requests: days.iter().map(|d| d.requests).sum(),
        errors: days.iter().map(|d| d.errors).sum(),
        last_used_at: days.iter().map(|d| d.last_used_at).max(),
        days,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_is_the_minute_and_retry_after_runs_to_its_end() {
        let at = DateTime::parse_from_rfc3339("2026-12-05T10:00:45Z").expect("valid").with_timezone(&Utc);
        assert_eq!(minute_of(at), at.timestamp() / 60);
        assert_eq!(seconds_to_next_minute(at), 15);
        let on_the_minute = DateTime::parse_from_rfc3339("2026-12-05T10:01:00Z").expect("valid").with_timezone(&Utc);
        assert_eq!(minute_of(on_the_minute), minute_of(at) + 1);
        assert_eq!(seconds_to_next_minute(on_the_minute), 60);
    }
}
