//! Typed client of the 幸福家园 API (`/api/v1`), built on the `shared` wire types.
//!
//! Tokens live in localStorage. A request answered 401 triggers one refresh (concurrent callers share
//! it, because refresh tokens are single use) and is retried once; when the refresh fails too, the
//! tokens are cleared and the handler registered with [`on_unauthenticated`] sends the user to /login.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::{Method, RequestBuilder, Response};
use gloo_storage::{LocalStorage, Storage};
use serde::Serialize;
use serde::de::DeserializeOwned;
use shared::{LoginRequest, Problem, RefreshRequest, TokenPair};

use crate::common::early;

pub use crate::admin::endpoints::*;
pub use crate::areas::endpoints::*;
pub use crate::common::api_error::{ApiError, ApiResult};
pub use crate::common::endpoints::*;
pub use crate::consultation::endpoints::*;
pub use crate::matching::endpoints::*;
pub use crate::needs::endpoints::*;
pub use crate::programs::endpoints::*;
pub use crate::resources::endpoints::*;
pub use crate::surveys::endpoints::*;

/// The content type of an `.xlsx` workbook, as the import endpoints (resources, KPI values) expect it.
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const TOKENS_KEY: &str = "hh.tokens";
const BASE: &str = "/api/v1";

thread_local! {
    static REFRESHING: RefCell<Option<Shared<LocalBoxFuture<'static, bool>>>> = const { RefCell::new(None) };
    static ON_UNAUTHENTICATED: RefCell<Option<Rc<dyn Fn()>>> = const { RefCell::new(None) };
}

/// Registers what to do when the session is definitely gone (normally: navigate to /login).
pub fn on_unauthenticated(handler: impl Fn() + 'static) {
    ON_UNAUTHENTICATED.with(|h| *h.borrow_mut() = Some(Rc::new(handler)));
}

/// Whether tokens are stored, i.e. whether it is worth asking `/me`.
pub fn has_tokens() -> bool {
    load_tokens().is_some()
}

fn load_tokens() -> Option<TokenPair> {
    LocalStorage::get::<TokenPair>(TOKENS_KEY).ok()
}

fn store_tokens(tokens: &TokenPair) {
    // A full or disabled storage leaves the user signed in for this page view only.
    let _ = LocalStorage::set(TOKENS_KEY, tokens);
}

/// Forgets the tokens locally (the server side is [`logout`]).
pub fn clear_tokens() {
    LocalStorage::delete(TOKENS_KEY);
}

/// Signs in and stores the token pair.
pub async fn login(username: String, password: String) -> ApiResult<()> {
    let body = LoginRequest { username, password };
    let resp = send_once(Method::POST, "/auth/login", &[], Some(json(&body)?), &[], None).await?;
    let tokens: TokenPair = decode(resp).await?;
    store_tokens(&tokens);
    Ok(())
}

/// POST `body` to a sign-in endpoint that answers a token pair (the resident's code sign-in), and
/// store the pair.
pub async fn sign_in_with<B: Serialize>(path: &str, body: &B) -> ApiResult<()> {
    let resp = send_once(Method::POST, path, &[], Some(json(body)?), &[], None).await?;
    let tokens: TokenPair = decode(resp).await?;
    store_tokens(&tokens);
    Ok(())
}

/// Revokes the refresh token on the server (best effort) and forgets both tokens.
pub async fn logout() {
    if let Some(tokens) = load_tokens() {
        let body = RefreshRequest { refresh_token: tokens.refresh_token };
        if let Ok(body) = json(&body) {
            let _ = send_once(Method::POST, "/auth/logout", &[], Some(body), &[], None).await;
        }
    }
    clear_tokens();
}

/// GET `path` with query parameters (empty values are left out) and decode the JSON answer.
/// Owned query pairs (from [`shared::query_pairs`]) as the borrowed pairs the calls take.
pub fn borrowed(pairs: &[(String, String)]) -> Vec<(&str, String)> {
    pairs.iter().map(|(k, v)| (k.as_str(), v.clone())).collect()
}

pub async fn get<T: DeserializeOwned>(path: &str, query: &[(&str, String)]) -> ApiResult<T> {
    decode(send(Method::GET, path, query, None, &[]).await?).await
}

