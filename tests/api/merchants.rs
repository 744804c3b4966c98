//! Merchants (商户) sell for a provider: staff name it when they create or change the merchant's
//! account, and the items the merchant offers carry it.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{fields, problem, spawn_app};
use crate::shop::offer;

async fn json_of(res: reqwest::Response, status: StatusCode) -> Value {
    let got = res.status();
    let body: Value = res.json().await.expect("json");
    assert_eq!(got, status, "{body}");
    body
}

fn merchant(username: &str, community: i64, provider: Option<i64>) -> Value {
    json!({ "username": username, "display_name": "缤纷水果店", "role": "merchant", "area_id": community,
        "password": "xingfu-jiayuan-2026", "provider_id": provider })
}

#[tokio::test]
async fn staff_name_the_merchants_provider_and_the_merchants_items_carry_it() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (street, staff) = (app.login_as("street").await, app.login_as("community").await);
    let far_staff = app.login_as("community2").await;
    let new_provider = |area: i64, name: &str| json!({ "kind": "enterprise", "name": name, "area_id": area, "description": "社区商户" });
    let fruit = json_of(app.post("/api/v1/providers", &staff, &new_provider(community, "缤纷水果店")).await, StatusCode::CREATED).await;
    let fruit = fruit["id"].as_i64().expect("provider");
    let far_community = json_of(app.get("/api/v1/me", &far_staff).await, StatusCode::OK).await["area"]["id"].as_i64().expect("home");
    let far = json_of(app.post("/api/v1/providers", &far_staff, &new_provider(far_community, "远方商店")).await, StatusCode::CREATED).await;
    let far = far["id"].as_i64().expect("provider");

    // A merchant needs a provider of the staff's area; nobody else names one.
    let p = problem(app.post("/api/v1/users", &street, &merchant("fruit", community, None)).await, 422).await;
    assert_eq!(fields(&p), ["/provider_id"]);
    let p = problem(app.post("/api/v1/users", &street, &merchant("fruit", community, Some(far))).await, 422).await;
    assert_eq!(fields(&p), ["/provider_id"], "a provider of another district is not found");
    let mut volunteer = merchant("helper", community, Some(fruit));
    volunteer["role"] = json!("volunteer");
    let p = problem(app.post("/api/v1/users", &street, &volunteer).await, 422).await;
    assert_eq!(fields(&p), ["/provider_id"]);

    let created = json_of(app.post("/api/v1/users", &street, &merchant("fruit", community, Some(fruit))).await, StatusCode::CREATED).await;
    assert_eq!(created["provider_id"], fruit);
    let login = json!({ "username": "fruit", "password": "xingfu-jiayuan-2026" });
    let signed_in = json_of(app.client.post(app.url("/api/v1/auth/login")).json(&login).send().await.expect("login"), StatusCode::OK).await;
    let seller = signed_in["access_token"].as_str().expect("token").to_owned();
    let item = offer(&app, &seller, 20, 10, 2).await;
    let shown = json_of(app.get(&format!("/api/v1/shop/items/{item}"), &seller).await, StatusCode::OK).await;
    assert_eq!(shown["provider_id"], fruit);
    assert_eq!(shown["provider_name"], "缤纷水果店");
    // Staff offer for the community: no provider.
    let by_staff = offer(&app, &staff, 20, 10, 2).await;
    assert!(json_of(app.get(&format!("/api/v1/shop/items/{by_staff}"), &staff).await, StatusCode::OK).await["provider_id"].is_null());

    // Changing the account: another provider, then another role, which drops it.
    let id = created["id"].as_i64().expect("id");
    let patch = |body: Value| app.request(Method::PATCH, &format!("/api/v1/users/{id}"), &street).json(&body).send();
    let p = problem(patch(json!({ "provider_id": far })).await.expect("PATCH"), 422).await;
    assert_eq!(fields(&p), ["/provider_id"]);
    let station = json_of(app.post("/api/v1/providers", &staff, &new_provider(community, "缤纷便民超市")).await, StatusCode::CREATED).await;
    let moved = json_of(patch(json!({ "provider_id": station["id"] })).await.expect("PATCH"), StatusCode::OK).await;
    assert_eq!(moved["provider_id"], station["id"]);
    let now_volunteer = json_of(patch(json!({ "role": "volunteer" })).await.expect("PATCH"), StatusCode::OK).await;
    assert!(now_volunteer["provider_id"].is_null());
    let p = problem(patch(json!({ "role": "merchant" })).await.expect("PATCH"), 422).await;
    assert_eq!(fields(&p), ["/provider_id"], "a merchant again needs a provider");
}

#[tokio::test]
async fn the_demo_merchant_sells_for_the_demo_shop() {
    let app = spawn_app().await;
    api::demo::resources::seed(&app.db, chrono::Utc::now()).await.expect("demo resources");
    api::demo::shop::seed(&app.db, chrono::Utc::now()).await.expect("demo shop");
    let staff = app.login_as("street").await;
    let id = app.user_id("merchant").await;
    let account = json_of(app.get(&format!("/api/v1/users/{id}"), &staff).await, StatusCode::OK).await;
    let provider = account["provider_id"].as_i64().expect("the demo merchant names a provider");
    let shown = json_of(app.get(&format!("/api/v1/providers/{provider}"), &staff).await, StatusCode::OK).await;
    assert_eq!(shown["name"], "缤纷便利店");
}
