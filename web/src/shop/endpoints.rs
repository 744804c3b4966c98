//! Typed calls of the points shop (积分商城) for staff and merchants: items with their totals, one
//! item, offering and changing items, the orders with their totals, handing an order over against the
//! pick-up code, and cancelling (also the resident's phone page's way to cancel).

use gloo_net::http::Method;
use shared::{CancelOrder, FulfilOrder, Id, ShopItem, ShopItemInput, ShopItemPage, ShopOrder, ShopOrderPage, ShopOrderStatus};

use crate::common::api::{ApiResult, PAGE_SIZE, get, send_json};

/// GET /shop/items: the items the caller may see (merchants their own, managers the subtree's),
/// `sort` `-id`, `id` or `name`.
pub async fn shop_item_page(q: String, sort: &'static str, cursor: Option<String>) -> ApiResult<ShopItemPage> {
    let query =
        [("q", q.trim().to_owned()), ("sort", sort.to_owned()), ("limit", PAGE_SIZE.to_string()), ("cursor", cursor.unwrap_or_default())];
    get("/shop/items", &query).await
}

/// POST /shop/items: offer a new item.
pub async fn offer_item(input: &ShopItemInput) -> ApiResult<ShopItem> {
    send_json(Method::POST, "/shop/items", input).await
}

/// PUT /shop/items/{id}: replace an item's fields (stock is what is left to redeem).
pub async fn change_item(id: Id, input: &ShopItemInput) -> ApiResult<ShopItem> {
    send_json(Method::PUT, &format!("/shop/items/{id}"), input).await
}

/// GET /shop/orders: orders newest first, with the count and points of all the filter selects.
pub async fn shop_order_page(status: Option<ShopOrderStatus>, item_id: Option<Id>, cursor: Option<String>) -> ApiResult<ShopOrderPage> {
    let query = [
        ("status", status.map(|s| s.as_str().to_owned()).unwrap_or_default()),
        ("item_id", item_id.map(|i| i.to_string()).unwrap_or_default()),
        ("limit", PAGE_SIZE.to_string()),
        ("cursor", cursor.unwrap_or_default()),
    ];
    get("/shop/orders", &query).await
}

/// POST /shop/orders/{id}/fulfil with the code the resident shows.
pub async fn fulfil_order(id: Id, code: String) -> ApiResult<ShopOrder> {
    send_json(Method::POST, &format!("/shop/orders/{id}/fulfil"), &FulfilOrder { code }).await
}

/// POST /shop/orders/{id}/cancel while it is reserved; the points go back. Staff say why.
pub async fn cancel_order(id: Id, reason: Option<String>) -> ApiResult<ShopOrder> {
    send_json(Method::POST, &format!("/shop/orders/{id}/cancel"), &CancelOrder { reason }).await
}
