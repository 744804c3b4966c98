//! Integration clients (对接应用): mini-program backends and other systems that call the API with
//! OAuth 2.0 client credentials (RFC 6749 §4.4) instead of a person's password, limited to the
//! scopes they were granted, a subtree of areas and a number of requests a minute.

use serde::{Deserialize, Serialize};

use crate::Code;

/// What a client token may be used for. Each API action names the scope a client needs for it; a
/// person's token has no scopes and is judged by role alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ApiScope {
    /// Read the area tree.
    #[serde(rename = "areas:read")]
    AreasRead,
    /// Read the needs of the subtree (personal data masked).
    #[serde(rename = "needs:read")]
    NeedsRead,
    /// Submit needs for residents through the mini-program.
    #[serde(rename = "needs:write")]
    NeedsWrite,
    /// Act for residents: their accounts and profiles.
    #[serde(rename = "residents:write")]
    ResidentsWrite,
    /// Read the service resource catalogue.
    #[serde(rename = "resources:read")]
    ResourcesRead,
    /// Read co-building programs.
    #[serde(rename = "programs:read")]
    ProgramsRead,
    /// Read the client's own inbox (站内信).
    #[serde(rename = "notifications:read")]
    NotificationsRead,
    /// Register and manage the client's webhooks.
    #[serde(rename = "webhooks:write")]
    WebhooksWrite,
    /// Read KPIs.
    #[serde(rename = "kpis:read")]
    KpisRead,
    /// Read consultation topics.
    #[serde(rename = "topics:read")]
    TopicsRead,
    /// Read the points shop (积分商城) of the subtree.
    #[serde(rename = "shop:read")]
    ShopRead,
}

impl ApiScope {
    pub const ALL: [ApiScope; 11] = [
        Self::AreasRead,
        Self::NeedsRead,
        Self::NeedsWrite,
        Self::ResidentsWrite,
        Self::ResourcesRead,
        Self::ProgramsRead,
        Self::NotificationsRead,
        Self::WebhooksWrite,
        Self::KpisRead,
        Self::TopicsRead,
        Self::ShopRead,
    ];

    /// The scope's code, as in the token's `scope` and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AreasRead => "areas:read",
            Self::NeedsRead => "needs:read",
            Self::NeedsWrite => "needs:write",
            Self::ResidentsWrite => "residents:write",
            Self::ResourcesRead => "resources:read",
            Self::ProgramsRead => "programs:read",
            Self::NotificationsRead => "notifications:read",
            Self::WebhooksWrite => "webhooks:write",
            Self::KpisRead => "kpis:read",
            Self::TopicsRead => "topics:read",
            Self::ShopRead => "shop:read",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        <Self as Code>::parse(s)
    }

    /// What the dashboard shows for the scope.
    pub fn label(self) -> &'static str {
        match self {
            Self::AreasRead => "读取区划",
            Self::NeedsRead => "读取需求",
            Self::NeedsWrite => "提交需求",
            Self::ResidentsWrite => "代居民办理",
            Self::ResourcesRead => "读取服务资源",
            Self::ProgramsRead => "读取共建项目",
            Self::NotificationsRead => "读取站内信",
            Self::WebhooksWrite => "管理事件推送",
            Self::KpisRead => "读取指标",
            Self::TopicsRead => "读取协商议题",
            Self::ShopRead => "读取积分商城",
        }
    }
}

impl Code for ApiScope {
    const ALL: &'static [ApiScope] = &ApiScope::ALL;
    const NAME: &'static str = "ApiScope";

    fn as_str(self) -> &'static str {
        ApiScope::as_str(self)
    }
}

/// A space-separated scope list (RFC 6749 §3.3) as scopes; `Err` holds the first unknown one.
pub fn parse_scopes(list: &str) -> Result<Vec<ApiScope>, String> {
    let mut scopes = Vec::new();
    for code in list.split(' ').filter(|c| !c.is_empty()) {
        let scope = ApiScope::parse(code).ok_or_else(|| code.to_owned())?;
        if !scopes.contains(&scope) {
            scopes.push(scope);
        }
    }
    scopes.sort();
    Ok(scopes)
}

/// Scopes as RFC 6749 writes them: codes separated by one space.
pub fn scope_string(scopes: &[ApiScope]) -> String {
    scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")
}

/// Register a client. Its secret is in the answer, once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewIntegrationClient {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "缤纷社区小程序后台"))]
    pub name: String,
    /// The area whose subtree the client acts in: yours or one below it.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, example = 2))]
    pub area_id: i64,
    /// What the client may do; a token may ask for fewer.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 10, example = json!(["needs:read", "needs:write"])))]
    pub scopes: Vec<ApiScope>,
    /// Requests a minute before 429; the platform's default when absent.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100000, example = 600))]
    pub rate_limit_per_minute: Option<i32>,
}

