//! Deadlines (限时办结), claim windows and escalation to the street, on a clock the test moves.

use chrono::Duration;
use serde_json::{Value, json};

use crate::helpers::{problem, spawn_app};
use crate::needs::{act, submit_as_resident};

#[tokio::test]
async fn an_overdue_need_escalates_to_the_street_once() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (resident, staff) = (app.login_as("resident").await, app.login_as("community").await);
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    act(&app, &staff, id, json!({ "action": "accept" })).await;
    api::services::needs::sweep(&app.state).await.expect("sweep");
    let before: Value = app.get(&format!("/api/v1/needs/{id}"), &staff).await.json().await.expect("json");
    assert_eq!(before["need"]["escalated"], false, "not yet due");
    assert_eq!(before["need"]["overdue"], false);

    app.state.clock.advance(Duration::hours(13)); // elderly care, normal: respond within 12 h
    api::services::needs::sweep(&app.state).await.expect("sweep");
    api::services::needs::sweep(&app.state).await.expect("a second sweep changes nothing");
    let street = app.login_as("street").await;
    let board: Value = app.get("/api/v1/needs?escalated=true", &street).await.json().await.expect("json");
    assert_eq!(board["items"][0]["id"], id);
    let detail: Value = app.get(&format!("/api/v1/needs/{id}"), &street).await.json().await.expect("json");
    let escalations = detail["timeline"].as_array().expect("timeline").iter().filter(|e| e["action"] == "escalate").count();
    assert_eq!(escalations, 1);
    assert_eq!(detail["need"]["status"], "accepted", "escalation flags, it does not move the need");
    // The flag on the need and the `overdue` filter are the same rule.
    assert_eq!(detail["need"]["overdue"], true);
    let overdue: Value = app.get("/api/v1/needs?overdue=true", &street).await.json().await.expect("json");
    assert_eq!(overdue["items"][0]["id"], id);
    assert_eq!(overdue["items"][0]["overdue"], true);
}

#[tokio::test]
async fn a_dispatch_nobody_claims_goes_back_to_the_queue_flagged() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (resident, staff) = (app.login_as("resident").await, app.login_as("community").await);
    let volunteer_id = app.user_id("volunteer").await;
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    act(&app, &staff, id, json!({ "action": "accept" })).await;
    act(&app, &staff, id, json!({ "action": "dispatch", "assignee_id": volunteer_id })).await;
    app.state.clock.advance(Duration::hours(5));
    api::services::needs::sweep(&app.state).await.expect("sweep");
    let detail: Value = app.get(&format!("/api/v1/needs/{id}"), &staff).await.json().await.expect("json");
    assert_eq!(detail["need"]["status"], "accepted");
    assert_eq!(detail["need"]["unclaimed"], true);
    assert_eq!(detail["need"]["assignee_id"], Value::Null);
}

#[tokio::test]
async fn a_district_sets_its_own_deadlines() {
    let app = spawn_app().await;
    let district = app.area_id("滨江区").await;
    let community = app.area_id("缤纷社区").await;
    let admin = app.login_as("district").await;
    let setting = json!({ "category": "elderly_care", "urgency": "normal", "response_hours": 2, "completion_hours": 24 });
    let res = app
        .request(reqwest::Method::PUT, &format!("/api/v1/areas/{district}/need-deadlines"), &admin)
        .json(&setting)
        .send()
        .await
        .expect("put");
    assert_eq!(res.status(), 200);
    let (resident, staff) = (app.login_as("resident").await, app.login_as("community").await);
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    let accepted: Value = act(&app, &staff, id, json!({ "action": "accept" })).await.json().await.expect("json");
    let due = |key: &str| chrono::DateTime::parse_from_rfc3339(accepted["need"][key].as_str().expect("due")).expect("rfc3339");
    assert_eq!((due("completion_due_at") - due("response_due_at")).num_hours(), 22);
    let street_staff = app.login_as("street").await;
    let res = app
        .request(reqwest::Method::PUT, &format!("/api/v1/areas/{district}/need-deadlines"), &street_staff)
        .json(&setting)
        .send()
        .await
        .expect("put");
    problem(res, 403).await;
}
