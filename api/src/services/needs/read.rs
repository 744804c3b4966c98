//! Reading needs: one need with its timeline, the staff queue with filters and counts.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, QuerySelect};
use shared::{CountedPage, Id, Need, NeedCounts, NeedDetail, NeedEvent, NeedSort, NeedStatus, StatusCount, TargetGroup, Urgency};

use super::{Names, to_dto};
use crate::domain::caller::Caller;
use crate::domain::need_lifecycle::allowed;
use crate::domain::scope::Scope;
use crate::entities::stored::stored;
use crate::entities::{need, need_event, user};
use crate::error::ApiError;
use crate::policy::{self, Action, needs::parties};
use crate::services::page::{Keyset, PageRequest};
use crate::services::search::{DayRange, Keyword};

/// The keyset of an order of the queue.
fn keyset(sort: NeedSort) -> Keyset<need::Entity> {
    Keyset { name: sort.name(), column: None, desc: matches!(sort, NeedSort::Newest), id: need::Column::Id, key_of: |m| (None, m.id) }
}

/// Filters of the queue.
#[derive(Debug, Default, Clone)]
pub struct NeedFilter {
    pub status: Option<NeedStatus>,
    pub category: Option<String>,
    pub urgency: Option<Urgency>,
    /// A deadline has passed and the need is still open.
    pub overdue: Option<bool>,
    pub escalated: Option<bool>,
    /// Needs in this area's subtree.
    pub area_id: Option<Id>,
    pub assignee_id: Option<Id>,
    pub tag: Option<TargetGroup>,
    /// `#id`, or part of the text; for callers who handle personal data also of the address and
    /// the contact's name or phone.
    pub q: Option<String>,
    /// Submitted on these days (China time).
    pub submitted: DayRange,
}

/// Needs past a deadline: submitted and not accepted by the acceptance deadline (受理时限), or open
/// and not responded to by the response deadline, or unresolved at completion.
/// [`overdue_condition`] is the same rule for queries; a test keeps the two in step.
pub(crate) fn is_overdue(m: &need::Model, now: DateTime<Utc>) -> bool {
    // Compared as stored codes, exactly as `overdue_condition` does in SQL; the status itself is read
    // (and an unknown one reported) by the need's DTO.
    let open = NeedStatus::OPEN.iter().any(|s| s.as_str() == m.status);
    let waiting = m.status == NeedStatus::Submitted.as_str();
    let past = |due: Option<DateTime<Utc>>| due.is_some_and(|d| d <= now);
    (waiting && past(m.acceptance_due_at)) || (open && (past(m.completion_due_at) || (past(m.response_due_at) && m.responded_at.is_none())))
}

/// [`is_overdue`] as a query condition.
pub(crate) fn overdue_condition(now: DateTime<Utc>) -> Condition {
    Condition::any().add(unaccepted_condition(now)).add(late_condition(now))
}

/// Submitted and past the acceptance deadline (受理时限).
pub(crate) fn unaccepted_condition(now: DateTime<Utc>) -> Condition {
    Condition::all().add(need::Column::Status.eq(NeedStatus::Submitted.as_str())).add(need::Column::AcceptanceDueAt.lte(now))
}

/// Open and past the response or completion deadline.
pub(crate) fn late_condition(now: DateTime<Utc>) -> Condition {
    Condition::all().add(need::Column::Status.is_in(NeedStatus::OPEN.map(|s| s.as_str()))).add(
        Condition::any()
            .add(need::Column::CompletionDueAt.lte(now))
            .add(Condition::all().add(need::Column::ResponseDueAt.lte(now)).add(need::Column::RespondedAt.is_null())),
    )
}

/// Needs not overdue at `now` whose next deadline falls before `end` (the end of today in China, for
/// the workbench's 今日到期): open ones by their response and completion deadlines, submitted ones by
/// their acceptance deadline. Written NULL-safe: a need without one of its deadlines is judged by
/// the other.
pub(crate) fn due_today_condition(now: DateTime<Utc>, end: DateTime<Utc>) -> Condition {
    let response_open = Condition::all().add(need::Column::RespondedAt.is_null()).add(need::Column::ResponseDueAt.is_not_null());
    let not_overdue = Condition::all()
        .add(Condition::any().add(need::Column::CompletionDueAt.is_null()).add(need::Column::CompletionDueAt.gt(now)))
        .add(Condition::any().add(Condition::not(response_open.clone())).add(need::Column::ResponseDueAt.gt(now)));
    let due_before_end =
        Condition::any().add(need::Column::CompletionDueAt.lte(end)).add(response_open.add(need::Column::ResponseDueAt.lte(end)));
    let open = Condition::all().add(need::Column::Status.is_in(NeedStatus::OPEN.map(|s| s.as_str()))).add(not_overdue).add(due_before_end);
    let to_accept = Condition::all()
        .add(need::Column::Status.eq(NeedStatus::Submitted.as_str()))
        .add(need::Column::AcceptanceDueAt.gt(now))
        .add(need::Column::AcceptanceDueAt.lte(end));
    Condition::any().add(open).add(to_accept)
}

