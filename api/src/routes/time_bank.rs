//! `/api/v1/time-bank/gifts…`: gifts of hours to family with both sides' consent (时长转赠) — the
//! giver offers, the receiver accepts (the hours move) or declines, the giver may withdraw while it
//! waits; an offer nobody answers expires after a week. Both list their offers.

use actix_web::{HttpResponse, get, post, web};
use serde::Deserialize;
use shared::{GiftOffer, GiftOfferPage, NewGiftOffer};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::json::ValidJson;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::ledger::{gift_answers, gifts};
use crate::services::page::PageRequest;
use crate::state::AppState;

/// Page of the caller's offers.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GiftQuery {
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

/// Offer minutes of your time account to a family member (a resident or volunteer); nothing moves
/// until they accept. More than your account holds (down to the overdraft) is 422 on `/minutes`.
#[utoipa::path(tag = "ledger", request_body(content = NewGiftOffer, example = json!({"receiver_id": 12, "minutes": 120, "note": "给妈妈用于上门助浴"})),
    responses((status = 201, body = GiftOffer), WriteErrors), security(("bearer" = [])))]
#[post("/time-bank/gifts")]
async fn offer_hours(
    state: web::Data<AppState>,
    caller: AuthUser,
    request_id: RequestId,
    body: ValidJson<NewGiftOffer>,
) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    let saved = gifts::offer(&txn.txn, &caller, &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(saved))
}

/// Your offers of hours, given and received, newest first.
#[utoipa::path(tag = "ledger", params(GiftQuery), responses((status = 200, body = GiftOfferPage), ReadErrors), security(("bearer" = [])))]
#[get("/time-bank/gifts")]
async fn list_offers(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<GiftQuery>,
) -> ApiResult<web::Json<GiftOfferPage>> {
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, "-id")?;
    Ok(web::Json(gifts::mine(&state.db, &caller, page, state.clock.now()).await?))
}

/// One offer of hours you gave or received (404 for anyone else); one past its week reads as `expired`.
#[utoipa::path(tag = "ledger", params(("id" = i64, Path, description = "Offer id", example = 1)),
    responses((status = 200, body = GiftOffer), ReadErrors), security(("bearer" = [])))]
#[get("/time-bank/gifts/{id}")]
async fn get_offer(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<GiftOffer>> {
    Ok(web::Json(gifts::one(&state.db, &caller, id.into_inner(), state.clock.now()).await?))
}

async fn answer(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: i64,
    accepting: bool,
    request_id: RequestId,
) -> ApiResult<web::Json<GiftOffer>> {
    let txn = state.begin_write().await?;
    let saved = gift_answers::answer(&txn.txn, &caller, id, accepting, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

/// Accept an offer made to you: the hours move from the giver's account to yours now and the giver
/// is told (409 when it is already answered, withdrawn or expired, or the giver no longer holds them).
#[utoipa::path(tag = "ledger", params(("id" = i64, Path, description = "Offer id", example = 1)),
    responses((status = 200, body = GiftOffer), WriteErrors), security(("bearer" = [])))]
#[post("/time-bank/gifts/{id}/accept")]
async fn accept_offer(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
) -> ApiResult<web::Json<GiftOffer>> {
    answer(state, caller, id.into_inner(), true, request_id).await
}

/// Decline an offer made to you: nothing moves and the giver is told (409 when it is already
/// answered, withdrawn or expired).
#[utoipa::path(tag = "ledger", params(("id" = i64, Path, description = "Offer id", example = 1)),
    responses((status = 200, body = GiftOffer), WriteErrors), security(("bearer" = [])))]
#[post("/time-bank/gifts/{id}/decline")]
async fn decline_offer(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
) -> ApiResult<web::Json<GiftOffer>> {
    answer(state, caller, id.into_inner(), false, request_id).await
}

/// Withdraw an offer you made while it waits: nothing moves and the receiver is told (409 when it
/// is already answered or expired).
#[utoipa::path(tag = "ledger", params(("id" = i64, Path, description = "Offer id", example = 1)),
    responses((status = 200, body = GiftOffer), WriteErrors), security(("bearer" = [])))]
#[post("/time-bank/gifts/{id}/withdraw")]
async fn withdraw_offer(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
) -> ApiResult<web::Json<GiftOffer>> {
    let txn = state.begin_write().await?;
    let saved = gift_answers::withdraw(&txn.txn, &caller, id.into_inner(), state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(saved))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(offer_hours).service(list_offers).service(get_offer).service(accept_offer).service(decline_offer).service(withdraw_offer);
}
