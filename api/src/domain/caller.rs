//! The signed-in user making a request, as loaded fresh from the database for each request.

use shared::{ApiScope, AreaKind, Id, Role};

#[derive(Debug, Clone)]
pub struct Caller {
    pub id: Id,
    pub username: String,
    pub role: Role,
    pub area_id: Id,
    pub area_kind: AreaKind,
    /// Materialised path of the home area (`/1/7/`); the caller's scope is everything under it.
    pub area_path: String,
    /// Set when the request carries an integration client's token: the client and the scopes the
    /// token grants. `None` for a person's token, which is judged by role alone.
    pub client: Option<ClientGrant>,
}

/// What a client token grants: the client (its row id) and its scopes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientGrant {
    pub client_id: Id,
    pub scopes: Vec<ApiScope>,
}
