//! The worker's landing (工作台): how many needs wait at each step, which fall due today, and the
//! caller's own tasks — all over the needs the caller reaches, through the queue's own rule
//! ([`policy::visible`]), and counted in SQL so a district's workbench costs a few COUNTs.

use chrono::{DateTime, Days, Utc};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, FromQueryResult, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use shared::{NeedStatus, Workbench, WorkbenchCounts};

use crate::clock::{china, china_date};
use crate::domain::caller::Caller;
use crate::entities::need;
use crate::error::ApiError;
use crate::policy;
use crate::services::needs::{Names, due_today_condition, next_deadline, overdue_condition, to_dto};

/// The statuses a tile counts: 待受理, 待派单, 待接单.
const WAITING: [NeedStatus; 3] = [NeedStatus::Submitted, NeedStatus::Accepted, NeedStatus::Dispatched];

/// The first instant of tomorrow in China: "today" ends there, whatever the server's time zone.
pub(crate) fn end_of_china_day(now: DateTime<Utc>) -> DateTime<Utc> {
    let tomorrow = china_date(now).checked_add_days(Days::new(1)).unwrap_or(chrono::NaiveDate::MAX);
    tomorrow.and_hms_opt(0, 0, 0).and_then(|t| t.and_local_timezone(china()).single()).map_or(now, |t| t.with_timezone(&Utc))
}

/// The caller's open tasks: needs dispatched to them and not yet resolved.
fn mine(caller: &Caller) -> Condition {
    Condition::all()
        .add(need::Column::AssigneeId.eq(caller.id))
        .add(need::Column::Status.is_in(NeedStatus::WITH_ASSIGNEE.map(|s| s.as_str())))
}

#[derive(FromQueryResult)]
struct StatusRow {
    status: String,
    n: i64,
}

/// The counts alone, for the menu badges that poll them.
pub async fn counts<C: ConnectionTrait>(db: &C, caller: &Caller, now: DateTime<Utc>) -> Result<WorkbenchCounts, ApiError> {
    let base = policy::visible::<need::Entity>(caller)?;
    let rows = base
        .clone()
        .select_only()
        .column(need::Column::Status)
        .column_as(need::Column::Id.count(), "n")
        .filter(need::Column::Status.is_in(WAITING.map(|s| s.as_str())))
        .group_by(need::Column::Status)
        .into_model::<StatusRow>()
        .all(db)
        .await?;
    let of = |status: NeedStatus| rows.iter().find(|r| r.status == status.as_str()).map_or(0, |r| r.n);
    let count = |select: Select<need::Entity>| async move { Ok::<i64, ApiError>(select.count(db).await? as i64) };
    Ok(WorkbenchCounts {
        submitted: of(NeedStatus::Submitted),
        accepted: of(NeedStatus::Accepted),
        dispatched: of(NeedStatus::Dispatched),
        overdue: count(base.clone().filter(overdue_condition(now))).await?,
        due_today: count(base.clone().filter(due_today_condition(now, end_of_china_day(now)))).await?,
        my_tasks: count(base.filter(mine(caller))).await?,
    })
}

/// The whole workbench: the counts, the needs due today soonest first, and the caller's tasks.
pub async fn workbench<C: ConnectionTrait>(db: &C, caller: &Caller, now: DateTime<Utc>) -> Result<Workbench, ApiError> {
    let counts = counts(db, caller, now).await?;
    let limit = Workbench::LIST_LIMIT as u64;
    let due = policy::visible::<need::Entity>(caller)?.filter(due_today_condition(now, end_of_china_day(now)));
    // The soonest by any deadline: the first few by each, merged, are exactly the first few by the
    // soonest of them (a need's next deadline is one of the three).
    let by = |deadline: need::Column| {
        due.clone().filter(deadline.is_not_null()).order_by_asc(deadline).order_by_asc(need::Column::Id).limit(limit)
    };
    let by_completion = by(need::Column::CompletionDueAt).all(db).await?;
    let by_response = by(need::Column::ResponseDueAt).filter(need::Column::RespondedAt.is_null()).all(db).await?;
    let by_acceptance = by(need::Column::AcceptanceDueAt).filter(need::Column::Status.eq(NeedStatus::Submitted.as_str())).all(db).await?;
    let mut due_today = by_completion;
    for m in by_response.into_iter().chain(by_acceptance) {
        if !due_today.iter().any(|d| d.id == m.id) {
            due_today.push(m);
        }
    }
    due_today.sort_by_key(|m| (next_deadline(m), m.id));
    due_today.truncate(Workbench::LIST_LIMIT);
    let tasks = policy::visible::<need::Entity>(caller)?.filter(mine(caller)).order_by_asc(need::Column::Id).limit(limit).all(db).await?;
    let names = Names::load(db, &[due_today.as_slice(), tasks.as_slice()].concat(), now).await?;
    let dto = |rows: Vec<need::Model>| rows.into_iter().map(|m| to_dto(m, &names, caller)).collect::<Result<Vec<_>, _>>();
    Ok(Workbench { counts, due_today: dto(due_today)?, my_tasks: dto(tasks)? })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_china_day_ends_at_four_pm_utc() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).expect("valid").with_timezone(&Utc);
        assert_eq!(end_of_china_day(at("2026-12-06T01:00:00Z")), at("2026-12-06T16:00:00Z"));
        assert_eq!(end_of_china_day(at("2026-12-06T16:30:00Z")), at("2026-12-07T16:00:00Z"));
    }
}
