//! `/api/v1/service-people…`: volunteers, party members who report to a community (党员报到) and social workers.

use actix_web::{HttpResponse, get, patch, post, web};
use shared::{CountedPage, NewServicePerson, PersonListQuery, ServicePerson, ServicePersonPatch};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::idempotency::IdempotencyKey;
use crate::http::json::ValidJson;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::page::PageRequest;
use crate::services::resources::people;
use crate::state::AppState;

/// People who serve, in your scope.
#[utoipa::path(tag = "resources", params(PersonListQuery), responses((status = 200, body = CountedPage<ServicePerson>), ReadErrors), security(("bearer" = [])))]
#[get("/service-people")]
async fn list_people(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<PersonListQuery>,
) -> ApiResult<web::Json<CountedPage<ServicePerson>>> {
    let sort = query.sort.unwrap_or_default();
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, sort.name())?;
    let filter = people::PersonFilter { area_id: query.area_id, kind: query.kind, provider_id: query.provider_id, q: query.q };
    Ok(web::Json(people::list(&state.db, &caller, filter, sort, page).await?))
}

/// Register a person who serves.
#[utoipa::path(tag = "resources", request_body(content = NewServicePerson, example = json!({"kind": "volunteer", "name": "张伟", "phone": "13700137000", "area_id": 5, "provider_id": 1})),
    params(("Idempotency-Key" = Option<String>, Header, description = "Retrying with the same key returns the first response instead of creating again", pattern = "^[!-~]{1,255}$", example = "5f0c7e2a-1b9d-4c3e-8a67-2d41f9b0c6e5")),
    responses((status = 201, body = ServicePerson), WriteErrors), security(("bearer" = [])))]
#[post("/service-people")]
async fn create_person(
    state: web::Data<AppState>,
    caller: AuthUser,
    key: IdempotencyKey,
    request_id: RequestId,
    body: ValidJson<NewServicePerson>,
) -> ApiResult<HttpResponse> {
    crate::create_idempotently!(state, caller, key, body, |db| people::create(
        db,
        &caller,
        &body.value,
        state.clock.now(),
        Some(&request_id.0)
    ))
}

/// One person who serves.
#[utoipa::path(tag = "resources", params(("id" = i64, Path, description = "Person id", example = 1)), responses((status = 200, body = ServicePerson), ReadErrors), security(("bearer" = [])))]
#[get("/service-people/{id}")]
async fn get_person(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<ServicePerson>> {
    Ok(web::Json(people::get(&state.db, &caller, id.into_inner()).await?))
}

/// Change a person who serves.
#[utoipa::path(tag = "resources", request_body(content = ServicePersonPatch, example = json!({"phone": "13700137000"})), params(("id" = i64, Path, description = "Person id", example = 1)), responses((status = 200, body = ServicePerson), WriteErrors), security(("bearer" = [])))]
#[patch("/service-people/{id}")]
async fn update_person(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<ServicePersonPatch>,
) -> ApiResult<web::Json<ServicePerson>> {
    let txn = state.begin_write().await?;
    let saved = people::update(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_people).service(create_person).service(get_person).service(update_person);
}
