//! KPIs end to end: the catalogue, reporting with every bad field at once and nothing overwritten,
//! roll-ups as ratios of sums, computed need indicators on a fixed data set, counters equal to a
//! full recount after random sequences of changes, permissions, targets, export and import.

use api::services::kpis::counters;
use chrono::Datelike;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, fields, problem, spawn_app};
use crate::needs::{act, submit_as_resident};
use crate::resources::workbook;

fn this_year(app: &TestApp) -> i32 {
    app.state.clock.now().year()
}

async fn report(app: &TestApp, token: &str, body: Value) -> reqwest::Response {
    app.post("/api/v1/kpis/values", token, &body).await
}

fn card<'a>(dashboard: &'a Value, code: &str) -> &'a Value {
    dashboard["cards"].as_array().expect("cards").iter().find(|c| c["indicator"]["code"] == code).expect("card")
}

async fn dashboard(app: &TestApp, token: &str, area: i64, period: &str) -> Value {
    let res = app.get(&format!("/api/v1/kpis/dashboard?area={area}&period={period}"), token).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.expect("json")
}

#[tokio::test]
async fn the_catalogue_holds_seed_003_and_seed_002() {
    let app = spawn_app().await;
    let staff = app.login_as("district").await;
    let list: Value = app.get("/api/v1/kpis/indicators", &staff).await.json().await.expect("json");
    let list = list.as_array().expect("array");
    let s3: Vec<&Value> = list.iter().filter(|i| i["reference"] == "《徐州市城乡社区服务体系三年行动实施方案》专栏1").collect();
    assert_eq!(s3.len(), 13);
    let per_100 = list.iter().find(|i| i["code"] == "facility_area_per_100_households").expect("indicator");
    assert_eq!(per_100["baseline"], 29.55);
    assert_eq!(per_100["attribute"], "binding");
    assert_eq!(
        per_100["targets"],
        json!([{ "year": 2024, "comparator": "at_least", "value": 30.0 }, { "year": 2025, "comparator": "at_least", "value": 30.0 }])
    );
    let response = list.iter().find(|i| i["code"] == "average_response_hours").expect("indicator");
    assert_eq!(response["direction"], "lower");
    assert_eq!(response["source"], "computed");
    // Residents do not read dashboards.
    let resident = app.login_as("resident").await;
    problem(app.get("/api/v1/kpis/indicators", &resident).await, 403).await;
}

#[tokio::test]
async fn a_bad_report_names_every_field_and_writes_nothing() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let body = json!({ "indicator": "self_service_coverage", "area_id": community, "period": "2026-Q5",
        "value": 80.0, "numerator": 3.0, "source_note": " " });
    let p = problem(report(&app, &staff, body).await, 422).await;
    let mut f = fields(&p);
    f.sort();
    assert_eq!(f, ["/denominator", "/period", "/source_note", "/value"]);
    let computed = json!({ "indicator": "satisfaction_rate", "area_id": community, "period": "2026", "value": 99.0, "source_note": "x" });
    assert_eq!(fields(&problem(report(&app, &staff, computed).await, 422).await), ["/indicator"]);
    let share = json!({ "indicator": "five_social_linkage_coverage", "area_id": community, "period": "2026", "numerator": 3.0, "denominator": 2.0, "source_note": "x" });
    assert_eq!(fields(&problem(report(&app, &staff, share).await, 422).await), ["/numerator"]);
    assert_eq!(app.count("kpi_reports").await, 0);
}

#[tokio::test]
async fn a_value_is_replaced_only_on_purpose_and_the_history_is_kept() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let first =
        json!({ "indicator": "certified_social_workers", "area_id": community, "period": "2026-Q1", "value": 4.0, "source_note": "台账" });
    let res = report(&app, &staff, first.clone()).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let saved: Value = res.json().await.expect("json");
    assert_eq!(saved["reported_by"], "缤纷社区工作者");
    // The same again without naming it: refused, nothing overwritten.
    let mut again = first_fields(&first);
    again.insert("value".into(), json!(5.0));
    let p = problem(report(&app, &staff, Value::Object(again)).await, 409).await;
    assert!(p["detail"].as_str().expect("detail").contains("replaces"));
    let replaced = json!({ "indicator": "certified_social_workers", "area_id": community, "period": "2026-Q1", "value": 5.0,
        "source_note": "更正", "replaces": saved["id"] });
    assert_eq!(report(&app, &staff, replaced).await.status(), StatusCode::CREATED);
    let history: Value = app
        .get(&format!("/api/v1/kpis/values?area={community}&indicator=certified_social_workers"), &staff)
        .await
        .json()
        .await
        .expect("json");
    let items = history["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["value"], 5.0);
    assert_eq!(items[0]["replaces"], saved["id"]);
    assert_eq!(items[1]["superseded_by"], items[0]["id"]);
    let current: Value = app.get("/api/v1/kpis/values?current=true", &staff).await.json().await.expect("json");
    assert_eq!(current["items"].as_array().map(Vec::len), Some(1));
}

