//! Notifications (站内信): who is told what at each step of a need and a program, preferences,
//! the inbox (read, unread, count, pages, language), privacy between inboxes, rollback, and the
//! `notification.created` / program / KPI webhooks.

use std::time::{Duration as StdDuration, Instant};

use chrono::Duration;
use hmac::{Hmac, Mac};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use sha2::Sha256;
use shared::{NeedAction, NeedActionRequest};

use crate::helpers::{TestApp, fields, problem, spawn_app};
use crate::needs::{act, submit_as_resident};
use crate::webhook_receiver::Receiver;
use crate::webhooks::register;

const SECRET: &str = "a-shared-secret-of-the-client";

async fn json_of(res: reqwest::Response) -> Value {
    res.json().await.expect("json")
}

/// The kinds of the notifications in `token`'s inbox about one subject, oldest first. Demo data
/// fills inboxes too; what a test caused is the newest, so one page of 200 holds it.
async fn kinds_about(app: &TestApp, token: &str, subject_kind: &str, id: i64) -> Vec<String> {
    let page = json_of(app.get("/api/v1/me/notifications?limit=200", token).await).await;
    let mut kinds: Vec<String> = page["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|n| n["subject"]["kind"] == subject_kind && n["subject"]["id"] == id)
        .filter_map(|n| n["kind"].as_str().map(str::to_owned))
        .collect();
    kinds.reverse();
    kinds
}

async fn about_need(app: &TestApp, token: &str, id: i64) -> Vec<String> {
    kinds_about(app, token, "need", id).await
}

async fn ok(app: &TestApp, token: &str, id: i64, body: Value) -> Value {
    let res = act(app, token, id, body.clone()).await;
    assert_eq!(res.status(), StatusCode::OK, "{body}");
    json_of(res).await
}

async fn unread(app: &TestApp, token: &str) -> i64 {
    json_of(app.get("/api/v1/me/notifications/unread-count", token).await).await["unread"].as_i64().expect("unread")
}

async fn put_preferences(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    app.request(Method::PUT, "/api/v1/me/notification-preferences", token).json(body).send().await.expect("PUT")
}

#[tokio::test]
async fn the_need_journey_tells_each_party_at_each_step() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (resident, staff, volunteer, street) =
        (app.login_as("resident").await, app.login_as("community").await, app.login_as("volunteer").await, app.login_as("street").await);
    let (volunteer_id, street_id) = (app.user_id("volunteer").await, app.user_id("street").await);

    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    assert_eq!(about_need(&app, &staff, id).await, ["need_submitted"], "community staff hear of a new need in their area");
    assert!(about_need(&app, &resident, id).await.is_empty(), "nobody is told of what they did themselves");

    ok(&app, &staff, id, json!({ "action": "accept" })).await;
    ok(&app, &staff, id, json!({ "action": "dispatch", "assignee_id": volunteer_id })).await;
    assert_eq!(about_need(&app, &volunteer, id).await, ["need_assigned"]);
    // Reassigned to the street's staff member: the volunteer is told it is no longer theirs.
    ok(&app, &staff, id, json!({ "action": "dispatch", "assignee_id": street_id })).await;
    assert_eq!(about_need(&app, &volunteer, id).await, ["need_assigned", "need_reassigned"]);
    assert_eq!(about_need(&app, &street, id).await, ["need_assigned"]);
    ok(&app, &street, id, json!({ "action": "claim" })).await;
    ok(&app, &street, id, json!({ "action": "resolve", "note": "已上门助浴" })).await;
    // A low rating reopens the need (by the platform): the resident is told.
    ok(&app, &resident, id, json!({ "action": "rate", "rating": 1, "note": "不满意" })).await;
    assert_eq!(
        about_need(&app, &resident, id).await,
        ["need_accepted", "need_dispatched", "need_resolved", "need_reopened"],
        "the resident hears of acceptance, dispatch (once), resolution and reopening"
    );
    assert_eq!(about_need(&app, &staff, id).await, ["need_submitted"], "staff are not told of what they did");

    // A return names what is missing; a resubmission is new work for the community again.
    let returned = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    ok(&app, &staff, returned, json!({ "action": "return", "missing": ["具体楼栋门牌", "方便上门的时间"] })).await;
    let page = json_of(app.get("/api/v1/me/notifications?kind=need_returned&limit=1", &resident).await).await;
    let notice = &page["items"][0];
    assert_eq!(notice["subject"], json!({ "kind": "need", "id": returned, "link": format!("/api/v1/needs/{returned}") }));
    let body = notice["body"].as_str().expect("body");
    assert!(body.contains("具体楼栋门牌、方便上门的时间") && body.contains("养老服务"), "{body}");
    assert!(!body.contains("王小明") && !body.contains("13812345678"), "no personal data in the text: {body}");
    ok(&app, &resident, returned, json!({ "action": "resubmit" })).await;
    assert_eq!(about_need(&app, &staff, returned).await, ["need_submitted", "need_submitted"]);
}

