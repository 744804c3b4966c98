//! Typed calls of the users and audit endpoints; re-exported from [`crate::common::api`].

use gloo_net::http::Method;
use shared::{Id, NewUser, Page, Role, User, UserListQuery, UserPatch};

use crate::common::api::{ApiResult, PAGE_SIZE, borrowed, get, send_json};

/// Filters of the users table; empty means "any".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserFilter {
    pub role: Option<Role>,
    pub q: String,
    pub active: Option<bool>,
}

/// GET /users, one page.
pub async fn users(filter: UserFilter, cursor: Option<String>) -> ApiResult<Page<User>> {
    let q = filter.q.trim();
    let query = UserListQuery {
        role: filter.role,
        q: (!q.is_empty()).then(|| q.to_owned()),
        active: filter.active,
        cursor,
        limit: Some(PAGE_SIZE),
        ..Default::default()
    };
    get("/users", &borrowed(&shared::query_pairs(&query))).await
}

/// POST /users.
pub async fn create_user(new: &NewUser) -> ApiResult<User> {
    send_json(Method::POST, "/users", new).await
}

/// PATCH /users/{id}.
pub async fn patch_user(id: Id, patch: &UserPatch) -> ApiResult<User> {
    send_json(Method::PATCH, &format!("/users/{id}"), patch).await
}
