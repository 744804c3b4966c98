//! A stored code the server does not know (a hand edit, a bad migration) is answered 500 with the
//! stable code `stored_value_invalid`, never read as some default value, and never shown to the client.

use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::{TestApp, problem, spawn_app};
use crate::resources::{provider, service, weekdays};

async fn execute(app: &TestApp, sql: &str) {
    app.db.execute_unprepared(sql).await.expect(sql);
}

fn is_stored_value_invalid(body: &Value, bad: &str) {
    assert_eq!(body["code"], "stored_value_invalid", "{body}");
    assert_eq!(body["status"], 500);
    assert!(!body.to_string().contains(bad), "the bad value stays in the log: {body}");
}

#[tokio::test]
async fn a_user_with_an_unknown_stored_role_is_a_500_not_a_resident() {
    let app = spawn_app().await;
    let admin = app.login_as("admin").await;
    let id = app.user_id("grid").await;
    execute(&app, &format!("UPDATE users SET role = 'overlord' WHERE id = {id}")).await;
    let body = problem(app.get(&format!("/api/v1/users/{id}"), &admin).await, 500).await;
    is_stored_value_invalid(&body, "overlord");
    // The list fails too, instead of showing the user with a made-up role or leaving them out.
    let body = problem(app.get("/api/v1/users?q=grid&limit=200", &admin).await, 500).await;
    is_stored_value_invalid(&body, "overlord");
}

#[tokio::test]
async fn a_timeline_event_with_an_unknown_stored_action_is_a_500_not_an_escalation() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let body = json!({ "category": "elderly_care", "text": "独居老人需要上门助浴", "area_id": community, "urgency": "normal",
        "channel": "phone", "contact_name": "张阿姨", "contact_phone": "13900001111", "tags": ["elderly"] });
    let created: Value = app.post("/api/v1/needs", &staff, &body).await.json().await.expect("json");
    let need = created["need"]["id"].as_i64().expect("id");
    let res = app.post(&format!("/api/v1/needs/{need}/actions"), &staff, &json!({ "action": "accept" })).await;
    assert_eq!(res.status().as_u16(), 200, "accepted, so the timeline has an event");
    execute(&app, &format!("UPDATE need_events SET action = 'teleport' WHERE need_id = {need}")).await;
    let body = problem(app.get(&format!("/api/v1/needs/{need}"), &staff).await, 500).await;
    is_stored_value_invalid(&body, "teleport");
}

#[tokio::test]
async fn a_service_with_an_unknown_stored_target_group_is_a_500_not_a_shorter_list() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let team = provider(&app, &staff, community, "缤纷邻里志愿服务队", None).await;
    let created = service(
        &app,
        &staff,
        json!({ "provider_id": team["id"], "name": "助浴上门", "category": "elderly_care", "cost": "free",
        "capacity_per_week": 5, "mode": "at_home", "schedule": weekdays("08:00", "18:00"), "target_groups": ["elderly"] }),
    )
    .await;
    let id = created["id"].as_i64().expect("id");
    execute(&app, &format!("UPDATE services SET target_groups = ',elderly,martians,' WHERE id = {id}")).await;
    let body = problem(app.get(&format!("/api/v1/services/{id}"), &staff).await, 500).await;
    is_stored_value_invalid(&body, "martians");
}
