//! Volunteer activities (志愿活动) through the API: sign-up past capacity onto the waiting list and a
//! cancel moving the first one up, many concurrent sign-ups for the last places (exactly `capacity`
//! confirmed), check-in with the minute code (an expired one refused), the credit on attendance
//! exactly once and its reversal, star levels at their thresholds, and the volunteer KPIs.

use chrono::{Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, fields, problem, sign_in_by_code, spawn_app};

async fn ok(res: reqwest::Response, status: StatusCode) -> Value {
    let got = res.status();
    let body: Value = res.json().await.expect("json");
    assert_eq!(got, status, "{body}");
    body
}

/// An open activity of 缤纷社区 organised by its community worker, running now.
pub async fn open_activity(app: &TestApp, staff: &str, capacity: i64, credit_minutes: i64) -> i64 {
    let community = app.area_id("缤纷社区").await;
    let now = Utc::now();
    let body = json!({ "area_id": community, "title": "周末助老清洁", "description": "为独居老人打扫房间", "address": "缤纷小区3幢楼下",
        "starts_at": now - Duration::minutes(10), "ends_at": now + Duration::hours(3), "capacity": capacity, "credit_minutes": credit_minutes });
    let created = ok(app.post("/api/v1/activities", staff, &body).await, StatusCode::CREATED).await;
    assert_eq!(created["status"], "draft");
    let id = created["id"].as_i64().expect("activity id");
    let opened =
        ok(app.post(&format!("/api/v1/activities/{id}/actions"), staff, &json!({ "action": "publish" })).await, StatusCode::OK).await;
    assert_eq!(opened["status"], "open");
    id
}

pub async fn sign_up(app: &TestApp, token: &str, activity: i64) -> Value {
    ok(app.request(Method::POST, &format!("/api/v1/activities/{activity}/signups"), token).send().await.expect("POST"), StatusCode::CREATED)
        .await
}

/// `n` new residents of 缤纷社区, signed in by code.
async fn residents(app: &TestApp, n: usize, prefix: &str) -> Vec<String> {
    let community = app.area_id("缤纷社区").await;
    let mut tokens = Vec::new();
    for i in 0..n {
        tokens.push(sign_in_by_code(app, &format!("{prefix}{i:04}"), json!({ "community_id": community })).await);
    }
    tokens
}

async fn activity(app: &TestApp, token: &str, id: i64) -> Value {
    ok(app.get(&format!("/api/v1/activities/{id}"), token).await, StatusCode::OK).await
}

#[tokio::test]
async fn past_capacity_sign_ups_wait_in_order_and_a_cancel_moves_the_first_one_up() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let id = open_activity(&app, &staff, 2, 60).await;
    let people = residents(&app, 4, "1351000").await;
    let mut signups = Vec::new();
    for t in &people {
        signups.push(sign_up(&app, t, id).await);
    }
    let statuses: Vec<&str> = signups.iter().map(|s| s["status"].as_str().expect("status")).collect();
    assert_eq!(statuses, ["confirmed", "confirmed", "waiting", "waiting"]);
    assert_eq!(signups[2]["waiting_position"], 1);
    assert_eq!(signups[3]["waiting_position"], 2);
    // Signing up twice is refused.
    problem(app.request(Method::POST, &format!("/api/v1/activities/{id}/signups"), &people[0]).send().await.expect("POST"), 409).await;

    let first = signups[0]["id"].as_i64().expect("id");
    let cancelled =
        ok(app.post(&format!("/api/v1/activities/{id}/signups/{first}/cancel"), &people[0], &json!({})).await, StatusCode::OK).await;
    assert_eq!(cancelled["status"], "cancelled");
    let seen = activity(&app, &people[2], id).await;
    assert_eq!(seen["my_signup"]["status"], "confirmed", "{seen}");
    assert_eq!(seen["confirmed"], 2);
    assert_eq!(seen["waiting"], 1);
    assert_eq!(activity(&app, &people[3], id).await["my_signup"]["waiting_position"], 1);
    // The one moved up is told.
    let inbox = ok(app.get("/api/v1/me/notifications", &people[2]).await, StatusCode::OK).await;
    assert!(inbox["items"].as_array().expect("items").iter().any(|n| n["kind"] == "activity_place_confirmed"), "{inbox}");

    // A waiting sign-up that cancels frees no place.
    let last = signups[3]["id"].as_i64().expect("id");
    ok(app.post(&format!("/api/v1/activities/{id}/signups/{last}/cancel"), &people[3], &json!({})).await, StatusCode::OK).await;
    let list = ok(app.get(&format!("/api/v1/activities/{id}/signups"), &staff).await, StatusCode::OK).await;
    assert_eq!((list["confirmed"].as_i64(), list["waiting"].as_i64()), (Some(2), Some(0)), "{list}");
    // Someone else's sign-up is not theirs to cancel.
    let second = signups[1]["id"].as_i64().expect("id");
    problem(app.post(&format!("/api/v1/activities/{id}/signups/{second}/cancel"), &people[2], &json!({})).await, 404).await;
}

