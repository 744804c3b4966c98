//! The time bank (时间银行) through the API: a resident spends banked minutes on a need another
//! volunteer served (and gets them back when it is reopened), a payer short of time leaves the
//! minutes to the community without crossing the overdraft, staff alone grant the community pool,
//! and gifts of hours to family move only when the receiver accepts.

use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, fields, problem, spawn_app};
use crate::ledger::resolved_need;
use crate::needs::act;

async fn ok(res: Response, status: StatusCode) -> Value {
    let got = res.status();
    let body: Value = res.json().await.expect("json");
    assert_eq!(got, status, "{body}");
    body
}

/// The minutes account of a person (opened by staff) and its balance.
async fn minutes(app: &TestApp, staff: &str, kind: &str, user: i64) -> (i64, i64) {
    let open = json!({ "holder_kind": kind, "holder_id": user, "unit": "minutes" });
    let a = ok(app.post("/api/v1/ledger/accounts", staff, &open).await, StatusCode::OK).await;
    (a["id"].as_i64().expect("id"), a["balance"].as_i64().expect("balance"))
}

async fn grant(app: &TestApp, staff: &str, account: i64, amount: i64) {
    let body = json!({ "kind": "adjustment", "to_account_id": account, "amount": amount, "reason": "补录服务时长" });
    ok(app.post("/api/v1/ledger/transfers", staff, &body).await, StatusCode::CREATED).await;
}

async fn choose(app: &TestApp, token: &str, need: i64, payer: &str) -> Response {
    app.request(Method::PUT, &format!("/api/v1/needs/{need}/time-payment"), token)
        .json(&json!({ "payer": payer }))
        .send()
        .await
        .expect("PUT")
}

/// The reason of the latest transfer from a need.
async fn need_memo(app: &TestApp, staff: &str, account: i64) -> String {
    let statement = ok(app.get(&format!("/api/v1/ledger/accounts/{account}/statement"), staff).await, StatusCode::OK).await;
    statement["items"][0]["reason"].as_str().expect("reason").to_owned()
}

async fn assert_balanced(app: &TestApp) {
    let admin = app.login_as("admin").await;
    let check = ok(app.get("/api/v1/ledger/check", &admin).await, StatusCode::OK).await;
    assert_eq!(check["balanced"], true, "{check}");
}

#[tokio::test]
async fn a_resident_pays_a_served_need_with_banked_minutes_and_gets_them_back_when_it_is_reopened() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let (bank, _) = minutes(&app, &staff, "resident", app.user_id("resident").await).await;
    grant(&app, &staff, bank, 120).await;
    let (id, resident, _) = resolved_need(&app).await;
    let (served, _) = minutes(&app, &staff, "volunteer", app.user_id("volunteer").await).await;
    let seen = ok(app.get(&format!("/api/v1/needs/{id}/time-payment"), &resident).await, StatusCode::OK).await;
    assert_eq!(seen["payer"], "community", "the community issues by default");
    let chosen = ok(choose(&app, &resident, id, "requester").await, StatusCode::OK).await;
    assert_eq!(chosen["payer"], "requester");

    ok(act(&app, &resident, id, json!({ "action": "rate", "rating": 5 })).await, StatusCode::OK).await;
    assert_eq!(minutes(&app, &staff, "resident", app.user_id("resident").await).await.1, 30, "120 less the 90 served");
    assert_eq!(minutes(&app, &staff, "volunteer", app.user_id("volunteer").await).await.1, 90);
    assert!(need_memo(&app, &staff, served).await.contains("由申请人时间账户支付"));
    problem(choose(&app, &resident, id, "community").await, 409).await;

    // Reopened: the reversal gives the resident their minutes back.
    ok(act(&app, &resident, id, json!({ "action": "object", "note": "问题没有解决" })).await, StatusCode::OK).await;
    assert_eq!(minutes(&app, &staff, "resident", app.user_id("resident").await).await.1, 120);
    assert_eq!(minutes(&app, &staff, "volunteer", app.user_id("volunteer").await).await.1, 0);
    assert_balanced(&app).await;
}

#[tokio::test]
async fn a_payer_short_of_minutes_leaves_them_to_the_community_and_never_passes_the_overdraft() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let (id, resident, _) = resolved_need(&app).await;
    // 0 minutes banked, a 60-minute overdraft (the demo rule) and 90 minutes served.
    ok(choose(&app, &resident, id, "requester").await, StatusCode::OK).await;
    ok(act(&app, &resident, id, json!({ "action": "rate", "rating": 4 })).await, StatusCode::OK).await;
    assert_eq!(minutes(&app, &staff, "resident", app.user_id("resident").await).await.1, 0);
    let (served, balance) = minutes(&app, &staff, "volunteer", app.user_id("volunteer").await).await;
    assert_eq!(balance, 90, "the volunteer is paid all the same");
    assert!(need_memo(&app, &staff, served).await.contains("由社区发放"));
    assert_balanced(&app).await;
}

