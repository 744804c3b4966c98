//! Matching: ranked candidates that never list an ineligible or full service, dispatch through a
//! service, batch plans that respect capacity (applied through the lifecycle, re-planned with the
//! changes shown), the gap report and a draft program from a gap.

use std::time::Duration;

use reqwest::StatusCode;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::{TestApp, fields, problem, spawn_app};
use crate::resources::{provider, service, weekdays};

/// An accepted elderly-care need of an elderly resident in 缤纷社区.
async fn accepted_need(app: &TestApp, staff: &str, community: i64, category: &str) -> i64 {
    let body = json!({ "category": category, "text": "独居老人需要上门助浴", "area_id": community, "urgency": "normal", "channel": "phone",
        "contact_name": "张阿姨", "contact_phone": "13900001111", "tags": ["elderly"] });
    let res = app.post("/api/v1/needs", staff, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = res.json::<Value>().await.expect("json")["need"]["id"].as_i64().expect("id");
    let res = app.post(&format!("/api/v1/needs/{id}/actions"), staff, &json!({ "action": "accept" })).await;
    assert_eq!(res.status(), StatusCode::OK);
    id
}

struct World {
    staff: String,
    community: i64,
    near: i64,
    related: i64,
}

/// A volunteer team with an account and four services around 缤纷社区's centre: an exact-category
/// one next door, a related-category one, a full one and one for children only.
async fn world(app: &TestApp, capacity: i32) -> World {
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let area: Value = app.get(&format!("/api/v1/areas/{community}"), &staff).await.json().await.expect("json");
    let (lat, lng) = (area["profile"]["center_lat"].as_f64().unwrap_or(30.2), area["profile"]["center_lng"].as_f64().unwrap_or(120.2));
    let team = provider(app, &staff, community, "缤纷邻里志愿服务队", Some(app.user_id("volunteer").await)).await;
    let offer = |name: &str, category: &str, capacity: i32, extra: Value| {
        let mut body = json!({ "provider_id": team["id"], "name": name, "category": category, "cost": "free", "capacity_per_week": capacity,
            "mode": "at_home", "schedule": weekdays("08:00", "18:00"), "point": { "lat": lat + 0.001, "lng": lng } });
        if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
            b.extend(e.clone());
        }
        body
    };
    let near = service(app, &staff, offer("助浴上门", "elderly_care", capacity, json!({ "target_groups": ["elderly"] }))).await;
    let related = service(app, &staff, offer("家政保洁", "housekeeping", capacity, json!({}))).await;
    service(app, &staff, offer("满员的助餐", "elderly_care", 0, json!({}))).await;
    service(app, &staff, offer("四点半课堂", "elderly_care", 5, json!({ "max_age": 17 }))).await;
    World { staff, community, near: near["id"].as_i64().expect("id"), related: related["id"].as_i64().expect("id") }
}

#[tokio::test]
async fn candidates_are_ranked_with_their_parts_and_never_ineligible_or_full() {
    let app = spawn_app().await;
    let w = world(&app, 5).await;
    let need = accepted_need(&app, &w.staff, w.community, "elderly_care").await;
    let c: Value = app.get(&format!("/api/v1/needs/{need}/candidates"), &w.staff).await.json().await.expect("json");
    let ids: Vec<i64> = c["candidates"].as_array().expect("list").iter().filter_map(|x| x["service_id"].as_i64()).collect();
    assert_eq!(ids, vec![w.near, w.related]);
    assert_eq!((c["excluded"]["full"].as_u64(), c["excluded"]["eligibility"].as_u64()), (Some(1), Some(1)));
    let top = &c["candidates"][0];
    assert_eq!(top["parts"].as_array().map(Vec::len), Some(6));
    let sum: f64 = top["parts"].as_array().expect("parts").iter().filter_map(|p| p["points"].as_f64()).sum();
    assert!((sum - top["score"].as_f64().unwrap_or(0.0)).abs() < 0.05);
    assert!(top["parts"][2]["reason_zh"].as_str().unwrap_or("").contains("分钟服务圈内"));
    assert_eq!(top["dispatchable"], true);
    let resident = app.login_as("resident").await;
    problem(app.get(&format!("/api/v1/needs/{need}/candidates"), &resident).await, 403).await;
}

