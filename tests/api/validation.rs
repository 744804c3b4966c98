//! Bad input gets a clear 4xx naming every bad field, and nothing is stored.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{fields, problem, spawn_app};

#[tokio::test]
async fn malformed_json_is_400_and_nothing_is_stored() {
    let app = spawn_app().await;
    let token = app.login_as("admin").await;
    let before = app.count("areas").await;
    let res = app
        .client
        .post(app.url("/api/v1/areas"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{\"kind\": \"grid\", ")
        .send()
        .await
        .expect("request");
    let body = problem(res, 400).await;
    assert_eq!(body["code"], "malformed_body");
    assert_eq!(app.count("areas").await, before);
}

#[tokio::test]
async fn a_body_that_is_not_json_is_415() {
    let app = spawn_app().await;
    let token = app.login_as("admin").await;
    let res = app
        .client
        .post(app.url("/api/v1/areas"))
        .bearer_auth(&token)
        .header("content-type", "text/plain")
        .body("hello")
        .send()
        .await
        .expect("request");
    problem(res, 415).await;
}

#[tokio::test]
async fn an_oversized_body_is_413() {
    let app = spawn_app().await;
    let token = app.login_as("admin").await;
    let before = app.count("areas").await;
    let huge = json!({ "kind": "grid", "name": "x".repeat(400 * 1024), "parent_id": 1 });
    let body = problem(app.post("/api/v1/areas", &token, &huge).await, 413).await;
    assert_eq!(body["code"], "payload_too_large");
    assert_eq!(app.count("areas").await, before);
}

#[tokio::test]
async fn unknown_fields_wrong_enums_and_bad_values_are_all_named_at_once() {
    let app = spawn_app().await;
    let token = app.login_as("admin").await;
    let before = app.count("areas").await;
    let bad = json!({ "kind": "planet", "name": "", "code": "12ab", "colour": "red", "parent_id": "one", "profile": { "households": -5, "settlement": "suburb" } });
    let body = problem(app.post("/api/v1/areas", &token, &bad).await, 422).await;
    assert_eq!(body["code"], "validation_failed");
    let mut f = fields(&body);
    f.sort();
    f.dedup();
    assert_eq!(f, ["/code", "/colour", "/kind", "/name", "/parent_id", "/profile/households", "/profile/settlement"]);
    assert_eq!(app.count("areas").await, before);
}

#[tokio::test]
async fn a_missing_required_field_is_named() {
    let app = spawn_app().await;
    let token = app.login_as("admin").await;
    let body = problem(app.post("/api/v1/users", &token, &json!({ "username": "abc" })).await, 422).await;
    let mut f = fields(&body);
    f.sort();
    assert_eq!(f, ["/area_id", "/display_name", "/password", "/role"]);
}

#[tokio::test]
async fn chinese_and_emoji_text_is_stored_intact() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let token = app.login_as("community").await;
    let name = "幸福里🏡网格·第十";
    let res = app.post("/api/v1/areas", &token, &json!({ "parent_id": community, "kind": "grid", "name": name })).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Value = res.json().await.expect("json");
    let read: Value = app.get(&format!("/api/v1/areas/{}", created["id"]), &token).await.json().await.expect("json");
    assert_eq!(read["name"], name);
}

#[tokio::test]
async fn bad_query_parameters_are_named_together() {
    let app = spawn_app().await;
    let token = app.login_as("admin").await;
    let body = problem(app.get("/api/v1/areas?limit=0&kind=planet", &token).await, 422).await;
    let mut f = fields(&body);
    f.sort();
    assert_eq!(f, ["kind", "limit"]);
    let body = problem(app.get("/api/v1/areas?limit=201", &token).await, 422).await;
    assert_eq!(fields(&body), ["limit"]);
    let body = problem(app.get("/api/v1/areas?cursor=not-a-cursor", &token).await, 422).await;
    assert_eq!(fields(&body), ["cursor"]);
}

#[tokio::test]
async fn a_choice_between_fields_names_the_first_and_lists_them_all() {
    let app = spawn_app().await;
    let token = app.login_as("admin").await;
    // A dispatch goes to a person or through a service: with neither, the answer says so.
    let body = problem(app.post("/api/v1/needs/1/actions", &token, &json!({ "action": "dispatch" })).await, 422).await;
    let named: Vec<(String, String)> = body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| (e["field"].as_str().unwrap_or_default().to_owned(), e["code"].as_str().unwrap_or_default().to_owned()))
        .collect();
    assert_eq!(named, [("/assignee_id".to_owned(), "required_one".to_owned())]);
    let message = body["errors"][0]["message"].as_str().expect("message");
    assert!(message.contains("/assignee_id") && message.contains("/service_id"), "{message}");
}
