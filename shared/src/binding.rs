//! Mini-program binding (小程序绑定): an integration client ties one of its users (a WeChat openid or
//! unionid) to a resident, then trades its own token for a short-lived resident token (RFC 8693).

use serde::{Deserialize, Serialize};

/// `subject_token_type` of a token exchange whose subject is a user the client bound: the
/// `subject_token` is then the external id given when binding (RFC 8693 §3 lets a server name its
/// own token types).
pub const EXTERNAL_ID_TOKEN_TYPE: &str = "urn:happyhome:params:oauth:token-type:external-id";
/// `grant_type` of the token exchange (RFC 8693 §2.1).
pub const TOKEN_EXCHANGE_GRANT: &str = "urn:ietf:params:oauth:grant-type:token-exchange";
/// `actor_token_type` and `issued_token_type`: an access token (RFC 8693 §3).
pub const ACCESS_TOKEN_TYPE: &str = "urn:ietf:params:oauth:token-type:access_token";

/// Bind a user of the mini-program to a resident by the mobile number the client verified. A number
/// nobody holds yet becomes a new unverified resident (待认证) of `community_id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewResidentBinding {
    /// The client's id for the user: a WeChat openid or unionid.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 128, pattern = "^[A-Za-z0-9_-]+$", example = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")
    )]
    pub external_id: String,
    /// The mainland mobile number the client verified.
    #[cfg_attr(feature = "openapi", schema(pattern = "^1[3-9][0-9]{9}$", example = "13800138000"))]
    pub phone: String,
    /// A code sent to the number with `POST /auth/sms-codes`, when the client has not verified the
    /// number itself: checked (and counted against the code's tries) like a sign-in.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{6}$"))]
    pub code: Option<String>,
    /// The community of a resident the number makes new; required then, ignored otherwise.
    #[cfg_attr(feature = "openapi", schema(example = 5))]
    pub community_id: Option<i64>,
    /// A grid of that community, when known.
    pub grid_id: Option<i64>,
    /// How a new resident is called (default: 居民 and the last four digits).
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 50, example = "王芳"))]
    pub display_name: Option<String>,
}

/// A user of the client bound to a resident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResidentBinding {
    pub id: i64,
    /// The integration client (row id) that bound the user.
    pub client_id: i64,
    pub external_id: String,
    pub resident_id: i64,
    /// Whether binding made the resident (no account held the number).
    pub resident_created: bool,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// The answer to a token exchange (RFC 8693 §2.2.1): a resident token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExchangedToken {
    pub access_token: String,
    /// Always `urn:ietf:params:oauth:token-type:access_token`.
    #[cfg_attr(feature = "openapi", schema(example = "urn:ietf:params:oauth:token-type:access_token"))]
    pub issued_token_type: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the token expires.
    pub expires_in: i64,
}
