//! The audit trail: every write, with who, before and after; read by admins within their scope.

use serde_json::{Value, json};

use crate::helpers::{problem, spawn_app};

#[tokio::test]
async fn an_edit_is_audited_with_actor_before_and_after() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let token = app.login_as("community").await;
    app.patch(&format!("/api/v1/areas/{community}"), &token, &json!({ "name": "缤纷社区（新）" })).await;
    let district = app.login_as("district").await;
    let page: Value = app.get(&format!("/api/v1/audit?entity=area&entity_id={community}"), &district).await.json().await.expect("json");
    let entry = &page["items"][0];
    assert_eq!(entry["action"], "update");
    assert_eq!(entry["actor_username"], "community");
    assert_eq!(entry["before"]["name"], "缤纷社区");
    assert_eq!(entry["after"]["name"], "缤纷社区（新）");
}

#[tokio::test]
async fn a_district_admin_reads_only_their_districts_trail() {
    let app = spawn_app().await;
    let elsewhere = app.area_id("临汾路380弄社区").await;
    let admin = app.login_as("admin").await;
    app.patch(&format!("/api/v1/areas/{elsewhere}"), &admin, &json!({ "name": "临汾路380弄" })).await;
    let district = app.login_as("district").await;
    let page: Value = app.get(&format!("/api/v1/audit?entity_id={elsewhere}"), &district).await.json().await.expect("json");
    assert_eq!(page["items"].as_array().map(Vec::len), Some(0));
    let page: Value = app.get(&format!("/api/v1/audit?entity_id={elsewhere}"), &admin).await.json().await.expect("json");
    assert_eq!(page["items"][0]["action"], "update");
}

#[tokio::test]
async fn staff_below_district_level_cannot_read_the_trail() {
    let app = spawn_app().await;
    for username in ["street", "community", "resident"] {
        let token = app.login_as(username).await;
        problem(app.get("/api/v1/audit", &token).await, 403).await;
    }
}

#[tokio::test]
async fn the_trail_names_actions_and_records_from_one_vocabulary_and_refuses_an_unknown_kind() {
    let app = spawn_app().await;
    let admin = app.login_as("admin").await;
    let community = app.area_id("缤纷社区").await;
    app.patch(&format!("/api/v1/areas/{community}"), &admin, &json!({ "name": "缤纷社区（新）" })).await;
    let page: Value = app.get("/api/v1/audit?limit=200", &admin).await.json().await.expect("json");
    let items = page["items"].as_array().expect("items");
    assert!(!items.is_empty(), "the demo leaves a trail");
    for entry in items {
        let (action, entity) = (entry["action"].as_str().unwrap_or_default(), entry["entity"].as_str().unwrap_or_default());
        assert!(shared::AuditAction::parse(action).is_some(), "{action} is not an audited action");
        assert!(shared::AuditEntity::parse(entity).is_some(), "{entity} is not an audited record");
    }
    let refused = problem(app.get("/api/v1/audit?entity=banana", &admin).await, 422).await;
    assert_eq!(crate::helpers::fields(&refused), vec!["entity"]);
}
