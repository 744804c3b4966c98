//! Resident needs end to end: 群众点单 → 社区派单 → 党员接单 → 办结 → 评价, permissions and privacy.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, fields, problem, spawn_app};

pub async fn submit_as_resident(app: &TestApp, token: &str, area: i64) -> Value {
    let body = json!({ "category": "elderly_care", "text": "家中老人需要助浴服务 🛁", "area_id": area, "address": "缤纷小区3幢2单元501室",
        "tags": ["elderly", "elderly_living_alone"], "urgency": "normal", "channel": "mini_program", "contact_name": "王小明", "contact_phone": "13812345678" });
    let res = app.post("/api/v1/needs", token, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.expect("json")
}

pub async fn act(app: &TestApp, token: &str, id: i64, body: Value) -> reqwest::Response {
    app.post(&format!("/api/v1/needs/{id}/actions"), token, &body).await
}

async fn ok(app: &TestApp, token: &str, id: i64, body: Value) -> Value {
    let res = act(app, token, id, body.clone()).await;
    assert_eq!(res.status(), StatusCode::OK, "{body}");
    res.json().await.expect("json")
}

#[tokio::test]
async fn a_need_travels_from_submission_to_rating() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    let staff = app.login_as("community").await;
    let volunteer = app.login_as("volunteer").await;
    let volunteer_id = app.user_id("volunteer").await;
    let created = submit_as_resident(&app, &resident, community).await;
    let id = created["need"]["id"].as_i64().expect("id");
    assert_eq!(created["need"]["status"], "submitted");

    let accepted = ok(&app, &staff, id, json!({ "action": "accept" })).await;
    assert_eq!(accepted["need"]["owner_name"], "缤纷社区工作者");
    assert!(accepted["need"]["completion_due_at"].is_string());
    ok(&app, &staff, id, json!({ "action": "dispatch", "assignee_id": volunteer_id })).await;
    let claimed = ok(&app, &volunteer, id, json!({ "action": "claim" })).await;
    assert_eq!(claimed["allowed_actions"], json!(["start", "resolve"]));
    ok(&app, &volunteer, id, json!({ "action": "start" })).await;
    ok(&app, &volunteer, id, json!({ "action": "resolve", "note": "已上门助浴，老人满意" })).await;
    let rated = ok(&app, &resident, id, json!({ "action": "rate", "rating": 5, "note": "很及时" })).await;
    assert_eq!(rated["need"]["status"], "rated");
    assert_eq!(rated["need"]["rating"], 5);
    let actions: Vec<&str> = rated["timeline"].as_array().expect("timeline").iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(actions, ["submit", "accept", "dispatch", "claim", "start", "resolve", "rate"]);
}

#[tokio::test]
async fn an_action_the_table_does_not_allow_is_409_with_the_allowed_ones() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    let staff = app.login_as("community").await;
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    let body = problem(act(&app, &staff, id, json!({ "action": "resolve", "note": "x" })).await, 409).await;
    assert_eq!(body["code"], "invalid_transition");
    assert_eq!(body["allowed"], json!(["accept", "return", "reject", "cancel"]));
    // The resident may not accept their own need; they may cancel it.
    let body = problem(act(&app, &resident, id, json!({ "action": "accept" })).await, 409).await;
    assert_eq!(body["allowed"], json!(["cancel"]));
    // Nobody may ask for what only the platform does.
    problem(act(&app, &staff, id, json!({ "action": "escalate" })).await, 409).await;
}

#[tokio::test]
async fn a_return_names_everything_missing_at_once_and_the_resident_resubmits() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    let staff = app.login_as("community").await;
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    let body = problem(act(&app, &staff, id, json!({ "action": "return", "missing": [] })).await, 422).await;
    assert_eq!(fields(&body), ["/missing"]);
    let returned = ok(&app, &staff, id, json!({ "action": "return", "missing": ["具体楼栋门牌", "方便上门的时间"] })).await;
    assert_eq!(returned["need"]["missing"], json!(["具体楼栋门牌", "方便上门的时间"]));
    let again = ok(&app, &resident, id, json!({ "action": "resubmit" })).await;
    assert_eq!(again["need"]["status"], "submitted");
    assert_eq!(again["need"]["missing"], json!([]));
}

#[tokio::test]
async fn a_low_rating_reopens_the_need() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (resident, staff, volunteer) = (app.login_as("resident").await, app.login_as("community").await, app.login_as("volunteer").await);
    let volunteer_id = app.user_id("volunteer").await;
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    ok(&app, &staff, id, json!({ "action": "accept" })).await;
    ok(&app, &staff, id, json!({ "action": "dispatch", "assignee_id": volunteer_id })).await;
    ok(&app, &volunteer, id, json!({ "action": "claim" })).await;
    ok(&app, &volunteer, id, json!({ "action": "resolve", "note": "done" })).await;
    let rated = ok(&app, &resident, id, json!({ "action": "rate", "rating": 1, "note": "没有解决" })).await;
    assert_eq!(rated["need"]["status"], "accepted");
    assert_eq!(rated["need"]["reopen_count"], 1);
    assert_eq!(rated["need"]["assignee_id"], Value::Null);
}

