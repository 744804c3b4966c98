//! `/api/v1/oauth/token`: the OAuth 2.0 token endpoint for integration clients — the client
//! credentials grant (RFC 6749 §4.4), form-encoded, with client authentication by HTTP Basic or by
//! `client_id`/`client_secret` in the body (§2.3.1). Errors are RFC 6749 §5.2 JSON, not problems,
//! because that is what OAuth client libraries read. The same endpoint exchanges a client's token
//! for a resident token (RFC 8693), for mini-program backends acting for a user they bound.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, post, web};
use base64::Engine;
use shared::{ClientToken, ExchangedToken, OAuthError, Problem, TOKEN_EXCHANGE_GRANT, TokenRequest};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ApiError;
use crate::http::client_usage::UsageSlot;
use crate::http::json::{declared_length, read_limited};
use crate::services::integration_clients::token::{self, Grant, GrantRefused};
use crate::services::resident_bindings::exchange::{self, Exchange};
use crate::state::AppState;

/// What the token endpoint answers: a client token, or a resident token from a token exchange.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[serde(untagged)]
#[expect(dead_code, reason = "describes the answer in the spec; the handler serialises each kind directly")]
enum TokenResponse {
    Client(ClientToken),
    Exchanged(ExchangedToken),
}

/// The body of an OAuth error, with its status.
fn oauth_error(status: StatusCode, error: &str, description: &str) -> HttpResponse {
    let mut res = HttpResponse::build(status);
    res.insert_header((header::CACHE_CONTROL, "no-store"));
    if status == StatusCode::UNAUTHORIZED {
        res.insert_header((header::WWW_AUTHENTICATE, "Basic realm=\"happyhome\", charset=\"UTF-8\""));
    }
    res.json(OAuthError { error: error.into(), error_description: description.into() })
}

fn invalid_request(description: &str) -> HttpResponse {
    oauth_error(StatusCode::BAD_REQUEST, "invalid_request", description)
}

/// One form-encoded value decoded (`+` is a space, `%XX` a byte), as §2.3.1 encodes Basic credentials.
fn form_decode(value: &str) -> Option<String> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(&format!("v={value}")).ok()?.pop().map(|(_, v)| v)
}

/// `client_id` and `client_secret` from `Authorization: Basic …`; `Err` when Basic credentials are
/// there but unreadable. Another scheme (a bearer token a generic client sends everywhere) is no
/// client authentication here, and is ignored.
fn basic_credentials(req: &HttpRequest) -> Result<Option<(String, String)>, ()> {
    let Some(value) = req.headers().get(header::AUTHORIZATION) else { return Ok(None) };
    let value = value.to_str().map_err(|_| ())?;
    let Some(encoded) = value.strip_prefix("Basic ").or_else(|| value.strip_prefix("basic ")) else { return Ok(None) };
    let decoded = base64::engine::general_purpose::STANDARD.decode(encoded.trim()).map_err(|_| ())?;
    let decoded = String::from_utf8(decoded).map_err(|_| ())?;
    let (id, secret) = decoded.split_once(':').ok_or(())?;
    Ok(Some((form_decode(id).ok_or(())?, form_decode(secret).ok_or(())?)))
}

/// The form's parameters; a parameter sent twice is refused (§3.2).
fn parse_form(body: &[u8]) -> Result<TokenRequest, String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).map_err(|_| "the body is not a valid form".to_owned())?;
    let mut seen: Vec<&str> = Vec::new();
    for (name, _) in &pairs {
        if seen.contains(&name.as_str()) {
            return Err(format!("{name} is given more than once"));
        }
        seen.push(name);
    }
    let get = |name: &str| pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
    let grant_type = get("grant_type").ok_or("grant_type is missing")?;
    Ok(TokenRequest {
        grant_type,
        scope: get("scope"),
        client_id: get("client_id"),
        client_secret: get("client_secret"),
        subject_token: get("subject_token"),
        subject_token_type: get("subject_token_type"),
        actor_token: get("actor_token"),
        actor_token_type: get("actor_token_type"),
        requested_token_type: get("requested_token_type"),
    })
}

