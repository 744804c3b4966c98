//! `/api/v1/auth/…`: sign in, refresh, sign out.

use actix_web::{HttpRequest, HttpResponse, post, web};
use shared::{LoginRequest, RefreshRequest, TokenPair};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::AuthErrors;
use crate::error::ApiResult;
use crate::http::json::ValidJson;
use crate::services::auth;
use crate::state::AppState;

/// Sign in with username and password.
///
/// Returns a short-lived access token and a single-use refresh token. Attempts are rate-limited per
/// username and client address.
#[utoipa::path(tag = "auth", request_body(content = LoginRequest, example = json!({"username": "admin", "password": "happyhome-demo"})), responses((status = 200, body = TokenPair), AuthErrors))]
#[post("/auth/login")]
async fn login(state: web::Data<AppState>, req: HttpRequest, body: ValidJson<LoginRequest>) -> ApiResult<web::Json<TokenPair>> {
    let client = req.peer_addr().map(|a| a.ip().to_string()).unwrap_or_default();
    state.login_limiter.hit(&format!("{client}|{}", body.value.username.trim().to_lowercase()))?;
    Ok(web::Json(auth::login(&state, &body.value.username, &body.value.password).await?))
}

/// Exchange a refresh token for a new token pair.
///
/// The presented refresh token stops working. Presenting an already-used one revokes every token of
/// that sign-in (it was probably stolen).
#[utoipa::path(tag = "auth", request_body = RefreshRequest, responses((status = 200, body = TokenPair), AuthErrors))]
#[post("/auth/refresh")]
async fn refresh(state: web::Data<AppState>, body: ValidJson<RefreshRequest>) -> ApiResult<web::Json<TokenPair>> {
    Ok(web::Json(auth::refresh(&state, &body.value.refresh_token).await?))
}

/// Sign out: revoke the refresh token and every token of the same sign-in.
#[utoipa::path(tag = "auth", request_body = RefreshRequest, responses((status = 204, description = "Signed out"), AuthErrors))]
#[post("/auth/logout")]
async fn logout(state: web::Data<AppState>, body: ValidJson<RefreshRequest>) -> ApiResult<HttpResponse> {
    auth::logout(&state, &body.value.refresh_token).await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(login).service(refresh).service(logout);
}