#[tokio::test]
async fn many_concurrent_sign_ups_for_the_last_places_confirm_exactly_the_capacity() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let id = open_activity(&app, &staff, 5, 60).await;
    let people = residents(&app, 30, "1352000").await;
    let mut racers = tokio::task::JoinSet::new();
    for t in &people {
        let request = app.request(Method::POST, &format!("/api/v1/activities/{id}/signups"), t);
        racers.spawn(async move {
            let res = request.send().await.expect("POST");
            let status = res.status().as_u16();
            let body: Value = res.json().await.expect("json");
            (status, body["status"].as_str().unwrap_or_default().to_owned(), body["id"].as_i64())
        });
    }
    let mut results = Vec::new();
    while let Some(joined) = racers.join_next().await {
        results.push(joined.expect("task"));
    }
    assert!(results.iter().all(|(s, _, _)| *s == 201), "{results:?}");
    assert_eq!(results.iter().filter(|(_, st, _)| st == "confirmed").count(), 5, "{results:?}");
    assert_eq!(results.iter().filter(|(_, st, _)| st == "waiting").count(), 25);
    let seen = activity(&app, &staff, id).await;
    assert_eq!((seen["confirmed"].as_i64(), seen["waiting"].as_i64()), (Some(5), Some(25)));

    // Three confirmed cancel at once: exactly three move up, in order, each once.
    let list = ok(app.get(&format!("/api/v1/activities/{id}/signups"), &staff).await, StatusCode::OK).await;
    let confirmed: Vec<i64> =
        list["items"].as_array().expect("items").iter().filter(|s| s["status"] == "confirmed").filter_map(|s| s["id"].as_i64()).collect();
    let first_waiting: Vec<i64> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|s| s["status"] == "waiting")
        .filter_map(|s| s["id"].as_i64())
        .take(3)
        .collect();
    let mut cancels = tokio::task::JoinSet::new();
    for s in confirmed.iter().take(3) {
        let request = app.request(Method::POST, &format!("/api/v1/activities/{id}/signups/{s}/cancel"), &staff).json(&json!({}));
        cancels.spawn(async move { request.send().await.expect("POST").status().as_u16() });
    }
    while let Some(joined) = cancels.join_next().await {
        assert_eq!(joined.expect("task"), 200);
    }
    let after = ok(app.get(&format!("/api/v1/activities/{id}/signups"), &staff).await, StatusCode::OK).await;
    assert_eq!((after["confirmed"].as_i64(), after["waiting"].as_i64()), (Some(5), Some(22)), "{after}");
    let moved: Vec<i64> =
        after["items"].as_array().expect("items").iter().filter(|s| s["status"] == "confirmed").filter_map(|s| s["id"].as_i64()).collect();
    for w in &first_waiting {
        assert!(moved.contains(w), "the first waiting {w} moved up: {moved:?}");
    }
    assert_eq!(activity(&app, &staff, id).await["confirmed"], 5);
    assert_eq!(app.count("notifications WHERE kind = 'activity_place_confirmed'").await, 3);
}

async fn code(app: &TestApp, staff: &str, id: i64) -> String {
    ok(app.get(&format!("/api/v1/activities/{id}/code"), staff).await, StatusCode::OK).await["code"].as_str().expect("code").to_owned()
}

async fn present(app: &TestApp, token: &str, id: i64, step: &str, code: &str) -> reqwest::Response {
    app.post(&format!("/api/v1/activities/{id}/check-in"), token, &json!({ "step": step, "code": code })).await
}

async fn minutes(app: &TestApp, token: &str) -> i64 {
    let mine = ok(app.get("/api/v1/me/ledger", token).await, StatusCode::OK).await;
    mine["accounts"]
        .as_array()
        .expect("accounts")
        .iter()
        .find(|a| a["unit"] == "minutes")
        .map_or(0, |a| a["balance"].as_i64().expect("balance"))
}

async fn assert_balanced(app: &TestApp) {
    let admin = app.login_as("admin").await;
    let check = ok(app.get("/api/v1/ledger/check", &admin).await, StatusCode::OK).await;
    assert_eq!(check["balanced"], true, "{check}");
}

