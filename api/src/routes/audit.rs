//! `/api/v1/audit`: the audit trail, for admins, within their scope.

use actix_web::{HttpResponse, get, web};
use shared::{AuditEntry, AuditQuery, CountedPage, FormatQuery};
use utoipa_actix_web::service_config::ServiceConfig;

use super::files::file;
use super::responses::{Binary, ReadErrors};
use crate::domain::field_errors::FieldErrors;
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::language::AcceptLanguage;
use crate::http::query::ValidQuery;
use crate::policy::{self, Action};
use crate::services::audit::{self, AuditFilter};
use crate::services::page::PageRequest;
use crate::services::search::DayRange;
use crate::state::AppState;

/// The service's filter from the query string; a range ending before it starts is refused.
fn audit_filter(query: &AuditQuery) -> ApiResult<AuditFilter> {
    let mut errors = FieldErrors::default();
    let days = DayRange { from: query.from, to: query.to }.check("from", "to", &mut errors);
    errors.finish()?;
    Ok(AuditFilter {
        entity: query.entity,
        entity_id: query.entity_id,
        actor_id: query.actor_id,
        action: query.action,
        q: query.q.clone(),
        days,
    })
}

/// Changes in your scope, newest first: who, what, when, before and after, with the total matching.
#[utoipa::path(tag = "audit", params(AuditQuery), responses((status = 200, body = CountedPage<AuditEntry>), ReadErrors), security(("bearer" = [])))]
#[get("/audit")]
async fn list_audit(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<AuditQuery>,
) -> ApiResult<web::Json<CountedPage<AuditEntry>>> {
    let filter = audit_filter(&query)?;
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, "-id")?;
    Ok(web::Json(audit::list(&state.db, &policy::allow(&caller, Action::ReadAudit)?, filter, page).await?))
}

/// The entries the filters select (at most 10,000), newest first, as Excel or CSV; headers, actions
/// and objects in the language of `Accept-Language`. `cursor` and `limit` are ignored.
#[utoipa::path(tag = "audit", params(FormatQuery, AuditQuery,
        ("Accept-Language" = Option<String>, Header, description = "`en` for English headers and words; Chinese otherwise", example = "zh-CN")),
    responses((status = 200, description = "The file", content((Binary = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (String = "text/csv"))),
    ReadErrors), security(("bearer" = [])))]
#[get("/audit/export")]
async fn export_audit(
    state: web::Data<AppState>,
    caller: AuthUser,
    lang: AcceptLanguage,
    ValidQuery(format): ValidQuery<FormatQuery>,
    ValidQuery(query): ValidQuery<AuditQuery>,
) -> ApiResult<HttpResponse> {
    let filter = audit_filter(&query)?;
    let entries = audit::all(&state.db, &policy::allow(&caller, Action::ReadAudit)?, filter).await?;
    file(format.format.unwrap_or_default(), &format!("audit-{}", state.clock.now().format("%Y%m%d")), audit::table(&entries, lang.0))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(export_audit).service(list_audit);
}