/// A registered client. Its secret is never shown here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IntegrationClient {
    pub id: i64,
    pub name: String,
    /// The public client identifier (`client_id` of RFC 6749).
    pub client_id: String,
    pub area_id: i64,
    pub scopes: Vec<ApiScope>,
    pub rate_limit_per_minute: i32,
    /// The account the client acts as: its webhooks, inbox and submitted needs are this user's.
    pub user_id: i64,
    /// Until when the secret replaced by the last rotation still works.
    pub previous_secret_valid_until: Option<chrono::DateTime<chrono::Utc>>,
    /// Set once revoked: no token is issued, and issued tokens stop working at once.
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
    pub created_by: i64,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// A client with its new secret: the answer to registering and to rotating, and the only place the
/// secret is ever shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IntegrationClientSecret {
    pub client: IntegrationClient,
    /// Keep it now: it is stored hashed and cannot be shown again.
    pub client_secret: String,
}

/// A client's use on one day (China time).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientUsageDay {
    #[cfg_attr(feature = "openapi", schema(example = "2026-12-05"))]
    pub day: chrono::NaiveDate,
    /// Requests made with the client's tokens, refused ones included.
    pub requests: i64,
    /// Of those, the ones answered 4xx or 5xx.
    pub errors: i64,
    pub last_used_at: chrono::DateTime<chrono::Utc>,
}

/// A client's use, day by day, newest first, with totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientUsage {
    pub client_id: i64,
    pub days: Vec<ClientUsageDay>,
    pub requests: i64,
    pub errors: i64,
    pub last_used_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// The token request, form-encoded: client credentials (RFC 6749 §4.4.2) or token exchange
/// (RFC 8693 §2.1). For client credentials the client authenticates with HTTP Basic or with
/// `client_id` and `client_secret` here (§2.3.1), not both. For a token exchange the client presents
/// its own access token as `actor_token` and names a user it bound as `subject_token`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenRequest {
    /// `client_credentials` or `urn:ietf:params:oauth:grant-type:token-exchange`.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^(client_credentials|urn:ietf:params:oauth:grant-type:token-exchange)$", example = "client_credentials")
    )]
    pub grant_type: String,
    /// Space-separated scopes, a subset of the client's; all of them when absent.
    #[cfg_attr(feature = "openapi", schema(max_length = 400, example = "needs:read needs:write"))]
    pub scope: Option<String>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64, example = "hhc_demo_binjiang"))]
    pub client_id: Option<String>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128, example = "happyhome-demo-client-secret"))]
    pub client_secret: Option<String>,
    /// Token exchange: the external id of a user the client bound (`POST /resident-bindings`).
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128, example = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"))]
    pub subject_token: Option<String>,
    /// Token exchange: `urn:happyhome:params:oauth:token-type:external-id`.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = "^urn:happyhome:params:oauth:token-type:external-id$",
            example = "urn:happyhome:params:oauth:token-type:external-id"
        )
    )]
    pub subject_token_type: Option<String>,
    /// Token exchange: the client's own access token (from the client credentials grant).
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2048))]
    pub actor_token: Option<String>,
    /// Token exchange: `urn:ietf:params:oauth:token-type:access_token`.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^urn:ietf:params:oauth:token-type:access_token$", example = "urn:ietf:params:oauth:token-type:access_token")
    )]
    pub actor_token_type: Option<String>,
    /// Token exchange: only `urn:ietf:params:oauth:token-type:access_token` is issued.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^urn:ietf:params:oauth:token-type:access_token$", example = "urn:ietf:params:oauth:token-type:access_token")
    )]
    pub requested_token_type: Option<String>,
}

/// The access token of RFC 6749 §5.1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientToken {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the token expires.
    pub expires_in: i64,
    /// The scopes granted, space-separated.
    pub scope: String,
}

/// An error of the token endpoint, as RFC 6749 §5.2 writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OAuthError {
    /// `invalid_request`, `invalid_client`, `invalid_scope`, `unsupported_grant_type`, `unauthorized_client`
    /// or (token exchange) `invalid_target`.
    #[cfg_attr(feature = "openapi", schema(example = "invalid_client"))]
    pub error: String,
    pub error_description: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scope_code_parses_back_and_serialises_as_its_code() {
        for scope in ApiScope::ALL {
            assert_eq!(ApiScope::parse(scope.as_str()), Some(scope));
            assert_eq!(serde_json::to_value(scope).ok(), Some(serde_json::Value::String(scope.as_str().into())));
        }
    }

    #[test]
    fn a_scope_list_is_read_without_duplicates_and_an_unknown_scope_is_named() {
        assert_eq!(parse_scopes("needs:write  needs:read needs:read"), Ok(vec![ApiScope::NeedsRead, ApiScope::NeedsWrite]));
        assert_eq!(parse_scopes("needs:read admin"), Err("admin".into()));
        assert_eq!(scope_string(&[ApiScope::NeedsRead, ApiScope::KpisRead]), "needs:read kpis:read");
    }
}