#[tokio::test]
async fn a_volunteer_checks_in_with_the_current_code_and_an_expired_one_is_refused() {
    let app = spawn_app().await;
    let (staff, volunteer) = (app.login_as("community").await, app.login_as("volunteer").await);
    let id = open_activity(&app, &staff, 10, 90).await;
    sign_up(&app, &volunteer, id).await;
    // Only staff of the area see the code.
    problem(app.get(&format!("/api/v1/activities/{id}/code"), &volunteer).await, 403).await;
    let shown = code(&app, &staff, id).await;
    let wrong = if shown == "000000" { "000001" } else { "000000" };
    let refused = problem(present(&app, &volunteer, id, "check_in", wrong).await, 422).await;
    assert_eq!(fields(&refused), vec!["/code"]);
    assert_eq!(refused["errors"][0]["code"], "wrong_code");
    let checked_in = ok(present(&app, &volunteer, id, "check_in", &shown).await, StatusCode::OK).await;
    assert!(checked_in["checked_in_at"].is_string());

    // Three minutes later the code read at check-in is expired, and says so.
    app.state.clock.advance(Duration::minutes(3));
    let expired = problem(present(&app, &volunteer, id, "check_out", &shown).await, 422).await;
    assert_eq!(fields(&expired), vec!["/code"]);
    assert_eq!(expired["errors"][0]["code"], "expired", "{expired}");
    assert_eq!(minutes(&app, &volunteer).await, 0, "nothing credited by a refused check-out");

    // The previous minute's code is still accepted.
    let previous = code(&app, &staff, id).await;
    app.state.clock.advance(Duration::seconds(60));
    let out = ok(present(&app, &volunteer, id, "check_out", &previous).await, StatusCode::OK).await;
    assert!(out["transfer_id"].is_i64(), "{out}");
    assert_eq!(minutes(&app, &volunteer).await, 90);
    assert_balanced(&app).await;
}

#[tokio::test]
async fn attendance_credits_the_hours_exactly_once_and_revoking_reverses_them() {
    let app = spawn_app().await;
    let (staff, volunteer, grid) = (app.login_as("community").await, app.login_as("volunteer").await, app.login_as("grid").await);
    let id = open_activity(&app, &staff, 10, 120).await;
    let signup = sign_up(&app, &volunteer, id).await["id"].as_i64().expect("signup");
    let attendance = format!("/api/v1/activities/{id}/signups/{signup}/attendance");
    // Checking out before checking in is refused; the grid worker records attendance on site.
    problem(app.post(&attendance, &grid, &json!({ "step": "check_out" })).await, 409).await;
    ok(app.post(&attendance, &grid, &json!({ "step": "check_in" })).await, StatusCode::OK).await;
    problem(app.post(&attendance, &grid, &json!({ "step": "check_in" })).await, 409).await;
    // Two check-outs at once: one wins, one credit.
    let mut racers = tokio::task::JoinSet::new();
    for _ in 0..4 {
        let request = app.request(Method::POST, &attendance, &staff).json(&json!({ "step": "check_out" }));
        racers.spawn(async move { request.send().await.expect("POST").status().as_u16() });
    }
    let mut statuses = Vec::new();
    while let Some(joined) = racers.join_next().await {
        statuses.push(joined.expect("task"));
    }
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409, 409, 409]);
    assert_eq!(minutes(&app, &volunteer).await, 120);
    assert_eq!(app.count("ledger_transfers WHERE kind = 'activity'").await, 1);
    let profile = ok(app.get("/api/v1/me/volunteer", &volunteer).await, StatusCode::OK).await;
    assert_eq!(profile["served_minutes"], 120);
    assert_eq!(profile["activities_attended"], 1);

    // A resident may not take a credit back; the organiser does, once, saying why.
    let revoke = format!("/api/v1/activities/{id}/signups/{signup}/revoke");
    problem(app.post(&revoke, &volunteer, &json!({ "reason": "误签" })).await, 403).await;
    let blank = problem(app.post(&revoke, &staff, &json!({ "reason": " " })).await, 422).await;
    assert_eq!(fields(&blank), vec!["/reason"]);
    let revoked = ok(app.post(&revoke, &staff, &json!({ "reason": "误签到，实际未参加" })).await, StatusCode::OK).await;
    assert!(revoked["reversal_id"].is_i64(), "{revoked}");
    assert_eq!(minutes(&app, &volunteer).await, 0);
    problem(app.post(&revoke, &staff, &json!({ "reason": "再次撤销" })).await, 409).await;
    let profile = ok(app.get("/api/v1/me/volunteer", &volunteer).await, StatusCode::OK).await;
    assert_eq!(profile["served_minutes"], 0);
    assert_eq!(profile["activities_attended"], 0);
    assert_balanced(&app).await;
}

