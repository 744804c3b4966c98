//! Offers of hours (时长转赠) after they are made: the giver withdraws one that waits, an offer nobody
//! answers for a week expires (read as expired at once, answered with a 409 that says so, stored by
//! one sweep of several), an offer is closed once only, and each side hears of what the other did.

use chrono::Duration;
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, problem, spawn_app};

async fn ok(res: Response, status: StatusCode) -> Value {
    let got = res.status();
    let body: Value = res.json().await.expect("json");
    assert_eq!(got, status, "{body}");
    body
}

/// An offer of `minutes` from the demo resident to the demo volunteer: its id.
async fn offer(app: &TestApp, resident: &str, minutes: i64) -> i64 {
    let receiver = app.user_id("volunteer").await;
    let body = json!({ "receiver_id": receiver, "minutes": minutes, "note": "给家人" });
    let made = ok(app.post("/api/v1/time-bank/gifts", resident, &body).await, StatusCode::CREATED).await;
    made["id"].as_i64().expect("id")
}

async fn act(app: &TestApp, token: &str, id: i64, what: &str) -> Response {
    app.post(&format!("/api/v1/time-bank/gifts/{id}/{what}"), token, &json!({})).await
}

/// The kinds of `token`'s notifications about offer `id`, newest first.
async fn heard(app: &TestApp, token: &str, id: i64) -> Vec<String> {
    let inbox = ok(app.get("/api/v1/me/notifications", token).await, StatusCode::OK).await;
    let items = inbox["items"].as_array().expect("items");
    let about = items.iter().filter(|n| n["subject"]["kind"] == "gift_offer" && n["subject"]["id"] == id);
    about.filter_map(|n| n["kind"].as_str().map(str::to_owned)).collect()
}

async fn balance_of(app: &TestApp, token: &str) -> i64 {
    let mine = ok(app.get("/api/v1/me/ledger", token).await, StatusCode::OK).await;
    let accounts = mine["accounts"].as_array().expect("accounts");
    accounts.iter().find(|a| a["unit"] == "minutes").map_or(0, |a| a["balance"].as_i64().expect("balance"))
}