/// The deadline a need is working towards: its acceptance deadline while it waits to be accepted,
/// then its response deadline until it is answered, then (or if sooner) its completion deadline.
pub(crate) fn next_deadline(m: &need::Model) -> Option<DateTime<Utc>> {
    if m.status == NeedStatus::Submitted.as_str() {
        return m.acceptance_due_at;
    }
    let response = m.response_due_at.filter(|_| m.responded_at.is_none());
    match (response, m.completion_due_at) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Statuses in which an escalation still stands: waiting for acceptance, or open.
pub(crate) fn escalation_statuses() -> Vec<&'static str> {
    std::iter::once(NeedStatus::Submitted).chain(NeedStatus::OPEN).map(|s| s.as_str()).collect()
}

/// The columns a keyword searches. The address and the contact are personal data: a caller who sees
/// them masked could otherwise tell a phone number or an address apart by searching for it.
fn searched_columns(caller: &Caller) -> &'static [need::Column] {
    if policy::may_in(caller, Action::HandlePersonalData, &caller.area_path) {
        &[need::Column::Text, need::Column::Address, need::Column::ContactName, need::Column::ContactPhone]
    } else {
        &[need::Column::Text]
    }
}

pub(crate) async fn filtered<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    filter: &NeedFilter,
    now: DateTime<Utc>,
) -> Result<sea_orm::Select<need::Entity>, ApiError> {
    let mut select = policy::visible::<need::Entity>(caller)?;
    if let Some(category) = &filter.category {
        select = select.filter(need::Column::Category.eq(category.as_str()));
    }
    if let Some(urgency) = filter.urgency {
        select = select.filter(need::Column::Urgency.eq(urgency.as_str()));
    }
    match filter.overdue {
        Some(true) => select = select.filter(overdue_condition(now)),
        Some(false) => select = select.filter(Condition::not(overdue_condition(now))),
        None => {}
    }
    match filter.escalated {
        Some(true) => select = select.filter(need::Column::EscalatedAt.is_not_null()),
        Some(false) => select = select.filter(need::Column::EscalatedAt.is_null()),
        None => {}
    }
    if let Some(area_id) = filter.area_id {
        let top = crate::policy::load_within::<crate::entities::area::Entity, _>(db, &Scope::of(caller), area_id).await?;
        select = select.filter(Scope::subtree(&top.path).path_condition(need::Column::AreaPath));
    }
    if let Some(assignee) = filter.assignee_id {
        select = select.filter(need::Column::AssigneeId.eq(assignee));
    }
    if let Some(tag) = filter.tag {
        select = select.filter(need::Column::Tags.contains(format!(",{},", tag.as_str())));
    }
    if let Some(q) = Keyword::parse(filter.q.as_deref()) {
        select = select.filter(q.condition(need::Column::Id, searched_columns(caller)));
    }
    if let Some(days) = filter.submitted.condition(need::Column::CreatedAt) {
        select = select.filter(days);
    }
    Ok(select)
}

/// The queue as the caller may see it: staff their subtree, residents their own, assignees theirs.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    filter: NeedFilter,
    sort: NeedSort,
    page: PageRequest,
    now: DateTime<Utc>,
) -> Result<CountedPage<Need>, ApiError> {
    let mut select = filtered(db, caller, &filter, now).await?;
    if let Some(status) = filter.status {
        select = select.filter(need::Column::Status.eq(status.as_str()));
    }
    let (rows, next_cursor, total) = page.fetch_counted(db, select, &keyset(sort)).await?;
    let names = Names::load(db, &rows, now).await?;
    Ok(CountedPage { items: rows.into_iter().map(|m| to_dto(m, &names, caller)).collect::<Result<_, _>>()?, next_cursor, total })
}

#[derive(FromQueryResult)]
struct StatusRow {
    status: String,
    n: i64,
}

/// Counts per status (and overdue, escalated) of the queue under the same filters, status aside.
pub async fn counts<C: ConnectionTrait>(db: &C, caller: &Caller, filter: NeedFilter, now: DateTime<Utc>) -> Result<NeedCounts, ApiError> {
    let base = filtered(db, caller, &filter, now).await?;
    let rows = base
        .clone()
        .select_only()
        .column(need::Column::Status)
        .column_as(need::Column::Id.count(), "n")
        .group_by(need::Column::Status)
        .into_model::<StatusRow>()
        .all(db)
        .await?;
    let by_status = NeedStatus::ALL
        .into_iter()
        .map(|status| StatusCount { status, count: rows.iter().find(|r| r.status == status.as_str()).map_or(0, |r| r.n) })
        .collect();
    let overdue = sea_orm::PaginatorTrait::count(base.clone().filter(overdue_condition(now)), db).await? as i64;
    let escalated = sea_orm::PaginatorTrait::count(
        base.filter(need::Column::EscalatedAt.is_not_null()).filter(need::Column::Status.is_in(escalation_statuses())),
        db,
    )
    .await? as i64;
    Ok(NeedCounts { by_status, overdue, escalated })
}

