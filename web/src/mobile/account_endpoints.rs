//! The resident's account calls: one-time codes, sign-in by code, the communities to pick from, the
//! profile, phone change and deletion.

use gloo_net::http::{Method, RequestBuilder};
use shared::{CodePurpose, CodeSent, CommunityChoice, PhoneChange, Problem, ProfilePatch, ResidentProfile, SendCode, SmsSignIn};

use crate::common::api::{ApiError, ApiResult, get, get_public, send_json, sign_in_with};

/// Why a code was not sent.
#[derive(Debug, Clone, PartialEq)]
pub enum SendRefused {
    /// 429: sent too often; wait this many seconds (the server's `Retry-After`).
    TooSoon(u32),
    Failed(ApiError),
}

/// POST /auth/sms-codes. Asked without a token (it is public), and directly rather than through the
/// common client, because a refusal's `Retry-After` header is what the page shows.
pub async fn send_code(phone: String, purpose: CodePurpose) -> Result<CodeSent, SendRefused> {
    let body = serde_json::to_string(&SendCode { phone, purpose: Some(purpose) })
        .map_err(|e| SendRefused::Failed(ApiError::Unexpected { status: 0, message: e.to_string() }))?;
    let network = |e: gloo_net::Error| SendRefused::Failed(ApiError::Network(e.to_string()));
    let resp = RequestBuilder::new("/api/v1/auth/sms-codes")
        .method(Method::POST)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .body(body)
        .map_err(network)?
        .send()
        .await
        .map_err(network)?;
    let status = resp.status();
    if status == 429 {
        let wait = resp.headers().get("retry-after").and_then(|s| s.trim().parse().ok()).unwrap_or(60);
        return Err(SendRefused::TooSoon(wait));
    }
    let text = resp.text().await.map_err(network)?;
    if resp.ok() {
        return serde_json::from_str(&text).map_err(|e| SendRefused::Failed(ApiError::Unexpected { status, message: e.to_string() }));
    }
    Err(SendRefused::Failed(match serde_json::from_str::<Problem>(&text) {
        Ok(problem) => ApiError::Problem(Box::new(problem)),
        Err(_) => ApiError::Unexpected { status, message: format!("HTTP {status}") },
    }))
}

/// POST /auth/sms-sign-in; stores the tokens.
pub async fn sign_in(request: SmsSignIn) -> ApiResult<()> {
    sign_in_with("/auth/sms-sign-in", &request).await
}

/// GET /public/communities?q=: what a new resident may pick, with grids.
pub async fn communities(q: String) -> ApiResult<Vec<CommunityChoice>> {
    get_public("/public/communities", &[("q", q), ("limit", "50".to_owned())]).await
}

/// GET /me/profile.
pub async fn profile() -> ApiResult<ResidentProfile> {
    get("/me/profile", &[]).await
}

/// PATCH /me/profile: only the fields present change.
pub async fn update_profile(patch: ProfilePatch) -> ApiResult<ResidentProfile> {
    send_json(Method::PATCH, "/me/profile", &patch).await
}

/// POST /me/phone with the code sent to the new number.
pub async fn change_phone(change: PhoneChange) -> ApiResult<ResidentProfile> {
    send_json(Method::POST, "/me/phone", &change).await
}

/// DELETE /me: personal fields cleared, needs kept anonymised, signed out.
pub async fn delete_account() -> ApiResult<()> {
    send_json(Method::DELETE, "/me", &serde_json::json!({})).await
}