#[tokio::test]
async fn star_levels_are_reached_at_the_districts_thresholds() {
    let app = spawn_app().await;
    let (staff, volunteer, district) = (app.login_as("community").await, app.login_as("volunteer").await, app.login_as("district").await);
    let (home, community) = (app.area_id("滨江区").await, app.area_id("缤纷社区").await);
    let defaults = ok(app.get(&format!("/api/v1/star-levels/{community}"), &staff).await, StatusCode::OK).await;
    let hours: Vec<i64> = defaults["levels"].as_array().expect("levels").iter().filter_map(|l| l["min_hours"].as_i64()).collect();
    assert_eq!(hours, [100, 300, 600, 1000, 1500]);
    assert!(defaults["set_by_area_id"].is_null());
    let put = |body: Value| app.request(Method::PUT, &format!("/api/v1/star-levels/{home}"), &district).json(&body).send();
    let refused = problem(put(json!({ "min_hours": [1, 3, 2, 4, 5] })).await.expect("PUT"), 422).await;
    assert_eq!(fields(&refused), vec!["/min_hours"]);
    ok(put(json!({ "min_hours": [1, 2, 3, 4, 5] })).await.expect("PUT"), StatusCode::OK).await;
    problem(
        app.request(Method::PUT, &format!("/api/v1/star-levels/{home}"), &staff)
            .json(&json!({ "min_hours": [1, 2, 3, 4, 5] }))
            .send()
            .await
            .expect("PUT"),
        403,
    )
    .await;
    let set = ok(app.get(&format!("/api/v1/star-levels/{community}"), &staff).await, StatusCode::OK).await;
    assert_eq!(set["set_by_area_id"], home, "the district's thresholds apply in its communities");

    // 119 minutes: 一星; 120: 二星.
    for (credit, level, next_hours) in [(119, 1, 2), (1, 2, 3)] {
        let id = open_activity(&app, &staff, 10, credit).await;
        let signup = sign_up(&app, &volunteer, id).await["id"].as_i64().expect("signup");
        let attendance = format!("/api/v1/activities/{id}/signups/{signup}/attendance");
        ok(app.post(&attendance, &staff, &json!({ "step": "check_in" })).await, StatusCode::OK).await;
        ok(app.post(&attendance, &staff, &json!({ "step": "check_out" })).await, StatusCode::OK).await;
        let profile = ok(app.get("/api/v1/me/volunteer", &volunteer).await, StatusCode::OK).await;
        assert_eq!(profile["star"]["level"], level, "{profile}");
        assert_eq!(profile["next_star"]["min_hours"], next_hours);
    }
    let me = app.user_id("volunteer").await;
    let seen = ok(app.get(&format!("/api/v1/volunteers/{me}"), &staff).await, StatusCode::OK).await;
    assert_eq!((seen["served_minutes"].as_i64(), seen["star"]["name"].as_str()), (Some(120), Some("二星志愿者")));
    assert_eq!(seen["hours_to_next"], 1.0);
    let certificate = ok(app.get("/api/v1/me/volunteer/certificate", &volunteer).await, StatusCode::OK).await;
    assert_eq!(certificate["served_hours"], 2.0);
    assert_eq!(certificate["issued_by"], "缤纷社区");
    assert_eq!(certificate["records"].as_array().map(Vec::len), Some(2));
    assert!(certificate["statement"].as_str().is_some_and(|s| s.contains("2 小时") && s.contains("二星志愿者")), "{certificate}");
    // Another district's staff do not reach this volunteer.
    let far = app.login_as("community2").await;
    problem(app.get(&format!("/api/v1/volunteers/{me}"), &far).await, 404).await;
}

fn kpi_card<'a>(dashboard: &'a Value, code: &str) -> &'a Value {
    dashboard["cards"].as_array().expect("cards").iter().find(|c| c["indicator"]["code"] == code).expect("card")
}

fn number(v: &Value) -> f64 {
    v.as_f64().unwrap_or(0.0)
}

