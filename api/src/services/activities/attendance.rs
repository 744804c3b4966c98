//! Attendance (签到 / 签退) and its credit. The organiser (staff of the area) checks a volunteer in
//! and out; or the volunteer presents the code the organiser shows, which changes every minute
//! (`domain::activity_code`). Each step is a conditional update (`… WHERE checked_in_at IS NULL`), so
//! a repeated or concurrent step changes nothing twice.
//!
//! Check-out after check-in credits the activity's minutes to the volunteer through the ledger's
//! `post`, from the community's issuance account as `ledger::earning` does for needs, exactly once:
//! the transfer's idempotency key is the activity and the person; the district's points per activity
//! ride on the same transfer, clipped to its caps. A mistaken credit is taken back
//! by reversal, never by editing.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{AttendanceStep, CheckInCode, FieldRule, HolderKind, Id, LedgerUnit, Signup, SignupStatus, TransferKind};

use super::signup_dto;
use crate::domain::activity_code::{self, CodeRefused};
use crate::domain::activity_lifecycle::takes_attendance;
use crate::domain::caller::Caller;
use crate::entities::stored::stored;
use crate::entities::{activity, activity_signup, area, ledger_transfer, user};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::ledger::points::{capped, memo};
use crate::services::ledger::post::{Draft, PostError, post, reverse};
use crate::services::ledger::{Holder, ensure_account, issuance_account, rules_at};

/// How long before the start check-in opens, and after the end check-out by code stays open.
const OPENS_BEFORE: i64 = 60;
const CLOSES_AFTER: i64 = 120;

/// The idempotency key of the credit for one person at one activity.
pub fn credit_key(activity: Id, user: Id) -> String {
    format!("activity:{activity}:{user}")
}

/// The code of this minute, for an organiser or the staff on site to show.
pub async fn code<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id, now: DateTime<Utc>) -> Result<CheckInCode, ApiError> {
    let a = policy::load::<activity::Entity, _>(db, caller, id).await?;
    if !policy::activities::records_attendance(caller, &a) {
        return Err(ApiError::Forbidden("only the staff of the activity's area show its check-in code".into()));
    }
    Ok(CheckInCode { code: activity_code::current(&a.code_secret, a.id, now), changes_at: activity_code::changes_at(now) })
}

/// Checks the activity can take attendance at `now`.
fn open_for_attendance(a: &activity::Model, now: DateTime<Utc>, by_code: bool) -> Result<(), ApiError> {
    let status = stored(&a.status, "activities", a.id)?;
    if !takes_attendance(status) {
        return Err(ApiError::Conflict(format!("activity {} is {}; it takes no attendance", a.id, status.as_str())));
    }
    if now < a.starts_at - Duration::minutes(OPENS_BEFORE) {
        return Err(ApiError::Conflict(format!("check-in opens {OPENS_BEFORE} minutes before the start, at {}", a.starts_at)));
    }
    if by_code && now > a.ends_at + Duration::minutes(CLOSES_AFTER) {
        return Err(ApiError::Conflict("the activity is long over; ask the organiser to record attendance".into()));
    }
    Ok(())
}

/// The volunteer checks in or out with the code shown on site.
pub async fn present_code<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    step: AttendanceStep,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Signup, ApiError> {
    policy::require(caller, Action::JoinActivities)?;
    let a = policy::load::<activity::Entity, _>(db, caller, id).await?;
    match activity_code::judge(&a.code_secret, a.id, code, now) {
        Ok(()) => {}
        Err(CodeRefused::Expired) => {
            return Err(ApiError::field(
                "/code",
                FieldRule::Expired,
                "this check-in code has expired; scan the code shown now (签到码已过期)",
            ));
        }
        Err(CodeRefused::Wrong) => return Err(ApiError::field("/code", FieldRule::WrongCode, "not this activity's check-in code")),
    }
    open_for_attendance(&a, now, true)?;
    let signup = super::live_signup_of(db, id, caller.id).await?.ok_or(ApiError::NotFound("sign-up"))?;
    record(db, caller, &a, signup, step, now).await
}

/// The organiser (or staff on site) checks someone in or out.
pub async fn record_for<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    signup: Id,
    step: AttendanceStep,
    now: DateTime<Utc>,
) -> Result<Signup, ApiError> {
    let a = policy::load::<activity::Entity, _>(db, caller, id).await?;
    if !policy::activities::records_attendance(caller, &a) {
        return Err(ApiError::Forbidden("only the staff of the activity's area record attendance without a code".into()));
    }
    open_for_attendance(&a, now, false)?;
    let s = activity_signup::Entity::find_by_id(signup)
        .filter(activity_signup::Column::ActivityId.eq(id))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("sign-up"))?;
    record(db, caller, &a, s, step, now).await
}

