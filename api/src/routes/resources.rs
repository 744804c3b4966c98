//! `/api/v1/resources/…`: the Excel import template, the import itself (dry run first) and exports
//! of the resource catalogue.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde::Deserialize;
use shared::{FileFormat, ImportReport, ResourceTable};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::files::{XLSX, file};
use super::responses::{Binary, ReadErrors, WriteErrors};
use crate::error::{ApiError, ApiResult};
use crate::http::auth::AuthUser;
use crate::http::json::{declared_length, read_limited};
use crate::http::language::AcceptLanguage;
use crate::http::query::ValidQuery;
use crate::policy::{self, Action};
use crate::services::resources::{export, import};
use crate::state::AppState;

/// Largest workbook accepted (2 000 rows fit in far less).
const MAX_WORKBOOK_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TemplateQuery {
    /// `providers` or `services`.
    #[param(inline)]
    table: ResourceTable,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// `providers` or `services`.
    #[param(inline)]
    table: ResourceTable,
    /// Check every row without importing anything (the default).
    dry_run: Option<bool>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    #[param(inline)]
    table: ResourceTable,
    #[param(inline)]
    format: FileFormat,
    /// Only this area's subtree.
    area_id: Option<i64>,
    /// Only rows whose name (or, for people, phone) contains this, as the lists' keyword.
    #[param(max_length = 100)]
    q: Option<String>,
}

/// The Excel template for importing providers or services: the header row and one example row.
#[utoipa::path(tag = "resources", params(TemplateQuery), responses((status = 200, description = "The template", content((Binary = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))), ReadErrors), security(("bearer" = [])))]
#[get("/resources/template")]
async fn import_template(caller: AuthUser, ValidQuery(query): ValidQuery<TemplateQuery>) -> ApiResult<HttpResponse> {
    policy::require(&caller, Action::ManageResources)?;
    Ok(HttpResponse::Ok()
        .content_type(XLSX)
        .insert_header(("Content-Disposition", format!("attachment; filename=\"{}-template.xlsx\"", query.table.as_str())))
        .body(import::template(query.table)?))
}

/// Import providers or services from a filled-in template. Every bad row and column is reported at
/// once; nothing is imported while any row is bad, nor on a dry run (the default).
#[utoipa::path(tag = "resources", params(ImportQuery),
    request_body(content((Binary = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
    responses((status = 200, body = ImportReport), WriteErrors), security(("bearer" = [])))]
#[post("/resources/import")]
async fn import_resources(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<ImportQuery>,
    req: HttpRequest,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let bytes = xlsx_body(&req, &mut payload).await?;
    let dry_run = query.dry_run.unwrap_or(true);
    let txn = state.begin_write().await?;
    let report = import::import(&txn.txn, &caller, query.table, &bytes, dry_run, state.clock.now()).await?;
    if report.imported > 0 {
        txn.commit().await?;
    }
    // Otherwise the transaction is dropped: a dry run or a bad file leaves nothing behind.
    Ok(HttpResponse::Ok().json(report))
}

/// Export providers, services, people or spaces in your scope as Excel or CSV, headers and words in
/// the language of `Accept-Language` (Chinese by default).
#[utoipa::path(tag = "resources", params(ExportQuery, ("Accept-Language" = Option<String>, Header, description = "`en` for English headers and words; Chinese otherwise", example = "zh-CN")), responses(
    (status = 200, description = "The file", content((Binary = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (String = "text/csv"))),
    ReadErrors), security(("bearer" = [])))]
#[get("/resources/export")]
async fn export_resources(
    state: web::Data<AppState>,
    caller: AuthUser,
    lang: AcceptLanguage,
    ValidQuery(query): ValidQuery<ExportQuery>,
) -> ApiResult<HttpResponse> {
    let table = export::table(&state.db, &caller, query.table, query.area_id, query.q.as_deref(), state.clock.now(), lang.0).await?;
    file(query.format, &format!("{}-{}", query.table.as_str(), state.clock.now().format("%Y%m%d")), table)
}

/// The body of an Excel upload: refused unless declared as xlsx, and read up to the size limit.
pub(super) async fn xlsx_body(req: &HttpRequest, payload: &mut web::Payload) -> ApiResult<Vec<u8>> {
    let declared = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_ascii_lowercase();
    if !declared.starts_with(XLSX) {
        return Err(ApiError::UnsupportedMediaType);
    }
    Ok(read_limited(payload, declared_length(req), MAX_WORKBOOK_BYTES).await?.to_vec())
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(import_template).service(import_resources).service(export_resources);
}
