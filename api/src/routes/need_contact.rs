//! `/api/v1/needs/{id}/contact/reveal`: a need's contact in full, for those who handle it, audited.

use actix_web::{post, web};
use shared::NeedContact;
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::WriteErrors;
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::request_id::RequestId;
use crate::services::needs;
use crate::state::AppState;

/// Reveal a need's contact name and phone (shown masked everywhere else); each reveal is recorded in
/// the audit trail as who saw whose contact, when.
///
/// Its resident, its assignee, the staff member who owns it and community-level staff of its area may;
/// supervisors and integrations may not (403). Outside your reach the need does not exist (404).
#[utoipa::path(tag = "needs", params(("id" = i64, Path, description = "Need id", example = 2)), responses((status = 200, body = NeedContact), WriteErrors), security(("bearer" = [])))]
#[post("/needs/{id}/contact/reveal")]
async fn reveal_need_contact(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
) -> ApiResult<web::Json<NeedContact>> {
    let txn = state.begin_write().await?;
    let contact = needs::reveal_contact(&txn.txn, &caller, id.into_inner(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(contact))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(reveal_need_contact);
}
