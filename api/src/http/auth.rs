//! `AuthUser`: the extractor that requires a valid access token and loads the caller.
//! A handler that takes `AuthUser` requires login; one that does not take it is public.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};

use super::client_usage::UsageSlot;
use futures_util::future::LocalBoxFuture;

use crate::domain::caller::Caller;
use crate::error::ApiError;
use crate::services::auth::load_caller;
use crate::services::integration_clients::token::caller_for_client;
use crate::services::resident_bindings::exchange::caller_for_binding;
use crate::state::AppState;

/// The authenticated caller of this request.
pub struct AuthUser(pub Caller);

impl std::ops::Deref for AuthUser {
    type Target = Caller;
    fn deref(&self) -> &Caller {
        &self.0
    }
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let slot = req.extensions().get::<UsageSlot>().cloned();
        let token = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
            .map(|t| t.trim().to_owned());
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("app state missing")))?;
            let token = token.ok_or(ApiError::Unauthenticated("missing bearer token"))?;
            let bearer = state.keys.verify_bearer(&token).ok_or(ApiError::Unauthenticated("invalid or expired token"))?;
            if let Some((client, scope)) = bearer.client {
                // An integration client's token: counted and limited per client, its answer's
                // status counted by `client_usage::middleware` from the marker left here.
                let mut counted = None;
                let result = caller_for_client(&state, bearer.user_id, client, &scope, state.clock.now(), &mut counted).await;
                if let Some(slot) = slot {
                    slot.0.set(counted);
                }
                return result.map(AuthUser);
            }
            if let Some(binding) = bearer.binding {
                // A resident token from a token exchange: only while its binding and client live,
                // and counted against that client like its own token.
                let mut counted = None;
                let result = caller_for_binding(&state, bearer.user_id, binding, &mut counted).await;
                if let Some(slot) = slot {
                    slot.0.set(counted);
                }
                return result.map(AuthUser);
            }
            let caller = load_caller(&state.db, bearer.user_id)
                .await?
                .ok_or(ApiError::Unauthenticated("the account no longer exists or is disabled"))?;
            Ok(AuthUser(caller))
        })
    }
}