#[tokio::test]
async fn only_the_assignee_claims_and_others_cannot_see_the_need() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (resident, staff) = (app.login_as("resident").await, app.login_as("community").await);
    let provider = app.login_as("provider").await;
    let volunteer_id = app.user_id("volunteer").await;
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    ok(&app, &staff, id, json!({ "action": "accept" })).await;
    ok(&app, &staff, id, json!({ "action": "dispatch", "assignee_id": volunteer_id })).await;
    // The provider is not the assignee: the need is invisible to them.
    problem(act(&app, &provider, id, json!({ "action": "claim" })).await, 404).await;
    problem(app.get(&format!("/api/v1/needs/{id}"), &provider).await, 404).await;
    let page: Value = app.get("/api/v1/needs", &provider).await.json().await.expect("json");
    assert_eq!(page["items"].as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn another_streets_staff_cannot_see_or_touch_a_need() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    let admin = app.login_as("admin").await;
    let elsewhere = app.area_id("临汾路380弄社区").await;
    app.post("/api/v1/users", &admin, &json!({ "username": "sh.staff", "display_name": "上海社工", "role": "community_staff", "area_id": elsewhere, "password": "long-enough-pw" })).await;
    let other = {
        let res = app
            .client
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({ "username": "sh.staff", "password": "long-enough-pw" }))
            .send()
            .await
            .expect("login");
        res.json::<Value>().await.expect("json")["access_token"].as_str().expect("token").to_owned()
    };
    problem(app.get(&format!("/api/v1/needs/{id}"), &other).await, 404).await;
    problem(act(&app, &other, id, json!({ "action": "accept" })).await, 404).await;
}

/// The field errors of a 422 problem as (field, code) pairs.
fn field_codes(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .map(|e| e.iter().map(|e| (e["field"].as_str().unwrap_or("").to_owned(), e["code"].as_str().unwrap_or("").to_owned())).collect())
        .unwrap_or_default()
}

/// A resident's need in 缤纷社区, accepted by community staff: the app, staff's token and the need's id.
async fn accepted_need() -> (TestApp, String, i64) {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (resident, staff) = (app.login_as("resident").await, app.login_as("community").await);
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    ok(&app, &staff, id, json!({ "action": "accept" })).await;
    (app, staff, id)
}

#[tokio::test]
async fn dispatching_to_a_resident_is_refused_as_nobody_who_serves() {
    let (app, staff, id) = accepted_need().await;
    let resident_id = app.user_id("resident").await;
    let body = problem(act(&app, &staff, id, json!({ "action": "dispatch", "assignee_id": resident_id })).await, 422).await;
    assert_eq!(field_codes(&body), [("/assignee_id".to_owned(), "not_found".to_owned())]);
}

#[tokio::test]
async fn dispatching_to_a_volunteer_of_another_community_is_refused_as_out_of_area() {
    let (app, staff, id) = accepted_need().await;
    // volunteer2 serves the second community of the case book, not 缤纷社区.
    let elsewhere = app.user_id("volunteer2").await;
    let body = problem(act(&app, &staff, id, json!({ "action": "dispatch", "assignee_id": elsewhere })).await, 422).await;
    assert_eq!(field_codes(&body), [("/assignee_id".to_owned(), "out_of_area".to_owned())]);
    let detail: Value = app.get(&format!("/api/v1/needs/{id}"), &staff).await.json().await.expect("json");
    assert_eq!(detail["need"]["status"], "accepted", "nothing was written");
}

#[tokio::test]
async fn personal_data_is_masked_for_supervisors_and_shown_to_handlers() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    let handler: Value = app.get(&format!("/api/v1/needs/{id}"), &app.login_as("community").await).await.json().await.expect("json");
    // Handlers see the address; the contact they reveal on purpose (audited, see workbench.rs).
    assert_eq!(handler["need"]["address"], "缤纷小区3幢2单元501室");
    assert_eq!(handler["need"]["contact_phone"], "138****5678");
    let supervisor: Value = app.get(&format!("/api/v1/needs/{id}"), &app.login_as("street").await).await.json().await.expect("json");
    assert_eq!(supervisor["need"]["contact_phone"], "138****5678");
    assert_eq!(supervisor["need"]["contact_name"], "王**");
    assert_eq!(supervisor["need"]["address"], "缤纷小区3幢****");
}

#[tokio::test]
async fn a_retried_submission_stores_exactly_one_need() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    let body =
        json!({ "category": "property", "text": "楼道灯坏了", "area_id": community, "urgency": "normal", "channel": "mini_program" });
    for _ in 0..3 {
        let res = app
            .request(Method::POST, "/api/v1/needs", &resident)
            .header("Idempotency-Key", "mp-order-77")
            .json(&body)
            .send()
            .await
            .expect("post");
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    assert_eq!(app.count("needs").await, 1);
}

