//! Typed calls of the resident's hours, points and points-shop pages (时间银行 · 积分 · 积分商城).

use gloo_net::http::Method;
use shared::{CancelOrder, Id, MyLedger, Page, Redeem, ShopItem, ShopItemPage, ShopOrder, ShopOrderPage, Statement};

use crate::common::api::{ApiResult, PAGE_SIZE, get, post_once, send_json};

/// GET /me/ledger: the caller's balances and latest postings.
pub async fn my_ledger() -> ApiResult<MyLedger> {
    get("/me/ledger", &[]).await
}

/// GET /ledger/accounts/{id}/statement for one of the caller's own accounts, newest first.
pub async fn statement(account: Id, cursor: Option<String>) -> ApiResult<Statement> {
    get(&format!("/ledger/accounts/{account}/statement"), &[("cursor", cursor.unwrap_or_default()), ("limit", PAGE_SIZE.to_string())]).await
}

/// GET /shop/items: what the caller's community offers and they can redeem now.
pub async fn shop_items(cursor: Option<String>) -> ApiResult<Page<ShopItem>> {
    let page: ShopItemPage =
        get("/shop/items", &[("available", "true".to_owned()), ("cursor", cursor.unwrap_or_default()), ("limit", PAGE_SIZE.to_string())])
            .await?;
    Ok(Page { items: page.items, next_cursor: page.next_cursor })
}

/// POST /shop/orders with an `Idempotency-Key`, so a retried redemption is placed once.
pub async fn redeem(request: &Redeem, key: &str) -> ApiResult<ShopOrder> {
    post_once("/shop/orders", request, key).await
}

/// GET /me/shop/orders: the caller's orders, newest first.
pub async fn my_orders(cursor: Option<String>) -> ApiResult<Page<ShopOrder>> {
    let page: ShopOrderPage = get("/me/shop/orders", &[("cursor", cursor.unwrap_or_default()), ("limit", PAGE_SIZE.to_string())]).await?;
    Ok(Page { items: page.items, next_cursor: page.next_cursor })
}

/// POST /shop/orders/{id}/cancel while it is reserved; the points come back.
pub async fn cancel_order(id: Id) -> ApiResult<ShopOrder> {
    send_json(Method::POST, &format!("/shop/orders/{id}/cancel"), &CancelOrder { reason: None }).await
}