#[tokio::test]
async fn the_sweeper_warns_of_a_closing_claim_window_once_and_tells_staff_of_overdue_needs() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (resident, staff, volunteer, street) =
        (app.login_as("resident").await, app.login_as("community").await, app.login_as("volunteer").await, app.login_as("street").await);
    let volunteer_id = app.user_id("volunteer").await;
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    ok(&app, &staff, id, json!({ "action": "accept" })).await;
    ok(&app, &staff, id, json!({ "action": "dispatch", "assignee_id": volunteer_id })).await;

    app.state.clock.advance(Duration::minutes(3 * 60 + 30)); // 30 minutes of the 4-hour window left
    api::services::needs::sweep(&app.state).await.expect("sweep");
    api::services::needs::sweep(&app.state).await.expect("a second sweep reminds no one again");
    assert_eq!(about_need(&app, &volunteer, id).await, ["need_assigned", "need_claim_closing"]);

    app.state.clock.advance(Duration::hours(1)); // not claimed in time: back to the queue
    api::services::needs::sweep(&app.state).await.expect("sweep");
    assert_eq!(about_need(&app, &volunteer, id).await, ["need_assigned", "need_claim_closing", "need_reassigned"]);

    app.state.clock.advance(Duration::hours(10)); // past the 12-hour response deadline: 街镇吹哨
    api::services::needs::sweep(&app.state).await.expect("sweep");
    assert_eq!(about_need(&app, &staff, id).await, ["need_submitted", "need_overdue"]);
    assert_eq!(about_need(&app, &street, id).await, ["need_escalated"]);
}

#[tokio::test]
async fn a_muted_kind_is_not_written_and_the_others_still_are() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (resident, staff) = (app.login_as("resident").await, app.login_as("community").await);
    let volunteer_id = app.user_id("volunteer").await;

    let before = json_of(app.get("/api/v1/me/notification-preferences", &resident).await).await;
    let all = before["preferences"].as_array().expect("preferences");
    assert!(all.len() >= 15 && all.iter().all(|p| p["enabled"] == true), "every kind is on until muted: {before}");

    let body = json!({ "preferences": [{ "kind": "need_accepted", "enabled": false }] });
    let saved = json_of(put_preferences(&app, &resident, &body).await).await;
    let accepted = saved["preferences"].as_array().expect("list").iter().find(|p| p["kind"] == "need_accepted").cloned();
    assert_eq!(accepted, Some(json!({ "kind": "need_accepted", "enabled": false })));

    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    ok(&app, &staff, id, json!({ "action": "accept" })).await;
    ok(&app, &staff, id, json!({ "action": "dispatch", "assignee_id": volunteer_id })).await;
    assert_eq!(about_need(&app, &resident, id).await, ["need_dispatched"]);

    // Turned back on, it arrives again.
    put_preferences(&app, &resident, &json!({ "preferences": [{ "kind": "need_accepted", "enabled": true }] })).await;
    let again = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    ok(&app, &staff, again, json!({ "action": "accept" })).await;
    assert_eq!(about_need(&app, &resident, again).await, ["need_accepted"]);

    // Bad input: an unknown kind, a kind twice, an empty list — each named.
    let p =
        problem(put_preferences(&app, &resident, &json!({ "preferences": [{ "kind": "need_teleported", "enabled": false }] })).await, 422)
            .await;
    assert_eq!(fields(&p), ["/preferences/0/kind"]);
    let twice = json!({ "preferences": [{ "kind": "need_resolved", "enabled": false }, { "kind": "need_resolved", "enabled": true }] });
    assert_eq!(fields(&problem(put_preferences(&app, &resident, &twice).await, 422).await), ["/preferences/1/kind"]);
    problem(put_preferences(&app, &resident, &json!({ "preferences": [] })).await, 422).await;
}