#[tokio::test]
async fn only_staff_grant_the_community_pool_and_the_pool_pays_what_donors_gave() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let (giver, _) = minutes(&app, &staff, "volunteer", app.user_id("volunteer").await).await;
    grant(&app, &staff, giver, 100).await;
    let donation = json!({ "kind": "donation", "from_account_id": giver, "amount": 100, "reason": "捐赠给社区时间银行" });
    ok(app.post("/api/v1/ledger/transfers", &staff, &donation).await, StatusCode::CREATED).await;

    let (id, resident, _) = resolved_need(&app).await;
    let refused = problem(choose(&app, &resident, id, "community_pool").await, 403).await;
    assert!(refused["detail"].as_str().is_some_and(|d| d.contains("adjust the ledger")), "{refused}");
    let bad = problem(
        app.request(Method::PUT, &format!("/api/v1/needs/{id}/time-payment"), &resident)
            .json(&json!({ "payer": "bank" }))
            .send()
            .await
            .expect("PUT"),
        422,
    )
    .await;
    assert_eq!(fields(&bad), ["/payer"]);
    ok(choose(&app, &staff, id, "community_pool").await, StatusCode::OK).await;
    // A pool grant is staff's to change.
    problem(choose(&app, &resident, id, "requester").await, 403).await;
    ok(act(&app, &resident, id, json!({ "action": "rate", "rating": 5 })).await, StatusCode::OK).await;

    let community = app.area_id("缤纷社区").await;
    let pool = json!({ "holder_kind": "community_pool", "holder_id": community, "unit": "minutes" });
    let pool = ok(app.post("/api/v1/ledger/accounts", &staff, &pool).await, StatusCode::OK).await;
    assert_eq!(pool["balance"], 10, "100 donated less the 90 served");
    assert_eq!(minutes(&app, &staff, "volunteer", app.user_id("volunteer").await).await.1, 90);
    let admin = app.login_as("district").await;
    let audited = ok(app.get("/api/v1/audit?entity=need_time_payment", &admin).await, StatusCode::OK).await;
    assert_eq!(audited["items"].as_array().map(Vec::len), Some(1), "{audited}");
    assert_balanced(&app).await;
}

#[tokio::test]
async fn hours_given_to_family_move_only_when_the_receiver_accepts() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let (resident, volunteer) = (app.login_as("resident").await, app.login_as("volunteer").await);
    let (giver, receiver) = (app.user_id("resident").await, app.user_id("volunteer").await);
    let (bank, _) = minutes(&app, &staff, "resident", giver).await;
    grant(&app, &staff, bank, 100).await;

    // Every bad field at once: nobody to receive, and more than 100 + the 60-minute overdraft.
    let bad = problem(app.post("/api/v1/time-bank/gifts", &resident, &json!({ "receiver_id": 999_999, "minutes": 200 })).await, 422).await;
    let mut got = fields(&bad);
    got.sort();
    assert_eq!(got, ["/minutes", "/receiver_id"]);
    let body = json!({ "receiver_id": receiver, "minutes": 80, "note": "给家人用于上门助浴" });
    let offer = ok(app.post("/api/v1/time-bank/gifts", &resident, &body).await, StatusCode::CREATED).await;
    assert_eq!(offer["status"], "offered");
    let id = offer["id"].as_i64().expect("id");
    assert_eq!(minutes(&app, &staff, "resident", giver).await.1, 100, "nothing moves on offering");

    problem(app.post(&format!("/api/v1/time-bank/gifts/{id}/accept"), &resident, &json!({})).await, 403).await;
    problem(app.post(&format!("/api/v1/time-bank/gifts/{id}/accept"), &app.login_as("resident2").await, &json!({})).await, 404).await;
    let accepted = ok(app.post(&format!("/api/v1/time-bank/gifts/{id}/accept"), &volunteer, &json!({})).await, StatusCode::OK).await;
    assert_eq!(accepted["status"], "accepted");
    assert!(accepted["transfer_id"].is_i64());
    problem(app.post(&format!("/api/v1/time-bank/gifts/{id}/decline"), &volunteer, &json!({})).await, 409).await;
    assert_eq!(minutes(&app, &staff, "resident", giver).await.1, 20);
    assert_eq!(minutes(&app, &staff, "volunteer", receiver).await.1, 80);

    let second =
        ok(app.post("/api/v1/time-bank/gifts", &resident, &json!({ "receiver_id": receiver, "minutes": 10 })).await, StatusCode::CREATED)
            .await;
    let second = second["id"].as_i64().expect("id");
    let declined = ok(app.post(&format!("/api/v1/time-bank/gifts/{second}/decline"), &volunteer, &json!({})).await, StatusCode::OK).await;
    assert_eq!(declined["status"], "declined");
    assert!(declined["transfer_id"].is_null());
    assert_eq!(minutes(&app, &staff, "resident", giver).await.1, 20);
    let listed = ok(app.get("/api/v1/time-bank/gifts", &volunteer).await, StatusCode::OK).await;
    let statuses: Vec<&str> = listed["items"].as_array().expect("items").iter().filter_map(|o| o["status"].as_str()).collect();
    assert_eq!(statuses, ["declined", "accepted"], "newest first");
    problem(app.get("/api/v1/time-bank/gifts", &staff).await, 403).await;
    assert_balanced(&app).await;
}
