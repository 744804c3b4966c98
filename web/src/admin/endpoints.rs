//! Typed calls of the users and audit endpoints; re-exported from [`crate::common::api`].

use gloo_net::http::Method;
use shared::{AuditEntry, Id, NewUser, Page, Role, User, UserPatch};

use crate::common::api::{ApiResult, PAGE_SIZE, get, send_json};

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
