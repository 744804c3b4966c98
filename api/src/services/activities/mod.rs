//! Volunteer activities (志愿活动) and the volunteer's record (时间银行 · 星级 · 志愿服务证明).
//!
//! - [`manage`]: create, edit, move through the lifecycle, read and list activities.
//! - [`signups`]: sign up (a place while any is left, else the waiting list) and cancel (the first
//!   waiting moves up) — both under the activity's row lock, so the places are never over-given.
//! - [`attendance`]: check-in and check-out by the organiser or with the minute code; attendance
//!   credits the activity's minutes through the ledger exactly once; a mistaken credit is reversed.
//! - [`volunteers`]: the profile (hours, points, star level, what was served), the certificate of
//!   hours, and the star-level thresholds per district; [`roster`]: the list of registered
//!   volunteers (志愿者名册) with hours, star level and who is active.

pub mod attendance;
pub mod kpi;
pub mod manage;
pub mod roster;
pub mod signups;
pub mod volunteers;

use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use shared::{ActivityStatus, Id, Signup, SignupStatus};

use crate::domain::caller::Caller;
use crate::domain::masking::mask_name;
use crate::entities::activity_signup;
use crate::entities::stored::stored;
use crate::error::ApiError;
use crate::policy;

/// Locks the activity's row for the rest of the transaction (on PostgreSQL; SQLite serialises
/// writers) and returns its status, places taken and capacity. Every change to the places goes
/// through here first, so sign-ups and cancellations of one activity queue one behind the other.
pub(crate) async fn lock<C: ConnectionTrait>(db: &C, activity: Id) -> Result<(ActivityStatus, i64, i64), ApiError> {
    let seq = || Expr::col(crate::entities::activity::Column::SignupSeq);
    let mut update = Query::update();
    update
        .table(crate::entities::activity::Entity)
        .value(crate::entities::activity::Column::SignupSeq, seq().add(1))
        .and_where(Expr::col(crate::entities::activity::Column::Id).eq(activity))
        .returning(Query::returning().columns([
            crate::entities::activity::Column::Status,
            crate::entities::activity::Column::Confirmed,
            crate::entities::activity::Column::Capacity,
        ]));
    let statement = db.get_database_backend().build(&update);
    let row = db.query_one_raw(statement).await?.ok_or(ApiError::NotFound("activity"))?;
    let status: String = row.try_get("", "status")?;
    Ok((stored(&status, "activities", activity)?, row.try_get("", "confirmed")?, row.try_get("", "capacity")?))
}

/// The waiting sign-ups of an activity, first to move up first.
pub(crate) async fn waiting<C: ConnectionTrait>(db: &C, activity: Id) -> Result<Vec<activity_signup::Model>, ApiError> {
    Ok(activity_signup::Entity::find()
        .filter(activity_signup::Column::ActivityId.eq(activity))
        .filter(activity_signup::Column::Status.eq(SignupStatus::Waiting.as_str()))
        .order_by_asc(activity_signup::Column::Id)
        .all(db)
        .await?)
}

/// A sign-up as the caller may see it; `position` is its place on the waiting list.
pub fn signup_dto(caller: &Caller, m: activity_signup::Model, position: Option<i64>) -> Result<Signup, ApiError> {
    let status: SignupStatus = stored(&m.status, "activity_signups", m.id)?;
    let user_name = if policy::activities::reveals_person(caller, &m) { m.user_name.clone() } else { mask_name(&m.user_name) };
    Ok(Signup {
        id: m.id,
        activity_id: m.activity_id,
        user_id: m.user_id,
        user_name,
        status,
        waiting_position: if status == SignupStatus::Waiting { position } else { None },
        checked_in_at: m.checked_in_at,
        checked_out_at: m.checked_out_at,
        transfer_id: m.transfer_id,
        reversal_id: m.reversal_id,
        created_at: m.created_at,
        cancelled_at: m.cancelled_at,
    })
}

/// The caller's live (not cancelled) sign-up for an activity, if any.
pub(crate) async fn live_signup_of<C: ConnectionTrait>(db: &C, activity: Id, user: Id) -> Result<Option<activity_signup::Model>, ApiError> {
    Ok(activity_signup::Entity::find()
        .filter(activity_signup::Column::ActivityId.eq(activity))
        .filter(activity_signup::Column::LiveUserId.eq(user))
        .one(db)
        .await?)
}
