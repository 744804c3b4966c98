//! The points shop (积分商城) through the API: redemption races for the last items, the per-person
//! limit, idempotent redemption, balances that never go below zero, hand-over against the pick-up
//! code, cancellation and expiry giving the points back by reversal, and a second sweep that
//! reverses nothing twice.

use chrono::{Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, fields, problem, sign_in_by_code, spawn_app};

async fn ok(res: reqwest::Response, status: StatusCode) -> Value {
    let got = res.status();
    let body: Value = res.json().await.expect("json");
    assert_eq!(got, status, "{body}");
    body
}

/// An item offered by `token` in 缤纷社区.
pub async fn offer(app: &TestApp, token: &str, price: i64, stock: i64, limit: i64) -> i64 {
    let community = app.area_id("缤纷社区").await;
    let now = Utc::now();
    let body = json!({ "area_id": community, "name": "环保购物袋", "description": "帆布袋", "points_price": price, "stock": stock,
        "limit_per_person": limit, "valid_from": now - Duration::days(1), "valid_to": now + Duration::days(30),
        "pickup_place": "缤纷社区党群服务中心" });
    ok(app.post("/api/v1/shop/items", token, &body).await, StatusCode::CREATED).await["id"].as_i64().expect("item id")
}

/// Gives the resident with user id `resident` `points` through a staff adjustment.
pub async fn give_points(app: &TestApp, staff: &str, resident: i64, points: i64) {
    let open = json!({ "holder_kind": "resident", "holder_id": resident, "unit": "points" });
    let account = ok(app.post("/api/v1/ledger/accounts", staff, &open).await, StatusCode::OK).await["id"].as_i64().expect("account");
    let credit = json!({ "kind": "adjustment", "to_account_id": account, "amount": points, "reason": "志愿服务奖励" });
    ok(app.post("/api/v1/ledger/transfers", staff, &credit).await, StatusCode::CREATED).await;
}

pub async fn redeem(app: &TestApp, token: &str, item: i64, quantity: i64, key: &str) -> reqwest::Response {
    app.request(Method::POST, "/api/v1/shop/orders", token)
        .header("Idempotency-Key", key)
        .json(&json!({ "item_id": item, "quantity": quantity }))
        .send()
        .await
        .expect("POST")
}

async fn points(app: &TestApp, token: &str) -> i64 {
    let mine = ok(app.get("/api/v1/me/ledger", token).await, StatusCode::OK).await;
    mine["accounts"]
        .as_array()
        .expect("accounts")
        .iter()
        .find(|a| a["unit"] == "points")
        .map_or(0, |a| a["balance"].as_i64().expect("balance"))
}

async fn stock(app: &TestApp, token: &str, item: i64) -> i64 {
    ok(app.get(&format!("/api/v1/shop/items/{item}"), token).await, StatusCode::OK).await["stock"].as_i64().expect("stock")
}

async fn assert_balanced(app: &TestApp) {
    let admin = app.login_as("admin").await;
    let check = ok(app.get("/api/v1/ledger/check", &admin).await, StatusCode::OK).await;
    assert_eq!(check["balanced"], true, "{check}");
}

/// The demo resident with `points`, a merchant's item (price 30, stock, limit) and an order of one.
async fn one_order(app: &TestApp, stock_of: i64, limit: i64) -> (String, String, i64, Value) {
    let (merchant, staff, resident) = (app.login_as("merchant").await, app.login_as("community").await, app.login_as("resident").await);
    give_points(app, &staff, app.user_id("resident").await, 100).await;
    let item = offer(app, &merchant, 30, stock_of, limit).await;
    let order = ok(redeem(app, &resident, item, 1, "order-1").await, StatusCode::CREATED).await;
    (merchant, resident, item, order)
}

