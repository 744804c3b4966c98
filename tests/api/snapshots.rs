//! The main response of each domain, read through the API and compared with a committed snapshot
//! (`tests/api/snapshots/*.snap`), so a change of the wire format shows up in review.
//!
//! Ids, times, tokens and request ids differ between runs and databases: they are redacted. Dates
//! come from fixed inputs (or a fixed "now" for the demo programs), so nothing depends on the day
//! the tests run.
//!
//! A missing or different snapshot fails the test; outside CI insta also writes the new version
//! beside the old one as `*.snap.new`. To look at changes and accept them: `cargo insta review`
//! (`cargo install cargo-insta`), or rerun the tests with `INSTA_UPDATE=always` and read
//! `git diff tests/api/snapshots`. With `CI` set nothing is written.

use chrono::{DateTime, Utc};
use insta::internals::{Content, Redaction};
use insta::{Settings, assert_json_snapshot, dynamic_redaction};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};
use crate::needs::{act, submit_as_resident};
use crate::resources::{provider, service, weekdays};

/// Keys that hold an id somewhere in a response; their values depend on insertion order and backend.
const ID_KEYS: &[&str] = &[
    "id",
    "area_id",
    "parent_id",
    "home_area_id",
    "user_id",
    "owner_id",
    "assignee_id",
    "actor_id",
    "entity_id",
    "created_by",
    "submitted_by",
    "approved_by",
    "provider_id",
    "service_id",
    "person_id",
    "space_id",
    "partner_id",
    "pledge_id",
    "need_id",
    "resident_id",
    "superseded_by",
    "replaces",
    "program_id",
    "indicator_id",
];

/// Keys that hold a moment (set from the clock when the row is written).
const TIME_KEYS: &[&str] = &[
    "at",
    "created_at",
    "updated_at",
    "submitted_at",
    "accepted_at",
    "dispatched_at",
    "resolved_at",
    "closed_at",
    "last_login_at",
    "reported_at",
    "acceptance_due_at",
    "response_due_at",
    "completion_due_at",
    "due_at",
];

/// Replaces a value by `placeholder`, but leaves `null` as it is: an absent owner or due time is
/// part of what the snapshot says.
fn unless_null(placeholder: &'static str) -> Redaction {
    dynamic_redaction(move |value, _| if value.is_nil() { value } else { Content::from(placeholder) })
}

/// The redactions every snapshot gets: ids, times, area paths (made of ids), request ids, tokens,
/// cursors.
fn settings() -> Settings {
    let mut settings = Settings::clone_current();
    settings.set_sort_maps(true);
    for key in ID_KEYS {
        settings.add_redaction(&format!(".**.{key}"), unless_null("[id]"));
    }
    settings.add_redaction(".**.served_area_ids[]", "[id]");
    for key in TIME_KEYS {
        settings.add_redaction(&format!(".**.{key}"), unless_null("[datetime]"));
    }
    settings.add_redaction(".**.path", unless_null("[path]"));
    settings.add_redaction(".**.area_path", unless_null("[path]"));
    settings.add_redaction(".**.request_id", unless_null("[request_id]"));
    settings.add_redaction(".**.access_token", unless_null("[token]"));
    settings.add_redaction(".**.refresh_token", unless_null("[token]"));
    settings.add_redaction(".next_cursor", unless_null("[cursor]"));
    settings
}

async fn read(app: &TestApp, path: &str, token: &str) -> Value {
    let res = app.get(path, token).await;
    let status = res.status();
    let body: Value = res.json().await.expect("json");
    assert_eq!(status, StatusCode::OK, "GET {path}: {body}");
    body
}

#[tokio::test]
async fn an_area_reads_as_before() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let token = app.login_as("community").await;
    let area = read(&app, &format!("/api/v1/areas/{community}"), &token).await;
    settings().bind(|| assert_json_snapshot!(area));
}

#[tokio::test]
async fn a_user_reads_as_before() {
    let app = spawn_app().await;
    let volunteer = app.user_id("volunteer").await;
    let token = app.login_as("street").await;
    let user = read(&app, &format!("/api/v1/users/{volunteer}"), &token).await;
    settings().bind(|| assert_json_snapshot!(user));
}

#[tokio::test]
async fn me_reads_as_before() {
    let app = spawn_app().await;
    let token = app.login_as("community").await;
    let me = read(&app, "/api/v1/me", &token).await;
    settings().bind(|| assert_json_snapshot!(me));
}

/// Submitted, returned for what is missing and submitted again: a submitted need with a timeline.
#[tokio::test]
async fn a_submitted_need_with_its_timeline_reads_as_before() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    let staff = app.login_as("community").await;
    let returned = act(&app, &staff, id, json!({ "action": "return", "missing": ["具体楼栋门牌", "方便上门的时间"] })).await;
    assert_eq!(returned.status(), StatusCode::OK);
    let resubmitted = act(&app, &resident, id, json!({ "action": "resubmit", "note": "3幢2单元501室，工作日上午在家" })).await;
    assert_eq!(resubmitted.status(), StatusCode::OK);
    let need = read(&app, &format!("/api/v1/needs/{id}"), &staff).await;
    settings().bind(|| assert_json_snapshot!(need));
}

