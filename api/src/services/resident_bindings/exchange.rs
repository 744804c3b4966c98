//! Token exchange (RFC 8693): a client trades its own access token (the `actor_token`) and the
//! external id of a user it bound (the `subject_token`) for a short-lived resident token. The token
//! acts as the resident, so it reaches exactly what residents may; it names its binding, and each
//! request reads the binding and the client again, so unbinding or revoking stops it at once.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use shared::{ACCESS_TOKEN_TYPE, EXTERNAL_ID_TOKEN_TYPE, ExchangedToken, Id};

use crate::domain::caller::Caller;
use crate::entities::{integration_client, resident_binding};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::auth::load_caller;
use crate::services::integration_clients::token::{CountedRequest, GrantRefused, admit, caller_for_client};
use crate::state::AppState;

/// How long a resident token lives: a mini-program asks again rather than keeping one.
pub const RESIDENT_TOKEN_TTL_SECS: i64 = 600;

/// The token-exchange parameters of the request (RFC 8693 §2.1).
pub struct Exchange<'a> {
    pub subject_token: Option<&'a str>,
    pub subject_token_type: Option<&'a str>,
    pub actor_token: Option<&'a str>,
    pub actor_token_type: Option<&'a str>,
    pub requested_token_type: Option<&'a str>,
    pub scope: Option<&'a str>,
}

fn invalid(why: &str) -> GrantRefused {
    GrantRefused::InvalidRequest(why.to_owned())
}

/// Issues a resident token for a bound user, or says why not in RFC 8693 §2.2.2's terms. `counted`
/// is set once the client's request is counted against its limit, as for any client token.
pub async fn exchange(
    state: &AppState,
    ex: Exchange<'_>,
    now: DateTime<Utc>,
    counted: &mut Option<CountedRequest>,
) -> Result<ExchangedToken, GrantRefused> {
    let subject = ex.subject_token.ok_or_else(|| invalid("subject_token is missing"))?;
    match ex.subject_token_type {
        None => return Err(invalid("subject_token_type is missing")),
        Some(t) if t != EXTERNAL_ID_TOKEN_TYPE => return Err(invalid(&format!("subject_token_type must be {EXTERNAL_ID_TOKEN_TYPE}"))),
        Some(_) => {}
    }
    let actor = ex.actor_token.ok_or(GrantRefused::InvalidClient)?;
    if ex.actor_token_type != Some(ACCESS_TOKEN_TYPE) {
        return Err(invalid(&format!("actor_token_type must be {ACCESS_TOKEN_TYPE}")));
    }
    if ex.requested_token_type.is_some_and(|t| t != ACCESS_TOKEN_TYPE) {
        return Err(GrantRefused::InvalidRequest(format!("only {ACCESS_TOKEN_TYPE} is issued")));
    }
    if ex.scope.is_some() {
        return Err(GrantRefused::InvalidScope("a resident token may do what residents may; leave scope out".into()));
    }
    // The actor token is the client authenticating: a client token, of a live client.
    let bearer = state.keys.verify_bearer(actor).ok_or(GrantRefused::InvalidClient)?;
    let Some((client_id, scope)) = bearer.client else { return Err(GrantRefused::InvalidClient) };
    let client = match caller_for_client(state, bearer.user_id, client_id, &scope, now, counted).await {
        Ok(client) => client,
        Err(ApiError::Unauthenticated(_)) => return Err(GrantRefused::InvalidClient),
        Err(err) => return Err(GrantRefused::Internal(err)),
    };
    if let Err(refused) = policy::require(&client, Action::BindResidents) {
        return Err(GrantRefused::UnauthorizedClient(refused.to_string()));
    }
    let binding = resident_binding::Entity::find()
        .filter(resident_binding::Column::ClientId.eq(client_id))
        .filter(resident_binding::Column::ExternalId.eq(subject))
        .one(&state.db)
        .await?;
    // Unbound, moved out of the client's subtree or disabled: all one answer.
    const NOT_BOUND: &str = "the subject_token names no resident this client has bound in its area";
    let binding = binding.ok_or_else(|| invalid(NOT_BOUND))?;
    if resident_of(state, &client.area_path, &binding).await?.is_none() {
        return Err(invalid(NOT_BOUND));
    }
    let access_token =
        state.keys.issue_for_binding(binding.resident_id, binding.id, now.timestamp(), RESIDENT_TOKEN_TTL_SECS).map_err(ApiError::from)?;
    Ok(ExchangedToken {
        access_token,
        issued_token_type: ACCESS_TOKEN_TYPE.into(),
        token_type: "Bearer".into(),
        expires_in: RESIDENT_TOKEN_TTL_SECS,
    })
}

/// The resident a binding acts for, when they are still active and live in the client's subtree.
async fn resident_of(state: &AppState, client_area_path: &str, binding: &resident_binding::Model) -> Result<Option<Caller>, ApiError> {
    let Some(resident) = load_caller(&state.db, binding.resident_id).await? else { return Ok(None) };
    let reachable = resident.role == shared::Role::Resident && policy::bindings::reaches_resident(client_area_path, &resident.area_path);
    Ok(reachable.then_some(resident))
}

/// The caller a resident token speaks for: its binding must still exist for this resident and its
/// client must not be revoked.
/// The resident a token exchange's token acts for, counted against its client's usage and limit.
pub async fn caller_for_binding(
    state: &AppState,
    user_id: Id,
    binding_id: Id,
    counted: &mut Option<CountedRequest>,
) -> Result<Caller, ApiError> {
    const STOPPED: &str = "the resident was unbound or the client revoked";
    let binding = resident_binding::Entity::find_by_id(binding_id)
        .one(&state.db)
        .await?
        .filter(|b| b.resident_id == user_id)
        .ok_or(ApiError::Unauthenticated(STOPPED))?;
    let client = integration_client::Entity::find_by_id(binding.client_id)
        .one(&state.db)
        .await?
        .filter(|c| c.revoked_at.is_none())
        .ok_or(ApiError::Unauthenticated(STOPPED))?;
    admit(state, &client, state.clock.now(), counted).await?;
    resident_of(state, &client.area_path, &binding).await?.ok_or(ApiError::Unauthenticated(STOPPED))
}