async fn record<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    a: &activity::Model,
    s: activity_signup::Model,
    step: AttendanceStep,
    now: DateTime<Utc>,
) -> Result<Signup, ApiError> {
    if s.status != SignupStatus::Confirmed.as_str() {
        return Err(ApiError::Conflict(format!("sign-up {} is {}; only confirmed sign-ups attend", s.id, s.status)));
    }
    let update = activity_signup::Entity::update_many().filter(activity_signup::Column::Id.eq(s.id));
    let done = match step {
        AttendanceStep::CheckIn => {
            update
                .col_expr(activity_signup::Column::CheckedInAt, Expr::value(now))
                .filter(activity_signup::Column::CheckedInAt.is_null())
                .exec(db)
                .await?
        }
        AttendanceStep::CheckOut => {
            if s.checked_in_at.is_none() {
                return Err(ApiError::Conflict("check in first".into()));
            }
            update
                .col_expr(activity_signup::Column::CheckedOutAt, Expr::value(now))
                .filter(activity_signup::Column::CheckedInAt.is_not_null())
                .filter(activity_signup::Column::CheckedOutAt.is_null())
                .exec(db)
                .await?
        }
    };
    if done.rows_affected != 1 {
        let what = if step == AttendanceStep::CheckIn { "checked in" } else { "checked out" };
        return Err(ApiError::Conflict(format!("sign-up {} is already {what}", s.id)));
    }
    if step == AttendanceStep::CheckOut {
        let transfer = credit(db, a, &s, now).await?;
        if let Some(t) = transfer {
            activity_signup::Entity::update_many()
                .col_expr(activity_signup::Column::TransferId, Expr::value(t))
                .filter(activity_signup::Column::Id.eq(s.id))
                .exec(db)
                .await?;
        }
    }
    let saved = activity_signup::Entity::find_by_id(s.id).one(db).await?.ok_or(ApiError::NotFound("sign-up"))?;
    signup_dto(caller, saved, None)
}

/// Credits the activity's minutes to the person, once; returns the transfer (none for 0 minutes).
async fn credit<C: ConnectionTrait>(
    db: &C,
    a: &activity::Model,
    s: &activity_signup::Model,
    now: DateTime<Utc>,
) -> Result<Option<Id>, ApiError> {
    let minutes = a.credit_minutes;
    if minutes <= 0 {
        return Ok(None);
    }
    let key = credit_key(a.id, s.user_id);
    if let Some(t) = ledger_transfer::Entity::find().filter(ledger_transfer::Column::IdempotencyKey.eq(key.as_str())).one(db).await? {
        return Ok(Some(t.id));
    }
    let person = user::Entity::find_by_id(s.user_id).one(db).await?.ok_or(ApiError::NotFound("user"))?;
    let home = area::Entity::find_by_id(person.area_id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
    let community = area::Entity::find_by_id(a.area_id).one(db).await?.ok_or(ApiError::NotFound("community"))?;
    let kind: HolderKind = stored(&s.holder_kind, "activity_signups", s.id)?;
    let holder = Holder { kind, id: person.id, name: &person.display_name, area_id: home.id, area_path: &home.path };
    let mut legs = vec![
        (ensure_account(db, &holder, LedgerUnit::Minutes, now).await?, minutes),
        (issuance_account(db, &community, LedgerUnit::Minutes, now).await?, -minutes),
    ];
    let mut reason = format!("志愿活动「{}」出勤 (activity attended)", a.title);
    // Attending also earns the district's points per activity, clipped to its caps.
    let rules = rules_at(db, &community.path).await?;
    if rules.points.per_activity > 0 {
        let account = ensure_account(db, &holder, LedgerUnit::Points, now).await?;
        let issuance = issuance_account(db, &community, LedgerUnit::Points, now).await?;
        let got = capped(db, &account, &issuance, rules.points.per_activity, rules.caps, now).await?;
        reason = memo(reason, got, rules.caps);
        if got.granted > 0 {
            legs.push((account, got.granted));
            legs.push((issuance, -got.granted));
        }
    }
    let draft = Draft {
        kind: TransferKind::Activity,
        reason,
        source: Some(("activity", a.id)),
        reverses: None,
        idempotency_key: Some(key),
        created_by: None,
        legs,
        now,
    };
    match post(db, draft).await {
        Ok((t, _)) => Ok(Some(t.id)),
        Err(PostError::Api(e)) => Err(e),
        Err(other) => Err(ApiError::Unexpected(anyhow::anyhow!("activity credit refused by the ledger: {other}"))),
    }
}

/// Takes back one attendance's credit by reversal (an organiser, saying why).
pub async fn revoke<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    signup: Id,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<Signup, ApiError> {
    let a = policy::load::<activity::Entity, _>(db, caller, id).await?;
    if policy::activities::parties(caller, &a).is_empty() {
        return Err(ApiError::Forbidden("only the organisers of an activity take back its credits".into()));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ApiError::field("/reason", FieldRule::Required, "say why the credit is taken back"));
    }
    let s = activity_signup::Entity::find_by_id(signup)
        .filter(activity_signup::Column::ActivityId.eq(id))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("sign-up"))?;
    let Some(transfer_id) = s.transfer_id else {
        return Err(ApiError::Conflict(format!("sign-up {} earned no credit", s.id)));
    };
    let original = ledger_transfer::Entity::find_by_id(transfer_id).one(db).await?.ok_or(ApiError::NotFound("transfer"))?;
    let text = format!("志愿活动「{}」出勤记录撤销：{reason}", a.title);
    let (reversal, _) = reverse(db, &original, text, Some(caller.id), now).await.map_err(|e| match e {
        PostError::AlreadyReversed(_) => ApiError::Conflict(format!("the credit of sign-up {} is already taken back", s.id)),
        PostError::Rule(_) => {
            ApiError::Conflict("the volunteer has already spent the hours this would take back; adjust the ledger first".into())
        }
        PostError::Api(e) => e,
    })?;
    activity_signup::Entity::update_many()
        .col_expr(activity_signup::Column::ReversalId, Expr::value(reversal.id))
        .filter(activity_signup::Column::Id.eq(s.id))
        .exec(db)
        .await?;
    let saved = activity_signup::Entity::find_by_id(s.id).one(db).await?.ok_or(ApiError::NotFound("sign-up"))?;
    signup_dto(caller, saved, None)
}