/// Get an access token: with client credentials (RFC 6749 §4.4), or a resident token by token
/// exchange (RFC 8693).
///
/// Client credentials: authenticate with HTTP Basic (`client_id:client_secret`) or put both in the
/// form, not both ways. The token acts as the client in its area's subtree, with the scopes asked
/// for (all of the client's when `scope` is absent).
///
/// Token exchange (`grant_type=urn:ietf:params:oauth:grant-type:token-exchange`): the client sends
/// its own access token as `actor_token` (`actor_token_type=urn:ietf:params:oauth:token-type:access_token`;
/// it needs `residents:write`) and the external id of a user it bound (`POST /resident-bindings`) as
/// `subject_token` with `subject_token_type=urn:happyhome:params:oauth:token-type:external-id`. The
/// answer (RFC 8693 §2.2.1) is a 10-minute bearer token acting as that resident, with what residents
/// may do; it stops at once when the user is unbound or the client revoked.
#[utoipa::path(tag = "auth",
    request_body(content = TokenRequest, content_type = "application/x-www-form-urlencoded",
        example = json!({"grant_type": "client_credentials", "scope": "needs:read resources:read", "client_id": "hhc_demo_binjiang", "client_secret": "happyhome-demo-client-secret"})),
    responses(
        (status = 200, body = TokenResponse, description = "The access token (RFC 6749 §5.1), or the resident token of a token exchange (RFC 8693 §2.2.1)"),
        (status = 400, body = OAuthError, description = "invalid_request (also an unbound or unreachable subject_token, RFC 8693 §2.2.2), invalid_scope, unauthorized_client or unsupported_grant_type (RFC 6749 §5.2)"),
        (status = 401, body = OAuthError, description = "invalid_client: unknown client, wrong secret, revoked client, or an actor_token that is no live client's token"),
        (status = 413, body = Problem, content_type = "application/problem+json", description = "Body larger than the limit"),
        (status = 429, body = Problem, content_type = "application/problem+json", description = "Too many attempts; see Retry-After"),
    ),
    security(()))]
#[post("/oauth/token")]
async fn issue_token(state: web::Data<AppState>, req: HttpRequest, mut payload: web::Payload) -> Result<HttpResponse, ApiError> {
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/x-www-form-urlencoded"));
    let body = read_limited(&mut payload, declared_length(&req), 16 * 1024).await?;
    if !is_form {
        return Ok(invalid_request("send the parameters as application/x-www-form-urlencoded"));
    }
    let form = match parse_form(&body) {
        Ok(form) => form,
        Err(why) => return Ok(invalid_request(&why)),
    };
    if form.grant_type == TOKEN_EXCHANGE_GRANT {
        return exchange_token(&state, &req, &form).await;
    }
    if let Some(why) = malformed_exchange_parameter(&form) {
        return Ok(invalid_request(&why));
    }
    let (client_id, client_secret) = match (basic_credentials(&req), form.client_id, form.client_secret) {
        (Err(()), _, _) => {
            return Ok(oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "the Authorization header is not valid Basic credentials"));
        }
        (Ok(Some(_)), Some(_), _) | (Ok(Some(_)), _, Some(_)) => {
            return Ok(invalid_request("authenticate with HTTP Basic or with the form, not both"));
        }
        (Ok(Some(pair)), None, None) => pair,
        (Ok(None), Some(id), Some(secret)) => (id, secret),
        (Ok(None), _, _) => return Ok(oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "client authentication is missing")),
    };
    // Guessing secrets is bounded like guessing passwords: per client id and address.
    let peer = req.connection_info().realip_remote_addr().unwrap_or("unknown").to_owned();
    state.login_limiter.hit(&format!("client:{client_id}:{peer}"))?;
    let grant = Grant { grant_type: &form.grant_type, client_id: &client_id, client_secret: &client_secret, scope: form.scope.as_deref() };
    match token::issue(&state, grant, state.clock.now()).await {
        Ok(issued) => Ok(no_store(issued)),
        Err(refused) => refusal(refused),
    }
}

