//! Access tokens (JWT, HS256 pinned) and refresh tokens (random, stored as SHA-256).

use base64::Engine;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use shared::Id;

const ISSUER: &str = "happyhome";

/// What an access token says. The user is re-read from the database on each request, so a role
/// change or deactivation takes effect at once; the token only proves who is asking.
#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub iss: String,
    pub iat: i64,
    pub exp: i64,
    /// An integration client's token: the client's row id (`sub` is the account it acts as).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cid: Option<Id>,
    /// The scopes of a client token, space-separated (RFC 8693 §4.2 `scope`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// A resident token from a token exchange: the binding (row id) it was issued through, so
    /// unbinding or revoking the client stops it at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bnd: Option<Id>,
}

/// Who a valid access token speaks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bearer {
    pub user_id: Id,
    /// For a client token: the client's row id and its scopes as written in the token.
    pub client: Option<(Id, String)>,
    /// For a resident token from a token exchange: the binding it was issued through.
    pub binding: Option<Id>,
}

pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl JwtKeys {
    pub fn new(secret: &[u8]) -> Self {
        // Only HS256 is accepted: a token claiming another algorithm (or `none`) fails validation.
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "sub", "iss"]);
        validation.leeway = 5;
        Self { encoding: EncodingKey::from_secret(secret), decoding: DecodingKey::from_secret(secret), validation }
    }

    pub fn issue(&self, user_id: Id, now: i64, ttl_secs: i64) -> anyhow::Result<String> {
        let claims =
            Claims { sub: user_id.to_string(), iss: ISSUER.into(), iat: now, exp: now + ttl_secs, cid: None, scope: None, bnd: None };
        Ok(jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?)
    }

    /// A client-credentials token: it acts as `user_id` (the client's account), names the client
    /// and carries the granted scopes.
    pub fn issue_for_client(&self, user_id: Id, client: Id, scope: &str, now: i64, ttl_secs: i64) -> anyhow::Result<String> {
        let claims = Claims {
            sub: user_id.to_string(),
            iss: ISSUER.into(),
            iat: now,
            exp: now + ttl_secs,
            cid: Some(client),
            scope: Some(scope.to_owned()),
            bnd: None,
        };
        Ok(jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?)
    }

    /// A resident token from a token exchange (RFC 8693): it acts as the resident and names the
    /// binding it was issued through.
    pub fn issue_for_binding(&self, resident_id: Id, binding: Id, now: i64, ttl_secs: i64) -> anyhow::Result<String> {
        let claims = Claims {
            sub: resident_id.to_string(),
            iss: ISSUER.into(),
            iat: now,
            exp: now + ttl_secs,
            cid: None,
            scope: None,
            bnd: Some(binding),
        };
        Ok(jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?)
    }

    /// The user id of a valid token; `None` for expired, tampered, wrong-key or wrong-algorithm tokens.
    pub fn verify(&self, token: &str) -> Option<Id> {
        self.verify_bearer(token).map(|b| b.user_id)
    }

    /// Who a valid token speaks for, client tokens included; `None` as for [`Self::verify`].
    pub fn verify_bearer(&self, token: &str) -> Option<Bearer> {
        let claims = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation).ok()?.claims;
        let client = claims.cid.map(|cid| (cid, claims.scope.unwrap_or_default()));
        Some(Bearer { user_id: claims.sub.parse().ok()?, client, binding: claims.bnd })
    }
}

/// A new refresh token: 32 random bytes, URL-safe base64.
pub fn new_refresh_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What is stored for a refresh token.
pub fn sha256_hex(value: &[u8]) -> String {
    hex::encode(Sha256::digest(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn an_issued_token_verifies_to_its_user() {
        let keys = JwtKeys::new(SECRET);
        let now = chrono::Utc::now().timestamp();
        let token = keys.issue(42, now, 60).expect("issue");
        assert_eq!(keys.verify(&token), Some(42));
    }

    #[test]
    fn a_client_token_names_its_client_and_scopes_and_a_person_s_does_not() {
        let keys = JwtKeys::new(SECRET);
        let now = chrono::Utc::now().timestamp();
        let token = keys.issue_for_client(42, 7, "needs:read", now, 60).expect("issue");
        assert_eq!(keys.verify_bearer(&token), Some(Bearer { user_id: 42, client: Some((7, "needs:read".into())), binding: None }));
        let person = keys.issue(42, now, 60).expect("issue");
        assert_eq!(keys.verify_bearer(&person), Some(Bearer { user_id: 42, client: None, binding: None }));
    }

    #[test]
    fn a_resident_token_names_its_binding() {
        let keys = JwtKeys::new(SECRET);
        let now = chrono::Utc::now().timestamp();
        let token = keys.issue_for_binding(42, 3, now, 60).expect("issue");
        assert_eq!(keys.verify_bearer(&token), Some(Bearer { user_id: 42, client: None, binding: Some(3) }));
    }

    #[test]
    fn an_expired_token_is_rejected() {
        let keys = JwtKeys::new(SECRET);
        let now = chrono::Utc::now().timestamp();
        let token = keys.issue(42, now - 3600, 60).expect("issue");
        assert_eq!(keys.verify(&token), None);
    }

    #[test]
    fn a_token_signed_with_another_key_is_rejected() {
        let now = chrono::Utc::now().timestamp();
        let token = JwtKeys::new(b"another-secret-another-secret-xx").issue(42, now, 60).expect("issue");
        assert_eq!(JwtKeys::new(SECRET).verify(&token), None);
    }

    #[test]
    fn an_unsigned_alg_none_token_is_rejected() {
        let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        let exp = chrono::Utc::now().timestamp() + 600;
        let token = format!(
            "{}.{}.",
            b64(r#"{"alg":"none","typ":"JWT"}"#),
            b64(&format!(r#"{{"sub":"42","iss":"happyhome","iat":0,"exp":{exp}}}"#))
        );
        assert_eq!(JwtKeys::new(SECRET).verify(&token), None);
    }

    #[test]
    fn refresh_tokens_are_unique_and_hash_to_64_hex_chars() {
        let (a, b) = (new_refresh_token(), new_refresh_token());
        assert_ne!(a, b);
        assert_eq!(sha256_hex(a.as_bytes()).len(), 64);
    }
}
