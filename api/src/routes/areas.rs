//! `/api/v1/areas…`: the area tree — search, roots, children, subtree, read, create, edit.

use actix_web::{HttpResponse, get, patch, post, web};
use serde::Deserialize;
use shared::{Area, AreaKind, AreaPatch, Id, NewArea, Page};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::idempotency::IdempotencyKey;
use crate::http::json::ValidJson;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::policy::{self, Action};
use crate::services::areas::{self, AreaFilter, AreaSort};
use crate::services::page::PageRequest;
use crate::state::AppState;

/// Filters, order and page of the area search.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AreaListQuery {
    /// Only areas of this kind.
    kind: Option<AreaKind>,
    /// Name contains.
    #[param(max_length = 100)]
    q: Option<String>,
    #[param(inline)]
    sort: Option<AreaSort>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

/// Order and page of a tree listing.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TreeQuery {
    /// Only areas of this kind (subtree only).
    kind: Option<AreaKind>,
    #[param(inline)]
    sort: Option<AreaSort>,
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

fn page(cursor: &Option<String>, limit: Option<u64>, sort: Option<AreaSort>) -> ApiResult<(AreaSort, PageRequest)> {
    let sort = sort.unwrap_or_default();
    Ok((sort, PageRequest::parse(cursor.as_deref(), limit, sort.name())?))
}

/// Search areas in your scope.
#[utoipa::path(tag = "areas", params(AreaListQuery), responses((status = 200, body = Page<Area>), ReadErrors), security(("bearer" = [])))]
#[get("/areas")]
async fn list_areas(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<AreaListQuery>,
) -> ApiResult<web::Json<Page<Area>>> {
    let (sort, page) = page(&query.cursor, query.limit, query.sort)?;
    let filter = AreaFilter { kind: query.kind, q: query.q };
    Ok(web::Json(areas::list(&state.db, &policy::allow(&caller, Action::ReadAreas)?, filter, sort, page).await?))
}

/// The top of your scope: your home area (every root area for platform admins). Start the tree here.
#[utoipa::path(tag = "areas", params(TreeQuery), responses((status = 200, body = Page<Area>), ReadErrors), security(("bearer" = [])))]
#[get("/areas/roots")]
async fn area_roots(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<TreeQuery>,
) -> ApiResult<web::Json<Page<Area>>> {
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, AreaSort::Name.name())?;
    Ok(web::Json(areas::roots(&state.db, &policy::allow(&caller, Action::ReadAreas)?, page).await?))
}

/// One area.
#[utoipa::path(tag = "areas", params(("id" = i64, Path, description = "Area id", example = 5)), responses((status = 200, body = Area), ReadErrors), security(("bearer" = [])))]
#[get("/areas/{id}")]
async fn get_area(state: web::Data<AppState>, caller: AuthUser, id: web::Path<Id>) -> ApiResult<web::Json<Area>> {
    Ok(web::Json(areas::get(&state.db, &policy::allow(&caller, Action::ReadAreas)?, id.into_inner()).await?))
}

/// The direct children of an area.
#[utoipa::path(tag = "areas", params(("id" = i64, Path, description = "Area id", example = 5), TreeQuery), responses((status = 200, body = Page<Area>), ReadErrors), security(("bearer" = [])))]
#[get("/areas/{id}/children")]
async fn area_children(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Id>,
    ValidQuery(query): ValidQuery<TreeQuery>,
) -> ApiResult<web::Json<Page<Area>>> {
    let (sort, page) = page(&query.cursor, query.limit, query.sort)?;
    Ok(web::Json(areas::children(&state.db, &policy::allow(&caller, Action::ReadAreas)?, id.into_inner(), sort, page).await?))
}

/// Every area below an area, optionally of one kind (e.g. all communities of a district).
#[utoipa::path(tag = "areas", params(("id" = i64, Path, description = "Area id", example = 5), TreeQuery), responses((status = 200, body = Page<Area>), ReadErrors), security(("bearer" = [])))]
#[get("/areas/{id}/subtree")]
async fn area_subtree(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Id>,
    ValidQuery(query): ValidQuery<TreeQuery>,
) -> ApiResult<web::Json<Page<Area>>> {
    let (sort, page) = page(&query.cursor, query.limit, query.sort)?;
    Ok(web::Json(areas::subtree(&state.db, &policy::allow(&caller, Action::ReadAreas)?, id.into_inner(), query.kind, sort, page).await?))
}

/// Create an area under a parent in your scope.
///
/// The kind must fit the parent (a street under a district, a grid under a community …); every kind
/// but grids needs a unique 12-digit administrative code that starts with the parent's digits.
#[utoipa::path(tag = "areas", request_body(content = NewArea, example = json!({"parent_id": 5, "kind": "grid", "name": "幸福里网格"})),
    params(("Idempotency-Key" = Option<String>, Header, description = "Retrying with the same key returns the first response instead of creating again", pattern = "^[!-~]{1,255}$", example = "5f0c7e2a-1b9d-4c3e-8a67-2d41f9b0c6e5")),
    responses((status = 201, body = Area), WriteErrors), security(("bearer" = [])))]
#[post("/areas")]
async fn create_area(
    state: web::Data<AppState>,
    caller: AuthUser,
    key: IdempotencyKey,
    request_id: RequestId,
    body: ValidJson<NewArea>,
) -> ApiResult<HttpResponse> {
    let scope = policy::allow(&caller, Action::CreateAreas)?;
    crate::create_idempotently!(state, caller, key, body, |db| areas::create(db, Some(&caller), &scope, &body.value, Some(&request_id.0)))
}

/// Change an area's name, code or community profile.
#[utoipa::path(tag = "areas", request_body(content = AreaPatch, example = json!({"profile": {"settlement": "urban", "households": 3200, "population": 8600, "population_60_plus": 1500, "facility_area_m2": 1200.0}})), params(("id" = i64, Path, description = "Area id", example = 5)),
    responses((status = 200, body = Area), WriteErrors), security(("bearer" = [])))]
#[patch("/areas/{id}")]
async fn update_area(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<Id>,
    request_id: RequestId,
    body: ValidJson<AreaPatch>,
) -> ApiResult<web::Json<Area>> {
    let txn = state.begin_write().await?;
    let area =
        areas::update(&txn.txn, &caller, &policy::allow(&caller, Action::EditAreas)?, id.into_inner(), &body.value, Some(&request_id.0))
            .await?;
    txn.commit().await?;
    Ok(web::Json(area))
}

pub fn configure(cfg: &mut ServiceConfig) {
    // `roots` before `{id}`, so the literal segment wins.
    cfg.service(list_areas)
        .service(area_roots)
        .service(create_area)
        .service(get_area)
        .service(update_area)
        .service(area_children)
        .service(area_subtree);
}
