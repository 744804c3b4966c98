//! Sign-up and sign-in by mobile number and one-time code. The first sign-in with a number creates
//! the resident (who picks a community, grid optional) or takes over the record staff created when
//! they took a need by phone, so the resident finds those needs waiting. Answers the same token pair
//! as the password sign-in.

use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use serde_json::json;
use shared::{AuditAction, AuditEntity};
use shared::{CodePurpose, Role, SmsSignIn, TokenPair, Verification};

use super::{NO_PASSWORD, by_phone, code_only_username, pick_home};
use crate::domain::field_errors::FieldErrors;
use crate::domain::one_time_code::CodeRefused;
use crate::entities::{area, user};
use crate::error::ApiError;
use crate::services::audit::{self, Change};
use crate::services::{auth, sms};
use crate::state::AppState;

/// What a refused code is told. Registered and unregistered numbers hear the same.
pub(crate) fn refused(refusal: CodeRefused) -> ApiError {
    ApiError::Unauthenticated(match refusal {
        CodeRefused::Wrong => "wrong or expired code",
        CodeRefused::Expired => "the code has expired; request a new one",
        CodeRefused::Locked => "too many wrong codes; request a new one",
    })
}

/// The name a resident gets when they give none: 居民 and the last four digits.
fn default_name(phone: &str) -> String {
    format!("居民{}", &phone[phone.len().saturating_sub(4)..])
}

pub async fn sign_in(state: &AppState, req: &SmsSignIn, request_id: Option<&str>) -> Result<TokenPair, ApiError> {
    let now = state.clock.now();
    let txn = state.begin_write().await?;
    let existing = by_phone(&txn.txn, &req.phone).await?;
    if let Err(refusal) = sms::check_code(state, &txn.txn, &req.phone, CodePurpose::SignIn, &req.code, now).await? {
        // Commit the counted try before answering.
        txn.commit().await?;
        return Err(refused(refusal));
    }
    let display_name = req.display_name.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    let account = match existing {
        Some(account) if account.signed_up_at.is_some() => {
            if !account.active {
                txn.commit().await?;
                return Err(ApiError::Unauthenticated("this account is disabled"));
            }
            account
        }
        // A record staff created from a need taken by phone: its resident takes it over.
        Some(record) => {
            let home = if req.community_id.is_some() { Some(checked_home(&txn.txn, req).await?) } else { None };
            let mut m: user::ActiveModel = record.into();
            if let Some(home) = &home {
                m.area_id = Set(home.id);
            }
            if let Some(name) = display_name {
                m.display_name = Set(name);
            }
            m.active = Set(true);
            m.signed_up_at = Set(Some(now));
            m.updated_at = Set(now);
            let saved = m.update(&txn.txn).await?;
            record_sign_up(&txn.txn, &saved, request_id).await?;
            saved
        }
        None => {
            let home = checked_home(&txn.txn, req).await?;
            let saved = user::ActiveModel {
                username: Set(code_only_username()),
                display_name: Set(display_name.unwrap_or_else(|| default_name(&req.phone))),
                role: Set(Role::Resident.as_str().into()),
                area_id: Set(home.id),
                password_hash: Set(NO_PASSWORD.into()),
                active: Set(true),
                demo: Set(false),
                phone: Set(Some(req.phone.clone())),
                verification: Set(Verification::Pending.as_str().into()),
                signed_up_at: Set(Some(now)),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn.txn)
            .await?;
            record_sign_up(&txn.txn, &saved, request_id).await?;
            saved
        }
    };
    let pair = auth::issue(state, &txn.txn, account.id, &uuid::Uuid::new_v4().to_string()).await?;
    txn.commit().await?;
    Ok(pair)
}

/// The community (or grid) a new resident picked; 422 naming every bad field. Asked only after the
/// code was right, so the question itself says nothing to someone without the code.
async fn checked_home<C: ConnectionTrait>(db: &C, req: &SmsSignIn) -> Result<area::Model, ApiError> {
    let mut errors = FieldErrors::default();
    let home = pick_home(db, req.community_id, req.grid_id, &mut errors).await?;
    errors.finish()?;
    home.ok_or(ApiError::NotFound("area"))
}

async fn record_sign_up<C: ConnectionTrait>(db: &C, account: &user::Model, request_id: Option<&str>) -> Result<(), ApiError> {
    let home = area::Entity::find_by_id(account.area_id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
    // No phone or name in the trail: the account id and home say enough.
    let after = json!({ "id": account.id, "role": account.role, "area_id": account.area_id, "verification": account.verification });
    audit::record(
        db,
        None,
        request_id,
        Change {
            action: AuditAction::SignUp,
            entity: AuditEntity::User,
            entity_id: account.id,
            area: Some((home.id, &home.path)),
            before: None,
            after: Some(&after),
        },
    )
    .await
}