#[tokio::test]
async fn residents_co_sign_a_neighbours_need_once() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    let body = json!({ "category": "convenience", "text": "希望小区增设快递柜", "area_id": community, "urgency": "normal", "channel": "phone", "contact_name": "李阿姨", "contact_phone": "13900001111" });
    let id = app.post("/api/v1/needs", &staff, &body).await.json::<Value>().await.expect("json")["need"]["id"].as_i64().expect("id");
    let resident = app.login_as("resident").await;
    let page: Value = app.get("/api/v1/needs/community", &resident).await.json().await.expect("json");
    let item = &page["items"][0];
    assert_eq!(item["id"], id);
    assert!(item.get("contact_phone").is_none(), "no personal data in the summary");
    let signed: Value = app.post(&format!("/api/v1/needs/{id}/cosign"), &resident, &json!({})).await.json().await.expect("json");
    assert_eq!(signed["cosign_count"], 1);
    assert_eq!(signed["cosigned"], true);
    problem(app.post(&format!("/api/v1/needs/{id}/cosign"), &resident, &json!({})).await, 409).await;
}

#[tokio::test]
async fn the_queue_filters_and_counts_by_status() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    let staff = app.login_as("community").await;
    let first = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    submit_as_resident(&app, &resident, community).await;
    ok(&app, &staff, first, json!({ "action": "accept" })).await;
    let counts: Value = app.get("/api/v1/needs/counts", &staff).await.json().await.expect("json");
    let count =
        |status: &str| counts["by_status"].as_array().and_then(|a| a.iter().find(|c| c["status"] == status)).map(|c| c["count"].clone());
    assert_eq!(count("submitted"), Some(json!(1)));
    assert_eq!(count("accepted"), Some(json!(1)));
    let page: Value = app.get("/api/v1/needs?status=accepted&tag=elderly&sort=id", &staff).await.json().await.expect("json");
    assert_eq!(page["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(page["items"][0]["id"], first);
}

#[tokio::test]
async fn bulk_dispatch_reports_each_need() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (resident, staff) = (app.login_as("resident").await, app.login_as("community").await);
    let volunteer_id = app.user_id("volunteer").await;
    let a = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    let b = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    ok(&app, &staff, a, json!({ "action": "accept" })).await;
    let result: Value = app
        .post("/api/v1/needs/dispatch", &staff, &json!({ "need_ids": [a, b], "assignee_id": volunteer_id }))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(result["dispatched"], json!([a]));
    assert_eq!(result["failed"][0]["need_id"], b);
    assert_eq!(result["failed"][0]["code"], "invalid_transition");
    problem(app.post("/api/v1/needs/dispatch", &resident, &json!({ "need_ids": [a], "assignee_id": volunteer_id })).await, 403).await;
}

#[tokio::test]
async fn staff_see_who_can_serve_a_need_least_busy_first() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (resident, staff) = (app.login_as("resident").await, app.login_as("community").await);
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    let list: Value = app.get(&format!("/api/v1/needs/{id}/assignees"), &staff).await.json().await.expect("json");
    let names: Vec<&str> = list.as_array().expect("list").iter().filter_map(|a| a["display_name"].as_str()).collect();
    assert!(names.contains(&"缤纷志愿者") && names.contains(&"滨江为老服务中心"), "{names:?}");
    assert!(!names.contains(&"缤纷居民"), "residents are not assignees");
    // The first is the best match, and the only one marked so.
    let best: Vec<bool> = list.as_array().expect("list").iter().map(|a| a["best"] == true).collect();
    assert_eq!(best.iter().filter(|b| **b).count(), 1);
    assert!(best[0], "the best match leads the list");
    problem(app.get(&format!("/api/v1/needs/{id}/assignees"), &resident).await, 403).await;
}

/// 上门: an at-home need without an address never reaches a volunteer; every bad field is named at
/// once and nothing is stored.
#[tokio::test]
async fn an_at_home_need_needs_an_address() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    let before = app.count("needs").await;
    for address in [Value::Null, json!("   ")] {
        let body = json!({ "category": "no_such_category", "text": "请志愿者上门助浴", "area_id": community, "at_home": true,
            "address": address, "urgency": "normal", "channel": "mini_program" });
        let p = problem(app.post("/api/v1/needs", &resident, &body).await, 422).await;
        let mut bad = fields(&p);
        bad.sort();
        assert_eq!(bad, ["/address", "/category"], "{p}");
    }
    assert_eq!(app.count("needs").await, before, "nothing written");
    assert_eq!(app.count("need_events").await, 0);

    let body = json!({ "category": "elderly_care", "text": "请志愿者上门助浴", "area_id": community, "at_home": true,
        "address": "缤纷小区3幢2单元501室", "urgency": "normal", "channel": "mini_program" });
    let res = app.post("/api/v1/needs", &resident, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Value = res.json().await.expect("json");
    assert_eq!((created["need"]["at_home"].as_bool(), created["need"]["address"].as_str()), (Some(true), Some("缤纷小区3幢2单元501室")));
}