#[tokio::test]
async fn the_volunteer_kpis_count_registrations_hours_and_active_volunteers() {
    use chrono::Datelike;
    let app = spawn_app().await;
    let (staff, admin) = (app.login_as("community").await, app.login_as("admin").await);
    let community = app.area_id("缤纷社区").await;
    let year = app.state.clock.now().year();
    let dashboard =
        || async { ok(app.get(&format!("/api/v1/kpis/dashboard?area={community}&period={year}"), &staff).await, StatusCode::OK).await };
    let before = dashboard().await;
    // Hand-counted: one more volunteer of 缤纷社区 (population 20 824) serves 90 minutes at an activity.
    let body = json!({ "username": "kpi-volunteer", "display_name": "指标志愿者", "role": "volunteer", "area_id": community,
        "password": "long-enough-pw" });
    ok(app.post("/api/v1/users", &admin, &body).await, StatusCode::CREATED).await;
    let login = app.client.post(app.url("/api/v1/auth/login")).json(&json!({ "username": "kpi-volunteer", "password": "long-enough-pw" }));
    let token = ok(login.send().await.expect("login"), StatusCode::OK).await["access_token"].as_str().expect("token").to_owned();
    let id = open_activity(&app, &staff, 10, 90).await;
    let signup = sign_up(&app, &token, id).await["id"].as_i64().expect("signup");
    let attendance = format!("/api/v1/activities/{id}/signups/{signup}/attendance");
    ok(app.post(&attendance, &staff, &json!({ "step": "check_in" })).await, StatusCode::OK).await;
    ok(app.post(&attendance, &staff, &json!({ "step": "check_out" })).await, StatusCode::OK).await;
    let after = dashboard().await;

    let rate = |d: &Value| number(&kpi_card(d, "volunteer_registration_rate")["value"]);
    assert!((rate(&after) - rate(&before) - 100.0 / 20824.0).abs() < 1e-9, "{}", kpi_card(&after, "volunteer_registration_rate"));
    assert_eq!(kpi_card(&after, "volunteer_registration_rate")["indicator"]["source"], "computed");
    let per_capita = kpi_card(&after, "volunteer_hours_per_capita");
    assert_eq!(per_capita["denominator"], 20824.0);
    assert!((number(&per_capita["numerator"]) - number(&kpi_card(&before, "volunteer_hours_per_capita")["numerator"]) - 1.5).abs() < 1e-9);
    let active = |d: &Value| number(&kpi_card(d, "active_volunteers")["value"]);
    assert_eq!(active(&after) - active(&before), 1.0);
}

/// The form's pickers: an organisation and a service space serving the community are taken (the
/// place reads the space's name, then the address); ones of another community are named.
#[tokio::test]
async fn an_activity_is_organised_by_an_organisation_in_a_service_space_of_its_community() {
    let app = spawn_app().await;
    let admin = app.login_as("admin").await;
    let (community, other) = (app.area_id("缤纷社区").await, app.area_id("临汾路380弄社区").await);
    let id_of = |v: Value| v["id"].as_i64().expect("id");
    let provider = id_of(crate::resources::provider(&app, &admin, community, "缤纷长者课堂志愿队", None).await);
    let outsider = id_of(crate::resources::provider(&app, &admin, other, "临汾路志愿队", None).await);
    let space = |area: i64, name: &str| {
        json!({ "kind": "elderly", "name": name, "area_id": area, "floor_area_m2": 120.0,
            "opening_hours": crate::resources::weekdays("08:00", "18:00"), "capacity": 30 })
    };
    let made = |res: reqwest::Response| async move { id_of(ok(res, StatusCode::CREATED).await) };
    let inside = made(app.post("/api/v1/service-spaces", &admin, &space(community, "缤纷长者学堂")).await).await;
    let elsewhere = made(app.post("/api/v1/service-spaces", &admin, &space(other, "临汾路长者学堂")).await).await;
    let now = Utc::now();
    let body = |provider: i64, space: i64| {
        json!({ "area_id": community, "provider_id": provider, "space_id": space, "address": "二楼活动室", "title": "长者智能手机课",
            "starts_at": now + Duration::days(1), "ends_at": now + Duration::days(1) + Duration::hours(2), "capacity": 10, "credit_minutes": 60 })
    };
    let staff = app.login_as("community").await;
    let bad = problem(app.post("/api/v1/activities", &staff, &body(outsider, elsewhere)).await, 422).await;
    let mut named = fields(&bad);
    named.sort();
    assert_eq!(named, ["/provider_id", "/space_id"]);
    let created = ok(app.post("/api/v1/activities", &staff, &body(provider, inside)).await, StatusCode::CREATED).await;
    assert_eq!(created["provider_id"], provider);
    assert_eq!(created["organiser_kind"], "organisation");
    assert_eq!(created["space_id"], inside);
    assert_eq!(created["place"], "缤纷长者学堂 二楼活动室");
}
