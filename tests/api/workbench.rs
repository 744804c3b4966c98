//! The workbench (工作台): its counts are what the queue lists for the same filters, for each role;
//! and a need's contact is masked until someone who handles it reveals it, which the audit records.

use chrono::{DateTime, Duration, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, problem, spawn_app};
use crate::needs::{act, submit_as_resident};

/// Every need `GET /needs?{query}` lists for the token, walking all pages.
async fn queue(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let mut items = Vec::new();
    let mut cursor = String::new();
    loop {
        let page: Value = app.get(&format!("/api/v1/needs?limit=200&{query}{cursor}"), token).await.json().await.expect("json");
        items.extend(page["items"].as_array().expect("items").iter().cloned());
        match page["next_cursor"].as_str() {
            Some(next) => cursor = format!("&cursor={next}"),
            None => return items,
        }
    }
}

async fn workbench(app: &TestApp, token: &str) -> Value {
    let res = app.get("/api/v1/workbench", token).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.expect("json")
}

/// A need accepted by community staff and dispatched to the volunteer, with deadlines running.
async fn dispatched_need(app: &TestApp) -> i64 {
    let community = app.area_id("缤纷社区").await;
    let id = submit_as_resident(app, &app.login_as("resident").await, community).await["need"]["id"].as_i64().expect("id");
    let staff = app.login_as("community").await;
    assert_eq!(act(app, &staff, id, json!({ "action": "accept" })).await.status(), StatusCode::OK);
    let volunteer = app.user_id("volunteer").await;
    assert_eq!(act(app, &staff, id, json!({ "action": "dispatch", "assignee_id": volunteer })).await.status(), StatusCode::OK);
    id
}

#[tokio::test]
async fn workbench_counts_equal_what_the_queue_lists_for_each_role() {
    let app = spawn_app().await;
    dispatched_need(&app).await;
    submit_as_resident(&app, &app.login_as("resident").await, app.area_id("缤纷社区").await).await;
    let mut seen_work = false;
    for user in ["community", "grid", "street", "district", "volunteer"] {
        let token = app.login_as(user).await;
        let me = app.user_id(user).await;
        let counts = workbench(&app, &token).await["counts"].clone();
        assert_eq!(json_of(app.get("/api/v1/workbench/counts", &token).await).await, counts, "{user}: badges and landing agree");
        for (key, query) in [
            ("submitted", "status=submitted"),
            ("accepted", "status=accepted"),
            ("dispatched", "status=dispatched"),
            ("overdue", "overdue=true"),
        ] {
            let listed = queue(&app, &token, query).await.len() as i64;
            assert_eq!(counts[key], listed, "{user}: {key} is what the queue lists for {query}");
        }
        let tasks = queue(&app, &token, &format!("assignee_id={me}")).await;
        let open_tasks =
            tasks.iter().filter(|n| ["dispatched", "claimed", "in_progress"].contains(&n["status"].as_str().unwrap_or(""))).count();
        assert_eq!(counts["my_tasks"], open_tasks as i64, "{user}: my tasks are the open needs dispatched to me");
        seen_work |= counts["submitted"].as_i64() > Some(0);
    }
    assert!(seen_work, "the demo data gives the staff something to accept");
    let volunteer = workbench(&app, &app.login_as("volunteer").await).await;
    let volunteer_id = app.user_id("volunteer").await;
    assert!(volunteer["counts"]["my_tasks"].as_i64() >= Some(1), "the dispatched need is the volunteer's task");
    let tasks = volunteer["my_tasks"].as_array().expect("tasks");
    assert!(!tasks.is_empty() && tasks.iter().all(|n| n["assignee_id"] == volunteer_id));
}

