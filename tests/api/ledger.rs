//! The ledger of service time and points (时间银行 · 积分) through the API: credits when a served
//! need is confirmed and their reversal when it is reopened, idempotent transfers, reversals once,
//! area scoping, residents' own statements, and concurrent spends that never overdraw.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, fields, problem, spawn_app};
use crate::needs::{act, submit_as_resident};

async fn ok(res: reqwest::Response, status: StatusCode) -> Value {
    let got = res.status();
    let body: Value = res.json().await.expect("json");
    assert_eq!(got, status, "{body}");
    body
}

/// The balance of the caller's account in `unit` (0 when it has none yet), from `/me/ledger`.
async fn my_balance(app: &TestApp, token: &str, unit: &str) -> i64 {
    let mine = ok(app.get("/api/v1/me/ledger", token).await, StatusCode::OK).await;
    mine["accounts"].as_array().expect("accounts").iter().find(|a| a["unit"] == unit).map_or(0, |a| a["balance"].as_i64().expect("balance"))
}

async fn open(app: &TestApp, staff: &str, kind: &str, holder: i64, unit: &str) -> i64 {
    let body = json!({ "holder_kind": kind, "holder_id": holder, "unit": unit });
    ok(app.post("/api/v1/ledger/accounts", staff, &body).await, StatusCode::OK).await["id"].as_i64().expect("account id")
}

async fn credit(app: &TestApp, staff: &str, account: i64, amount: i64) -> Value {
    let body = json!({ "kind": "adjustment", "to_account_id": account, "amount": amount, "reason": "活动奖励" });
    ok(app.post("/api/v1/ledger/transfers", staff, &body).await, StatusCode::CREATED).await
}

async fn assert_balanced(app: &TestApp) {
    let admin = app.login_as("admin").await;
    let check = ok(app.get("/api/v1/ledger/check", &admin).await, StatusCode::OK).await;
    assert_eq!(check["balanced"], true, "{check}");
    assert_eq!(check["unbalanced_transfers"], 0);
}

/// A need of the demo resident served by the demo volunteer up to resolution with 1.5 hours.
pub async fn resolved_need(app: &TestApp) -> (i64, String, String) {
    let community = app.area_id("缤纷社区").await;
    let (resident, staff, volunteer) = (app.login_as("resident").await, app.login_as("community").await, app.login_as("volunteer").await);
    let volunteer_id = app.user_id("volunteer").await;
    let id = submit_as_resident(app, &resident, community).await["need"]["id"].as_i64().expect("id");
    for (token, body) in [
        (&staff, json!({ "action": "accept" })),
        (&staff, json!({ "action": "dispatch", "assignee_id": volunteer_id })),
        (&volunteer, json!({ "action": "claim" })),
        (&volunteer, json!({ "action": "resolve", "note": "已陪同就医", "hours": 1.5 })),
    ] {
        ok(act(app, token, id, body).await, StatusCode::OK).await;
    }
    (id, resident, volunteer)
}

#[tokio::test]
async fn a_volunteer_is_credited_when_the_need_is_rated_and_loses_it_when_it_is_reopened() {
    let app = spawn_app().await;
    let (id, resident, volunteer) = resolved_need(&app).await;
    assert_eq!(my_balance(&app, &volunteer, "minutes").await, 0, "nothing before confirmation");
    ok(act(&app, &resident, id, json!({ "action": "rate", "rating": 5 })).await, StatusCode::OK).await;
    // 90 minutes; 10 points per hour (15) and 5 for a good rating, the demo district's rule.
    assert_eq!(my_balance(&app, &volunteer, "minutes").await, 90);
    assert_eq!(my_balance(&app, &volunteer, "points").await, 20);
    ok(act(&app, &resident, id, json!({ "action": "object", "note": "问题没有解决" })).await, StatusCode::OK).await;
    assert_eq!(my_balance(&app, &volunteer, "minutes").await, 0);
    assert_eq!(my_balance(&app, &volunteer, "points").await, 0);
    let mine = ok(app.get("/api/v1/me/ledger", &volunteer).await, StatusCode::OK).await;
    let kinds: Vec<&str> = mine["recent"].as_array().expect("recent").iter().filter_map(|l| l["kind"].as_str()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "reversal").count(), 2, "{kinds:?}");
    assert_eq!(kinds.iter().filter(|k| **k == "need_served").count(), 2, "{kinds:?}");
    assert_balanced(&app).await;
}

#[tokio::test]
async fn a_low_rating_credits_nothing_in_the_end() {
    let app = spawn_app().await;
    let (id, resident, volunteer) = resolved_need(&app).await;
    let rated = ok(act(&app, &resident, id, json!({ "action": "rate", "rating": 2 })).await, StatusCode::OK).await;
    assert_eq!(rated["need"]["status"], "accepted");
    assert_eq!(my_balance(&app, &volunteer, "minutes").await, 0);
    assert_eq!(my_balance(&app, &volunteer, "points").await, 0);
    assert_balanced(&app).await;
}