/// serde_json has no struct update syntax: rebuild the body with another value.
fn first_fields(first: &Value) -> serde_json::Map<String, Value> {
    let mut m = first.as_object().expect("object").clone();
    m.remove("value");
    m
}

#[tokio::test]
async fn community_staff_report_only_for_their_community() {
    let app = spawn_app().await;
    let other = app.login_as("community2").await;
    let community = app.area_id("缤纷社区").await;
    let body =
        json!({ "indicator": "certified_social_workers", "area_id": community, "period": "2026", "value": 4.0, "source_note": "台账" });
    assert_eq!(fields(&problem(report(&app, &other, body.clone()).await, 422).await), ["/area_id"]);
    problem(app.get(&format!("/api/v1/kpis/dashboard?area={community}&period=2026"), &other).await, 404).await;
    let grid_worker = app.login_as("grid").await;
    problem(report(&app, &grid_worker, body.clone()).await, 403).await;
    let volunteer = app.login_as("volunteer").await;
    problem(app.get(&format!("/api/v1/kpis/dashboard?area={community}&period=2026"), &volunteer).await, 403).await;
    // Targets are set from above, not by the community itself.
    let staff = app.login_as("community").await;
    let target = json!({ "indicator": "satisfaction_rate", "area_id": community, "year": 2026, "comparator": "at_least", "value": 95.0 });
    problem(app.request(Method::PUT, "/api/v1/kpis/targets", &staff).json(&target).send().await.expect("send"), 403).await;
    assert_eq!(app.count("kpi_reports").await, 0);
}

