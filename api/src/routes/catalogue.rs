//! `/api/v1/catalogue…`: the co-building catalogue (共建内容), by year.

use actix_web::{get, patch, web};
use serde::Deserialize;
use shared::{CatalogueEntry, CatalogueEntryPatch};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::json::ValidJson;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::programs::catalogue;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CatalogueQuery {
    /// Defaults to the newest year there is.
    #[param(minimum = 2000, maximum = 2100)]
    year: Option<i32>,
}

/// The catalogue of one year: directions, sections and content items in document order.
#[utoipa::path(tag = "programs", params(CatalogueQuery), responses((status = 200, body = Vec<CatalogueEntry>), ReadErrors), security(("bearer" = [])))]
#[get("/catalogue")]
async fn get_catalogue(
    state: web::Data<AppState>,
    _caller: AuthUser,
    ValidQuery(query): ValidQuery<CatalogueQuery>,
) -> ApiResult<web::Json<Vec<CatalogueEntry>>> {
    let year = match query.year {
        Some(year) => year,
        None => catalogue::years(&state.db).await?.first().copied().unwrap_or(2025),
    };
    Ok(web::Json(catalogue::catalogue(&state.db, year).await?))
}

/// The years there is a catalogue for, newest first.
#[utoipa::path(tag = "programs", responses((status = 200, body = Vec<i32>), ReadErrors), security(("bearer" = [])))]
#[get("/catalogue/years")]
async fn catalogue_years(state: web::Data<AppState>, _caller: AuthUser) -> ApiResult<web::Json<Vec<i32>>> {
    Ok(web::Json(catalogue::years(&state.db).await?))
}

/// Correct a catalogue entry's names or description (platform admins).
#[utoipa::path(tag = "programs", request_body(content = CatalogueEntryPatch, example = json!({"description_zh": "社区嵌入式服务设施建设与运营"})), params(("id" = i64, Path, description = "Catalogue entry id", example = 3)),
    responses((status = 200, body = CatalogueEntry), WriteErrors), security(("bearer" = [])))]
#[patch("/catalogue/{id}")]
async fn update_catalogue_entry(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<CatalogueEntryPatch>,
) -> ApiResult<web::Json<CatalogueEntry>> {
    let txn = state.begin_write().await?;
    let entry = catalogue::patch(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(entry))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_catalogue).service(catalogue_years).service(update_catalogue_entry);
}
