//! Outgoing webhooks against a receiver on loopback: roles, signatures, retries, the delivery log,
//! and that an endpoint hears only of its owner's subtree.

use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use reqwest::StatusCode;
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use sha2::Sha256;

use crate::helpers::{TestApp, fields, problem, spawn_app, spawn_with};
use crate::webhook_receiver::Receiver;

const SECRET: &str = "a-shared-secret-of-the-client";

/// Registers an endpoint as `username` and returns its id.
pub async fn register(app: &TestApp, username: &str, url: &str, events: Value) -> i64 {
    let token = app.login_as(username).await;
    let res = app.post("/api/v1/webhooks", &token, &json!({ "url": url, "secret": SECRET, "events": events })).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let body: Value = res.json().await.expect("json");
    assert!(body.get("secret").is_none(), "the secret is never returned: {body}");
    body["id"].as_i64().expect("id")
}

/// Polls the delivery log until its newest entry leaves `pending` (up to 15 s) and returns it.
async fn settled_delivery(app: &TestApp, token: &str, webhook: i64) -> Value {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let page: Value = app.get(&format!("/api/v1/webhooks/{webhook}/deliveries"), token).await.json().await.expect("json");
        if let Some(newest) = page["items"].get(0).filter(|d| d["status"] != "pending") {
            return newest.clone();
        }
        assert!(Instant::now() < deadline, "the delivery did not settle within 15 s: {page}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The signature, computed here independently of the server's code.
fn expected_signature(timestamp: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).expect("hmac key");
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

pub async fn area_path(app: &TestApp, name: &str) -> String {
    let id = app.area_id(name).await;
    api::entities::area::Entity::find_by_id(id).one(&app.db).await.expect("query").expect("area").path
}

#[tokio::test]
async fn only_admins_and_integration_clients_manage_webhooks() {
    let app = spawn_app().await;
    for username in ["resident", "street", "community", "provider"] {
        let token = app.login_as(username).await;
        problem(app.post("/api/v1/webhooks", &token, &json!({ "url": "http://127.0.0.1:9/hook", "secret": SECRET })).await, 403).await;
        problem(app.get("/api/v1/webhooks", &token).await, 403).await;
    }
    assert_eq!(app.count("webhook_endpoints").await, 0);
    for username in ["integration", "district", "admin"] {
        register(&app, username, "http://127.0.0.1:9/hook", json!([])).await;
    }
    let me: Value = app.get("/api/v1/me", &app.login_as("integration").await).await.json().await.expect("json");
    assert_eq!(me["permissions"]["manage_webhooks"], true);
}

#[tokio::test]
async fn unknown_events_and_bad_urls_are_all_named_at_once() {
    let app = spawn_app().await;
    let token = app.login_as("integration").await;
    let body = json!({ "url": "ftp://example.com/hook", "secret": "short", "events": ["need.created", "need.teleport"] });
    let f = fields(&problem(app.post("/api/v1/webhooks", &token, &body).await, 422).await);
    assert!(f.contains(&"/url".to_owned()) && f.contains(&"/secret".to_owned()), "{f:?}");
    let body = json!({ "url": "https://example.com/hook", "secret": SECRET, "events": ["need.created", "need.teleport", "need.dispatch"] });
    assert_eq!(fields(&problem(app.post("/api/v1/webhooks", &token, &body).await, 422).await), ["/events/1"]);
    assert_eq!(app.count("webhook_endpoints").await, 0);
}

#[tokio::test]
async fn users_see_only_their_own_endpoints_and_the_platform_admin_sees_all() {
    let app = spawn_app().await;
    let id = register(&app, "integration", "http://127.0.0.1:9/hook", json!(["need.created"])).await;
    let district = app.login_as("district").await;
    problem(app.get(&format!("/api/v1/webhooks/{id}"), &district).await, 404).await;
    problem(app.patch(&format!("/api/v1/webhooks/{id}"), &district, &json!({ "active": false })).await, 404).await;
    problem(app.post(&format!("/api/v1/webhooks/{id}/test"), &district, &json!({})).await, 404).await;
    let page: Value = app.get("/api/v1/webhooks", &district).await.json().await.expect("json");
    assert_eq!(page["items"], json!([]));
    let admin = app.login_as("admin").await;
    let seen: Value = app.get(&format!("/api/v1/webhooks/{id}"), &admin).await.json().await.expect("json");
    assert_eq!(seen["events"], json!(["need.created"]));
}

#[tokio::test]
async fn a_test_delivery_arrives_signed_and_is_logged() {
    let app = spawn_app().await;
    let receiver = Receiver::start(0);
    let id = register(&app, "integration", &receiver.url, json!(["need.created"])).await;
    let token = app.login_as("integration").await;
    let res = app.post(&format!("/api/v1/webhooks/{id}/test"), &token, &json!({})).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let queued: Value = res.json().await.expect("json");

    let got = receiver.wait_for(1).await;
    let request = &got[0];
    assert_eq!(request.path, "/hook");
    assert_eq!(request.header("content-type"), "application/json");
    assert_eq!(request.header("x-happyhome-event"), "ping");
    assert_eq!(request.header("x-happyhome-delivery"), queued["id"].to_string());
    let timestamp = request.header("x-happyhome-timestamp");
    assert!(timestamp.parse::<i64>().is_ok(), "unix seconds: {timestamp}");
    assert_eq!(request.header("x-happyhome-signature"), expected_signature(timestamp, &request.body));
    let body: Value = serde_json::from_slice(&request.body).expect("json body");
    assert_eq!(body["id"], queued["id"]);
    assert_eq!(body["event"], "ping");
    assert_eq!(body["data"]["webhook_id"], id);
    assert_eq!(body, queued["payload"], "the log shows the exact body sent");

    let logged = settled_delivery(&app, &token, id).await;
    assert_eq!(logged["status"], "delivered");
    assert_eq!(logged["attempts"], 1);
    assert_eq!(logged["last_status"], 200);
    assert!(logged["delivered_at"].is_string());
}

#[tokio::test]
async fn a_failing_receiver_is_retried_after_the_backoff_until_it_answers() {
    let app = spawn_with(|s| {
        s.webhooks.poll_interval_ms = 50;
        s.webhooks.retry_base_secs = 1;
    })
    .await;
    let receiver = Receiver::start(2);
    let id = register(&app, "integration", &receiver.url, json!([])).await;
    let token = app.login_as("integration").await;
    app.post(&format!("/api/v1/webhooks/{id}/test"), &token, &json!({})).await;

    let got = receiver.wait_for(3).await;
    assert_eq!(got.iter().map(|r| r.answered).collect::<Vec<_>>(), [500, 500, 200]);
    assert!(got.iter().all(|r| r.body == got[0].body && r.header("x-happyhome-delivery") == got[0].header("x-happyhome-delivery")));
    assert!(got.iter().all(|r| r.header("x-happyhome-signature") == expected_signature(r.header("x-happyhome-timestamp"), &r.body)));
    let logged = settled_delivery(&app, &token, id).await;
    assert_eq!(logged["status"], "delivered");
    assert_eq!(logged["attempts"], 3);
    assert_eq!(logged["last_status"], 200);
    assert_eq!(logged["last_error"], Value::Null);
}

#[tokio::test]
async fn a_receiver_that_keeps_failing_is_given_up_after_the_last_attempt() {
    let app = spawn_with(|s| {
        s.webhooks.poll_interval_ms = 50;
        s.webhooks.retry_base_secs = 1;
        s.webhooks.max_attempts = 2;
    })
    .await;
    let receiver = Receiver::start(usize::MAX);
    let id = register(&app, "integration", &receiver.url, json!([])).await;
    let token = app.login_as("integration").await;
    app.post(&format!("/api/v1/webhooks/{id}/test"), &token, &json!({})).await;

    let logged = settled_delivery(&app, &token, id).await;
    assert_eq!(logged["status"], "failed");
    assert_eq!(logged["attempts"], 2);
    assert_eq!(logged["last_status"], 500);
    assert!(logged["last_error"].as_str().is_some_and(|e| e.contains("500")), "{logged}");
    assert_eq!(receiver.received().len(), 2);
    let failed: Value = app.get(&format!("/api/v1/webhooks/{id}/deliveries?status=failed"), &token).await.json().await.expect("json");
    assert_eq!(failed["items"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn an_endpoint_hears_only_of_its_owners_subtree_and_its_events() {
    let app = spawn_with(|s| s.webhooks.poll_interval_ms = 0).await;
    // `integration` lives in 滨江区; 缤纷社区 is in it, 临汾路380弄社区 (Shanghai) is not.
    register(&app, "integration", "http://127.0.0.1:9/hook", json!(["need.created", "need.escalate"])).await;
    let inside = area_path(&app, "缤纷社区").await;
    let outside = area_path(&app, "临汾路380弄社区").await;
    let enqueue = |event: &'static str, path: String| {
        let db = app.db.clone();
        async move { api::services::webhooks::enqueue(&db, event, &path, &json!({ "need_id": 1 }), chrono::Utc::now()).await.expect("enqueue") }
    };
    enqueue("need.created", outside.clone()).await;
    assert_eq!(app.count("webhook_deliveries").await, 0, "nothing from outside the subtree");
    enqueue("need.accept", inside.clone()).await;
    assert_eq!(app.count("webhook_deliveries").await, 0, "nothing it did not subscribe to");
    enqueue("need.created", inside.clone()).await;
    enqueue("need.escalate", inside).await;
    assert_eq!(app.count("webhook_deliveries").await, 2);

    // Switched off, it gets nothing new; a test ping is refused rather than queued.
    let token = app.login_as("integration").await;
    let id: i64 = app.get("/api/v1/webhooks", &token).await.json::<Value>().await.expect("json")["items"][0]["id"].as_i64().expect("id");
    let res = app.patch(&format!("/api/v1/webhooks/{id}"), &token, &json!({ "active": false })).await;
    assert_eq!(res.status(), StatusCode::OK);
    enqueue("need.created", area_path(&app, "缤纷社区").await).await;
    problem(app.post(&format!("/api/v1/webhooks/{id}/test"), &token, &json!({})).await, 409).await;
    assert_eq!(app.count("webhook_deliveries").await, 2);
}

#[tokio::test]
async fn the_audit_trail_records_endpoint_changes_without_the_secret() {
    let app = spawn_app().await;
    let id = register(&app, "integration", "http://127.0.0.1:9/hook", json!([])).await;
    let token = app.login_as("integration").await;
    let res = app
        .patch(&format!("/api/v1/webhooks/{id}"), &token, &json!({ "secret": "another-long-secret-value", "events": ["need.resolve"] }))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let admin = app.login_as("admin").await;
    let page: Value = app.get(&format!("/api/v1/audit?entity=webhook&entity_id={id}"), &admin).await.json().await.expect("json");
    let actions: Vec<&str> = page["items"].as_array().expect("items").iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(actions, ["update", "create"]);
    let text = page.to_string();
    assert!(!text.contains(SECRET) && !text.contains("another-long-secret-value"), "{text}");
}

#[tokio::test]
async fn a_retry_waits_for_the_clock_and_a_switched_off_endpoint_gets_nothing_more() {
    let app = spawn_with(|s| s.webhooks.poll_interval_ms = 0).await;
    let receiver = Receiver::start(1);
    let id = register(&app, "integration", &receiver.url, json!([])).await;
    let token = app.login_as("integration").await;
    app.post(&format!("/api/v1/webhooks/{id}/test"), &token, &json!({})).await;
    let deliver = || api::services::webhooks::deliver_due(&app.state);
    assert_eq!(deliver().await.expect("round"), 1, "the first attempt is due at once");
    assert_eq!(deliver().await.expect("round"), 0, "the retry waits 30 s");
    app.state.clock.advance(chrono::Duration::seconds(31));
    assert_eq!(deliver().await.expect("round"), 1);
    assert_eq!(receiver.received().iter().map(|r| r.answered).collect::<Vec<_>>(), [500, 200]);

    app.post(&format!("/api/v1/webhooks/{id}/test"), &token, &json!({})).await;
    app.patch(&format!("/api/v1/webhooks/{id}"), &token, &json!({ "active": false })).await;
    assert_eq!(deliver().await.expect("round"), 1);
    let newest = &app.get(&format!("/api/v1/webhooks/{id}/deliveries"), &token).await.json::<Value>().await.expect("json")["items"][0];
    assert_eq!((&newest["status"], &newest["attempts"]), (&json!("failed"), &json!(0)));
    assert_eq!(receiver.received().len(), 2, "nothing is sent to a switched-off endpoint");
}

#[tokio::test]
async fn two_workers_over_one_database_send_each_delivery_once() {
    let app = spawn_with(|s| s.webhooks.poll_interval_ms = 0).await;
    let receiver = Receiver::start(0);
    let id = register(&app, "integration", &receiver.url, json!([])).await;
    let token = app.login_as("integration").await;
    for _ in 0..12 {
        assert_eq!(app.post(&format!("/api/v1/webhooks/{id}/test"), &token, &json!({})).await.status(), StatusCode::ACCEPTED);
    }
    // On PostgreSQL a second instance: its own state and pool over the same database. SQLite is
    // one process by design, so there the second worker shares the process (and its write lock).
    let settings = (*app.state.settings).clone();
    let other = if settings.is_sqlite() {
        app.state.clone()
    } else {
        api::state::AppState::new(api::db::connect(&settings.database).await.expect("connect"), settings)
    };
    let (a, b) = tokio::join!(api::services::webhooks::deliver_due(&app.state), api::services::webhooks::deliver_due(&other));
    let (a, b) = (a.expect("first worker"), b.expect("second worker"));
    assert_eq!(a + b, 12, "every due delivery was taken by exactly one worker ({a} + {b})");
    let got = receiver.wait_for(12).await;
    let mut ids: Vec<String> = got.iter().map(|r| r.header("x-happyhome-delivery").to_owned()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 12, "no delivery sent twice");
    assert_eq!(api::services::webhooks::deliver_due(&app.state).await.expect("round"), 0, "nothing left to send");
}
