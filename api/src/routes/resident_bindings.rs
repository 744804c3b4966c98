//! `/api/v1/resident-bindings…`: an integration client binds users of its mini-program (openid /
//! unionid) to residents of its subtree and unbinds them. Resident tokens for a bound user come
//! from the token exchange at `/api/v1/oauth/token` (`oauth.rs`).

use actix_web::{HttpResponse, delete, get, post, web};
use serde::Deserialize;
use shared::{CodePurpose, Id, NewResidentBinding, Page, ResidentBinding};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::json::ValidJson;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::policy;
use crate::services::page::PageRequest;
use crate::services::residents::sign_in::refused;
use crate::services::{resident_bindings, sms};
use crate::state::AppState;

/// Page of the binding list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BindingListQuery {
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

/// The users your client bound, newest first. Client tokens with `residents:write` only.
#[utoipa::path(tag = "residents", params(BindingListQuery), responses((status = 200, body = Page<ResidentBinding>), ReadErrors),
    security(("client_credentials" = ["residents:write"])))]
#[get("/resident-bindings")]
async fn list_bindings(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<BindingListQuery>,
) -> ApiResult<web::Json<Page<ResidentBinding>>> {
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, "-id")?;
    Ok(web::Json(resident_bindings::list(&state.db, &caller, page).await?))
}

/// Bind a user of your mini-program to the resident holding the mobile number you verified. A
/// client that did not verify the number itself sends a code first (`POST /auth/sms-codes`) and
/// passes it as `code`. A number nobody holds becomes a new resident of `community_id` (待认证),
/// who may later sign in by code with it; a resident made from a need taken by phone is taken over. The resident must live in
/// your client's subtree. Then exchange your token for theirs (`POST /oauth/token`, token exchange).
#[utoipa::path(tag = "residents",
    request_body(content = NewResidentBinding, example = json!({"external_id": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "phone": "13800138000", "community_id": 5, "display_name": "王芳"})),
    responses((status = 201, body = ResidentBinding), WriteErrors), security(("client_credentials" = ["residents:write"])))]
#[post("/resident-bindings")]
async fn bind(
    state: web::Data<AppState>,
    caller: AuthUser,
    request_id: RequestId,
    body: ValidJson<NewResidentBinding>,
) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    let now = state.clock.now();
    // Only a client may bind: asked before a code is spent.
    policy::bindings::binding_client(&caller)?;
    if let Some(code) = &body.value.code {
        let phone = body.value.phone.trim();
        if let Err(refusal) = sms::check_code(&state, &txn.txn, phone, CodePurpose::SignIn, code, now).await? {
            // Keep the counted try: wrong codes lock the code here as at sign-in.
            txn.commit().await?;
            return Err(refused(refusal));
        }
    }
    let saved = resident_bindings::bind(&txn.txn, &caller, &body.value, now, Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(saved))
}

/// Unbind a user: resident tokens issued for them stop working at once. The resident's account and
/// needs stay.
#[utoipa::path(tag = "residents", params(("id" = i64, Path, description = "Binding id", example = 1)),
    responses((status = 204, description = "Unbound"), WriteErrors), security(("client_credentials" = ["residents:write"])))]
#[delete("/resident-bindings/{id}")]
async fn unbind(state: web::Data<AppState>, caller: AuthUser, request_id: RequestId, id: web::Path<Id>) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    resident_bindings::unbind(&txn.txn, &caller, id.into_inner(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_bindings).service(bind).service(unbind);
}