#[tokio::test]
async fn a_retried_transfer_with_the_same_key_is_written_once() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let account = open(&app, &staff, "resident", app.user_id("resident").await, "points").await;
    let body = json!({ "kind": "adjustment", "to_account_id": account, "amount": 30, "reason": "参加垃圾分类宣传" });
    let send =
        || app.request(reqwest::Method::POST, "/api/v1/ledger/transfers", &staff).header("Idempotency-Key", "ledger-1").json(&body).send();
    let first = ok(send().await.expect("POST"), StatusCode::CREATED).await;
    let again = send().await.expect("POST");
    assert_eq!(again.headers().get("Idempotent-Replayed").and_then(|v| v.to_str().ok()), Some("true"));
    assert_eq!(ok(again, StatusCode::CREATED).await["id"], first["id"]);
    assert_eq!(app.count("ledger_transfers").await, 1);
    assert_eq!(my_balance(&app, &app.login_as("resident").await, "points").await, 30);
}

#[tokio::test]
async fn a_transfer_is_reversed_once_and_a_second_reversal_is_409() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let account = open(&app, &staff, "resident", app.user_id("resident").await, "points").await;
    let id = credit(&app, &staff, account, 40).await["id"].as_i64().expect("id");
    let path = format!("/api/v1/ledger/transfers/{id}/reverse");
    let reversal = ok(app.post(&path, &staff, &json!({ "reason": "重复录入" })).await, StatusCode::OK).await;
    assert_eq!(reversal["reverses_id"], id);
    assert_eq!(reversal["kind"], "reversal");
    problem(app.post(&path, &staff, &json!({ "reason": "再次撤销" })).await, 409).await;
    let statement = ok(app.get(&format!("/api/v1/ledger/accounts/{account}/statement"), &staff).await, StatusCode::OK).await;
    let running: Vec<i64> = statement["items"].as_array().expect("items").iter().filter_map(|l| l["balance_after"].as_i64()).collect();
    assert_eq!(running, vec![0, 40], "newest first, with the running balance");
    assert_balanced(&app).await;
}

/// 已冲正 on the statement: the reversed line names its reversal; the reversal and any line not
/// reversed name none. The resident's own statement says the same.
#[tokio::test]
async fn a_statement_line_names_the_transfer_that_reversed_it() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let account = open(&app, &staff, "resident", app.user_id("resident").await, "points").await;
    let kept = credit(&app, &staff, account, 7).await["id"].as_i64().expect("id");
    let undone = credit(&app, &staff, account, 40).await["id"].as_i64().expect("id");
    let path = format!("/api/v1/ledger/transfers/{undone}/reverse");
    let reversal = ok(app.post(&path, &staff, &json!({ "reason": "重复录入" })).await, StatusCode::OK).await["id"].as_i64().expect("id");
    let statement = ok(app.get(&format!("/api/v1/ledger/accounts/{account}/statement"), &staff).await, StatusCode::OK).await;
    let by_transfer = |statement: &Value, transfer: i64| {
        let items = statement["items"].as_array().expect("items");
        items.iter().find(|l| l["transfer_id"] == transfer).map(|l| l["reversed_by"].clone()).expect("line")
    };
    assert_eq!(by_transfer(&statement, undone), json!(reversal));
    assert_eq!(by_transfer(&statement, reversal), Value::Null);
    assert_eq!(by_transfer(&statement, kept), Value::Null);
    let own =
        ok(app.get(&format!("/api/v1/ledger/accounts/{account}/statement"), &app.login_as("resident").await).await, StatusCode::OK).await;
    assert_eq!(by_transfer(&own, undone), json!(reversal));
}

#[tokio::test]
async fn an_account_of_another_area_is_not_found() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let account = open(&app, &staff, "resident", app.user_id("resident").await, "minutes").await;
    let far_staff = app.login_as("community2").await;
    problem(app.get(&format!("/api/v1/ledger/accounts/{account}/statement"), &far_staff).await, 404).await;
    let body = json!({ "kind": "adjustment", "to_account_id": account, "amount": 60, "reason": "跨区调整" });
    let p = problem(app.post("/api/v1/ledger/transfers", &far_staff, &body).await, 422).await;
    assert_eq!(fields(&p), vec!["/to_account_id"]);
    let listed = ok(app.get("/api/v1/ledger/accounts", &far_staff).await, StatusCode::OK).await;
    assert!(listed["items"].as_array().expect("items").iter().all(|a| a["id"] != account));
}

