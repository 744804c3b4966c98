//! Points rules as data per district (积分规则) through the API: district admins read and set them
//! (a community only its overdraft; every bad field named at once), taking part in consultation and
//! surveys and attending an activity earn points once, in the event's transaction, and the daily
//! and monthly caps clip a credit — never past the cap — saying so in the transfer's memo.

use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

use crate::activities::{open_activity, sign_up};
use crate::consultation::{set_rules, topic_on_notice};
use crate::helpers::{TestApp, fields, problem, spawn_app};
use crate::surveys::{open_satisfaction_survey, satisfaction_answers};

async fn ok(res: Response, status: StatusCode) -> Value {
    let got = res.status();
    let body: Value = res.json().await.expect("json");
    assert_eq!(got, status, "{body}");
    body
}

async fn put_rules(app: &TestApp, token: &str, area: i64, body: &Value) -> Response {
    app.request(Method::PUT, &format!("/api/v1/ledger/rules/{area}"), token).json(body).send().await.expect("PUT")
}

/// The caller's points and the reasons of their points postings, newest first.
async fn my_points(app: &TestApp, token: &str) -> (i64, Vec<String>) {
    let mine = ok(app.get("/api/v1/me/ledger", token).await, StatusCode::OK).await;
    let account = mine["accounts"].as_array().expect("accounts").iter().find(|a| a["unit"] == "points").cloned();
    let Some(account) = account else { return (0, Vec::new()) };
    let id = account["id"].as_i64().expect("id");
    let statement = ok(app.get(&format!("/api/v1/ledger/accounts/{id}/statement"), token).await, StatusCode::OK).await;
    let reasons = statement["items"].as_array().expect("items").iter().filter_map(|l| l["reason"].as_str().map(str::to_owned)).collect();
    (account["balance"].as_i64().expect("balance"), reasons)
}

async fn assert_balanced(app: &TestApp) {
    let admin = app.login_as("admin").await;
    let check = ok(app.get("/api/v1/ledger/check", &admin).await, StatusCode::OK).await;
    assert_eq!(check["balanced"], true, "{check}");
}

/// Sets the demo district's rules: its points per hour and good rating, plus `extra`.
async fn district_rules(app: &TestApp, extra: Value) -> i64 {
    let district = app.area_id("滨江区").await;
    let mut body = json!({ "points_per_hour": 10, "points_per_good_rating": 5 });
    if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        body.extend(extra.clone());
    }
    let admin = app.login_as("district").await;
    ok(put_rules(app, &admin, district, &body).await, StatusCode::OK).await;
    district
}

#[tokio::test]
async fn a_district_admin_sets_the_rules_and_a_community_sets_only_its_overdraft() {
    let app = spawn_app().await;
    let (district, community) = (app.area_id("滨江区").await, app.area_id("缤纷社区").await);
    let admin = app.login_as("district").await;
    let staff = app.login_as("community").await;
    // The demo: 10 points per hour, 5 per good rating at the district; a 60-minute overdraft in 缤纷社区.
    let seen = ok(app.get(&format!("/api/v1/ledger/rules/{community}"), &staff).await, StatusCode::OK).await;
    assert_eq!(seen["own"]["overdraft_minutes"], 60);
    assert!(seen["own"]["points_per_hour"].is_null(), "{seen}");
    assert_eq!(seen["effective"]["points_per_hour"], 10);
    assert!(seen["effective"]["daily_points_cap"].is_null());

    let body = json!({ "points_per_hour": 10, "points_per_good_rating": 5, "points_per_survey": 2, "daily_points_cap": 20, "monthly_points_cap": 200 });
    problem(put_rules(&app, &staff, district, &body).await, 403).await;
    let set = ok(put_rules(&app, &admin, district, &body).await, StatusCode::OK).await;
    assert_eq!(set["effective"]["points_per_survey"], 2);
    let below = ok(app.get(&format!("/api/v1/ledger/rules/{community}"), &staff).await, StatusCode::OK).await;
    assert_eq!((below["effective"]["daily_points_cap"].as_i64(), below["effective"]["overdraft_minutes"].as_i64()), (Some(20), Some(60)));

    // Every bad field at once: out of range by the schema, then what a community may not set.
    let bad = problem(put_rules(&app, &admin, district, &json!({ "points_per_survey": -1, "overdraft_minutes": -5 })).await, 422).await;
    let mut got = fields(&bad);
    got.sort();
    assert_eq!(got, ["/overdraft_minutes", "/points_per_survey"]);
    let bad = problem(
        put_rules(&app, &admin, community, &json!({ "overdraft_minutes": 30, "points_per_activity": 5, "daily_points_cap": 9 })).await,
        422,
    )
    .await;
    let mut got = fields(&bad);
    got.sort();
    assert_eq!(got, ["/daily_points_cap", "/points_per_activity"]);
    let bad = problem(put_rules(&app, &admin, district, &json!({ "daily_points_cap": 50, "monthly_points_cap": 40 })).await, 422).await;
    assert_eq!(fields(&bad), ["/monthly_points_cap"]);
    let other = app.area_id("静安区").await;
    problem(put_rules(&app, &admin, other, &json!({ "points_per_hour": 1 })).await, 404).await;

    let audited = ok(app.get("/api/v1/audit?entity=ledger_rules", &admin).await, StatusCode::OK).await;
    assert_eq!(audited["items"].as_array().map(Vec::len), Some(1), "{audited}");
}

