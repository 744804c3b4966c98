//! `/api/v1/shop…`: the points shop (积分商城) — items merchants offer in a community, redeeming them
//! for points, and the orders merchants hand over. A resident's own orders are at `/me/shop/orders`
//! (in `me.rs`).

use actix_web::{HttpResponse, get, post, put, web};
use serde::{Deserialize, Serialize};
use shared::{CancelOrder, FulfilOrder, Redeem, ShopItem, ShopItemInput, ShopItemPage, ShopOrder, ShopOrderPage, ShopOrderStatus};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::responses::{ReadErrors, WriteErrors};
use crate::error::ApiResult;
use crate::http::auth::AuthUser;
use crate::http::idempotency::IdempotencyKey;
use crate::http::json::ValidJson;
use crate::http::query::ValidQuery;
use crate::http::request_id::RequestId;
use crate::services::page::PageRequest;
use crate::services::shop::items::{self, ItemFilter};
use crate::services::shop::read::{self, OrderFilter};
use crate::services::shop::{act, redeem};
use crate::state::AppState;

/// Orders of the item list.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, ToSchema)]
pub enum ItemSort {
    /// Newest first.
    #[default]
    #[serde(rename = "-id")]
    Newest,
    #[serde(rename = "id")]
    Oldest,
    /// By name.
    #[serde(rename = "name")]
    Name,
}

impl ItemSort {
    fn name(self) -> &'static str {
        match self {
            Self::Newest => "-id",
            Self::Oldest => "id",
            Self::Name => "name",
        }
    }
}

/// Filters, order and page of the item list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ItemListQuery {
    /// Name or description contains.
    #[param(max_length = 100, example = "购物袋")]
    q: Option<String>,
    /// Items of this community only.
    area_id: Option<i64>,
    /// Only what can be redeemed now (residents always get only these).
    available: Option<bool>,
    #[param(inline)]
    sort: Option<ItemSort>,
    #[param(max_length = 512)]
    cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u64>,
}

/// Filters and page of an order list (newest first).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrderListQuery {
    #[param(inline)]
    pub status: Option<ShopOrderStatus>,
    /// Orders of this item only.
    pub item_id: Option<i64>,
    #[param(max_length = 512)]
    pub cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u64>,
}

impl OrderListQuery {
    pub fn parts(&self) -> ApiResult<(OrderFilter, PageRequest)> {
        let page = PageRequest::parse(self.cursor.as_deref(), self.limit, "-id")?;
        Ok((OrderFilter { status: self.status, item_id: self.item_id }, page))
    }
}

/// The points shop of your community or subtree: residents see what can be redeemed now, with the
/// stock left; merchants also their own items, managers every item of the subtree.
#[utoipa::path(tag = "shop", params(ItemListQuery), responses((status = 200, body = ShopItemPage), ReadErrors), security(("bearer" = [])))]
#[get("/shop/items")]
async fn list_items(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<ItemListQuery>,
) -> ApiResult<web::Json<ShopItemPage>> {
    let sort = query.sort.unwrap_or_default();
    let page = PageRequest::parse(query.cursor.as_deref(), query.limit, sort.name())?;
    let filter = ItemFilter { q: query.q, area_id: query.area_id, available: query.available.unwrap_or(false) };
    Ok(web::Json(items::list(&state.db, &caller, &filter, sort.name(), page, state.clock.now()).await?))
}

const ITEM_EXAMPLE: &str = r#"{"area_id": 5, "name": "环保购物袋", "description": "可重复使用的帆布购物袋", "points_price": 50, "stock": 20, "limit_per_person": 2, "valid_from": "2026-12-01T00:00:00Z", "valid_to": "2027-03-01T00:00:00Z", "pickup_place": "缤纷社区党群服务中心一楼", "active": true}"#;

/// Offer an item in a community (merchants in their own; staff in their subtree's).
#[utoipa::path(tag = "shop", request_body(content = ShopItemInput, example = json!(serde_json::from_str::<serde_json::Value>(ITEM_EXAMPLE).unwrap_or_default())),
    responses((status = 201, body = ShopItem), WriteErrors), security(("bearer" = [])))]
#[post("/shop/items")]
async fn create_item(
    state: web::Data<AppState>,
    caller: AuthUser,
    request_id: RequestId,
    body: ValidJson<ShopItemInput>,
) -> ApiResult<HttpResponse> {
    let txn = state.begin_write().await?;
    let item = items::create(&txn.txn, &caller, &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(item))
}

/// One item of the shop.
#[utoipa::path(tag = "shop", params(("id" = i64, Path, description = "Item id", example = 1)),
    responses((status = 200, body = ShopItem), ReadErrors), security(("bearer" = [])))]
#[get("/shop/items/{id}")]
async fn get_item(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<ShopItem>> {
    Ok(web::Json(items::get(&state.db, &caller, id.into_inner(), state.clock.now()).await?))
}

/// Replace an item's fields (its merchant, or a manager of its area); `stock` is what is left.
#[utoipa::path(tag = "shop", params(("id" = i64, Path, description = "Item id", example = 3)),
    request_body(content = ShopItemInput, example = json!(serde_json::from_str::<serde_json::Value>(ITEM_EXAMPLE).unwrap_or_default())),
    responses((status = 200, body = ShopItem), WriteErrors), security(("bearer" = [])))]