#[tokio::test]
async fn the_inbox_counts_pages_and_marks_read_in_the_language_asked() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (resident, staff) = (app.login_as("resident").await, app.login_as("community").await);
    app.post("/api/v1/me/notifications/read-all", &resident, &json!({})).await;
    assert_eq!(unread(&app, &resident).await, 0);

    let mut ids = Vec::new();
    for _ in 0..3 {
        let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
        ok(&app, &staff, id, json!({ "action": "accept" })).await;
        ids.push(id);
    }
    assert_eq!(unread(&app, &resident).await, 3);

    let first = json_of(app.get("/api/v1/me/notifications?unread=true&limit=2", &resident).await).await;
    let items = first["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["subject"]["id"], ids[2], "newest first");
    assert_eq!(items[0]["title"], "您的诉求已受理", "Chinese by default");
    let cursor = first["next_cursor"].as_str().expect("a next page");
    let second = json_of(app.get(&format!("/api/v1/me/notifications?unread=true&limit=2&cursor={cursor}"), &resident).await).await;
    assert_eq!(second["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(second["items"][0]["subject"]["id"], ids[0]);
    assert!(second["next_cursor"].is_null());

    let oldest = second["items"][0]["id"].as_i64().expect("id");
    let read = app
        .request(Method::POST, &format!("/api/v1/me/notifications/{oldest}/read"), &resident)
        .header("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5")
        .send()
        .await
        .expect("POST");
    let read = json_of(read).await;
    assert_eq!(read["read"], true);
    assert_eq!(read["title"], "Your need was accepted");
    assert!(read["body"].as_str().expect("body").contains("Elderly care"));
    let again = json_of(app.post(&format!("/api/v1/me/notifications/{oldest}/read"), &resident, &json!({})).await).await;
    assert_eq!(again["read_at"], read["read_at"], "reading again changes nothing");
    assert_eq!(unread(&app, &resident).await, 2);
    let read_only = json_of(app.get("/api/v1/me/notifications?unread=false&kind=need_accepted&limit=200", &resident).await).await;
    assert!(read_only["items"].as_array().expect("items").iter().any(|n| n["id"] == oldest));

    let marked = json_of(app.post("/api/v1/me/notifications/read-all", &resident, &json!({})).await).await;
    assert_eq!(marked["marked"], 2);
    assert_eq!(unread(&app, &resident).await, 0);

    // Bad input is named, all at once.
    let p = problem(app.get("/api/v1/me/notifications?limit=0&kind=need_teleported", &resident).await, 422).await;
    assert_eq!(fields(&p).len(), 2, "{p}");
    problem(app.get("/api/v1/me/notifications?cursor=not-a-cursor", &resident).await, 422).await;
}

#[tokio::test]
async fn nobody_reads_or_marks_another_users_notification() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (resident, staff) = (app.login_as("resident").await, app.login_as("community").await);
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    ok(&app, &staff, id, json!({ "action": "accept" })).await;
    let page = json_of(app.get("/api/v1/me/notifications?kind=need_accepted&limit=1", &resident).await).await;
    let notification = page["items"][0]["id"].as_i64().expect("id");
    for username in ["volunteer", "community", "admin"] {
        let other = app.login_as(username).await;
        problem(app.post(&format!("/api/v1/me/notifications/{notification}/read"), &other, &json!({})).await, 404).await;
        let theirs = json_of(app.get("/api/v1/me/notifications?limit=200", &other).await).await;
        assert!(theirs["items"].as_array().expect("items").iter().all(|n| n["id"] != notification), "{username} sees it");
    }
    assert!(unread(&app, &resident).await > 0);
    let still = json_of(app.get("/api/v1/me/notifications?kind=need_accepted&limit=1", &resident).await).await;
    assert_eq!(still["items"][0]["read"], false, "the others' attempts marked nothing");
    problem(app.get("/api/v1/me/notifications", "not-a-token").await, 401).await;
}

#[tokio::test]
async fn a_rolled_back_action_notifies_nobody() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    let staff_id = app.user_id("community").await;
    let caller = api::services::auth::load_caller(&app.db, staff_id).await.expect("query").expect("caller");
    let notifications = app.count("notifications").await;
    let deliveries = app.count("webhook_deliveries").await;

    let accept = NeedActionRequest {
        action: NeedAction::Accept,
        note: None,
        missing: None,
        assignee_id: None,
        service_id: None,
        rating: None,
        hours: None,
    };
    let txn = app.state.begin_write().await.expect("begin");
    let detail = api::services::needs::act(&txn.txn, &caller, id, &accept, app.state.clock.now(), None).await.expect("accept");
    assert_eq!(detail.need.status.as_str(), "accepted");
    let resident_id = detail.need.resident_id.expect("the resident's own need");
    let owner = api::services::auth::load_caller(&txn.txn, resident_id).await.expect("query").expect("resident");
    let inside = api::services::notifications::unread_count(&txn.txn, &owner).await.expect("count");
    let outside = api::services::notifications::unread_count(&app.db, &owner).await.expect("count");
    assert_eq!(inside.unread, outside.unread + 1, "written inside the transaction");
    txn.txn.rollback().await.expect("roll back: the action never happened");

    assert_eq!(app.count("notifications").await, notifications, "nobody was notified");
    assert_eq!(app.count("webhook_deliveries").await, deliveries);
    assert!(about_need(&app, &resident, id).await.is_empty());
}

