//! One typed function per API endpoint the dashboard uses; re-exported from [`crate::common::api`].

use gloo_net::http::Method;
use shared::{Area, AreaKind, AreaPatch, AuditEntry, Id, Me, NewArea, NewUser, Page, Role, User, UserPatch};

use crate::common::api::{ApiResult, get, send_json};

/// Rows per request for the tables; the tree asks for fewer.
pub const PAGE_SIZE: u64 = 50;

/// GET /me: who is signed in and what they may do.
pub async fn me() -> ApiResult<Me> {
    get("/me", &[]).await
}

/// GET /areas/roots: the top(s) of the caller's scope.
pub async fn area_roots() -> ApiResult<Page<Area>> {
    get("/areas/roots", &[]).await
}

/// GET /areas/{id}/children, one page.
pub async fn area_children(id: Id, cursor: Option<String>) -> ApiResult<Page<Area>> {
    let query = [("cursor", cursor.unwrap_or_default()), ("limit", PAGE_SIZE.to_string())];
    get(&format!("/areas/{id}/children"), &query).await
}

/// GET /areas?q=&kind=: search within the caller's scope.
pub async fn search_areas(q: String, kind: Option<AreaKind>, limit: u64) -> ApiResult<Page<Area>> {
    let kind = kind.map(|k| k.as_str().to_owned()).unwrap_or_default();
    get("/areas", &[("q", q), ("kind", kind), ("limit", limit.to_string())]).await
}

/// GET /areas/{id}.
pub async fn area(id: Id) -> ApiResult<Area> {
    get(&format!("/areas/{id}"), &[]).await
}

/// PATCH /areas/{id}.
pub async fn patch_area(id: Id, patch: &AreaPatch) -> ApiResult<Area> {
    send_json(Method::PATCH, &format!("/areas/{id}"), patch).await
}

/// POST /areas.
pub async fn create_area(new: &NewArea) -> ApiResult<Area> {
    send_json(Method::POST, "/areas", new).await
}

/// Filters of the users table; empty means "any".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserFilter {
    pub role: Option<Role>,
    pub q: String,
    pub active: Option<bool>,
}

/// GET /users, one page.
pub async fn users(filter: UserFilter, cursor: Option<String>) -> ApiResult<Page<User>> {
    let query = [
        ("role", filter.role.map(|r| r.as_str().to_owned()).unwrap_or_default()),
        ("q", filter.q.trim().to_owned()),
        ("active", filter.active.map(|a| a.to_string()).unwrap_or_default()),
        ("cursor", cursor.unwrap_or_default()),
        ("limit", PAGE_SIZE.to_string()),
    ];
    get("/users", &query).await
}

/// POST /users.
pub async fn create_user(new: &NewUser) -> ApiResult<User> {
    send_json(Method::POST, "/users", new).await
}

/// PATCH /users/{id}.
pub async fn patch_user(id: Id, patch: &UserPatch) -> ApiResult<User> {
    send_json(Method::PATCH, &format!("/users/{id}"), patch).await
}

/// GET /audit, one page, optionally for one entity kind (and one record).
pub async fn audit(entity: String, entity_id: Option<Id>, cursor: Option<String>) -> ApiResult<Page<AuditEntry>> {
    let query = [
        ("entity", entity),
        ("entity_id", entity_id.map(|i| i.to_string()).unwrap_or_default()),
        ("cursor", cursor.unwrap_or_default()),
        ("limit", PAGE_SIZE.to_string()),
    ];
    get("/audit", &query).await
}
