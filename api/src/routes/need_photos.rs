//! `/api/v1/needs/{id}/photos…`: photos of a need, for those who handle it.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use shared::NeedPhoto;
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{Binary, ReadErrors, WriteErrors};
use crate::error::{ApiError, ApiResult};
use crate::http::auth::AuthUser;
use crate::http::json::{declared_length, read_limited};
use crate::http::request_id::RequestId;
use crate::services::needs;
use crate::state::AppState;

const IMAGE_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

/// Attach a photo to a need: JPEG, PNG or WebP, at most 5 MiB and 9 per need.
///
/// The kind is decided from the bytes; anything that is not one of these images is refused.
#[utoipa::path(tag = "needs", params(("id" = i64, Path, description = "Need id", example = 2)),
    request_body(content((Binary = "image/jpeg"), (Binary = "image/png"), (Binary = "image/webp"))),
    responses((status = 201, body = NeedPhoto), WriteErrors), security(("bearer" = [])))]
#[post("/needs/{id}/photos")]
async fn add_need_photo(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    req: HttpRequest,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let declared = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_ascii_lowercase();
    if !IMAGE_TYPES.iter().any(|t| declared.starts_with(t)) {
        return Err(ApiError::UnsupportedMediaType);
    }
    let limit = state.settings.needs.photo_max_bytes;
    let bytes = read_limited(&mut payload, declared_length(&req), limit).await?;
    let dir = std::path::PathBuf::from(&state.settings.needs.photo_dir);
    let txn = state.begin_write().await?;
    let photo = needs::add_photo(&txn.txn, &caller, id.into_inner(), &bytes, &dir, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(photo))
}

/// One photo of a need.
#[utoipa::path(tag = "needs", params(("id" = i64, Path, description = "Need id", example = 2), ("photo_id" = i64, Path, description = "Photo id", example = 1)),
    responses((status = 200, content((Binary = "image/jpeg"), (Binary = "image/png"), (Binary = "image/webp"))), ReadErrors), security(("bearer" = [])))]
#[get("/needs/{id}/photos/{photo_id}")]
async fn get_need_photo(state: web::Data<AppState>, caller: AuthUser, path: web::Path<(i64, i64)>) -> ApiResult<HttpResponse> {
    let (need_id, photo_id) = path.into_inner();
    let dir = std::path::PathBuf::from(&state.settings.needs.photo_dir);
    let (bytes, mime) = needs::read_photo(&state.db, &caller, need_id, photo_id, &dir).await?;
    Ok(HttpResponse::Ok().content_type(mime).insert_header((header::CONTENT_DISPOSITION, "inline")).body(bytes))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(add_need_photo).service(get_need_photo);
}
