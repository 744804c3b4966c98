//! `/api/v1/residents…`: residence verification by staff (居民认证 · 待认证 → 已认证 / 未通过), and the
//! target groups (目标群体) staff record a resident in.

use actix_web::{get, post, put, web};
use serde::Deserialize;
use shared::{Page, RefuseResidence, Resident, ResidentTargetGroups, Verification};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::json::ValidJson;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::page::PageRequest;
use crate::services::residents::{groups, verify};
use crate::state::AppState;

/// Which residents, and the page.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResidentListQuery {
    /// Where their residence check stands (default `pending`).
    verification: Option<Verification>,
    /// Name, phone or `#id`. Staff who see residents masked (street, district) find by id only.
    #[param(max_length = 50, example = "王")]
    q: Option<String>,
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

/// Residents of your area by verification state, longest waiting first. Names, phones and addresses
/// are masked for staff who do not handle personal data (street and district level).
#[utoipa::path(tag = "residents", params(ResidentListQuery), responses((status = 200, body = Page<Resident>), ReadErrors), security(("bearer" = [])))]
#[get("/residents")]
async fn list_residents(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<ResidentListQuery>,
) -> ApiResult<web::Json<Page<Resident>>> {
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, "id")?;
    Ok(web::Json(verify::list(&state.db, &caller, query.verification.unwrap_or(Verification::Pending), query.q.as_deref(), page).await?))
}

/// Confirm a resident's residence (已认证): they may then co-sign needs.
#[utoipa::path(tag = "residents", params(("id" = i64, Path, description = "Resident (user) id", example = 37)),
    responses((status = 200, body = Resident), WriteErrors), security(("bearer" = [])))]
#[post("/residents/{id}/verify")]
async fn verify_resident(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
) -> ApiResult<web::Json<Resident>> {
    let txn = state.begin_write().await?;
    let saved = verify::decide(&txn.txn, &caller, id.into_inner(), None, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

/// Refuse a resident's residence, with a reason.
#[utoipa::path(tag = "residents", params(("id" = i64, Path, description = "Resident (user) id", example = 37)),
    request_body(content = RefuseResidence, example = json!({"reason": "not_resident", "note": "住址不在本社区"})),
    responses((status = 200, body = Resident), WriteErrors), security(("bearer" = [])))]
#[post("/residents/{id}/refuse")]
async fn refuse_resident(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<RefuseResidence>,
) -> ApiResult<web::Json<Resident>> {
    let txn = state.begin_write().await?;
    let saved = verify::decide(&txn.txn, &caller, id.into_inner(), Some(&body.value), state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

/// Replace the target groups (目标群体: 老年人, 低保对象 …) a resident belongs to; an empty list clears
/// them. Community staff and grid workers of the resident's area; surveys naming groups are answered
/// only by residents in one of them, and results are broken down by group.
#[utoipa::path(tag = "residents", params(("id" = i64, Path, description = "Resident (user) id", example = 37)),
    request_body(content = ResidentTargetGroups, example = json!({"target_groups": ["elderly", "low_income"]})),
    responses((status = 200, body = Resident), WriteErrors), security(("bearer" = [])))]
#[put("/residents/{id}/target-groups")]
async fn set_target_groups(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<ResidentTargetGroups>,
) -> ApiResult<web::Json<Resident>> {
    let txn = state.begin_write().await?;
    let saved = groups::set(&txn.txn, &caller, id.into_inner(), &body.value.target_groups, Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_residents).service(verify_resident).service(refuse_resident).service(set_target_groups);
}
