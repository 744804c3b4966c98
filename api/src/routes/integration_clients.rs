//! `/api/v1/integration-clients…`: register integration clients (OAuth 2.0 client credentials) for a
//! subtree with scopes, rotate their secret, revoke them, and read their usage. Tokens are issued at
//! `/api/v1/oauth/token` (`oauth.rs`).

use actix_web::{HttpResponse, get, post, web};
use chrono::{Duration, NaiveDate};
use serde::Deserialize;
use shared::{ClientUsage, Id, IntegrationClient, IntegrationClientSecret, NewIntegrationClient, Page};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::json::ValidJson;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::integration_clients::{self, usage};
use crate::services::page::PageRequest;
use crate::state::AppState;

/// Page of the client list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClientListQuery {
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

/// Days of the usage report (China dates, both ends included; the last 30 days by default).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UsageQuery {
    #[param(example = "2026-12-01")]
    from: Option<NaiveDate>,
    #[param(example = "2026-12-31")]
    to: Option<NaiveDate>,
}

/// The integration clients of your subtree (every one, for the platform admin), newest first.
/// Secrets are never listed.
#[utoipa::path(tag = "integration clients", params(ClientListQuery), responses((status = 200, body = Page<IntegrationClient>), ReadErrors), security(("bearer" = [])))]
#[get("/integration-clients")]
async fn list_clients(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<ClientListQuery>,
) -> ApiResult<web::Json<Page<IntegrationClient>>> {
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, "-id")?;
    Ok(web::Json(integration_clients::list(&state.db, &caller, page).await?))
}

/// Register a client for an area of your subtree with scopes. The answer holds the client secret —
/// the only time it is shown; it is stored hashed.
#[utoipa::path(tag = "integration clients", request_body(content = NewIntegrationClient, example = json!({"name": "缤纷社区小程序后台", "area_id": 2, "scopes": ["needs:read", "needs:write", "resources:read"], "rate_limit_per_minute": 600})),
    responses((status = 201, body = IntegrationClientSecret), WriteErrors), security(("bearer" = [])))]
#[post("/integration-clients")]
async fn create_client(
    state: web::Data<AppState>,
    caller: AuthUser,
    request_id: RequestId,
    body: ValidJson<NewIntegrationClient>,
) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    let default_limit = state.settings.clients.default_rate_limit_per_minute;
    let created =
        integration_clients::create(&txn.txn, &caller, &body.value, default_limit, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(created))
}

/// One integration client.
#[utoipa::path(tag = "integration clients", params(("id" = i64, Path, description = "Client id", example = 1)),
    responses((status = 200, body = IntegrationClient), ReadErrors), security(("bearer" = [])))]
#[get("/integration-clients/{id}")]
async fn get_client(state: web::Data<AppState>, caller: AuthUser, id: web::Path<Id>) -> ApiResult<web::Json<IntegrationClient>> {
    Ok(web::Json(integration_clients::get(&state.db, &caller, id.into_inner()).await?))
}

/// Issue a new secret, shown once in the answer. The old secret keeps working until
/// `previous_secret_valid_until` (a day by default), so the backend can switch without downtime.
#[utoipa::path(tag = "integration clients", params(("id" = i64, Path, description = "Client id", example = 1)),
    responses((status = 200, body = IntegrationClientSecret), WriteErrors), security(("bearer" = [])))]
#[post("/integration-clients/{id}/rotate-secret")]
async fn rotate_secret(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Id>,
    request_id: RequestId,
) -> ApiResult<web::Json<IntegrationClientSecret>> {
    let grace = Duration::seconds(state.settings.clients.rotation_grace_secs);
    let txn = state.begin_write().await?;
    let rotated = integration_clients::rotate(&txn.txn, &caller, id.into_inner(), grace, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(rotated))
}

/// Revoke a client: no more tokens, and the tokens it holds stop working at once.
#[utoipa::path(tag = "integration clients", params(("id" = i64, Path, description = "Client id", example = 1)),
    responses((status = 200, body = IntegrationClient), WriteErrors), security(("bearer" = [])))]
#[post("/integration-clients/{id}/revoke")]
async fn revoke_client(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Id>,
    request_id: RequestId,
) -> ApiResult<web::Json<IntegrationClient>> {
    let txn = state.begin_write().await?;
    let revoked = integration_clients::revoke(&txn.txn, &caller, id.into_inner(), state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(revoked))
}

/// A client's usage per day, newest first: requests made with its tokens, those answered 4xx/5xx,
/// and the last use.
#[utoipa::path(tag = "integration clients", params(("id" = i64, Path, description = "Client id", example = 1), UsageQuery),
    responses((status = 200, body = ClientUsage), ReadErrors), security(("bearer" = [])))]
#[get("/integration-clients/{id}/usage")]
async fn client_usage(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Id>,
    ValidQuery(query): ValidQuery<UsageQuery>,
) -> ApiResult<web::Json<ClientUsage>> {
    Ok(web::Json(usage::read(&state.db, &caller, id.into_inner(), query.from, query.to, state.clock.now()).await?))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_clients)
        .service(create_client)
        .service(get_client)
        .service(rotate_secret)
        .service(revoke_client)
        .service(client_usage);
}
