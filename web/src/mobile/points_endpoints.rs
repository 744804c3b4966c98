//! Typed calls of the resident's hours, points and points-shop pages (时间银行 · 积分 · 积分商城) that
//! only the resident makes; a statement and cancelling an order are the ledger's and the shop's
//! ([`crate::ledger::endpoints`], [`crate::shop::endpoints`]).

use gloo_net::http::Method;
use shared::{GiftOffer, GiftOfferPage, Id, MyLedger, Page, Redeem, ShopItem, ShopItemPage, ShopOrder, ShopOrderPage};

use crate::common::api::{ApiResult, PAGE_SIZE, get, post_once, send_json};

/// GET /me/ledger: the caller's balances and latest postings.
pub async fn my_ledger() -> ApiResult<MyLedger> {
    get("/me/ledger", &[]).await
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

/// GET /time-bank/gifts: the caller's offers of hours, given and received, newest first.
pub async fn my_gifts(cursor: Option<String>) -> ApiResult<Page<GiftOffer>> {
    let page: GiftOfferPage = get("/time-bank/gifts", &[("cursor", cursor.unwrap_or_default()), ("limit", PAGE_SIZE.to_string())]).await?;
    Ok(Page { items: page.items, next_cursor: page.next_cursor })
}

/// POST /time-bank/gifts/{id}/{step}: `accept` or `decline` (the receiver), `withdraw` (the giver).
pub async fn close_gift(id: Id, step: &'static str) -> ApiResult<GiftOffer> {
    send_json(Method::POST, &format!("/time-bank/gifts/{id}/{step}"), &serde_json::json!({})).await
}
