//! `/api/v1/audit`: the audit trail, for admins, within their scope.

use actix_web::{get, web};
use shared::{AuditEntry, AuditQuery, Page};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::ReadErrors;
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::query::ValidQuery;
use crate::policy::{self, Action};
use crate::services::audit::{self, AuditFilter};
use crate::services::page::PageRequest;
use crate::state::AppState;

/// Changes in your scope, newest first: who, what, when, before and after.
#[utoipa::path(tag = "audit", params(AuditQuery), responses((status = 200, body = Page<AuditEntry>), ReadErrors), security(("bearer" = [])))]
#[get("/audit")]
async fn list_audit(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<AuditQuery>,
) -> ApiResult<web::Json<Page<AuditEntry>>> {
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, "-id")?;
    let filter = AuditFilter { entity: query.entity, entity_id: query.entity_id, actor_id: query.actor_id };
    Ok(web::Json(audit::list(&state.db, &policy::allow(&caller, Action::ReadAudit)?, filter, page).await?))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_audit);
}