#[tokio::test]
async fn the_giver_withdraws_a_waiting_offer_and_the_receiver_is_told_and_can_no_longer_accept() {
    let app = spawn_app().await;
    let (resident, volunteer) = (app.login_as("resident").await, app.login_as("volunteer").await);
    let before = balance_of(&app, &volunteer).await;
    let id = offer(&app, &resident, 5).await;
    assert_eq!(heard(&app, &volunteer, id).await, ["gift_offered"], "the receiver hears of the offer");

    problem(act(&app, &volunteer, id, "withdraw").await, 403).await;
    problem(act(&app, &app.login_as("resident2").await, id, "withdraw").await, 404).await;
    let withdrawn = ok(act(&app, &resident, id, "withdraw").await, StatusCode::OK).await;
    assert_eq!(withdrawn["status"], "withdrawn");
    assert!(withdrawn["answered_at"].is_string());
    assert!(withdrawn["transfer_id"].is_null());
    assert_eq!(heard(&app, &volunteer, id).await, ["gift_withdrawn", "gift_offered"]);

    let late = problem(act(&app, &volunteer, id, "accept").await, 409).await;
    assert!(late["detail"].as_str().is_some_and(|d| d.contains("withdrawn")), "{late}");
    problem(act(&app, &resident, id, "withdraw").await, 409).await;
    assert_eq!(balance_of(&app, &volunteer).await, before, "nothing moved");
    let audited = app.count("audit_log WHERE entity = 'gift_offer' AND action = 'withdraw'").await;
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn an_offer_unanswered_for_a_week_reads_as_expired_refuses_answers_and_one_sweep_tells_the_giver() {
    let app = spawn_app().await;
    let (resident, volunteer) = (app.login_as("resident").await, app.login_as("volunteer").await);
    let before = balance_of(&app, &volunteer).await;
    let id = offer(&app, &resident, 5).await;
    let fresh = ok(app.get(&format!("/api/v1/time-bank/gifts/{id}"), &volunteer).await, StatusCode::OK).await;
    assert_eq!(fresh["status"], "offered");
    assert_eq!(api::services::ledger::gift_expiry::sweep(&app.state).await.expect("sweep"), 0, "not due yet");

    app.state.clock.advance(Duration::days(7) + Duration::minutes(1));
    // Lazily: expired before any sweep has written it.
    let read = ok(app.get(&format!("/api/v1/time-bank/gifts/{id}"), &resident).await, StatusCode::OK).await;
    assert_eq!(read["status"], "expired");
    let refused = problem(act(&app, &volunteer, id, "accept").await, 409).await;
    assert!(refused["detail"].as_str().is_some_and(|d| d.contains("expired")), "{refused}");
    problem(act(&app, &volunteer, id, "decline").await, 409).await;
    problem(act(&app, &resident, id, "withdraw").await, 409).await;

    let sweeps = tokio::join!(api::services::ledger::gift_expiry::sweep(&app.state), api::services::ledger::gift_expiry::sweep(&app.state));
    assert_eq!(sweeps.0.expect("sweep") + sweeps.1.expect("sweep"), 1, "one sweep takes the offer, the other finds nothing");
    assert_eq!(api::services::ledger::gift_expiry::sweep(&app.state).await.expect("sweep"), 0);
    assert_eq!(app.count(&format!("gift_offers WHERE id = {id} AND status = 'expired'")).await, 1);
    assert_eq!(heard(&app, &resident, id).await, ["gift_expired"], "the giver is told once");
    assert_eq!(balance_of(&app, &volunteer).await, before, "nothing moved");
}

#[tokio::test]
async fn an_offer_is_closed_once_and_the_giver_hears_the_answer() {
    let app = spawn_app().await;
    let (resident, volunteer) = (app.login_as("resident").await, app.login_as("volunteer").await);
    let before = balance_of(&app, &volunteer).await;
    let accepted = offer(&app, &resident, 5).await;
    ok(act(&app, &volunteer, accepted, "accept").await, StatusCode::OK).await;
    let again = problem(act(&app, &volunteer, accepted, "accept").await, 409).await;
    assert!(again["detail"].as_str().is_some_and(|d| d.contains("accepted")), "{again}");
    problem(act(&app, &volunteer, accepted, "decline").await, 409).await;
    problem(act(&app, &resident, accepted, "withdraw").await, 409).await;
    assert_eq!(heard(&app, &resident, accepted).await, ["gift_accepted"]);
    assert_eq!(balance_of(&app, &volunteer).await, before + 5);

    let declined = offer(&app, &resident, 3).await;
    ok(act(&app, &volunteer, declined, "decline").await, StatusCode::OK).await;
    assert_eq!(heard(&app, &resident, declined).await, ["gift_declined"]);

    // An accept and a withdrawal at once: one of them closes the offer, the other gets a 409.
    let raced = offer(&app, &resident, 2).await;
    let (a, w) = tokio::join!(act(&app, &volunteer, raced, "accept"), act(&app, &resident, raced, "withdraw"));
    let mut codes = [a.status().as_u16(), w.status().as_u16()];
    codes.sort_unstable();
    assert_eq!(codes, [200, 409]);
    let seen = ok(app.get(&format!("/api/v1/time-bank/gifts/{raced}"), &resident).await, StatusCode::OK).await;
    let moved = balance_of(&app, &volunteer).await - before - 5;
    assert_eq!(moved, if seen["status"] == "accepted" { 2 } else { 0 }, "{seen}");
    let admin = app.login_as("admin").await;
    let check = ok(app.get("/api/v1/ledger/check", &admin).await, StatusCode::OK).await;
    assert_eq!(check["balanced"], true, "{check}");
}