#[tokio::test]
async fn taking_part_earns_points_once_and_the_daily_cap_clips_with_a_memo() {
    let app = spawn_app().await;
    district_rules(&app, json!({ "points_per_consultation": 3, "points_per_survey": 4, "daily_points_cap": 5 })).await;
    let community = app.area_id("缤纷社区").await;
    let (staff, resident) = (app.login_as("community").await, app.login_as("resident").await);
    set_rules(&app, &staff, community, 10).await;
    let topic = topic_on_notice(&app, &staff, community).await;
    ok(app.post(&format!("/api/v1/topics/{topic}/cosign"), &resident, &json!({})).await, StatusCode::OK).await;
    assert_eq!(my_points(&app, &resident).await.0, 3);
    // Co-signing again is refused and earns nothing more.
    problem(app.post(&format!("/api/v1/topics/{topic}/cosign"), &resident, &json!({})).await, 409).await;
    assert_eq!(my_points(&app, &resident).await.0, 3);

    // The survey would earn 4; 2 are left under the daily cap of 5, and the memo says so.
    let survey = open_satisfaction_survey(&app, &staff, community).await;
    let body = json!({ "answers": satisfaction_answers() });
    ok(app.post(&format!("/api/v1/surveys/{survey}/responses"), &resident, &body).await, StatusCode::CREATED).await;
    let (points, reasons) = my_points(&app, &resident).await;
    assert_eq!(points, 5, "never past the cap");
    assert!(reasons[0].contains("问卷") && reasons[0].contains("每日积分上限 5 分"), "{reasons:?}");
    assert!(!reasons[1].contains("上限"), "{reasons:?}");

    // Nothing is left today: the next co-sign earns nothing and writes no transfer.
    let second = topic_on_notice(&app, &staff, community).await;
    ok(app.post(&format!("/api/v1/topics/{second}/cosign"), &resident, &json!({})).await, StatusCode::OK).await;
    assert_eq!(my_points(&app, &resident).await.0, 5);
    assert_eq!(app.count("ledger_transfers WHERE kind = 'participation'").await, 2);
    // Tomorrow there is room again.
    app.state.clock.advance(chrono::Duration::days(1));
    let third = topic_on_notice(&app, &staff, community).await;
    ok(app.post(&format!("/api/v1/topics/{third}/cosign"), &resident, &json!({})).await, StatusCode::OK).await;
    assert_eq!(my_points(&app, &resident).await.0, 8);
    assert_balanced(&app).await;
}

#[tokio::test]
async fn attending_an_activity_earns_its_points_clipped_by_the_monthly_cap() {
    let app = spawn_app().await;
    district_rules(&app, json!({ "points_per_activity": 6, "monthly_points_cap": 4 })).await;
    let (staff, volunteer) = (app.login_as("community").await, app.login_as("volunteer").await);
    let id = open_activity(&app, &staff, 10, 60).await;
    let signup = sign_up(&app, &volunteer, id).await["id"].as_i64().expect("signup");
    let attendance = format!("/api/v1/activities/{id}/signups/{signup}/attendance");
    ok(app.post(&attendance, &staff, &json!({ "step": "check_in" })).await, StatusCode::OK).await;
    ok(app.post(&attendance, &staff, &json!({ "step": "check_out" })).await, StatusCode::OK).await;
    let (points, reasons) = my_points(&app, &volunteer).await;
    assert_eq!(points, 4);
    assert!(reasons[0].contains("每月积分上限 4 分"), "{reasons:?}");
    // A reversed credit frees its room again.
    let revoke = format!("/api/v1/activities/{id}/signups/{signup}/revoke");
    ok(app.post(&revoke, &staff, &json!({ "reason": "误签到" })).await, StatusCode::OK).await;
    assert_eq!(my_points(&app, &volunteer).await.0, 0);
    let again = open_activity(&app, &staff, 10, 30).await;
    let signup = sign_up(&app, &volunteer, again).await["id"].as_i64().expect("signup");
    let attendance = format!("/api/v1/activities/{again}/signups/{signup}/attendance");
    ok(app.post(&attendance, &staff, &json!({ "step": "check_in" })).await, StatusCode::OK).await;
    ok(app.post(&attendance, &staff, &json!({ "step": "check_out" })).await, StatusCode::OK).await;
    assert_eq!(my_points(&app, &volunteer).await.0, 4);
    assert_balanced(&app).await;
}
