//! Signing up (报名) and cancelling, in the caller's one write transaction and under the activity's
//! row lock ([`super::lock`]):
//!
//! - sign-up: a place while `confirmed < capacity` (and `confirmed` grows), else the waiting list;
//! - cancel: a confirmed sign-up gives its place to the first waiting one (told through the inbox),
//!   or `confirmed` shrinks when nobody waits.
//!
//! Because every change to the places first takes the row lock, two requests of one activity never
//! see the same `confirmed`: a hundred sign-ups for the last places give exactly those places, and a
//! waiting sign-up moves up exactly once. On SQLite writers are serialised by `AppState::begin_write`.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use shared::{Id, NotificationKind, Signup, SignupList, SignupStatus, SubjectKind};

use super::{live_signup_of, lock, signup_dto, waiting};
use crate::domain::activity_lifecycle::{takes_cancellations, takes_signups};
use crate::domain::caller::Caller;
use crate::domain::notification_text::Facts;
use crate::entities::{activity, activity_signup, user};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::notifications::{self, Notice};

/// Signs the caller up for an activity of their community: a place, or the waiting list.
pub async fn sign_up<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id, now: DateTime<Utc>) -> Result<Signup, ApiError> {
    policy::require(caller, Action::JoinActivities)?;
    let found = policy::load::<activity::Entity, _>(db, caller, id).await?;
    let (status, confirmed, capacity) = lock(db, id).await?;
    if !takes_signups(status) {
        return Err(ApiError::Conflict(format!("activity {id} is {}; it takes no sign-ups", status.as_str())));
    }
    if found.ends_at <= now {
        return Err(ApiError::Conflict(format!("activity {id} is over")));
    }
    if let Some(existing) = live_signup_of(db, id, caller.id).await? {
        return Err(ApiError::Conflict(format!("you are already signed up (sign-up {}, {})", existing.id, existing.status)));
    }
    let me = user::Entity::find_by_id(caller.id).one(db).await?.ok_or(ApiError::NotFound("user"))?;
    let holder = crate::services::ledger::person_holder(caller.role);
    let place = confirmed < capacity;
    let saved = activity_signup::ActiveModel {
        activity_id: Set(id),
        area_path: Set(found.area_path.clone()),
        user_id: Set(caller.id),
        user_name: Set(me.display_name.chars().take(100).collect()),
        holder_kind: Set(holder.as_str().into()),
        status: Set(if place { SignupStatus::Confirmed } else { SignupStatus::Waiting }.as_str().into()),
        live_user_id: Set(Some(caller.id)),
        checked_in_at: Set(None),
        checked_out_at: Set(None),
        transfer_id: Set(None),
        reversal_id: Set(None),
        created_at: Set(now),
        cancelled_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    if place {
        add_confirmed(db, id, 1).await?;
    }
    let position = if place { None } else { Some(waiting(db, id).await?.len() as i64) };
    signup_dto(caller, saved, position)
}

async fn add_confirmed<C: ConnectionTrait>(db: &C, id: Id, by: i64) -> Result<(), ApiError> {
    activity::Entity::update_many()
        .col_expr(activity::Column::Confirmed, Expr::col(activity::Column::Confirmed).add(by))
        .filter(activity::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Gives the free places (capacity less confirmed) to the waiting list, first come first; tells
/// each one moved up. The caller holds the activity's lock.
pub(crate) async fn fill_places<C: ConnectionTrait>(db: &C, actor: &Caller, id: Id, now: DateTime<Utc>) -> Result<(), ApiError> {
    let a = activity::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("activity"))?;
    let free = Ord::max(a.capacity - a.confirmed, 0) as usize;
    if free == 0 {
        return Ok(());
    }
    let mut moved = 0;
    for s in waiting(db, id).await?.into_iter().take(free) {
        // Conditional on still waiting: a sign-up cancelled meanwhile is not moved up.
        let done = activity_signup::Entity::update_many()
            .col_expr(activity_signup::Column::Status, Expr::value(SignupStatus::Confirmed.as_str()))
            .filter(activity_signup::Column::Id.eq(s.id))
            .filter(activity_signup::Column::Status.eq(SignupStatus::Waiting.as_str()))
            .exec(db)
            .await?;
        if done.rows_affected == 1 {
            moved += 1;
            let facts = Facts { id, title: Some(a.title.clone()), ..Default::default() };
            let notice =
                Notice { kind: NotificationKind::ActivityPlaceConfirmed, subject: SubjectKind::Activity, area_path: &a.area_path, facts };
            notifications::notify(db, &[s.user_id], Some(actor.id), &notice, now).await?;
        }
    }
    add_confirmed(db, id, moved).await
}

/// Cancels a sign-up: the caller's own, or (organisers) anyone's. A confirmed place goes to the
/// first one waiting.
pub async fn cancel<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id, signup: Id, now: DateTime<Utc>) -> Result<Signup, ApiError> {
    let found = policy::load::<activity::Entity, _>(db, caller, id).await?;
    let target = activity_signup::Entity::find_by_id(signup)
        .filter(activity_signup::Column::ActivityId.eq(id))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("sign-up"))?;
    if target.user_id == caller.id {
        policy::require(caller, Action::JoinActivities)?;
    } else if policy::activities::parties(caller, &found).is_empty() {
        // Another's sign-up is not revealed to who may not act on it.
        if !policy::activities::sees_signups(caller, &found) {
            return Err(ApiError::NotFound("sign-up"));
        }
        return Err(ApiError::Forbidden("only the organisers of an activity cancel another's sign-up".into()));
    }
    let (status, _, _) = lock(db, id).await?;
    if !takes_cancellations(status) {
        return Err(ApiError::Conflict(format!("activity {id} is {}; sign-ups can no longer be cancelled", status.as_str())));
    }
    if target.checked_in_at.is_some() {
        return Err(ApiError::Conflict("already checked in; the sign-up can no longer be cancelled".into()));
    }
    let done = activity_signup::Entity::update_many()
        .col_expr(activity_signup::Column::Status, Expr::value(SignupStatus::Cancelled.as_str()))
        .col_expr(activity_signup::Column::LiveUserId, Expr::value(Option::<i64>::None))
        .col_expr(activity_signup::Column::CancelledAt, Expr::value(now))
        .filter(activity_signup::Column::Id.eq(target.id))
        .filter(activity_signup::Column::Status.ne(SignupStatus::Cancelled.as_str()))
        .exec(db)
        .await?;
    if done.rows_affected != 1 {
        return Err(ApiError::Conflict(format!("sign-up {} is already cancelled", target.id)));
    }
    if target.status == SignupStatus::Confirmed.as_str() {
        add_confirmed(db, id, -1).await?;
        fill_places(db, caller, id, now).await?;
    }
    let saved = activity_signup::Entity::find_by_id(target.id).one(db).await?.ok_or(ApiError::NotFound("sign-up"))?;
    signup_dto(caller, saved, None)
}

/// The sign-ups of an activity, for its organisers and the staff on site.
pub async fn list<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<SignupList, ApiError> {
    let found = policy::load::<activity::Entity, _>(db, caller, id).await?;
    if !policy::activities::sees_signups(caller, &found) {
        return Err(ApiError::Forbidden("only the organisers and the staff of the activity's area see its sign-ups".into()));
    }
    let rows = activity_signup::Entity::find()
        .filter(activity_signup::Column::ActivityId.eq(id))
        .order_by_asc(activity_signup::Column::Id)
        .all(db)
        .await?;
    let (mut confirmed, mut waiting, mut attended) = (0, 0, 0);
    let mut items = Vec::with_capacity(rows.len());
    for s in rows {
        let position = if s.status == SignupStatus::Waiting.as_str() {
            waiting += 1;
            Some(waiting)
        } else {
            if s.status == SignupStatus::Confirmed.as_str() {
                confirmed += 1;
            }
            None
        };
        if s.checked_out_at.is_some() {
            attended += 1;
        }
        items.push(signup_dto(caller, s, position)?);
    }
    Ok(SignupList { items, confirmed, waiting, attended })
}
