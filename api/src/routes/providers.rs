//! `/api/v1/providers…`: providers of services (organisations and teams).

use actix_web::{HttpResponse, get, patch, post, web};
use shared::{CountedPage, NewProvider, Provider, ProviderListQuery, ProviderPatch};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::idempotency::IdempotencyKey;
use crate::http::json::ValidJson;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::page::PageRequest;
use crate::services::resources::providers;
use crate::state::AppState;

/// Providers in your scope.
#[utoipa::path(tag = "resources", params(ProviderListQuery), responses((status = 200, body = CountedPage<Provider>), ReadErrors), security(("bearer" = [])))]
#[get("/providers")]
async fn list_providers(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<ProviderListQuery>,
) -> ApiResult<web::Json<CountedPage<Provider>>> {
    let sort = query.sort.unwrap_or_default();
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, sort.name())?;
    let filter =
        providers::ProviderFilter { area_id: query.area_id, kind: query.kind, verified: query.verified, active: query.active, q: query.q };
    Ok(web::Json(providers::list(&state.db, &caller, filter, sort, page).await?))
}

/// Register a provider in an area of your scope.
#[utoipa::path(tag = "resources", request_body(content = NewProvider, example = json!({"kind": "social_organisation", "name": "缤纷社区助老服务社", "area_id": 5, "contact_name": "陈社工", "contact_phone": "13900139000", "verified": true, "description": "上门助餐、助浴和陪诊"})),
    params(("Idempotency-Key" = Option<String>, Header, description = "Retrying with the same key returns the first response instead of creating again", pattern = "^[!-~]{1,255}$", example = "5f0c7e2a-1b9d-4c3e-8a67-2d41f9b0c6e5")),
    responses((status = 201, body = Provider), WriteErrors), security(("bearer" = [])))]
#[post("/providers")]
async fn create_provider(
    state: web::Data<AppState>,
    caller: AuthUser,
    key: IdempotencyKey,
    request_id: RequestId,
    body: ValidJson<NewProvider>,
) -> ApiResult<HttpResponse> {
    crate::create_idempotently!(state, caller, key, body, |db| providers::create(
        db,
        &caller,
        &body.value,
        state.clock.now(),
        Some(&request_id.0)
    ))
}

/// One provider.
#[utoipa::path(tag = "resources", params(("id" = i64, Path, description = "Provider id", example = 1)), responses((status = 200, body = Provider), ReadErrors), security(("bearer" = [])))]
#[get("/providers/{id}")]
async fn get_provider(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<Provider>> {
    Ok(web::Json(providers::get(&state.db, &caller, id.into_inner()).await?))
}

/// Change a provider (deactivate instead of deleting).
#[utoipa::path(tag = "resources", request_body(content = ProviderPatch, example = json!({"contact_phone": "13900139000", "verified": true})), params(("id" = i64, Path, description = "Provider id", example = 1)), responses((status = 200, body = Provider), WriteErrors), security(("bearer" = [])))]
#[patch("/providers/{id}")]
async fn update_provider(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<ProviderPatch>,
) -> ApiResult<web::Json<Provider>> {
    let txn = state.begin_write().await?;
    let saved = providers::update(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_providers).service(create_provider).service(get_provider).service(update_provider);
}