#[tokio::test]
async fn ratios_roll_up_as_ratios_of_sums_and_targets_apply_down_the_tree() {
    let app = spawn_app().await;
    let year = this_year(&app);
    let admin = app.login_as("admin").await;
    // Two communities of one street: the street's total is 11 of 101, not the mean of 100 % and 10 %.
    let a = app.area_id("缤纷社区").await;
    let street = app.area_id("西兴街道").await;
    let res = app
        .post(
            "/api/v1/areas",
            &admin,
            &json!({ "parent_id": street, "kind": "community", "name": "星民社区", "code": "330108001102",
        "profile": { "households": 2000, "population": 6000 } }),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let b = app.area_id("星民社区").await;
    for (area, n, d) in [(a, 1.0, 1.0), (b, 10.0, 100.0)] {
        let body = json!({ "indicator": "home_service_elderly_share", "area_id": area, "period": format!("{year}-Q1"), "numerator": n, "denominator": d, "source_note": "台账" });
        assert_eq!(report(&app, &admin, body).await.status(), StatusCode::CREATED);
    }
    let breakdown_root = street;
    let d = dashboard(&app, &admin, breakdown_root, &year.to_string()).await;
    let c = card(&d, "home_service_elderly_share");
    assert_eq!(c["numerator"], 11.0);
    assert_eq!(c["denominator"], 101.0);
    assert!((c["value"].as_f64().expect("value") - 1100.0 / 101.0).abs() < 1e-9);
    assert_eq!(c["provenance"]["areas_reported"], 2);
    assert_eq!(c["indicator"]["attribute"], "binding");
    // A district's own target overrides the catalogue's for its communities.
    let district = app.area_id("滨江区").await;
    let target = json!({ "indicator": "home_service_elderly_share", "area_id": district, "year": year, "comparator": "at_least", "value": 50.0, "note": "区定目标" });
    let set = app.request(Method::PUT, "/api/v1/kpis/targets", &admin).json(&target).send().await.expect("send");
    assert_eq!(set.status(), StatusCode::OK);
    let mine = dashboard(&app, &admin, a, &year.to_string()).await;
    let c = card(&mine, "home_service_elderly_share");
    assert_eq!(c["target"]["value"], 50.0);
    assert_eq!(c["target_source"], "滨江区");
    assert_eq!(c["value"], 100.0);
    assert_eq!(c["status"], "met");
    let elsewhere = dashboard(&app, &admin, app.area_id("临汾路380弄社区").await, &year.to_string()).await;
    assert_eq!(card(&elsewhere, "home_service_elderly_share")["target_source"], "catalogue");
    // The breakdown lists each child with its own value; the total is the same ratio of sums.
    let bd: Value = app
        .get(&format!("/api/v1/kpis/breakdown?indicator=home_service_elderly_share&area={breakdown_root}&period={year}"), &admin)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(bd["total"]["numerator"], 11.0);
    let rows = bd["rows"].as_array().expect("rows");
    let reported: Vec<f64> = rows.iter().filter_map(|r| r["numerator"].as_f64()).collect();
    assert_eq!(reported.iter().sum::<f64>(), 11.0);
}

#[tokio::test]
async fn need_indicators_are_computed_from_a_fixed_data_set() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    let staff = app.login_as("community").await;
    let volunteer = app.login_as("volunteer").await;
    let volunteer_id = app.user_id("volunteer").await;
    // Two needs: one claimed after 2 h and rated 5, one claimed after 10 h and rated 2 (reopened), so
    // average response 6 h, one rated and satisfied, and 1.5 volunteer hours recorded.
    let mut ids = Vec::new();
    for (wait, rating) in [(2, 5), (10, 2)] {
        let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
        ids.push(id);
        assert_eq!(act(&app, &staff, id, json!({ "action": "accept" })).await.status(), StatusCode::OK);
        assert_eq!(act(&app, &staff, id, json!({ "action": "dispatch", "assignee_id": volunteer_id })).await.status(), StatusCode::OK);
        app.state.clock.advance(chrono::Duration::hours(wait));
        assert_eq!(act(&app, &volunteer, id, json!({ "action": "claim" })).await.status(), StatusCode::OK);
        assert_eq!(act(&app, &volunteer, id, json!({ "action": "start" })).await.status(), StatusCode::OK);
        let resolved = act(&app, &volunteer, id, json!({ "action": "resolve", "note": "已办结", "hours": 1.5 })).await;
        assert_eq!(resolved.status(), StatusCode::OK);
        assert_eq!(act(&app, &resident, id, json!({ "action": "rate", "rating": rating })).await.status(), StatusCode::OK);
        app.state.clock.advance(chrono::Duration::hours(-wait));
    }
    // Hours belong to resolving only.
    let p = problem(act(&app, &staff, ids[1], json!({ "action": "dispatch", "assignee_id": volunteer_id, "hours": 2.0 })).await, 422).await;
    assert!(fields(&p).contains(&"/hours".to_owned()));
    let d = dashboard(&app, &staff, community, &this_year(&app).to_string()).await;
    let avg = card(&d, "average_response_hours");
    assert!((avg["value"].as_f64().expect("value") - 6.0).abs() < 0.05, "{avg}");
    assert_eq!(avg["status"], "met");
    let satisfaction = card(&d, "satisfaction_rate");
    assert_eq!(satisfaction["numerator"], 1.0);
    assert_eq!(satisfaction["denominator"], 1.0);
    assert_eq!(card(&d, "volunteer_hours")["value"], 1.5);
    let per_1000 = card(&d, "needs_per_1000_residents");
    assert!((per_1000["value"].as_f64().expect("value") - 2.0 * 1000.0 / 20824.0).abs() < 1e-9);
    assert_eq!(per_1000["status"], "no_target");
    let p90 = card(&d, "p90_response_hours")["value"].as_f64().expect("p90");
    assert!(p90 > 8.0 && p90 <= 12.0, "{p90}");
    // The series has a point per month and this month's holds the needs.
    let month = app.state.clock.now().format("%Y-%m").to_string();
    let s: Value = app
        .get(&format!("/api/v1/kpis/series?indicator=average_response_hours&area={community}&period={month}&points=6"), &staff)
        .await
        .json()
        .await
        .expect("json");
    let points = s["points"].as_array().expect("points");
    assert_eq!(points.len(), 6);
    assert_eq!(points[5]["period"], month);
    // Periods name years from 2000: a series asked to reach before it starts at 2000.
    let early: Value = app
        .get(&format!("/api/v1/kpis/series?indicator=certified_social_workers&area={community}&period=2002&points=4"), &staff)
        .await
        .json()
        .await
        .expect("json");
    let periods: Vec<&str> = early["points"].as_array().expect("points").iter().map(|p| p["period"].as_str().expect("period")).collect();
    assert_eq!(periods, ["2000", "2001", "2002"]);
}