/// A need with its timeline and the caller's next actions.
pub(crate) async fn detail_of<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    m: need::Model,
    now: DateTime<Utc>,
) -> Result<NeedDetail, ApiError> {
    let events =
        need_event::Entity::find().filter(need_event::Column::NeedId.eq(m.id)).order_by_asc(need_event::Column::Id).all(db).await?;
    let actor_ids: Vec<Id> = events.iter().filter_map(|e| e.actor_id).collect();
    let actors: std::collections::HashMap<Id, String> = if actor_ids.is_empty() {
        Default::default()
    } else {
        user::Entity::find().filter(user::Column::Id.is_in(actor_ids)).all(db).await?.into_iter().map(|u| (u.id, u.display_name)).collect()
    };
    let services = super::service_names(db, events.iter().filter_map(|e| e.service_id).collect()).await?;
    let timeline = events
        .into_iter()
        .map(|e| {
            Ok::<_, ApiError>(NeedEvent {
                id: e.id,
                at: e.at,
                action: stored(&e.action, "need_events", e.id)?,
                from_status: stored(&e.from_status, "need_events", e.id)?,
                to_status: stored(&e.to_status, "need_events", e.id)?,
                actor_name: e.actor_id.and_then(|id| actors.get(&id).cloned()),
                actor_id: e.actor_id,
                note: e.note,
                service_name: e.service_id.and_then(|id| services.get(&id).cloned()),
                service_id: e.service_id,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    let allowed_actions = allowed(super::status_of(&m)?, &parties(caller, &m));
    let names = Names::load(db, std::slice::from_ref(&m), now).await?;
    let photos = super::photos::photos_of(db, caller, &m).await?;
    Ok(NeedDetail { need: to_dto(m, &names, caller)?, timeline, allowed_actions, photos })
}

pub async fn detail<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id, now: DateTime<Utc>) -> Result<NeedDetail, ApiError> {
    let m = policy::load::<need::Entity, _>(db, caller, id).await?;
    detail_of(db, caller, m, now).await
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    fn need(status: NeedStatus, response_in: i64, completion_in: i64, responded: bool, now: DateTime<Utc>) -> need::Model {
        need::Model {
            id: 1,
            area_id: 1,
            area_path: "/1/".into(),
            category: "health".into(),
            text: "t".into(),
            address: None,
            at_home: false,
            lat: None,
            lng: None,
            tags: ",,".into(),
            urgency: "normal".into(),
            preferred_time: None,
            channel: "web".into(),
            contact_name: None,
            contact_phone: None,
            resident_id: None,
            submitted_by: 1,
            status: status.as_str().into(),
            owner_id: None,
            assignee_id: None,
            service_id: None,
            missing: None,
            dispatched_at: None,
            acceptance_due_at: Some(now + Duration::hours(response_in)),
            response_due_at: Some(now + Duration::hours(response_in)),
            completion_due_at: Some(now + Duration::hours(completion_in)),
            escalated_at: None,
            unclaimed: false,
            reopen_count: 0,
            rating: None,
            rating_comment: None,
            resolution: None,
            reason: None,
            cosign_count: 0,
            responded_at: responded.then_some(now),
            resolved_at: None,
            volunteer_minutes: None,
            return_visit: false,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn a_need_is_overdue_when_unanswered_past_response_or_unresolved_past_completion() {
        let now = Utc::now();
        assert!(!is_overdue(&need(NeedStatus::Accepted, 1, 10, false, now), now));
        assert!(is_overdue(&need(NeedStatus::Accepted, -1, 10, false, now), now));
        assert!(!is_overdue(&need(NeedStatus::Claimed, -1, 10, true, now), now), "answered in time for the response deadline");
        assert!(is_overdue(&need(NeedStatus::InProgress, -5, -1, true, now), now));
        assert!(!is_overdue(&need(NeedStatus::Resolved, -5, -1, true, now), now), "resolved needs are never overdue");
    }

    #[test]
    fn a_submitted_need_is_overdue_once_its_acceptance_deadline_passes() {
        let now = Utc::now();
        assert!(!is_overdue(&need(NeedStatus::Submitted, 1, 10, false, now), now));
        assert!(is_overdue(&need(NeedStatus::Submitted, -1, 10, false, now), now));
        assert!(!is_overdue(&need(NeedStatus::Returned, -1, -1, false, now), now), "a returned need waits for the resident");
    }
}