/// Like [`get`] with extra request headers (`Accept-Language` for texts the server writes).
pub async fn get_with<T: DeserializeOwned>(path: &str, query: &[(&str, String)], headers: &[(&str, String)]) -> ApiResult<T> {
    decode(send(Method::GET, path, query, None, headers).await?).await
}

/// GET an endpoint that needs no sign-in (阳光社区); never sends a token, never redirects to /login.
pub async fn get_public<T: DeserializeOwned>(path: &str, query: &[(&str, String)]) -> ApiResult<T> {
    decode(send_once(Method::GET, path, query, None, &[], None).await?).await
}

/// A file the API sends (an export): its bytes, content type and the name the server suggests.
pub struct File {
    pub bytes: Vec<u8>,
    pub content_type: String,
    pub name: Option<String>,
}

/// GET a file with the stored token (a plain link could not carry the `Authorization` header).
/// Sends the dashboard's language, so exports come with headers and words in it.
pub async fn get_file(path: &str, query: &[(&str, String)]) -> ApiResult<File> {
    let lang = [("Accept-Language", crate::common::i18n::stored_locale().tag().to_owned())];
    let resp = send(Method::GET, path, query, None, &lang).await?;
    let headers = resp.headers();
    let content_type = headers.get("content-type").unwrap_or_default();
    // `attachment; filename="programs-20260501.xlsx"`
    let name = headers
        .get("content-disposition")
        .and_then(|d| d.split("filename=").nth(1).map(|n| n.trim_matches(|c| c == '"' || c == ' ' || c == ';').to_owned()));
    let bytes = resp.binary().await.map_err(|e| ApiError::Network(e.to_string()))?;
    Ok(File { bytes, content_type, name })
}

/// Send `body` as JSON with `method` and decode the JSON answer.
pub async fn send_json<B: Serialize, T: DeserializeOwned>(method: Method, path: &str, body: &B) -> ApiResult<T> {
    decode(send(method, path, &[], Some(json(body)?), &[]).await?).await
}

/// POST `body` with an `Idempotency-Key`, so a retried submission is stored once.
pub async fn post_once<B: Serialize, T: DeserializeOwned>(path: &str, body: &B, key: &str) -> ApiResult<T> {
    let headers = [("Idempotency-Key", key.to_owned())];
    decode(send(Method::POST, path, &[], Some(json(body)?), &headers).await?).await
}

/// POST raw `bytes` (an uploaded file) as `content_type` with the stored token, refreshing once on
/// 401 like [`send`], and decode the JSON answer.
pub async fn post_bytes<T: DeserializeOwned>(path: &str, query: &[(&str, String)], bytes: &[u8], content_type: &str) -> ApiResult<T> {
    let attempt = |access: String| async move {
        let req = RequestBuilder::new(&format!("{BASE}{path}"))
            .method(Method::POST)
            .header("Accept", "application/json")
            .header("Content-Type", content_type)
            .header("Authorization", &format!("Bearer {access}"))
            .query(query.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (*k, v.as_str())))
            .body(js_sys::Uint8Array::from(bytes))
            .map_err(|e| ApiError::Network(e.to_string()))?;
        let resp = req.send().await.map_err(|e| ApiError::Network(e.to_string()))?;
        if resp.ok() {
            return Ok(resp);
        }
        let status = resp.status();
        let text = resp.text().await.unwrap_or_default();
        Err(match serde_json::from_str::<Problem>(&text) {
            Ok(problem) => ApiError::Problem(Box::new(problem)),
            Err(_) => ApiError::Unexpected { status, message: format!("HTTP {status} {}", resp.status_text()) },
        })
    };
    let Some(tokens) = load_tokens() else {
        session_gone();
        return Err(unauthenticated());
    };
    let resp = match attempt(tokens.access_token.clone()).await {
        Err(e) if e.status() == 401 => {
            let fresh = if refresh(tokens.access_token).await { load_tokens() } else { None };
            let Some(fresh) = fresh else {
                session_gone();
                return Err(e);
            };
            let retried = attempt(fresh.access_token).await;
            if matches!(&retried, Err(e) if e.status() == 401) {
                session_gone();
            }
            retried?
        }
        other => other?,
    };
    decode(resp).await
}

fn json<B: Serialize>(body: &B) -> ApiResult<String> {
    serde_json::to_string(body).map_err(|e| ApiError::Unexpected { status: 0, message: e.to_string() })
}