/// A tiny deterministic generator, so a failing sequence can be replayed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[tokio::test]
async fn kept_counters_equal_a_full_recount_after_random_changes() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let people = ["resident", "community", "volunteer"];
    let resident = app.login_as("resident").await;
    let volunteer_id = app.user_id("volunteer").await;
    let mut ids = Vec::new();
    for _ in 0..12 {
        ids.push(submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id"));
    }
    let mut rng = Lcg(20261124);
    let mut applied = 0;
    for step in 0..160 {
        let id = ids[rng.below(ids.len())];
        // Signing in each time: the clock moves past an access token's life.
        let token = app.login_as(people[rng.below(people.len())]).await;
        let detail: Value = app.get(&format!("/api/v1/needs/{id}"), &token).await.json().await.expect("json");
        let Some(allowed) = detail["allowed_actions"].as_array().filter(|a| !a.is_empty()) else { continue };
        let action = allowed[rng.below(allowed.len())].as_str().expect("action").to_owned();
        // Ending a need is rare, so most needs live long enough to travel.
        if ["cancel", "reject"].contains(&action.as_str()) && rng.below(10) > 0 {
            continue;
        }
        let body = match action.as_str() {
            "return" => json!({ "action": action, "missing": ["身份证复印件"] }),
            "reject" | "cancel" | "decline" | "object" => json!({ "action": action, "note": "原因" }),
            "resolve" => json!({ "action": action, "note": "已办结", "hours": 0.5 * (1 + rng.below(4)) as f64 }),
            "rate" => json!({ "action": action, "rating": 1 + rng.below(5) }),
            "dispatch" => json!({ "action": action, "assignee_id": volunteer_id }),
            _ => json!({ "action": action }),
        };
        if act(&app, &token, id, body).await.status() == StatusCode::OK {
            applied += 1;
        }
        // Time passes (across month ends too) and the sweeper acts on overdue and unrated needs.
        app.state.clock.advance(chrono::Duration::hours(1 + rng.below(40) as i64));
        if step % 20 == 19 {
            api::services::needs::sweep(&app.state).await.expect("sweep");
        }
    }
    assert!(applied > 20, "only {applied} actions applied");
    let kept = counters::stored(&app.db).await.expect("stored");
    let recounted = counters::recount(&app.db).await.expect("recount");
    assert!(!kept.is_empty());
    assert_eq!(kept, recounted);
    // A rebuild from scratch gives the same rows.
    counters::rebuild(&app.db).await.expect("rebuild");
    assert_eq!(counters::stored(&app.db).await.expect("stored"), recounted);
}

#[tokio::test]
async fn export_and_import_of_values() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let csv = app.get(&format!("/api/v1/kpis/export?area={community}&period=2026&format=csv"), &staff).await;
    assert_eq!(csv.status(), StatusCode::OK);
    let text = csv.text().await.expect("text");
    assert!(text.contains("facility_area_per_100_households"));
    // One line per indicator for the community and each grid, plus the header.
    let lines = text.lines().count();
    assert_eq!((lines - 1) % 31, 0, "{lines}");
    let header = [
        "指标代码 indicator",
        "区域编码 area_code",
        "期间 period",
        "数值 value",
        "分子 numerator",
        "分母 denominator",
        "来源说明 source_note",
        "替换报告 replaces",
    ];
    let bad = workbook(
        &header,
        &[
            vec!["certified_social_workers", "330108001101", "2026-Q3", "x", "", "", "台账", ""],
            vec!["no_such", "999", "2026-Q9", "", "", "", "", ""],
        ],
    );
    let res = app
        .request(Method::POST, "/api/v1/kpis/values/import?dry_run=false", &staff)
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .body(bad)
        .send()
        .await
        .expect("send");
    let r: Value = res.json().await.expect("json");
    assert_eq!(r["imported"], 0);
    let errors = r["errors"].as_array().expect("errors");
    assert!(errors.len() >= 3, "{r}");
    assert!(errors.iter().any(|e| e["row"] == 2) && errors.iter().any(|e| e["row"] == 3));
    assert_eq!(app.count("kpi_reports").await, 0);
    let good = workbook(&header, &[vec!["self_service_coverage", "330108001101", "2026-Q3", "", "1", "1", "台账", ""]]);
    for (dry, imported) in [(true, 0), (false, 1)] {
        let res = app
            .request(Method::POST, &format!("/api/v1/kpis/values/import?dry_run={dry}"), &staff)
            .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .body(good.clone())
            .send()
            .await
            .expect("send");
        let r: Value = res.json().await.expect("json");
        assert_eq!(r["errors"], json!([]), "{r}");
        assert_eq!(r["imported"], imported);
    }
    assert_eq!(app.count("kpi_reports").await, 1);
}
