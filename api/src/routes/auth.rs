//! `/api/v1/auth/…`: sign in (password, or mobile number and one-time code), refresh, sign out.

use actix_web::{HttpRequest, HttpResponse, post, web};
use shared::{CodePurpose, CodeSent, LoginRequest, RefreshRequest, SendCode, SmsSignIn, TokenPair};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::AuthErrors;
use crate::error::ApiResult;
use crate::http::json::ValidJson;
use crate::http::request_id::RequestId;
use crate::services::residents::sign_in;
use crate::services::{auth, sms};
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

/// Send a one-time code to a mainland mobile number (sign-up, sign-in or a phone change).
///
/// Six digits, valid five minutes. The answer is the same whether or not the number has an account.
/// Limited per number (one a minute, five an hour) and per client address (20 an hour): 429 with
/// `Retry-After`.
#[utoipa::path(tag = "auth", request_body(content = SendCode, example = json!({"phone": "13800138000", "purpose": "sign_in"})),
    responses((status = 202, body = CodeSent), AuthErrors))]
#[post("/auth/sms-codes")]
async fn send_sms_code(state: web::Data<AppState>, req: HttpRequest, body: ValidJson<SendCode>) -> ApiResult<HttpResponse> {
    let client = req.peer_addr().map(|a| a.ip().to_string()).unwrap_or_default();
    let purpose = body.value.purpose.unwrap_or(CodePurpose::SignIn);
    let sent = sms::send_code(&state, &body.value.phone, purpose, &client).await?;
    Ok(HttpResponse::Accepted().json(sent))
}

/// Sign in — or sign up, the first time — with a mobile number and the code sent to it.
///
/// A new resident names their community (`community_id`, grid optional) and starts 待认证 until
/// community staff verify their residence. Needs staff took for this number by phone are theirs.
/// Five wrong codes lock the code. Answers the same token pair as the password sign-in.
#[utoipa::path(tag = "auth", request_body(content = SmsSignIn, example = json!({"phone": "13800138000", "code": "123456", "community_id": 5, "display_name": "王芳"})),
    responses((status = 200, body = TokenPair), AuthErrors))]
#[post("/auth/sms-sign-in")]
async fn sms_sign_in(state: web::Data<AppState>, request_id: RequestId, body: ValidJson<SmsSignIn>) -> ApiResult<web::Json<TokenPair>> {
    Ok(web::Json(sign_in::sign_in(&state, &body.value, Some(&request_id.0)).await?))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(login).service(refresh).service(logout).service(send_sms_code).service(sms_sign_in);
}
