//! Signing in: password check, token issue, refresh-token rotation with reuse detection, logout.

use chrono::{Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{Id, TokenPair};

use crate::domain::caller::Caller;
use crate::domain::tokens::{new_refresh_token, sha256_hex};
use crate::entities::stored::stored;
use crate::entities::{area, refresh_token, user};
use crate::error::ApiError;
use crate::state::AppState;

/// Loads the caller for a verified token: the user must exist and be active.
pub async fn load_caller<C: ConnectionTrait>(db: &C, user_id: Id) -> Result<Option<Caller>, ApiError> {
    let Some((user, Some(home))) = user::Entity::find_by_id(user_id).find_also_related(area::Entity).one(db).await? else {
        return Ok(None);
    };
    if !user.active {
        return Ok(None);
    }
    let role = stored(&user.role, "users", user.id)?;
    let area_kind = stored(&home.kind, "areas", home.id)?;
    Ok(Some(Caller { id: user.id, username: user.username, role, area_id: home.id, area_kind, area_path: home.path, client: None }))
}

const BAD_CREDENTIALS: &str = "wrong username or password";

/// Checks the password and issues a token pair. Unknown users cost the same time as known ones.
pub async fn login(state: &AppState, username: &str, password: &str) -> Result<TokenPair, ApiError> {
    let username = username.trim().to_lowercase();
    let found = user::Entity::find().filter(user::Column::Username.eq(username.as_str())).one(&state.db).await?;
    let hasher = state.hasher;
    let stored = found.as_ref().map(|u| u.password_hash.clone());
    let password = password.to_owned();
    let verified = tokio::task::spawn_blocking(move || match stored {
        Some(phc) => hasher.verify(&password, &phc),
        None => {
            // Burn the same work as a real check so response time does not reveal which usernames exist.
            let _ = hasher.hash(&password);
            false
        }
    })
    .await
    .map_err(anyhow::Error::from)?;
    match found {
        Some(user) if verified && user.active => {
            let txn = state.begin_write().await?;
            let pair = issue(state, &txn.txn, user.id, &uuid::Uuid::new_v4().to_string()).await?;
            txn.commit().await?;
            Ok(pair)
        }
        _ => Err(ApiError::Unauthenticated(BAD_CREDENTIALS)),
    }
}

/// Issues a token pair for a user of a new sign-in (`family`), as password and code sign-ins do.
pub(crate) async fn issue<C: ConnectionTrait>(state: &AppState, db: &C, user_id: Id, family: &str) -> Result<TokenPair, ApiError> {
    let now = Utc::now();
    let auth = &state.settings.auth;
    let access_token = state.keys.issue(user_id, now.timestamp(), auth.access_ttl_secs)?;
    let refresh = new_refresh_token();
    refresh_token::ActiveModel {
        user_id: Set(user_id),
        token_hash: Set(sha256_hex(refresh.as_bytes())),
        family: Set(family.to_owned()),
        expires_at: Set(now + Duration::seconds(auth.refresh_ttl_secs)),
        rotated_at: Set(None),
        revoked_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(TokenPair {
        access_token,
        token_type: "Bearer".into(),
        expires_in: auth.access_ttl_secs,
        refresh_token: refresh,
        refresh_expires_in: auth.refresh_ttl_secs,
    })
}

const BAD_REFRESH: &str = "invalid, expired or revoked refresh token";

/// Rotates a refresh token. Presenting one that was already rotated means it was stolen or replayed:
/// the whole family (every token from that login) is revoked.
pub async fn refresh(state: &AppState, token: &str) -> Result<TokenPair, ApiError> {
    let txn = state.begin_write().await?;
    let now = Utc::now();
    let found = refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(sha256_hex(token.as_bytes())))
        .one(&txn.txn)
        .await?
        .ok_or(ApiError::Unauthenticated(BAD_REFRESH))?;
    if found.revoked_at.is_some() || found.expires_at <= now {
        return Err(ApiError::Unauthenticated(BAD_REFRESH));
    }
    if found.rotated_at.is_some() {
        revoke_family(&txn.txn, &found.family).await?;
        txn.commit().await?;
        return Err(ApiError::Unauthenticated(BAD_REFRESH));
    }
    if load_caller(&txn.txn, found.user_id).await?.is_none() {
        return Err(ApiError::Unauthenticated(BAD_REFRESH));
    }
    // Conditional update: of two concurrent refreshes with one token, exactly one wins.
    let rotated = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RotatedAt, Expr::value(now))
        .filter(refresh_token::Column::Id.eq(found.id))
        .filter(refresh_token::Column::RotatedAt.is_null())
        .exec(&txn.txn)
        .await?;
    if rotated.rows_affected != 1 {
        return Err(ApiError::Unauthenticated(BAD_REFRESH));
    }
    let pair = issue(state, &txn.txn, found.user_id, &found.family).await?;
    txn.commit().await?;
    Ok(pair)
}

/// Ends the session the refresh token belongs to. Unknown tokens are ignored (logout is idempotent).
pub async fn logout(state: &AppState, token: &str) -> Result<(), ApiError> {
    let txn = state.begin_write().await?;
    let found =
        refresh_token::Entity::find().filter(refresh_token::Column::TokenHash.eq(sha256_hex(token.as_bytes()))).one(&txn.txn).await?;
    if let Some(found) = found {
        revoke_family(&txn.txn, &found.family).await?;
    }
    txn.commit().await?;
    Ok(())
}

async fn revoke_family<C: ConnectionTrait>(db: &C, family: &str) -> Result<(), ApiError> {
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_token::Column::Family.eq(family))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Revokes every refresh token of a user (on deactivation or password change).
pub async fn revoke_all<C: ConnectionTrait>(db: &C, user_id: Id) -> Result<(), ApiError> {
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_token::Column::UserId.eq(user_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
