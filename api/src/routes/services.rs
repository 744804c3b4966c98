//! `/api/v1/services…`: services offered by providers and people: to whom, when, where, how many a week.

use actix_web::{HttpResponse, get, patch, post, web};
use shared::{CountedPage, NewService, Service, ServiceListQuery, ServicePatch};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::idempotency::IdempotencyKey;
use crate::http::json::ValidJson;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::page::PageRequest;
use crate::services::resources::service;
use crate::state::AppState;

/// Services in your scope, with their load this week and track record.
#[utoipa::path(tag = "resources", params(ServiceListQuery), responses((status = 200, body = CountedPage<Service>), ReadErrors), security(("bearer" = [])))]
#[get("/services")]
async fn list_services(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<ServiceListQuery>,
) -> ApiResult<web::Json<CountedPage<Service>>> {
    let sort = query.sort.unwrap_or_default();
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, sort.name())?;
    let filter = service::ServiceFilter {
        area_id: query.area_id,
        category: query.category,
        mode: query.mode,
        cost: query.cost,
        provider_id: query.provider_id,
        person_id: query.person_id,
        active: query.active,
        q: query.q,
    };
    Ok(web::Json(service::list(&state.db, &caller, filter, sort, page, state.clock.now()).await?))
}

/// Register a service of a provider or a person.
#[utoipa::path(tag = "resources", request_body(content = NewService, example = json!({"provider_id": 1, "name": "长者助餐", "category": "elderly_care", "description": "每天中午送餐上门", "target_groups": ["elderly"], "cost": "low_cost", "price_fen": 1200, "capacity_per_week": 40, "schedule": [{"weekday": 1, "start": "11:00", "end": "13:00"}], "mode": "at_home", "served_area_ids": [5]})),
    params(("Idempotency-Key" = Option<String>, Header, description = "Retrying with the same key returns the first response instead of creating again", pattern = "^[!-~]{1,255}$", example = "5f0c7e2a-1b9d-4c3e-8a67-2d41f9b0c6e5")),
    responses((status = 201, body = Service), WriteErrors), security(("bearer" = [])))]
#[post("/services")]
async fn create_service(
    state: web::Data<AppState>,
    caller: AuthUser,
    key: IdempotencyKey,
    request_id: RequestId,
    body: ValidJson<NewService>,
) -> ApiResult<HttpResponse> {
    crate::create_idempotently!(state, caller, key, body, |db| service::create(
        db,
        &caller,
        &body.value,
        state.clock.now(),
        Some(&request_id.0)
    ))
}

/// One service.
#[utoipa::path(tag = "resources", params(("id" = i64, Path, description = "Service id", example = 1)), responses((status = 200, body = Service), ReadErrors), security(("bearer" = [])))]
#[get("/services/{id}")]
async fn get_service(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<Service>> {
    Ok(web::Json(service::get(&state.db, &caller, id.into_inner(), state.clock.now()).await?))
}

/// Change a service (schedule, capacity, areas served …).
#[utoipa::path(tag = "resources", request_body(content = ServicePatch, example = json!({"capacity_per_week": 40})), params(("id" = i64, Path, description = "Service id", example = 1)), responses((status = 200, body = Service), WriteErrors), security(("bearer" = [])))]
#[patch("/services/{id}")]
async fn update_service(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<ServicePatch>,
) -> ApiResult<web::Json<Service>> {
    let txn = state.begin_write().await?;
    let saved = service::update(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_services).service(create_service).service(get_service).service(update_service);
}