#[tokio::test]
async fn fifty_residents_racing_for_the_last_ten_items_leave_exactly_ten_orders_and_nobody_negative() {
    let app = spawn_app().await;
    let (merchant, staff) = (app.login_as("merchant").await, app.login_as("community").await);
    let community = app.area_id("缤纷社区").await;
    let item = offer(&app, &merchant, 40, 10, 1).await;
    let mut tokens = Vec::new();
    for n in 0..50 {
        let token = sign_in_by_code(&app, &format!("1360000{n:04}"), json!({ "community_id": community })).await;
        let me = ok(app.get("/api/v1/me", &token).await, StatusCode::OK).await;
        // Some can afford it, some cannot: the ledger refuses those without touching the stock.
        give_points(&app, &staff, me["user"]["id"].as_i64().expect("id"), if n % 5 == 0 { 10 } else { 50 }).await;
        tokens.push(token);
    }
    let mut racers = tokio::task::JoinSet::new();
    for (n, t) in tokens.iter().enumerate() {
        let request = app
            .request(Method::POST, "/api/v1/shop/orders", t)
            .header("Idempotency-Key", format!("race-{n}"))
            .json(&json!({ "item_id": item, "quantity": 1 }));
        racers.spawn(async move { request.send().await.expect("POST").status().as_u16() });
    }
    let mut statuses = Vec::new();
    while let Some(joined) = racers.join_next().await {
        statuses.push(joined.expect("task"));
    }
    assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 10, "{statuses:?}");
    assert!(statuses.iter().all(|s| [201, 409, 422].contains(s)), "{statuses:?}");
    assert_eq!(stock(&app, &merchant, item).await, 0);
    assert_eq!(app.count("shop_orders").await, 10);
    for t in &tokens {
        assert!(points(&app, t).await >= 0);
    }
    let orders = ok(app.get("/api/v1/shop/orders", &merchant).await, StatusCode::OK).await;
    assert_eq!(orders["total"], 10);
    assert_eq!(orders["total_points"], 400);
    assert_balanced(&app).await;
}

#[tokio::test]
async fn a_resident_cannot_redeem_past_the_per_person_limit() {
    let app = spawn_app().await;
    let (_, resident, item, _) = one_order(&app, 10, 2).await;
    let refused = problem(redeem(&app, &resident, item, 2, "order-2").await, 422).await;
    assert_eq!(fields(&refused), vec!["/quantity"]);
    assert_eq!(refused["errors"][0]["code"], "limit_reached");
    ok(redeem(&app, &resident, item, 1, "order-3").await, StatusCode::CREATED).await;
    assert_eq!(stock(&app, &resident, item).await, 8);
}

#[tokio::test]
async fn redeeming_twice_with_the_same_key_places_one_order() {
    let app = spawn_app().await;
    let (_, resident, item, first) = one_order(&app, 10, 5).await;
    let again = redeem(&app, &resident, item, 1, "order-1").await;
    assert_eq!(again.headers().get("Idempotent-Replayed").and_then(|v| v.to_str().ok()), Some("true"));
    assert_eq!(ok(again, StatusCode::CREATED).await["id"], first["id"]);
    assert_eq!(app.count("shop_orders").await, 1);
    assert_eq!(points(&app, &resident).await, 70);
}

#[tokio::test]
async fn a_resident_without_enough_points_is_refused_and_nothing_is_written() {
    let app = spawn_app().await;
    let (merchant, staff, resident) = (app.login_as("merchant").await, app.login_as("community").await, app.login_as("resident").await);
    give_points(&app, &staff, app.user_id("resident").await, 20).await;
    let item = offer(&app, &merchant, 30, 5, 1).await;
    let transfers = app.count("ledger_transfers").await;
    let refused = problem(redeem(&app, &resident, item, 1, "poor").await, 422).await;
    assert_eq!(refused["errors"][0]["code"], "insufficient_balance");
    assert!(refused["errors"][0]["message"].as_str().unwrap_or_default().contains("20"), "{refused}");
    assert_eq!(app.count("shop_orders").await, 0);
    assert_eq!(app.count("ledger_transfers").await, transfers);
    assert_eq!(stock(&app, &merchant, item).await, 5);
    assert_eq!(points(&app, &resident).await, 20);
}

#[tokio::test]
async fn a_sold_out_item_is_409_naming_the_stock_left() {
    let app = spawn_app().await;
    let (_, resident, item, _) = one_order(&app, 1, 5).await;
    let refused = problem(redeem(&app, &resident, item, 1, "order-2").await, 409).await;
    assert!(refused["detail"].as_str().unwrap_or_default().contains("0 left"), "{refused}");
    // Sold out, it leaves the resident's shop.
    let shop = ok(app.get("/api/v1/shop/items", &resident).await, StatusCode::OK).await;
    assert_eq!(shop["total"], 0);
}