/// Sends with the stored access token; on 401 refreshes once and retries.
async fn send(
    method: Method,
    path: &str,
    query: &[(&str, String)],
    body: Option<String>,
    headers: &[(&str, String)],
) -> ApiResult<Response> {
    let Some(tokens) = load_tokens() else {
        session_gone();
        return Err(unauthenticated());
    };
    let first = send_once(method.clone(), path, query, body.clone(), headers, Some(&tokens.access_token)).await;
    match first {
        Err(e) if e.status() == 401 => {
            if !refresh(tokens.access_token).await {
                session_gone();
                return Err(e);
            }
            let Some(fresh) = load_tokens() else {
                return Err(e);
            };
            let retried = send_once(method, path, query, body, headers, Some(&fresh.access_token)).await;
            if matches!(&retried, Err(e) if e.status() == 401) {
                session_gone();
            }
            retried
        }
        other => other,
    }
}

/// Refreshes unless someone already did since `stale_access` was read. Concurrent calls share one
/// refresh request, since a refresh token works only once.
async fn refresh(stale_access: String) -> bool {
    if load_tokens().is_some_and(|t| t.access_token != stale_access) {
        return true;
    }
    let shared = REFRESHING.with(|r| r.borrow_mut().get_or_insert_with(|| do_refresh().boxed_local().shared()).clone());
    let ok = shared.await;
    REFRESHING.with(|r| *r.borrow_mut() = None);
    ok
}

async fn do_refresh() -> bool {
    let Some(tokens) = load_tokens() else {
        return false;
    };
    let body = RefreshRequest { refresh_token: tokens.refresh_token };
    let Ok(body) = json(&body) else { return false };
    match send_once(Method::POST, "/auth/refresh", &[], Some(body), &[], None).await {
        Ok(resp) => match decode::<TokenPair>(resp).await {
            Ok(fresh) => {
                store_tokens(&fresh);
                true
            }
            Err(_) => false,
        },
        Err(_) => false,
    }
}

fn session_gone() {
    clear_tokens();
    let handler = ON_UNAUTHENTICATED.with(|h| h.borrow().clone());
    if let Some(handler) = handler {
        handler();
    }
}

fn unauthenticated() -> ApiError {
    ApiError::Unexpected { status: 401, message: "not signed in".into() }
}

/// One HTTP exchange; any non-2xx status becomes an [`ApiError`].
async fn send_once(
    method: Method,
    path: &str,
    query: &[(&str, String)],
    body: Option<String>,
    headers: &[(&str, String)],
    access: Option<&str>,
) -> ApiResult<Response> {
    let mut req = RequestBuilder::new(&format!("{BASE}{path}"))
        .method(method.clone())
        .header("Accept", "application/json")
        .query(query.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (*k, v.as_str())));
    if let Some(token) = access {
        req = req.header("Authorization", &format!("Bearer {token}"));
    }
    for (name, value) in headers {
        req = req.header(name, value);
    }
    let network = |e: gloo_net::Error| ApiError::Network(e.to_string());
    let resp = match (body, access) {
        (Some(body), _) => req.header("Content-Type", "application/json").body(body).map_err(network)?.send().await.map_err(network)?,
        // A plain signed-in GET may have been asked already, while the code was downloading.
        (None, Some(token)) if method == Method::GET && headers.is_empty() => {
            let req = req.build().map_err(network)?;
            match early::take(&req.url(), token).await {
                Some(resp) => resp,
                None => req.send().await.map_err(network)?,
            }
        }
        (None, _) => req.send().await.map_err(network)?,
    };
    if resp.ok() {
        return Ok(resp);
    }
    let status = resp.status();
    let text = resp.text().await.unwrap_or_default();
    Err(match serde_json::from_str::<Problem>(&text) {
        Ok(problem) => ApiError::Problem(Box::new(problem)),
        Err(_) => ApiError::Unexpected { status, message: format!("HTTP {status} {}", resp.status_text()) },
    })
}

async fn decode<T: DeserializeOwned>(resp: Response) -> ApiResult<T> {
    let status = resp.status();
    let text = resp.text().await.map_err(|e| ApiError::Network(e.to_string()))?;
    // 204 and friends: let `()` (and Option) decode from JSON null.
    let text = if text.is_empty() { "null".to_owned() } else { text };
    serde_json::from_str(&text).map_err(|e| ApiError::Unexpected { status, message: e.to_string() })
}