/// The demo programs, seeded as of a fixed day so their dates are the same whenever the test runs.
async fn seed_demo_programs(app: &TestApp) {
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-01-15T02:00:00Z").expect("a moment").to_utc();
    let created = api::demo::programs::seed(&app.db, now).await.expect("seed demo programs");
    assert_eq!(created, 15);
}

#[tokio::test]
async fn a_program_detail_reads_as_before() {
    let app = spawn_app().await;
    seed_demo_programs(&app).await;
    let staff = app.login_as("community").await;
    let page = read(&app, "/api/v1/programs?limit=100", &staff).await;
    let id = page["items"]
        .as_array()
        .and_then(|items| items.iter().find(|p| p["title"] == "既有多层住宅加装电梯全覆盖"))
        .and_then(|p| p["id"].as_i64())
        .expect("the lift program of 缤纷社区");
    let program = read(&app, &format!("/api/v1/programs/{id}"), &staff).await;
    settings().bind(|| assert_json_snapshot!(program));
}

#[tokio::test]
async fn a_provider_and_its_service_read_as_before() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let team = provider(&app, &staff, community, "缤纷邻里志愿服务队", None).await;
    let created = service(
        &app,
        &staff,
        json!({ "provider_id": team["id"], "name": "助浴上门", "category": "elderly_care", "cost": "free", "capacity_per_week": 5,
            "mode": "at_home", "schedule": weekdays("08:00", "18:00"), "point": { "lat": 30.21, "lng": 120.21 },
            "target_groups": ["elderly"] }),
    )
    .await;
    let provider = read(&app, &format!("/api/v1/providers/{}", team["id"]), &staff).await;
    let service = read(&app, &format!("/api/v1/services/{}", created["id"]), &staff).await;
    settings().bind(|| {
        assert_json_snapshot!("a_provider", provider);
        assert_json_snapshot!("its_service", service);
    });
}

#[tokio::test]
async fn matching_candidates_read_as_before() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let area = read(&app, &format!("/api/v1/areas/{community}"), &staff).await;
    let (lat, lng) = (area["profile"]["center_lat"].as_f64().expect("lat"), area["profile"]["center_lng"].as_f64().expect("lng"));
    let team = provider(&app, &staff, community, "缤纷邻里志愿服务队", Some(app.user_id("volunteer").await)).await;
    for (name, category) in [("助浴上门", "elderly_care"), ("家政保洁", "housekeeping")] {
        service(
            &app,
            &staff,
            json!({ "provider_id": team["id"], "name": name, "category": category, "cost": "free", "capacity_per_week": 5,
                "mode": "at_home", "schedule": weekdays("08:00", "18:00"), "point": { "lat": lat + 0.001, "lng": lng } }),
        )
        .await;
    }
    let resident = app.login_as("resident").await;
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    assert_eq!(act(&app, &staff, id, json!({ "action": "accept" })).await.status(), StatusCode::OK);
    let candidates = read(&app, &format!("/api/v1/needs/{id}/candidates"), &staff).await;
    settings().bind(|| assert_json_snapshot!(candidates));
}

/// A past quarter, so that whether it is closed and how much of the year has gone do not depend on
/// the day the test runs.
#[tokio::test]
async fn the_kpi_dashboard_of_a_community_reads_as_before() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let reported = json!({ "indicator": "certified_social_workers", "area_id": community, "period": "2025-Q4", "value": 4.0,
        "source_note": "社工持证台账" });
    assert_eq!(app.post("/api/v1/kpis/values", &staff, &reported).await.status(), StatusCode::CREATED);
    let dashboard = read(&app, &format!("/api/v1/kpis/dashboard?area={community}&period=2025-Q4"), &staff).await;
    settings().bind(|| assert_json_snapshot!(dashboard));
}

#[tokio::test]
async fn a_webhook_reads_as_before() {
    let app = spawn_app().await;
    let token = app.login_as("integration").await;
    let body =
        json!({ "url": "http://127.0.0.1:9/hook", "secret": "a-shared-secret-of-the-client", "events": ["need.created", "need.resolve"] });
    let res = app.post("/api/v1/webhooks", &token, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = res.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    let webhook = read(&app, &format!("/api/v1/webhooks/{id}"), &token).await;
    settings().bind(|| assert_json_snapshot!(webhook));
}

#[tokio::test]
async fn an_audit_page_reads_as_before() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let token = app.login_as("community").await;
    let res = app.patch(&format!("/api/v1/areas/{community}"), &token, &json!({ "name": "缤纷社区（新）" })).await;
    assert_eq!(res.status(), StatusCode::OK);
    let district = app.login_as("district").await;
    let page = read(&app, &format!("/api/v1/audit?entity=area&entity_id={community}"), &district).await;
    settings().bind(|| assert_json_snapshot!(page));
}
