//! One-time codes by SMS: sending (rate-limited per number and per client address, the limits kept
//! in the database so every API instance counts the same sends) and checking (wrong tries counted,
//! locked after the limit, expired codes refused). Delivery goes through a pluggable [`SmsSender`].

pub mod sender;

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set};
use secrecy::ExposeSecret;
use shared::{CodePurpose, CodeSent};

pub use sender::{OutboxSender, SmsSender, sender_for};

use crate::domain::one_time_code::{CodeRefused, Sent, code_hash, judge, new_code};
use crate::entities::{sms_code, sms_send};
use crate::error::ApiError;
use crate::state::AppState;

const HOUR_SECS: i64 = 3600;

/// Seconds until `key` may send again, when one of its limits is reached: at most `per_hour` sends
/// in the last hour, and (for numbers) one per `interval_secs`.
async fn wait_for(
    txn: &DatabaseTransaction,
    key: &str,
    per_hour: u32,
    interval_secs: i64,
    now: DateTime<Utc>,
) -> Result<Option<i64>, ApiError> {
    let recent = sms_send::Entity::find()
        .filter(sms_send::Column::LimitKey.eq(key))
        .filter(sms_send::Column::At.gt(now - Duration::seconds(HOUR_SECS)))
        .order_by_asc(sms_send::Column::At)
        .all(txn)
        .await?;
    let mut wait = 0;
    if recent.len() >= per_hour as usize
        && let Some(oldest) = recent.first()
    {
        wait = wait.max((oldest.at + Duration::seconds(HOUR_SECS) - now).num_seconds());
    }
    if let Some(latest) = recent.last() {
        wait = wait.max((latest.at + Duration::seconds(interval_secs) - now).num_seconds());
    }
    Ok((wait > 0).then_some(wait))
}

/// Sends a code to `phone` for `purpose`, whether or not the number has an account: the answer and
/// the limits are the same either way, so nothing tells a caller which numbers are registered.
pub async fn send_code(state: &AppState, phone: &str, purpose: CodePurpose, client: &str) -> Result<CodeSent, ApiError> {
    let settings = &state.settings.sms;
    let now = state.clock.now();
    let txn = state.begin_write().await?;
    let phone_key = format!("phone:{phone}");
    let client_key = format!("client:{client}");
    let waits = [
        wait_for(&txn.txn, &phone_key, settings.per_number_per_hour, settings.resend_interval_secs, now).await?,
        wait_for(&txn.txn, &client_key, settings.per_client_per_hour, 0, now).await?,
    ];
    if let Some(wait) = waits.into_iter().flatten().max() {
        return Err(ApiError::RateLimited { retry_after_secs: wait.max(1) as u64 });
    }
    for key in [phone_key, client_key] {
        sms_send::ActiveModel { limit_key: Set(key), at: Set(now), ..Default::default() }.insert(&txn.txn).await?;
    }
    // A new code replaces any earlier one of the same purpose.
    sms_code::Entity::update_many()
        .col_expr(sms_code::Column::UsedAt, Expr::value(now))
        .filter(sms_code::Column::Phone.eq(phone))
        .filter(sms_code::Column::Purpose.eq(purpose.as_str()))
        .filter(sms_code::Column::UsedAt.is_null())
        .exec(&txn.txn)
        .await?;
    let code = new_code();
    sms_code::ActiveModel {
        phone: Set(phone.to_owned()),
        purpose: Set(purpose.as_str().into()),
        code_hash: Set(code_hash(secret(state), phone, purpose.as_str(), &code)),
        wrong_tries: Set(0),
        expires_at: Set(now + Duration::seconds(settings.code_ttl_secs)),
        used_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn.txn)
    .await?;
    let minutes = settings.code_ttl_secs / 60;
    let body = format!("【幸福家园】验证码 {code}，{minutes} 分钟内有效，请勿告诉他人。");
    state.sms.send(&txn.txn, phone, &body).await?;
    txn.commit().await?;
    Ok(CodeSent { expires_in: settings.code_ttl_secs, resend_after: settings.resend_interval_secs })
}

fn secret(state: &AppState) -> &[u8] {
    state.settings.auth.jwt_secret.expose_secret().as_bytes()
}

/// Checks `code` against the latest code sent to `phone` for `purpose`, in the caller's transaction.
/// A wrong code counts a try; the caller must commit even when the answer is a refusal (so the count
/// sticks), which is why the refusal is the inner result. A right code is used up.
pub async fn check_code(
    state: &AppState,
    txn: &DatabaseTransaction,
    phone: &str,
    purpose: CodePurpose,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Result<(), CodeRefused>, ApiError> {
    let latest = sms_code::Entity::find()
        .filter(sms_code::Column::Phone.eq(phone))
        .filter(sms_code::Column::Purpose.eq(purpose.as_str()))
        .filter(sms_code::Column::UsedAt.is_null())
        .order_by_desc(sms_code::Column::Id)
        .one(txn)
        .await?;
    let Some(latest) = latest else { return Ok(Err(CodeRefused::Wrong)) };
    let presented = code_hash(secret(state), phone, purpose.as_str(), code);
    let sent = Sent { hash: &latest.code_hash, wrong_tries: latest.wrong_tries, expires_at: latest.expires_at };
    match judge(&sent, &presented, state.settings.sms.max_wrong_tries, now) {
        Ok(()) => {
            // Conditional: of two requests with the same code, one signs in.
            let used = sms_code::Entity::update_many()
                .col_expr(sms_code::Column::UsedAt, Expr::value(now))
                .filter(sms_code::Column::Id.eq(latest.id))
                .filter(sms_code::Column::UsedAt.is_null())
                .exec(txn)
                .await?;
            Ok(if used.rows_affected == 1 { Ok(()) } else { Err(CodeRefused::Wrong) })
        }
        Err(CodeRefused::Wrong) => {
            use sea_orm::sea_query::ExprTrait;
            sms_code::Entity::update_many()
                .col_expr(sms_code::Column::WrongTries, Expr::col(sms_code::Column::WrongTries).add(1))
                .filter(sms_code::Column::Id.eq(latest.id))
                .exec(txn)
                .await?;
            Ok(Err(CodeRefused::Wrong))
        }
        Err(other) => Ok(Err(other)),
    }
}