/// The exchange's parameters mean nothing to client credentials, but the form's schema holds for
/// every grant: a malformed one is refused rather than ignored.
fn malformed_exchange_parameter(form: &TokenRequest) -> Option<String> {
    let wrong = |value: &Option<String>, want: &str| value.as_deref().is_some_and(|v| v != want);
    let types = [
        ("subject_token_type", &form.subject_token_type, shared::EXTERNAL_ID_TOKEN_TYPE),
        ("actor_token_type", &form.actor_token_type, shared::ACCESS_TOKEN_TYPE),
        ("requested_token_type", &form.requested_token_type, shared::ACCESS_TOKEN_TYPE),
    ];
    if let Some((name, _, want)) = types.iter().find(|(_, value, want)| wrong(value, want)) {
        return Some(format!("{name} must be {want}"));
    }
    let out_of_length = |value: &Option<String>, max: usize| value.as_deref().is_some_and(|v| v.is_empty() || v.chars().count() > max);
    [("subject_token", &form.subject_token, 128), ("actor_token", &form.actor_token, 2048)]
        .iter()
        .find(|(_, value, max)| out_of_length(value, *max))
        .map(|(name, _, max)| format!("{name} must have 1 to {max} characters"))
}

/// A token answer, never cached (RFC 6749 §5.1).
fn no_store(body: impl serde::Serialize) -> HttpResponse {
    HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).insert_header((header::PRAGMA, "no-cache")).json(body)
}

/// A refused grant as RFC 6749 §5.2 (and RFC 8693 §2.2.2) write it.
fn refusal(refused: GrantRefused) -> Result<HttpResponse, ApiError> {
    match refused {
        GrantRefused::InvalidClient => Ok(oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "client authentication failed")),
        GrantRefused::InvalidRequest(why) => Ok(invalid_request(&why)),
        GrantRefused::InvalidScope(why) => Ok(oauth_error(StatusCode::BAD_REQUEST, "invalid_scope", &why)),
        GrantRefused::UnauthorizedClient(why) => Ok(oauth_error(StatusCode::BAD_REQUEST, "unauthorized_client", &why)),
        GrantRefused::UnsupportedGrantType => Ok(oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "only the client_credentials and token-exchange grants are supported",
        )),
        GrantRefused::Internal(err) => Err(err),
    }
}

/// The token exchange: the client authenticates by its `actor_token`, so client credentials in the
/// request would be a second, conflicting authentication.
async fn exchange_token(state: &AppState, req: &HttpRequest, form: &TokenRequest) -> Result<HttpResponse, ApiError> {
    if form.client_id.is_some() || form.client_secret.is_some() || matches!(basic_credentials(req), Ok(Some(_)) | Err(())) {
        return Ok(invalid_request("a token exchange authenticates the client by its actor_token; send no client credentials"));
    }
    let ex = Exchange {
        subject_token: form.subject_token.as_deref(),
        subject_token_type: form.subject_token_type.as_deref(),
        actor_token: form.actor_token.as_deref(),
        actor_token_type: form.actor_token_type.as_deref(),
        requested_token_type: form.requested_token_type.as_deref(),
        scope: form.scope.as_deref(),
    };
    let mut counted = None;
    let result = exchange::exchange(state, ex, state.clock.now(), &mut counted).await;
    // Counted like any request of the client's token, so its usage shows exchanges and refusals.
    if let Some(slot) = req.extensions().get::<UsageSlot>() {
        slot.0.set(counted);
    }
    match result {
        Ok(issued) => Ok(no_store(issued)),
        Err(refused) => refusal(refused),
    }
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(issue_token);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parameter_given_twice_is_refused_and_the_grant_type_is_required() {
        assert!(parse_form(b"grant_type=client_credentials&scope=a&scope=b").is_err());
        assert!(parse_form(b"scope=needs%3Aread").is_err());
        let form = parse_form(b"grant_type=client_credentials&scope=needs%3Aread+kpis%3Aread").expect("valid");
        assert_eq!(form.scope.as_deref(), Some("needs:read kpis:read"));
    }

    #[test]
    fn basic_credentials_are_form_decoded() {
        assert_eq!(form_decode("a%3Ab+c").as_deref(), Some("a:b c"));
    }
}
