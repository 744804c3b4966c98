//! User administration: scope, role ceilings, home-area fit.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{fields, problem, spawn_app};

async fn user_id(app: &crate::helpers::TestApp, username: &str) -> i64 {
    let token = app.login_as(username).await;
    let me: Value = app.get("/api/v1/me", &token).await.json().await.expect("json");
    me["user"]["id"].as_i64().expect("id")
}

#[tokio::test]
async fn street_staff_list_only_users_in_their_subtree() {
    let app = spawn_app().await;
    let token = app.login_as("street").await;
    let page: Value = app.get("/api/v1/users?limit=200", &token).await.json().await.expect("json");
    let names: Vec<&str> = page["items"].as_array().expect("items").iter().filter_map(|u| u["username"].as_str()).collect();
    assert!(names.contains(&"community") && names.contains(&"resident"), "{names:?}");
    assert!(!names.contains(&"admin") && !names.contains(&"district"), "{names:?}");
}

#[tokio::test]
async fn street_staff_cannot_read_or_change_users_of_another_street() {
    let app = spawn_app().await;
    let admin = app.login_as("admin").await;
    let elsewhere = app.area_id("临汾路380弄社区").await;
    let created: Value = app
        .post("/api/v1/users", &admin, &json!({ "username": "shanghai", "display_name": "上海社工", "role": "community_staff", "area_id": elsewhere, "password": "long-enough-pw" }))
        .await
        .json()
        .await
        .expect("json");
    let id = created["id"].as_i64().expect("id");
    let street = app.login_as("street").await;
    problem(app.get(&format!("/api/v1/users/{id}"), &street).await, 404).await;
    problem(app.patch(&format!("/api/v1/users/{id}"), &street, &json!({ "display_name": "x" })).await, 404).await;
}

#[tokio::test]
async fn roles_below_street_level_cannot_manage_users() {
    let app = spawn_app().await;
    for username in ["community", "grid", "resident", "provider", "integration"] {
        let token = app.login_as(username).await;
        problem(app.get("/api/v1/users", &token).await, 403).await;
    }
}

#[tokio::test]
async fn nobody_gives_a_role_at_or_above_their_own_or_a_home_that_does_not_fit() {
    let app = spawn_app().await;
    let street_area = app.area_id("西兴街道").await;
    let community = app.area_id("缤纷社区").await;
    let token = app.login_as("street").await;
    let before = app.count("users").await;
    let body = problem(app.post("/api/v1/users", &token, &json!({ "username": "boss", "display_name": "x", "role": "district_admin", "area_id": street_area, "password": "long-enough-pw" })).await, 422).await;
    let f = fields(&body);
    assert!(f.contains(&"/role".to_owned()) && f.contains(&"/area_id".to_owned()), "{f:?}");
    let body = problem(app.post("/api/v1/users", &token, &json!({ "username": "street", "display_name": "x", "role": "community_staff", "area_id": street_area, "password": "long-enough-pw" })).await, 422).await;
    let f = fields(&body);
    assert!(f.contains(&"/username".to_owned()) && f.contains(&"/area_id".to_owned()), "{f:?}");
    assert_eq!(app.count("users").await, before);
    let ok = app.post("/api/v1/users", &token, &json!({ "username": "new.worker", "display_name": "新社工 👩", "role": "community_staff", "area_id": community, "password": "long-enough-pw" })).await;
    assert_eq!(ok.status(), StatusCode::CREATED);
    let login = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "username": "new.worker", "password": "long-enough-pw" }))
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), StatusCode::OK);
}

#[tokio::test]
async fn managers_cannot_change_their_own_role_home_or_status() {
    let app = spawn_app().await;
    let id = user_id(&app, "street").await;
    let token = app.login_as("street").await;
    let body =
        problem(app.patch(&format!("/api/v1/users/{id}"), &token, &json!({ "role": "community_staff", "active": false })).await, 422).await;
    assert_eq!(fields(&body), ["/role", "/active"]);
    let ok = app.patch(&format!("/api/v1/users/{id}"), &token, &json!({ "display_name": "西兴街道 王工" })).await;
    assert_eq!(ok.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_password_reset_signs_the_user_out_everywhere() {
    let app = spawn_app().await;
    let id = user_id(&app, "volunteer").await;
    let pair: Value = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "username": "volunteer", "password": crate::helpers::PASSWORD }))
        .send()
        .await
        .expect("login")
        .json()
        .await
        .expect("json");
    let street = app.login_as("street").await;
    assert_eq!(
        app.patch(&format!("/api/v1/users/{id}"), &street, &json!({ "password": "a-brand-new-password" })).await.status(),
        StatusCode::OK
    );
    let res = app
        .client
        .post(app.url("/api/v1/auth/refresh"))
        .json(&json!({ "refresh_token": pair["refresh_token"] }))
        .send()
        .await
        .expect("refresh");
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}