#[tokio::test]
async fn a_dispatch_through_a_service_goes_to_its_account_and_uses_its_capacity() {
    let app = spawn_app().await;
    let w = world(&app, 1).await;
    let first = accepted_need(&app, &w.staff, w.community, "elderly_care").await;
    let second = accepted_need(&app, &w.staff, w.community, "elderly_care").await;
    let res = app.post(&format!("/api/v1/needs/{first}/actions"), &w.staff, &json!({ "action": "dispatch", "service_id": w.near })).await;
    assert_eq!(res.status(), StatusCode::OK);
    let detail: Value = res.json().await.expect("json");
    assert_eq!(detail["need"]["assignee_id"].as_i64(), Some(app.user_id("volunteer").await));
    // The need keeps the service it went through, and so does its timeline step.
    assert_eq!((detail["need"]["service_id"].as_i64(), detail["need"]["service_name"].as_str()), (Some(w.near), Some("助浴上门")));
    let step = detail["timeline"].as_array().and_then(|t| t.last()).cloned().expect("a step");
    assert_eq!(
        (step["action"].as_str(), step["service_id"].as_i64(), step["service_name"].as_str()),
        (Some("dispatch"), Some(w.near), Some("助浴上门"))
    );
    let read: Value = app.get(&format!("/api/v1/needs/{first}"), &w.staff).await.json().await.expect("json");
    assert_eq!(read["need"]["service_id"].as_i64(), Some(w.near), "stored, not only answered");
    let s: Value = app.get(&format!("/api/v1/services/{}", w.near), &w.staff).await.json().await.expect("json");
    assert_eq!(s["load_this_week"], 1);
    let p = problem(
        app.post(&format!("/api/v1/needs/{second}/actions"), &w.staff, &json!({ "action": "dispatch", "service_id": w.near })).await,
        422,
    )
    .await;
    assert_eq!(fields(&p), vec!["/service_id".to_owned()]);
    assert_eq!(p["errors"][0]["code"], "full");
}