#[put("/shop/items/{id}")]
async fn replace_item(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    request_id: RequestId,
    body: ValidJson<ShopItemInput>,
) -> ApiResult<web::Json<ShopItem>> {
    let txn = state.begin_write().await?;
    let item = items::replace(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now(), Some(&request_id.0)).await?;
    txn.commit().await?;
    Ok(web::Json(item))
}

/// Redeem points for an item (兑换): the stock and the points are held until pick-up. 409 when it is
/// sold out (naming the stock left); 422 on `/quantity` past the per-person limit or the balance.
/// A retried request with the same `Idempotency-Key` answers the same order.
#[utoipa::path(tag = "shop", request_body(content = Redeem, example = json!({"item_id": 1, "quantity": 1})),
    params(("Idempotency-Key" = Option<String>, Header, description = "A retried redemption with the same key is placed once", pattern = "^[!-~]{1,255}$", example = "5d1c7e9a-2b3f-4c6d-8e9f-0a1b2c3d4e5f")),
    responses((status = 201, body = ShopOrder), WriteErrors), security(("bearer" = [])))]
#[post("/shop/orders")]
async fn place_order(
    state: web::Data<AppState>,
    caller: AuthUser,
    key: IdempotencyKey,
    body: ValidJson<Redeem>,
) -> ApiResult<HttpResponse> {
    let days = state.settings.shop.order_expiry_days;
    crate::create_idempotently!(state, caller, key, body, |db| redeem::redeem(
        db,
        &caller,
        &body.value,
        key.value(),
        days,
        state.clock.now()
    ))
}

/// The orders you handle: a merchant's are those of their own items, a manager's the subtree's;
/// with the count and points of everything the filters select.
#[utoipa::path(tag = "shop", params(OrderListQuery), responses((status = 200, body = ShopOrderPage), ReadErrors), security(("bearer" = [])))]
#[get("/shop/orders")]
async fn list_orders(
    state: web::Data<AppState>,
    caller: AuthUser,
    ValidQuery(query): ValidQuery<OrderListQuery>,
) -> ApiResult<web::Json<ShopOrderPage>> {
    let (filter, page) = query.parts()?;
    Ok(web::Json(read::handled(&state.db, &caller, &filter, page).await?))
}

/// One order (its resident sees the pick-up code while it is reserved).
#[utoipa::path(tag = "shop", params(("id" = i64, Path, description = "Order id", example = 1)),
    responses((status = 200, body = ShopOrder), ReadErrors), security(("bearer" = [])))]
#[get("/shop/orders/{id}")]
async fn get_order(state: web::Data<AppState>, caller: AuthUser, id: web::Path<i64>) -> ApiResult<web::Json<ShopOrder>> {
    Ok(web::Json(read::get(&state.db, &caller, id.into_inner()).await?))
}

/// Hand an order over (核销) against the pick-up code the resident shows; a wrong code is 422.
#[utoipa::path(tag = "shop", params(("id" = i64, Path, description = "Order id", example = 1)),
    request_body(content = FulfilOrder, example = json!({"code": "482913"})),
    responses((status = 200, body = ShopOrder), WriteErrors), security(("bearer" = [])))]
#[post("/shop/orders/{id}/fulfil")]
async fn fulfil_order(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    body: ValidJson<FulfilOrder>,
) -> ApiResult<web::Json<ShopOrder>> {
    let txn = state.begin_write().await?;
    let order = act::fulfil(&txn.txn, &caller, id.into_inner(), &body.value.code, state.clock.now()).await?;
    txn.commit().await?;
    Ok(web::Json(order))
}

/// Cancel a reserved order (its resident, or staff): the points come back by reversal of the
/// redemption transfer and the stock is put back.
#[utoipa::path(tag = "shop", params(("id" = i64, Path, description = "Order id", example = 1)),
    request_body(content = CancelOrder, example = json!({"reason": "不需要了"})),
    responses((status = 200, body = ShopOrder), WriteErrors), security(("bearer" = [])))]
#[post("/shop/orders/{id}/cancel")]
async fn cancel_order(
    state: web::Data<AppState>,
    caller: AuthUser,
    id: web::Path<i64>,
    body: ValidJson<CancelOrder>,
) -> ApiResult<web::Json<ShopOrder>> {
    let txn = state.begin_write().await?;
    let order = act::cancel(&txn.txn, &caller, id.into_inner(), &body.value, state.clock.now()).await?;
    txn.commit().await?;
    Ok(web::Json(order))
}

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_items)
        .service(create_item)
        .service(get_item)
        .service(replace_item)
        .service(place_order)
        .service(list_orders)
        .service(get_order)
        .service(fulfil_order)
        .service(cancel_order);
}