#[tokio::test]
async fn the_merchant_hands_over_with_the_residents_code_and_a_wrong_code_is_refused() {
    let app = spawn_app().await;
    let (merchant, resident, _, order) = one_order(&app, 5, 5).await;
    let id = order["id"].as_i64().expect("id");
    let code = order["pickup_code"].as_str().expect("the resident sees the code").to_owned();
    let seen = ok(app.get(&format!("/api/v1/shop/orders/{id}"), &merchant).await, StatusCode::OK).await;
    assert!(seen["pickup_code"].is_null(), "the merchant never reads the code");
    assert_eq!(seen["resident_name"], "缤***", "the merchant sees the name masked");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let path = format!("/api/v1/shop/orders/{id}/fulfil");
    let refused = problem(app.post(&path, &merchant, &json!({ "code": wrong })).await, 422).await;
    assert_eq!(refused["errors"][0]["code"], "wrong_code");
    let done = ok(app.post(&path, &merchant, &json!({ "code": code })).await, StatusCode::OK).await;
    assert_eq!(done["status"], "fulfilled");
    problem(app.post(&path, &merchant, &json!({ "code": code })).await, 409).await;
    let inbox = ok(app.get("/api/v1/me/notifications", &resident).await, StatusCode::OK).await;
    assert!(inbox["items"].as_array().expect("items").iter().any(|n| n["kind"] == "shop_order_fulfilled"), "{inbox}");
    assert_eq!(points(&app, &resident).await, 70, "handing over keeps the points spent");
}

#[tokio::test]
async fn a_merchant_cannot_see_or_hand_over_another_merchants_order() {
    let app = spawn_app().await;
    let (_, _, _, order) = one_order(&app, 5, 5).await;
    let admin = app.login_as("admin").await;
    let community = app.area_id("缤纷社区").await;
    // A merchant sells for a provider (tests/api/merchants.rs).
    let seller = json!({ "kind": "enterprise", "name": "另一家商户", "area_id": community, "description": "社区商户" });
    let provider = ok(app.post("/api/v1/providers", &admin, &seller).await, StatusCode::CREATED).await["id"].clone();
    let other = json!({ "username": "merchant2", "display_name": "另一家商户", "role": "merchant", "area_id": community,
        "password": "another-merchant-pass-1", "provider_id": provider });
    ok(app.post("/api/v1/users", &admin, &other).await, StatusCode::CREATED).await;
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "username": "merchant2", "password": "another-merchant-pass-1" }))
        .send()
        .await
        .expect("login");
    let token = ok(res, StatusCode::OK).await["access_token"].as_str().expect("token").to_owned();
    let id = order["id"].as_i64().expect("id");
    let code = order["pickup_code"].as_str().expect("code");
    problem(app.post(&format!("/api/v1/shop/orders/{id}/fulfil"), &token, &json!({ "code": code })).await, 404).await;
    problem(app.get(&format!("/api/v1/shop/orders/{id}"), &token).await, 404).await;
    assert_eq!(ok(app.get("/api/v1/shop/orders", &token).await, StatusCode::OK).await["total"], 0);
}

#[tokio::test]
async fn cancelling_gives_the_points_back_by_reversal_and_puts_the_stock_back() {
    let app = spawn_app().await;
    let (_, resident, item, order) = one_order(&app, 5, 5).await;
    assert_eq!(points(&app, &resident).await, 70);
    let id = order["id"].as_i64().expect("id");
    let cancelled = ok(app.post(&format!("/api/v1/shop/orders/{id}/cancel"), &resident, &json!({})).await, StatusCode::OK).await;
    assert_eq!(cancelled["status"], "cancelled");
    assert!(cancelled["pickup_code"].is_null());
    assert_eq!(points(&app, &resident).await, 100);
    assert_eq!(stock(&app, &resident, item).await, 5);
    let staff = app.login_as("community").await;
    let reversal = cancelled["reversal_id"].as_i64().expect("reversal");
    let transfer = ok(app.get("/api/v1/ledger/accounts?limit=1", &staff).await, StatusCode::OK).await;
    assert!(transfer["items"].is_array());
    let mine = ok(app.get("/api/v1/me/ledger", &resident).await, StatusCode::OK).await;
    let kinds: Vec<&str> = mine["recent"].as_array().expect("recent").iter().filter_map(|l| l["kind"].as_str()).collect();
    assert_eq!(kinds[..2], ["reversal", "redemption"], "{kinds:?}");
    assert_eq!(mine["recent"][0]["transfer_id"], reversal);
    problem(app.post(&format!("/api/v1/shop/orders/{id}/cancel"), &resident, &json!({})).await, 409).await;
    assert_balanced(&app).await;
}

