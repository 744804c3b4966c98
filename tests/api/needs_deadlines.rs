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
    let setting =
        json!({ "category": "elderly_care", "urgency": "normal", "acceptance_hours": 3, "response_hours": 2, "completion_hours": 24 });
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
    assert_eq!((due("acceptance_due_at") - due("created_at")).num_hours(), 3, "the district's acceptance time, from submission");
    let listed: Value = app.get(&format!("/api/v1/areas/{district}/need-deadlines"), &admin).await.json().await.expect("json");
    let row = listed.as_array().expect("list").iter().find(|r| r["category"] == "elderly_care" && r["urgency"] == "normal").cloned();
    assert_eq!(row.map(|r| r["acceptance_hours"].clone()), Some(json!(3)));
    let street_staff = app.login_as("street").await;
    let res = app
        .request(reqwest::Method::PUT, &format!("/api/v1/areas/{district}/need-deadlines"), &street_staff)
        .json(&setting)
        .send()
        .await
        .expect("put");
    problem(res, 403).await;
}

/// Elderly care, normal urgency: accepted within 24 hours of submission (受理时限).
#[tokio::test]
async fn a_need_left_unaccepted_past_its_acceptance_deadline_is_overdue_and_escalates_once() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (resident, staff) = (app.login_as("resident").await, app.login_as("community").await);
    let submitted = submit_as_resident(&app, &resident, community).await;
    let id = submitted["need"]["id"].as_i64().expect("id");
    let at = |v: &Value| chrono::DateTime::parse_from_rfc3339(v.as_str().expect("time")).expect("rfc3339");
    assert_eq!((at(&submitted["need"]["acceptance_due_at"]) - at(&submitted["need"]["created_at"])).num_hours(), 24);
    assert_eq!(submitted["timeline"][0]["action"], "submit", "提交 opens the timeline");

    app.state.clock.advance(Duration::hours(23));
    api::services::needs::sweep(&app.state).await.expect("sweep");
    let waiting: Value = app.get(&format!("/api/v1/needs/{id}"), &staff).await.json().await.expect("json");
    assert_eq!((waiting["need"]["overdue"].as_bool(), waiting["need"]["escalated"].as_bool()), (Some(false), Some(false)));

    app.state.clock.advance(Duration::hours(2));
    api::services::needs::sweep(&app.state).await.expect("sweep");
    api::services::needs::sweep(&app.state).await.expect("a second sweep changes nothing");
    let street = app.login_as("street").await;
    let late: Value = app.get(&format!("/api/v1/needs/{id}"), &street).await.json().await.expect("json");
    assert_eq!(late["need"]["status"], "submitted", "escalation flags, it does not accept the need");
    assert_eq!((late["need"]["overdue"].as_bool(), late["need"]["escalated"].as_bool()), (Some(true), Some(true)));
    let steps: Vec<&str> = late["timeline"].as_array().expect("timeline").iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(steps, ["submit", "escalate"]);
    let overdue: Value = app.get("/api/v1/needs?overdue=true&status=submitted", &street).await.json().await.expect("json");
    assert_eq!(overdue["items"][0]["id"], id);
    let counts: Value = app.get("/api/v1/needs/counts", &street).await.json().await.expect("json");
    assert_eq!((counts["overdue"].as_i64(), counts["escalated"].as_i64()), (Some(1), Some(1)));

    // Accepted at last: the acceptance deadline no longer counts, the response clock starts.
    let accepted: Value = act(&app, &staff, id, json!({ "action": "accept" })).await.json().await.expect("json");
    assert_eq!(accepted["need"]["overdue"], false);
}

#[tokio::test]
async fn a_resubmitted_need_gets_a_fresh_acceptance_deadline() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (resident, staff) = (app.login_as("resident").await, app.login_as("community").await);
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    act(&app, &staff, id, json!({ "action": "return", "missing": ["门牌号"] })).await;
    app.state.clock.advance(Duration::hours(30));
    api::services::needs::sweep(&app.state).await.expect("sweep");
    let returned: Value = app.get(&format!("/api/v1/needs/{id}"), &staff).await.json().await.expect("json");
    assert_eq!(returned["need"]["overdue"], false, "a returned need waits for the resident, not for staff");
    let again: Value = act(&app, &resident, id, json!({ "action": "resubmit" })).await.json().await.expect("json");
    assert_eq!(again["need"]["overdue"], false);
    let at = |v: &Value| chrono::DateTime::parse_from_rfc3339(v.as_str().expect("time")).expect("rfc3339");
    assert_eq!((at(&again["need"]["acceptance_due_at"]) - at(&again["need"]["updated_at"])).num_hours(), 24);
}