/// The signature, computed here independently of the server's code.
fn signed(timestamp: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).expect("hmac key");
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

#[tokio::test]
async fn a_notification_is_a_signed_notification_created_webhook() {
    let app = spawn_app().await;
    let receiver = Receiver::start(0);
    register(&app, "integration", &receiver.url, json!(["notification.created"])).await;
    let community = app.area_id("缤纷社区").await;
    let (resident, staff) = (app.login_as("resident").await, app.login_as("community").await);
    let resident_id = app.user_id("resident").await;
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    let staff_told = about_need(&app, &staff, id).await.len();
    ok(&app, &staff, id, json!({ "action": "accept" })).await;

    // The community's staff were told of the new need first; wait for the resident's notice too.
    let deadline = Instant::now() + StdDuration::from_secs(15);
    let got = loop {
        let got = receiver.received();
        if got.iter().any(|r| String::from_utf8_lossy(&r.body).contains("need_accepted")) {
            break got;
        }
        assert!(Instant::now() < deadline, "no need_accepted delivery within 15 s: {} received", got.len());
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    };
    assert!(got.len() > staff_told, "the staff's notices are webhooks too");
    for request in &got {
        assert_eq!(request.header("x-happyhome-event"), "notification.created");
        assert_eq!(request.header("x-happyhome-signature"), signed(request.header("x-happyhome-timestamp"), &request.body));
    }
    let bodies: Vec<Value> = got.iter().map(|r| serde_json::from_slice(&r.body).expect("json body")).collect();
    let to_resident = bodies.iter().find(|b| b["data"]["recipient_id"] == resident_id).expect("the resident's notification");
    assert_eq!(to_resident["event"], "notification.created");
    let data = &to_resident["data"];
    assert_eq!(data["kind"], "need_accepted");
    assert_eq!(data["subject"]["id"], id);
    assert_eq!(data["text"]["zh"]["title"], "您的诉求已受理");
    assert_eq!(data["text"]["en"]["title"], "Your need was accepted");
    assert!(bodies.iter().any(|b| b["data"]["kind"] == "need_submitted"));
}