#[tokio::test]
async fn a_resident_reads_their_own_statement_and_nobody_elses() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let own = open(&app, &staff, "resident", app.user_id("resident").await, "minutes").await;
    let other = open(&app, &staff, "volunteer", app.user_id("volunteer").await, "minutes").await;
    let resident = app.login_as("resident").await;
    ok(app.get(&format!("/api/v1/ledger/accounts/{own}/statement"), &resident).await, StatusCode::OK).await;
    problem(app.get(&format!("/api/v1/ledger/accounts/{other}/statement"), &resident).await, 404).await;
    problem(app.get("/api/v1/ledger/accounts", &resident).await, 403).await;
}

#[tokio::test]
async fn a_bad_transfer_names_every_field() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let body = json!({ "kind": "gift", "from_account_id": 999_999, "amount": 0, "reason": "" });
    let mut got = fields(&problem(app.post("/api/v1/ledger/transfers", &staff, &body).await, 422).await);
    got.sort();
    assert_eq!(got, vec!["/amount", "/reason"]);
    let body = json!({ "kind": "gift", "from_account_id": 999_999, "amount": 10, "reason": "赠送时长" });
    let mut got = fields(&problem(app.post("/api/v1/ledger/transfers", &staff, &body).await, 422).await);
    got.sort();
    assert_eq!(got, vec!["/from_account_id", "/to_account_id"]);
}

#[tokio::test]
async fn fifty_concurrent_spends_of_ten_points_from_a_hundred_leave_exactly_zero() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let account = open(&app, &staff, "resident", app.user_id("resident").await, "points").await;
    credit(&app, &staff, account, 100).await;
    let mut spends = tokio::task::JoinSet::new();
    for n in 0..50 {
        let request = app.request(reqwest::Method::POST, "/api/v1/ledger/transfers", &staff).json(&json!({
            "kind": "adjustment", "from_account_id": account, "amount": 10, "reason": format!("兑换 {n}") }));
        spends.spawn(async move {
            let res = request.send().await.expect("POST");
            let status = res.status();
            (status, res.json::<Value>().await.expect("json"))
        });
    }
    let (mut taken, mut refused) = (0, 0);
    while let Some(joined) = spends.join_next().await {
        let (status, body) = joined.expect("task");
        match status {
            StatusCode::CREATED => taken += 1,
            StatusCode::UNPROCESSABLE_ENTITY => {
                assert_eq!(body["errors"][0]["code"], "insufficient_balance", "{body}");
                refused += 1;
            }
            other => panic!("unexpected {other}: {body}"),
        }
    }
    assert_eq!((taken, refused), (10, 40));
    let statement = ok(app.get(&format!("/api/v1/ledger/accounts/{account}/statement?limit=200"), &staff).await, StatusCode::OK).await;
    assert_eq!(statement["account"]["balance"], 0);
    assert!(statement["items"].as_array().expect("items").iter().all(|l| l["balance_after"].as_i64() >= Some(0)));
    assert_balanced(&app).await;
}

#[tokio::test]
async fn hours_are_given_to_a_neighbour_down_to_the_overdraft_and_donated_to_the_pool() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let giver = open(&app, &staff, "resident", app.user_id("resident").await, "minutes").await;
    let receiver = open(&app, &staff, "volunteer", app.user_id("volunteer").await, "minutes").await;
    credit(&app, &staff, giver, 30).await;
    // 缤纷社区 lets people overdraw their time by 60 minutes (the demo rule).
    let gift = |amount: i64| json!({ "kind": "gift", "from_account_id": giver, "to_account_id": receiver, "amount": amount, "reason": "赠送给邻居" });
    ok(app.post("/api/v1/ledger/transfers", &staff, &gift(80)).await, StatusCode::CREATED).await;
    let p = problem(app.post("/api/v1/ledger/transfers", &staff, &gift(20)).await, 422).await;
    assert_eq!(p["errors"][0]["code"], "insufficient_balance");
    let donation = json!({ "kind": "donation", "from_account_id": receiver, "amount": 40, "reason": "捐赠给社区时间银行" });
    let donated = ok(app.post("/api/v1/ledger/transfers", &staff, &donation).await, StatusCode::CREATED).await;
    let pool = donated["postings"].as_array().expect("postings").iter().find(|p| p["account_id"] != receiver).expect("pool leg").clone();
    assert_eq!((pool["amount"].as_i64(), pool["balance_after"].as_i64()), (Some(40), Some(40)));
    assert_eq!(my_balance(&app, &app.login_as("resident").await, "minutes").await, -50);
    assert_eq!(my_balance(&app, &app.login_as("volunteer").await, "minutes").await, 40);
    let points = open(&app, &staff, "resident", app.user_id("resident").await, "points").await;
    let mixed = json!({ "kind": "gift", "from_account_id": points, "to_account_id": receiver, "amount": 1, "reason": "积分不能当时长" });
    assert_eq!(fields(&problem(app.post("/api/v1/ledger/transfers", &staff, &mixed).await, 422).await), vec!["/from_account_id"]);
    assert_balanced(&app).await;
}