#[tokio::test]
async fn an_order_not_picked_up_expires_on_the_sweep_and_a_second_sweep_reverses_nothing_twice() {
    let app = spawn_app().await;
    let (_, resident, item, order) = one_order(&app, 5, 5).await;
    assert_eq!(api::services::shop::sweep(&app.state).await.expect("sweep"), 0, "not due yet");
    app.state.clock.advance(Duration::days(8));
    let (a, b) = tokio::join!(api::services::shop::sweep(&app.state), api::services::shop::sweep(&app.state));
    assert_eq!(a.expect("sweep") + b.expect("sweep"), 1, "one sweep takes the order, the other finds nothing");
    assert_eq!(api::services::shop::sweep(&app.state).await.expect("sweep"), 0);
    let id = order["id"].as_i64().expect("id");
    let expired = ok(app.get(&format!("/api/v1/shop/orders/{id}"), &resident).await, StatusCode::OK).await;
    assert_eq!(expired["status"], "expired");
    assert_eq!(points(&app, &resident).await, 100);
    assert_eq!(stock(&app, &app.login_as("merchant").await, item).await, 5);
    let reversals = app.count("ledger_transfers").await;
    assert_eq!(reversals, 3, "the credit, the redemption and one reversal");
    let inbox = ok(app.get("/api/v1/me/notifications", &resident).await, StatusCode::OK).await;
    assert!(inbox["items"].as_array().expect("items").iter().any(|n| n["kind"] == "shop_order_expired"), "{inbox}");
    assert_balanced(&app).await;
}

#[tokio::test]
async fn residents_see_only_what_can_be_redeemed_and_find_it_by_keyword() {
    let app = spawn_app().await;
    let (merchant, resident) = (app.login_as("merchant").await, app.login_as("resident").await);
    let community = app.area_id("缤纷社区").await;
    offer(&app, &merchant, 30, 5, 1).await;
    let now = Utc::now();
    let later = json!({ "area_id": community, "name": "春节对联", "points_price": 10, "stock": 5, "limit_per_person": 1,
        "valid_from": now + Duration::days(10), "valid_to": now + Duration::days(20), "pickup_place": "服务中心" });
    ok(app.post("/api/v1/shop/items", &merchant, &later).await, StatusCode::CREATED).await;
    let shop = ok(app.get("/api/v1/shop/items?q=购物", &resident).await, StatusCode::OK).await;
    assert_eq!(shop["total"], 1);
    assert_eq!(shop["items"][0]["stock"], 5);
    assert_eq!(ok(app.get("/api/v1/shop/items?q=对联", &resident).await, StatusCode::OK).await["total"], 0);
    assert_eq!(ok(app.get("/api/v1/shop/items", &merchant).await, StatusCode::OK).await["total"], 2, "the merchant sees their own");
    assert_eq!(app.count("audit_log WHERE entity = 'shop_item'").await, 2, "every offer is audited");
}

#[tokio::test]
async fn a_bad_item_names_every_bad_field_at_once() {
    let app = spawn_app().await;
    let merchant = app.login_as("merchant").await;
    let far = app.area_id("临汾路380弄社区").await;
    let now = Utc::now();
    let body = json!({ "area_id": far, "name": " ", "points_price": 10, "stock": 5, "limit_per_person": 1,
        "valid_from": now, "valid_to": now - Duration::days(1), "pickup_place": "服务中心" });
    let refused = problem(app.post("/api/v1/shop/items", &merchant, &body).await, 422).await;
    let mut got = fields(&refused);
    got.sort();
    assert_eq!(got, vec!["/area_id", "/name", "/valid_to"]);
    assert_eq!(app.count("shop_items").await, 0);
}

#[tokio::test]
async fn cancellations_and_redemptions_of_one_item_at_once_all_go_through_and_the_books_balance() {
    let app = spawn_app().await;
    let (merchant, staff, resident) = (app.login_as("merchant").await, app.login_as("community").await, app.login_as("resident").await);
    give_points(&app, &staff, app.user_id("resident").await, 1000).await;
    let item = offer(&app, &merchant, 10, 20, 20).await;
    let mut placed = Vec::new();
    for n in 0..5 {
        placed
            .push(ok(redeem(&app, &resident, item, 1, &format!("first-{n}")).await, StatusCode::CREATED).await["id"].as_i64().expect("id"));
    }
    let mut racers = tokio::task::JoinSet::new();
    for (n, id) in placed.iter().enumerate() {
        let cancel = app.request(Method::POST, &format!("/api/v1/shop/orders/{id}/cancel"), &resident).json(&json!({}));
        let order = app
            .request(Method::POST, "/api/v1/shop/orders", &resident)
            .header("Idempotency-Key", format!("second-{n}"))
            .json(&json!({ "item_id": item, "quantity": 1 }));
        racers.spawn(async move { cancel.send().await.expect("cancel").status().as_u16() });
        racers.spawn(async move { order.send().await.expect("order").status().as_u16() });
    }
    let mut statuses = Vec::new();
    while let Some(joined) = racers.join_next().await {
        statuses.push(joined.expect("task"));
    }
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 200, 200, 200, 200, 201, 201, 201, 201, 201]);
    assert_eq!(stock(&app, &merchant, item).await, 15);
    assert_eq!(points(&app, &resident).await, 950);
    assert_balanced(&app).await;
}
