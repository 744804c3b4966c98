//! `/api/v1/me…`: who the caller is and what the dashboard may show them; a resident's own profile,
//! phone change and account deletion.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use shared::{AreaCrumb, Me, PhoneChange, ProfilePatch, ResidentProfile};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::domain::scope::Scope;
use crate::entities::stored::{StoredValueInvalid, stored};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::json::ValidJson;
use crate::http::request_id::RequestId;
use crate::policy::permissions;
use crate::services::residents::profile;
use crate::services::{areas, users};
use crate::state::AppState;

/// The signed-in user, their home area with its path from the root, and their permissions.
#[utoipa::path(tag = "auth", responses((status = 200, body = Me), ReadErrors), security(("bearer" = [])))]
#[get("/me")]
async fn me(state: web::Data<AppState>, caller: AuthUser) -> ApiResult<web::Json<Me>> {
    let system = Scope::everything();
    let user = users::get(&state.db, &system, caller.id).await?;
    let area = areas::get(&state.db, &system, caller.area_id).await?;
    let area_path = areas::ancestors(&state.db, &caller.area_path)
        .await?
        .into_iter()
        .map(|a| Ok(AreaCrumb { id: a.id, kind: stored(&a.kind, "areas", a.id)?, name: a.name }))
        .collect::<Result<_, StoredValueInvalid>>()?;
    Ok(web::Json(Me { user, area, area_path, permissions: permissions(&caller) }))
}

/// A resident's own profile: name, phone, address, community and grid, and where residence verification stands.
#[utoipa::path(tag = "residents", responses((status = 200, body = ResidentProfile), ReadErrors), security(("bearer" = [])))]
#[get("/me/profile")]
async fn get_profile(state: web::Data<AppState>, caller: AuthUser) -> ApiResult<web::Json<ResidentProfile>> {
    Ok(web::Json(profile::get(&state.db, &caller).await?))
}

/// Change one's name, address, community or grid (only the fields present change). Moving to another
/// community starts residence verification there again (待认证).
#[utoipa::path(tag = "residents", request_body(content = ProfilePatch, example = json!({"display_name": "王芳", "address": "缤纷小区3幢2单元501室"})),
    responses((status = 200, body = ResidentProfile), WriteErrors), security(("bearer" = [])))]
#[patch("/me/profile")]
async fn update_profile(
    state: web::Data<AppState>,
    caller: AuthUser,
    request_id: RequestId,
    body: ValidJson<ProfilePatch>,
) -> ApiResult<web::Json<ResidentProfile>> {
    let txn = state.begin_write().await?;
    let saved = profile::update(&txn.txn, &caller, &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

/// Move the account to a new mobile number, with the code sent to that number (`purpose: change_phone`).
#[utoipa::path(tag = "residents", request_body(content = PhoneChange, example = json!({"phone": "13900139000", "code": "123456"})),
    responses((status = 200, body = ResidentProfile), WriteErrors), security(("bearer" = [])))]
#[post("/me/phone")]
async fn change_phone(
    state: web::Data<AppState>,
    caller: AuthUser,
    request_id: RequestId,
    body: ValidJson<PhoneChange>,
) -> ApiResult<web::Json<ResidentProfile>> {
    Ok(web::Json(profile::change_phone(&state, &caller, &body.value, Some(&request_id.0)).await?))
}

/// Delete one's resident account: name, phone and address are cleared, the account is disabled and
/// signed out; its needs stay (they count in the statistics) with no personal data left on them.
#[utoipa::path(tag = "residents", responses((status = 204, description = "Deleted"), WriteErrors), security(("bearer" = [])))]
#[delete("/me")]
async fn delete_account(state: web::Data<AppState>, caller: AuthUser, request_id: RequestId) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    profile::delete(&txn.txn, &caller, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(me).service(get_profile).service(update_profile).service(change_phone).service(delete_account);
}