#[tokio::test]
async fn program_and_kpi_events_reach_a_subscribed_webhook_and_program_parties_are_told() {
    let app = spawn_app().await;
    let receiver = Receiver::start(0);
    let events =
        json!(["program.created", "program.submit", "program.send_back", "program.approve", "kpi_report.reported", "kpi_report.replaced"]);
    register(&app, "integration", &receiver.url, events).await;
    let (staff, street, admin) = (app.login_as("community").await, app.login_as("street").await, app.login_as("admin").await);
    let community = app.area_id("缤纷社区").await;
    let catalogue = json_of(app.get("/api/v1/catalogue", &admin).await).await;
    let item = catalogue.as_array().and_then(|c| c.iter().find(|e| e["level"] == "item")).and_then(|e| e["id"].as_i64()).expect("item");
    let body = json!({ "area_id": community, "title": "高龄老人助餐", "description": "为80岁以上老人提供助餐", "lead_org": "社区党委",
        "start_date": "2026-01-01", "end_date": "2026-12-31", "budget_fen": 1_000_000, "catalogue_item_ids": [item], "public": false });
    let res = app.post("/api/v1/programs", &staff, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = json_of(res).await["program"]["id"].as_i64().expect("id");
    let path = format!("/api/v1/programs/{id}/actions");
    let step = |token: &str, body: Value| {
        let (app, path, token) = (&app, path.clone(), token.to_owned());
        async move {
            let res = app.post(&path, &token, &body).await;
            assert_eq!(res.status(), StatusCode::OK, "{body}");
        }
    };
    step(&staff, json!({ "action": "submit" })).await;
    assert_eq!(kinds_about(&app, &street, "program", id).await, ["program_submitted"], "the approvers above are told");
    assert_eq!(kinds_about(&app, &app.login_as("district").await, "program", id).await, ["program_submitted"]);
    step(&street, json!({ "action": "send_back", "note": "预算明细不全" })).await;
    step(&staff, json!({ "action": "submit" })).await;
    step(&street, json!({ "action": "approve" })).await;
    assert_eq!(kinds_about(&app, &staff, "program", id).await, ["program_sent_back", "program_approved"]);
    let sent_back = json_of(app.get("/api/v1/me/notifications?kind=program_sent_back&limit=1", &staff).await).await;
    assert!(sent_back["items"][0]["body"].as_str().expect("body").contains("预算明细不全"));

    let report =
        json!({ "indicator": "certified_social_workers", "area_id": community, "period": "2026-Q1", "value": 4.0, "source_note": "台账" });
    let res = app.post("/api/v1/kpis/values", &staff, &report).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let first = json_of(res).await["id"].as_i64().expect("id");
    let replace = json!({ "indicator": "certified_social_workers", "area_id": community, "period": "2026-Q1", "value": 5.0,
        "source_note": "更正", "replaces": first });
    assert_eq!(app.post("/api/v1/kpis/values", &staff, &replace).await.status(), StatusCode::CREATED);

    let got = receiver.wait_for(7).await;
    let mut seen: Vec<String> = got.iter().map(|r| r.header("x-happyhome-event").to_owned()).collect();
    seen.sort();
    let mut expected = [
        "program.created",
        "program.submit",
        "program.send_back",
        "program.submit",
        "program.approve",
        "kpi_report.reported",
        "kpi_report.replaced",
    ]
    .map(str::to_owned)
    .to_vec();
    expected.sort();
    assert_eq!(seen, expected);
    for request in &got {
        assert_eq!(request.header("x-happyhome-signature"), signed(request.header("x-happyhome-timestamp"), &request.body));
    }
    let approved = got.iter().find(|r| r.header("x-happyhome-event") == "program.approve").expect("approve");
    let body: Value = serde_json::from_slice(&approved.body).expect("json");
    assert_eq!(body["data"]["id"], id);
    assert_eq!(body["data"]["status"], "approved");
}
