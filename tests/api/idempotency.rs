//! `Idempotency-Key` on creates.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{problem, spawn_app};

#[tokio::test]
async fn a_retried_create_with_the_same_key_creates_once_and_replays_the_response() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let token = app.login_as("community").await;
    let before = app.count("areas").await;
    let body = json!({ "parent_id": community, "kind": "grid", "name": "重试网格" });
    let send = || app.request(Method::POST, "/api/v1/areas", &token).header("Idempotency-Key", "grid-create-1").json(&body).send();
    let first = send().await.expect("first");
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json().await.expect("json");
    let second = send().await.expect("second");
    assert_eq!(second.status(), StatusCode::CREATED);
    assert_eq!(second.headers()["idempotent-replayed"], "true");
    let second: Value = second.json().await.expect("json");
    assert_eq!(first, second);
    assert_eq!(app.count("areas").await, before + 1);
}

#[tokio::test]
async fn the_same_key_with_another_body_is_422() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let token = app.login_as("community").await;
    let create = |name: &'static str| {
        app.request(Method::POST, "/api/v1/areas", &token)
            .header("Idempotency-Key", "k-42")
            .json(&json!({ "parent_id": community, "kind": "grid", "name": name }))
            .send()
    };
    assert_eq!(create("甲网格").await.expect("first").status(), StatusCode::CREATED);
    let body = problem(create("乙网格").await.expect("second"), 422).await;
    assert_eq!(body["code"], "idempotency_key_reused");
}

#[tokio::test]
async fn a_failed_create_does_not_burn_the_key() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let token = app.login_as("community").await;
    let send = |name: &'static str| {
        app.request(Method::POST, "/api/v1/areas", &token)
            .header("Idempotency-Key", "k-retry")
            .json(&json!({ "parent_id": community, "kind": "grid", "name": name }))
            .send()
    };
    // The first attempt names an existing grid and is refused; nothing is stored under the key.
    let taken: Value = app.get(&format!("/api/v1/areas/{community}/children"), &token).await.json().await.expect("json");
    let existing = taken["items"][0]["name"].as_str().expect("a grid").to_owned();
    let leaked: &'static str = Box::leak(existing.into_boxed_str());
    problem(send(leaked).await.expect("first"), 422).await;
    assert_eq!(send("新网格甲").await.expect("second").status(), StatusCode::CREATED);
}
