//! Typed calls of the area endpoints (区域): the caller's roots, children page by page, search, one area,
//! edit and create; re-exported from [`crate::common::api`].

use gloo_net::http::Method;
use shared::{Area, AreaKind, AreaPatch, Id, NewArea, Page};

use crate::common::api::{ApiResult, PAGE_SIZE, get, send_json};

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
