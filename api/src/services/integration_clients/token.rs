//! The client-credentials grant (RFC 6749 §4.4) and what a client token is worth on each request:
//! the client is read again every time, so a revoked client's tokens stop at once, and the request
//! is counted against the client's per-minute limit.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use shared::{ApiScope, ClientToken, Id, parse_scopes, scope_string};

use super::{scopes_of, usage};
use crate::domain::caller::{Caller, ClientGrant};
use crate::domain::client_secret::{StoredSecrets, hash_secret, secret_matches};
use crate::entities::integration_client;
use crate::error::ApiError;
use crate::services::auth::load_caller;
use crate::state::AppState;

/// Why the token endpoint refused, in RFC 6749 §5.2's terms.
#[derive(Debug, thiserror::Error)]
pub enum GrantRefused {
    #[error("{0}")]
    InvalidRequest(String),
    /// Unknown client, wrong secret or revoked client: answered alike, so nothing hints which.
    #[error("client authentication failed")]
    InvalidClient,
    #[error("{0}")]
    InvalidScope(String),
    #[error("only the client_credentials and token-exchange grants are supported")]
    UnsupportedGrantType,
    /// The client may not use this grant (a token exchange without `residents:write`).
    #[error("{0}")]
    UnauthorizedClient(String),
    #[error(transparent)]
    Internal(#[from] ApiError),
}

impl From<sea_orm::DbErr> for GrantRefused {
    fn from(err: sea_orm::DbErr) -> Self {
        Self::Internal(err.into())
    }
}

/// The checked parts of a token request.
pub struct Grant<'a> {
    pub grant_type: &'a str,
    pub client_id: &'a str,
    pub client_secret: &'a str,
    pub scope: Option<&'a str>,
}

/// Issues an access token to a client that proves its secret, for the scopes it asks (a subset of
/// its own) or all of them.
pub async fn issue(state: &AppState, grant: Grant<'_>, now: DateTime<Utc>) -> Result<ClientToken, GrantRefused> {
    if grant.grant_type != "client_credentials" {
        return Err(GrantRefused::UnsupportedGrantType);
    }
    let found = integration_client::Entity::find().filter(integration_client::Column::ClientId.eq(grant.client_id)).one(&state.db).await?;
    let Some(client) = found else {
        // Hash anyway, so an unknown id takes as long as a wrong secret.
        let _ = hash_secret(grant.client_secret);
        return Err(GrantRefused::InvalidClient);
    };
    let stored =
        StoredSecrets { current: &client.secret_hash, previous: client.previous_secret_hash.as_deref().zip(client.previous_valid_until) };
    if !secret_matches(&stored, grant.client_secret, now) || client.revoked_at.is_some() {
        return Err(GrantRefused::InvalidClient);
    }
    let own = scopes_of(&client).map_err(ApiError::from)?;
    let scopes = match grant.scope {
        None => own,
        Some(asked) => {
            let asked = parse_scopes(asked).map_err(|unknown| GrantRefused::InvalidScope(format!("unknown scope {unknown}")))?;
            if let Some(extra) = asked.iter().find(|s| !own.contains(s)) {
                return Err(GrantRefused::InvalidScope(format!("the client was not granted {}", extra.as_str())));
            }
            if asked.is_empty() {
                return Err(GrantRefused::InvalidScope("the scope is empty".into()));
            }
            asked
        }
    };
    let ttl = state.settings.clients.token_ttl_secs;
    let scope = scope_string(&scopes);
    let access_token = state.keys.issue_for_client(client.user_id, client.id, &scope, now.timestamp(), ttl).map_err(ApiError::from)?;
    Ok(ClientToken { access_token, token_type: "Bearer".into(), expires_in: ttl, scope })
}

/// A client token's request, counted: the client (row id) and the minute it was counted in, kept
/// in the request so the answer's status can be counted too (`http::client_usage`).
#[derive(Debug, Clone, Copy)]
pub struct CountedRequest {
    pub client: Id,
    pub minute: i64,
}

/// The caller a client token speaks for, once the client is known to be live and within its limit.
/// The scopes are the token's, narrowed to the client's current ones. `counted` is set as soon as
/// the request is counted, so a refusal for the limit is counted as an error too.
/// Counts one request against the client's usage and refuses it (429) past the client's limit per
/// minute. Its own token and the resident tokens it exchanged count alike: they are one backend.
pub async fn admit(
    state: &AppState,
    client: &integration_client::Model,
    now: DateTime<Utc>,
    counted: &mut Option<CountedRequest>,
) -> Result<(), ApiError> {
    let requests = usage::count(&state.db, client.id, now).await?;
    *counted = Some(CountedRequest { client: client.id, minute: usage::minute_of(now) });
    if requests > i64::from(client.rate_limit_per_minute) {
        return Err(ApiError::RateLimited { retry_after_secs: usage::seconds_to_next_minute(now) });
    }
    Ok(())
}

pub async fn caller_for_client(
    state: &AppState,
    user_id: Id,
    client_id: Id,
    token_scope: &str,
    now: DateTime<Utc>,
    counted: &mut Option<CountedRequest>,
) -> Result<Caller, ApiError> {
    let client = integration_client::Entity::find_by_id(client_id)
        .one(&state.db)
        .await?
        .filter(|c| c.revoked_at.is_none() && c.user_id == user_id)
        .ok_or(ApiError::Unauthenticated("the client was revoked"))?;
    admit(state, &client, now, counted).await?;
    let own = scopes_of(&client)?;
    let scopes: Vec<ApiScope> = parse_scopes(token_scope).unwrap_or_default().into_iter().filter(|s| own.contains(s)).collect();
    let mut caller =
        load_caller(&state.db, user_id).await?.ok_or(ApiError::Unauthenticated("the account no longer exists or is disabled"))?;
    caller.client = Some(ClientGrant { client_id: client.id, scopes });
    Ok(caller)
}
