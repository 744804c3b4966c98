//! `/api/v1/service-spaces…`: community service spaces of the seven kinds, with opening-hours flags.

use actix_web::{HttpResponse, get, patch, post, web};
use shared::{CountedPage, NewServiceSpace, ServiceSpace, ServiceSpacePatch, SpaceListQuery};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::idempotency::IdempotencyKey;
use crate::http::json::ValidJson;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::page::PageRequest;
use crate::services::resources::spaces;
use crate::state::AppState;

/// Service spaces in your scope.
#[utoipa::path(tag = "resources", params(SpaceListQuery), responses((status = 200, body = CountedPage<ServiceSpace>), ReadErrors), security(("bearer" = [])))]
#[get("/service-spaces")]
async fn list_spaces(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<SpaceListQuery>,
) -> ApiResult<web::Json<CountedPage<ServiceSpace>>> {
    let sort = query.sort.unwrap_or_default();
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, sort.name())?;
    let filter = spaces::SpaceFilter { area_id: query.area_id, kind: query.kind, short_hours: query.short_hours, q: query.q };
    Ok(web::Json(spaces::list(&state.db, &caller, filter, sort, page).await?))
}

/// Register a service space.
#[utoipa::path(tag = "resources", request_body(content = NewServiceSpace, example = json!({"kind": "elderly", "name": "缤纷社区长者食堂", "area_id": 5, "address": "缤纷小区会所一楼", "floor_area_m2": 320.0, "opening_hours": [{"weekday": 1, "start": "08:30", "end": "17:30"}], "capacity": 60})),
    params(("Idempotency-Key" = Option<String>, Header, description = "Retrying with the same key returns the first response instead of creating again", pattern = "^[!-~]{1,255}$", example = "5f0c7e2a-1b9d-4c3e-8a67-2d41f9b0c6e5")),
    responses((status = 201, body = ServiceSpace), WriteErrors), security(("bearer" = [])))]
#[post("/service-spaces")]
async fn create_space(
    state: web::Data<AppState>,
    caller: AuthUser,
    key: IdempotencyKey,
    request_id: RequestId,
    body: ValidJson<NewServiceSpace>,
) -> ApiResult<HttpResponse> {
    crate::create_idempotently!(state, caller, key, body, |db| spaces::create(
        db,
        &caller,
        &body.value,
        state.clock.now(),
        Some(&request_id.0)
    ))
}

/// One service space.
#[utoipa::path(tag = "resources", params(("id" = i64, Path, description = "Space id", example = 1)), responses((status = 200, body = ServiceSpace), ReadErrors), security(("bearer" = [])))]
#[get("/service-spaces/{id}")]
async fn get_space(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<ServiceSpace>> {
    Ok(web::Json(spaces::get(&state.db, &caller, id.into_inner()).await?))
}

/// Change a service space.
#[utoipa::path(tag = "resources", request_body(content = ServiceSpacePatch, example = json!({"capacity": 60, "opening_hours": [{"weekday": 1, "start": "08:00", "end": "18:00"}]})), params(("id" = i64, Path, description = "Space id", example = 1)), responses((status = 200, body = ServiceSpace), WriteErrors), security(("bearer" = [])))]
#[patch("/service-spaces/{id}")]
async fn update_space(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<ServiceSpacePatch>,
) -> ApiResult<web::Json<ServiceSpace>> {
    let txn = state.begin_write().await?;
    let saved = spaces::update(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_spaces).service(create_space).service(get_space).service(update_space);
}
