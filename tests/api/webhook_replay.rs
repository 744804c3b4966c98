//! Replaying a webhook delivery: a new delivery with the same event and data and an id of its own,
//! sent by the worker like any other (once, with several workers), audited; only the endpoint's
//! owner (or the platform admin) may replay, and only deliveries of that endpoint.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{problem, spawn_with};
use crate::webhook_receiver::Receiver;
use crate::webhooks::register;

#[tokio::test]
async fn a_failed_delivery_is_sent_again_as_a_new_delivery_with_the_same_event_and_data() {
    let app = spawn_with(|s| {
        s.webhooks.poll_interval_ms = 0;
        s.webhooks.max_attempts = 1;
    })
    .await;
    let receiver = Receiver::start(1);
    let id = register(&app, "integration", &receiver.url, json!([])).await;
    let token = app.login_as("integration").await;
    let ping: Value = app.post(&format!("/api/v1/webhooks/{id}/test"), &token, &json!({})).await.json().await.expect("json");
    let deliver = || api::services::webhooks::deliver_due(&app.state);
    assert_eq!(deliver().await.expect("round"), 1);
    let failed: Value = app.get(&format!("/api/v1/webhooks/{id}/deliveries?status=failed"), &token).await.json().await.expect("json");
    assert_eq!(failed["items"][0]["id"], ping["id"], "one attempt allowed, and it failed");

    let res = app.post(&format!("/api/v1/webhooks/{id}/deliveries/{}/replay", ping["id"]), &token, &json!({})).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let copy: Value = res.json().await.expect("json");
    assert_ne!(copy["id"], ping["id"], "a replay is a delivery of its own");
    assert_eq!((&copy["status"], &copy["attempts"], &copy["event"]), (&json!("pending"), &json!(0), &json!("ping")));
    assert_eq!(copy["payload"]["data"], ping["payload"]["data"]);
    assert_eq!(copy["payload"]["id"], copy["id"]);

    // Two workers over one database: the copy is sent once.
    let (a, b) = tokio::join!(deliver(), deliver());
    assert_eq!(a.expect("first worker") + b.expect("second worker"), 1);
    let got = receiver.received();
    assert_eq!(got.iter().map(|r| r.answered).collect::<Vec<_>>(), [500, 200]);
    assert_eq!(got[1].header("x-happyhome-delivery"), copy["id"].to_string());
    let log: Value = app.get(&format!("/api/v1/webhooks/{id}/deliveries"), &token).await.json().await.expect("json");
    assert_eq!((&log["items"][0]["id"], &log["items"][0]["status"]), (&copy["id"], &json!("delivered")));
    assert_eq!((&log["items"][1]["id"], &log["items"][1]["status"]), (&ping["id"], &json!("failed")), "the original stays as it was");

    let admin = app.login_as("admin").await;
    let audit: Value = app.get(&format!("/api/v1/audit?entity=webhook&entity_id={id}"), &admin).await.json().await.expect("json");
    let replay = &audit["items"][0];
    assert_eq!(replay["action"], "replay");
    assert_eq!(replay["after"]["replay_of"], ping["id"]);
    assert_eq!(replay["after"]["delivery_id"], copy["id"]);
}

#[tokio::test]
async fn only_the_owner_replays_and_only_deliveries_of_that_endpoint() {
    let app = spawn_with(|s| s.webhooks.poll_interval_ms = 0).await;
    let mine = register(&app, "integration", "http://127.0.0.1:9/hook", json!([])).await;
    let other = register(&app, "district", "http://127.0.0.1:9/other", json!([])).await;
    let token = app.login_as("integration").await;
    let ping: Value = app.post(&format!("/api/v1/webhooks/{mine}/test"), &token, &json!({})).await.json().await.expect("json");
    let path = format!("/api/v1/webhooks/{mine}/deliveries/{}/replay", ping["id"]);
    let before = app.count("webhook_deliveries").await;

    for username in ["resident", "community", "street"] {
        problem(app.post(&path, &app.login_as(username).await, &json!({})).await, 403).await;
    }
    // The district admin may replay, but not another's endpoint: it does not exist for them.
    problem(app.post(&path, &app.login_as("district").await, &json!({})).await, 404).await;
    // A delivery of another endpoint, named under one's own, does not exist either.
    let theirs = format!("/api/v1/webhooks/{other}/deliveries/{}/replay", ping["id"]);
    problem(app.post(&theirs, &app.login_as("district").await, &json!({})).await, 404).await;
    problem(app.post(&format!("/api/v1/webhooks/{mine}/deliveries/999999/replay"), &token, &json!({})).await, 404).await;
    assert_eq!(app.count("webhook_deliveries").await, before, "nothing queued by a refusal");

    // A switched-off endpoint gets no replay; the platform admin replays any endpoint's delivery.
    app.patch(&format!("/api/v1/webhooks/{mine}"), &token, &json!({ "active": false })).await;
    problem(app.post(&path, &token, &json!({})).await, 409).await;
    app.patch(&format!("/api/v1/webhooks/{mine}"), &token, &json!({ "active": true })).await;
    assert_eq!(app.post(&path, &app.login_as("admin").await, &json!({})).await.status(), StatusCode::ACCEPTED);
    assert_eq!(app.count("webhook_deliveries").await, before + 1);
}