#[tokio::test]
async fn needs_due_later_today_are_counted_and_listed_soonest_first() {
    let app = spawn_app().await;
    let id = dispatched_need(&app).await;
    let staff = app.login_as("community").await;
    let need = &json_of(app.get(&format!("/api/v1/needs/{id}"), &staff).await).await["need"];
    let due = |field: &str| need[field].as_str().and_then(|s| DateTime::parse_from_rfc3339(s).ok()).map(|d| d.with_timezone(&Utc));
    let next = [due("response_due_at"), due("completion_due_at")].into_iter().flatten().min().expect("a deadline runs");
    // Not claimed yet, so its response deadline runs. Move the clock to just before it, on the same
    // China day (a deadline minutes after midnight gets a shorter lead).
    let china_day = |at: DateTime<Utc>| (at + Duration::hours(8)).date_naive();
    let mut target = next - Duration::minutes(2);
    if china_day(target) != china_day(next) {
        target = next - Duration::seconds(20);
    }
    app.state.clock.advance(target - Utc::now());
    let bench = workbench(&app, &staff).await;
    let listed: Vec<i64> = bench["due_today"].as_array().expect("due").iter().filter_map(|n| n["id"].as_i64()).collect();
    assert!(listed.contains(&id), "the need due in two minutes is listed: {listed:?}");
    let counted = bench["counts"]["due_today"].as_i64().expect("count");
    assert_eq!(counted.min(10), listed.len() as i64, "the list shows the first ten of those counted");
    assert!(bench["due_today"].as_array().expect("due").iter().all(|n| n["overdue"] == false), "overdue needs are counted as overdue");
    // Minutes later it is overdue, and no longer due today.
    app.state.clock.advance(Duration::minutes(3));
    let later = workbench(&app, &staff).await;
    assert!(!later["due_today"].as_array().expect("due").iter().any(|n| n["id"] == id));
    assert_eq!(later["counts"]["overdue"], queue(&app, &staff, "overdue=true").await.len() as i64);
    assert!(queue(&app, &staff, "overdue=true").await.iter().any(|n| n["id"] == id));
}

#[tokio::test]
async fn a_contact_is_masked_until_revealed_and_each_reveal_is_audited() {
    let app = spawn_app().await;
    let id = dispatched_need(&app).await;
    let staff = app.login_as("community").await;
    let detail = json_of(app.get(&format!("/api/v1/needs/{id}"), &staff).await).await;
    assert_eq!(detail["need"]["contact_phone"], "138****5678", "masked by default, even for those who handle it");
    assert_eq!(detail["need"]["contact_name"], "王**");
    let own = json_of(app.get(&format!("/api/v1/needs/{id}"), &app.login_as("resident").await).await).await;
    assert_eq!(own["need"]["contact_phone"], "13812345678", "the resident sees their own");

    let audits_before = app.count("audit_log WHERE action = 'reveal_contact'").await;
    let res = app.post(&format!("/api/v1/needs/{id}/contact/reveal"), &staff, &json!({})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let contact = json_of(res).await;
    assert_eq!(contact, json!({ "need_id": id, "contact_name": "王小明", "contact_phone": "13812345678" }));
    assert_eq!(app.count("audit_log WHERE action = 'reveal_contact'").await, audits_before + 1, "one entry per reveal");
    let staff_id = app.user_id("community").await;
    assert_eq!(
        app.count(&format!("audit_log WHERE action = 'reveal_contact' AND entity = 'need' AND entity_id = {id} AND actor_id = {staff_id}"))
            .await,
        1
    );
    let trail = json_of(app.get(&format!("/api/v1/audit?entity=need&entity_id={id}"), &app.login_as("district").await).await).await;
    let entry = trail["items"].as_array().and_then(|i| i.iter().find(|e| e["action"] == "reveal_contact")).cloned().expect("listed");
    assert!(!entry.to_string().contains("13812345678"), "the trail names whose contact, masked: {entry}");
    assert!(entry.to_string().contains("138****5678"));

    // The assignee reveals too; a supervisor in reach is refused; outside the subtree it does not exist.
    let volunteer = app.login_as("volunteer").await;
    assert_eq!(app.post(&format!("/api/v1/needs/{id}/contact/reveal"), &volunteer, &json!({})).await.status(), StatusCode::OK);
    problem(app.post(&format!("/api/v1/needs/{id}/contact/reveal"), &app.login_as("street").await, &json!({})).await, 403).await;
    problem(app.post(&format!("/api/v1/needs/{id}/contact/reveal"), &app.login_as("community2").await, &json!({})).await, 404).await;
    problem(app.post(&format!("/api/v1/needs/{id}/contact/reveal"), &app.login_as("resident2").await, &json!({})).await, 404).await;
    assert_eq!(app.count("audit_log WHERE action = 'reveal_contact'").await, audits_before + 2, "refusals write nothing");
}

async fn json_of(res: reqwest::Response) -> Value {
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.expect("json")
}