async fn finished(app: &TestApp, token: &str, id: i64) -> Value {
    for _ in 0..200 {
        let d: Value = app.get(&format!("/api/v1/matching/plans/{id}"), token).await.json().await.expect("json");
        if d["plan"]["status"] != "queued" && d["plan"]["status"] != "running" {
            return d;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("plan {id} did not finish");
}

#[tokio::test]
async fn a_plan_fills_capacity_best_first_applies_through_the_lifecycle_and_replans() {
    let app = spawn_app().await;
    let w = world(&app, 2).await;
    let mut needs = Vec::new();
    for _ in 0..3 {
        needs.push(accepted_need(&app, &w.staff, w.community, "elderly_care").await);
    }
    let gap = accepted_need(&app, &w.staff, w.community, "veterans").await;
    let res = app.post("/api/v1/matching/plans", &w.staff, &json!({ "area_id": w.community })).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let plan = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    let d = finished(&app, &w.staff, plan).await;
    assert_eq!(d["plan"]["status"], "done");
    assert_eq!((d["plan"]["need_count"].as_i64(), d["plan"]["assigned_count"].as_i64()), (Some(4), Some(3)));
    let rows = d["rows"].as_array().expect("rows");
    let on = |id: i64| rows.iter().filter(|r| r["service_id"].as_i64() == Some(id)).count();
    // Two places on the exact service, the third need on the related one: never over capacity.
    assert_eq!((on(w.near), on(w.related)), (2, 1));
    let unassigned: Vec<&Value> = rows.iter().filter(|r| r["service_id"].is_null()).collect();
    assert_eq!(unassigned.len(), 1);
    assert_eq!((unassigned[0]["need_id"].as_i64(), unassigned[0]["reason"].as_str()), (Some(gap), Some("no_eligible_service")));

    // One need is dispatched by hand before the plan is applied: it is skipped, the rest go out.
    let by_hand = rows.iter().find(|r| r["service_id"].as_i64() == Some(w.near)).and_then(|r| r["need_id"].as_i64()).expect("need");
    let volunteer_id = app.user_id("volunteer").await;
    let res = app
        .post(&format!("/api/v1/needs/{by_hand}/actions"), &w.staff, &json!({ "action": "dispatch", "assignee_id": volunteer_id }))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let applied: Value = app.post(&format!("/api/v1/matching/plans/{plan}/apply"), &w.staff, &json!({})).await.json().await.expect("json");
    assert_eq!(applied["plan"]["status"], "applied");
    let outcomes: Vec<(i64, String)> = applied["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| Some((r["need_id"].as_i64()?, r["outcome"].as_str()?.to_owned())))
        .collect();
    assert_eq!(outcomes.iter().filter(|(_, o)| o == "dispatched").count(), 2);
    // A need the plan dispatched carries the plan's service.
    for (need, _) in outcomes.iter().filter(|(_, o)| o == "dispatched") {
        let planned = rows.iter().find(|r| r["need_id"].as_i64() == Some(*need)).and_then(|r| r["service_id"].as_i64());
        let d: Value = app.get(&format!("/api/v1/needs/{need}"), &w.staff).await.json().await.expect("json");
        assert_eq!(d["need"]["service_id"].as_i64(), planned);
        assert!(d["need"]["service_name"].is_string());
    }
    assert!(outcomes.contains(&(by_hand, "skipped".to_owned())));
    problem(app.post(&format!("/api/v1/matching/plans/{plan}/apply"), &w.staff, &json!({})).await, 409).await;

    // A new need arrives and the plan is re-optimised: only it and the gap remain open.
    let late = accepted_need(&app, &w.staff, w.community, "elderly_care").await;
    let res = app.post(&format!("/api/v1/matching/plans/{plan}/replan"), &w.staff, &json!({})).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let next = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    let d = finished(&app, &w.staff, next).await;
    assert_eq!(d["plan"]["parent_id"].as_i64(), Some(plan));
    let changes: Vec<(i64, String)> = d["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .filter_map(|c| Some((c["need_id"].as_i64()?, c["kind"].as_str()?.to_owned())))
        .collect();
    assert!(changes.contains(&(late, "added".to_owned())), "{changes:?}");
    for id in &needs {
        assert!(changes.contains(&(*id, "removed".to_owned())), "{changes:?}");
    }
}

#[tokio::test]
async fn the_gap_report_finds_unserved_needs_and_a_gap_starts_a_draft_program() {
    let app = spawn_app().await;
    let w = world(&app, 5).await;
    accepted_need(&app, &w.staff, w.community, "veterans").await;
    accepted_need(&app, &w.staff, w.community, "elderly_care").await;
    let report: Value = app.get(&format!("/api/v1/matching/gaps?area_id={}", w.community), &w.staff).await.json().await.expect("json");
    let cells = report["communities"][0]["cells"].as_array().expect("cells");
    let cell = |code: &str| cells.iter().find(|c| c["category"] == code).cloned().expect("cell");
    assert_eq!((cell("veterans")["open_needs"].as_i64(), cell("veterans")["unreachable_needs"].as_i64()), (Some(1), Some(1)));
    assert_eq!(cell("elderly_care")["unreachable_needs"], 0);
    assert_eq!(cell("elderly_care")["coverage"], 1.0);
    assert_eq!(cell("veterans")["coverage"], 0.0);
    let res = app.post("/api/v1/matching/gaps/programs", &w.staff, &json!({ "area_id": w.community, "category": "veterans" })).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let program: Value = res.json().await.expect("json");
    assert_eq!(program["program"]["status"], "draft");
    assert!(program["program"]["title"].as_str().unwrap_or("").contains("优军服务"));
    let volunteer = app.login_as("volunteer").await;
    problem(app.get(&format!("/api/v1/matching/gaps?area_id={}", w.community), &volunteer).await, 403).await;
}

#[tokio::test]
async fn plans_a_stopped_server_left_running_are_failed_with_the_reason_at_start() {
    let app = spawn_app().await;
    let w = world(&app, 2).await;
    let res = app.post("/api/v1/matching/plans", &w.staff, &json!({ "area_id": w.community })).await;
    let plan = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    finished(&app, &w.staff, plan).await;
    // As a server killed mid-run would leave it.
    app.db
        .execute_unprepared(&format!("UPDATE matching_plans SET status = 'running', progress = 50 WHERE id = {plan}"))
        .await
        .expect("update");
    let failed = api::services::matching::plans::fail_interrupted(&app.db, chrono::Utc::now()).await.expect("fail interrupted");
    assert_eq!(failed, 1);
    let d: Value = app.get(&format!("/api/v1/matching/plans/{plan}"), &w.staff).await.json().await.expect("json");
    assert_eq!(d["plan"]["status"], "failed");
    assert!(d["plan"]["error"].as_str().unwrap_or("").contains("re-plan"));
    let res = app.post(&format!("/api/v1/matching/plans/{plan}/replan"), &w.staff, &json!({})).await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
}
