//! `/api/v1/users…`: user administration for managers, within their scope.

use actix_web::{HttpResponse, get, patch, post, web};
use shared::{CountedPage, FormatQuery, Id, NewUser, User, UserListQuery, UserPatch};
use utoipa_actix_web::service_config::ServiceConfig;

use super::files::file;
use super::responses::{Binary, ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::idempotency::IdempotencyKey;
use crate::http::json::ValidJson;
use crate::http::language::AcceptLanguage;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::policy::{self, Action};
use crate::services::page::PageRequest;
use crate::services::users::{self, UserFilter};
use crate::services::users_export;
use crate::state::AppState;

/// Filters, order and page of the user list.
/// Users whose home area is in your scope.
#[utoipa::path(tag = "users", params(UserListQuery), responses((status = 200, body = CountedPage<User>), ReadErrors), security(("bearer" = [])))]
#[get("/users")]
async fn list_users(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<UserListQuery>,
) -> ApiResult<web::Json<CountedPage<User>>> {
    let sort = query.sort.unwrap_or_default();
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, sort.name())?;
    Ok(web::Json(users::list(&state.db, &policy::allow(&caller, Action::ManageUsers)?, user_filter(query), sort, page).await?))
}

fn user_filter(query: UserListQuery) -> UserFilter {
    UserFilter { role: query.role, area_id: query.area_id, q: query.q, active: query.active }
}

/// The users the filters select (at most 10,000), as Excel or CSV; headers and roles in the language
/// of `Accept-Language`. `sort`, `cursor` and `limit` are ignored.
#[utoipa::path(tag = "users", params(FormatQuery, UserListQuery,
        ("Accept-Language" = Option<String>, Header, description = "`en` for English headers and words; Chinese otherwise", example = "zh-CN")),
    responses((status = 200, description = "The file", content((Binary = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (String = "text/csv"))),
    ReadErrors), security(("bearer" = [])))]
#[get("/users/export")]
async fn export_users(
    state: web::Data<AppState>,
    caller: AuthUser,
    lang: AcceptLanguage,
    ValidQuery(format): ValidQuery<FormatQuery>,
    ValidQuery(query): ValidQuery<UserListQuery>,
) -> ApiResult<HttpResponse> {
    let users = users_export::all(&state.db, &policy::allow(&caller, Action::ManageUsers)?, user_filter(query)).await?;
    file(format.format.unwrap_or_default(), &format!("users-{}", state.clock.now().format("%Y%m%d")), users_export::table(&users, lang.0))
}

/// One user.
#[utoipa::path(tag = "users", params(("id" = i64, Path, description = "User id", example = 4)), responses((status = 200, body = User), ReadErrors), security(("bearer" = [])))]
#[get("/users/{id}")]
async fn get_user(state: web::Data<AppState>, caller: AuthUser, id: web::Path<Id>) -> ApiResult<web::Json<User>> {
    Ok(web::Json(users::get(&state.db, &policy::allow(&caller, Action::ManageUsers)?, id.into_inner()).await?))
}

/// Create a user with a role below yours and a home area in your scope that fits the role.
#[utoipa::path(tag = "users", request_body(content = NewUser, example = json!({"username": "wangfang", "display_name": "王芳", "role": "grid_worker", "area_id": 6, "password": "xingfu-jiayuan-2026"})),
    params(("Idempotency-Key" = Option<String>, Header, description = "Retrying with the same key returns the first response instead of creating again", pattern = "^[!-~]{1,255}$", example = "5f0c7e2a-1b9d-4c3e-8a67-2d41f9b0c6e5")),
    responses((status = 201, body = User), WriteErrors), security(("bearer" = [])))]
#[post("/users")]
async fn create_user(
    state: web::Data<AppState>,
    caller: AuthUser,
    key: IdempotencyKey,
    request_id: RequestId,
    body: ValidJson<NewUser>,
) -> ApiResult<HttpResponse> {
    let scope = policy::allow(&caller, Action::ManageUsers)?;
    crate::create_idempotently!(state, caller, key, body, |db| users::create(
        db,
        Some(&caller),
        &scope,
        state.hasher,
        &body.value,
        false,
        Some(&request_id.0)
    ))
}

/// Change a user's name, role, home area, status or password.
///
/// Deactivating a user or setting a new password signs them out everywhere.
#[utoipa::path(tag = "users", request_body(content = UserPatch, example = json!({"display_name": "王芳"})), params(("id" = i64, Path, description = "User id", example = 4)),
    responses((status = 200, body = User), WriteErrors), security(("bearer" = [])))]
#[patch("/users/{id}")]
async fn update_user(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Id>,
    request_id: RequestId,
    body: ValidJson<UserPatch>,
) -> ApiResult<web::Json<User>> {
    let txn = state.begin_write().await?;
    let user = users::update(
        &txn.txn,
        &caller,
        &policy::allow(&caller, Action::ManageUsers)?,
        state.hasher,
        id.into_inner(),
        &body.value,
        Some(&request_id.0),
    )
    .await?;
    txn.commit().await?;
    Ok(web::Json(user))
}

pub fn configure(cfg: &mut ServiceConfig) {
    // Before `/users/{id}`, which would take `export` for an id.
    cfg.service(export_users).service(list_users).service(create_user).service(get_user).service(update_user);
}
