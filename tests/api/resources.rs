//! The resource catalogue: every bad field at once and nothing written, scoping and roles, contacts
//! for staff only, opening-hours flags, Excel import (dry run first, all or nothing) and export.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, fields, problem, spawn_app};

pub async fn provider(app: &TestApp, token: &str, area: i64, name: &str, user_id: Option<i64>) -> Value {
    let body = json!({ "kind": "volunteer_team", "name": name, "area_id": area, "contact_name": "王芳", "contact_phone": "13800138000",
        "user_id": user_id, "verified": true });
    let res = app.post("/api/v1/providers", token, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.expect("json")
}

pub fn weekdays(start: &str, end: &str) -> Value {
    Value::Array((1..=5).map(|d| json!({ "weekday": d, "start": start, "end": end })).collect())
}

pub async fn service(app: &TestApp, token: &str, body: Value) -> Value {
    let res = app.post("/api/v1/services", token, &body).await;
    let status = res.status();
    let json: Value = res.json().await.expect("json");
    assert_eq!(status, StatusCode::CREATED, "{json}");
    json
}

#[tokio::test]
async fn providers_are_registered_listed_and_changed_within_scope() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let created = provider(&app, &staff, community, "缤纷邻里志愿服务队", None).await;
    assert_eq!(created["contact_phone"], "13800138000");
    let page: Value = app.get("/api/v1/providers?kind=volunteer_team", &staff).await.json().await.expect("json");
    assert_eq!(page["items"].as_array().map(Vec::len), Some(1));
    let id = created["id"].as_i64().expect("id");
    let patched: Value =
        app.patch(&format!("/api/v1/providers/{id}"), &staff, &json!({ "active": false })).await.json().await.expect("json");
    assert_eq!(patched["active"], false);
    // A volunteer reads the directory but neither changes it nor sees contacts.
    let volunteer = app.login_as("volunteer").await;
    let seen: Value = app.get(&format!("/api/v1/providers/{id}"), &volunteer).await.json().await.expect("json");
    assert_eq!(seen["contact_phone"], Value::Null);
    problem(app.patch(&format!("/api/v1/providers/{id}"), &volunteer, &json!({ "active": true })).await, 403).await;
    // Residents do not read it; staff of another community do not find it.
    let resident = app.login_as("resident").await;
    problem(app.get("/api/v1/providers", &resident).await, 403).await;
    let other = app.login_as("community2").await;
    problem(app.get(&format!("/api/v1/providers/{id}"), &other).await, 404).await;
}

#[tokio::test]
async fn a_bad_service_reports_every_field_and_writes_nothing() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let team = provider(&app, &staff, community, "服务队", None).await;
    let body = json!({ "provider_id": team["id"], "person_id": 1, "name": " ", "category": "no_such", "cost": "low_cost",
        "capacity_per_week": 5, "mode": "at_home", "min_age": 70, "max_age": 60, "radius_m": 500,
        "schedule": [{ "weekday": 1, "start": "10:00", "end": "09:00" }, { "weekday": 2, "start": "08:00", "end": "12:00" },
                     { "weekday": 2, "start": "11:00", "end": "13:00" }] });
    let before = app.count("services").await;
    let p = problem(app.post("/api/v1/services", &staff, &body).await, 422).await;
    let mut got = fields(&p);
    got.sort();
    let mut want: Vec<String> =
        ["/provider_id", "/name", "/category", "/max_age", "/price_fen", "/schedule/0/end", "/schedule/2", "/point"]
            .map(String::from)
            .to_vec();
    want.sort();
    assert_eq!(got, want);
    assert_eq!(app.count("services").await, before);

    // A low-cost service made free loses its price; a price on a free one is refused.
    let body = json!({ "provider_id": team["id"], "name": "便民理发", "category": "convenience", "cost": "low_cost", "price_fen": 1000,
        "capacity_per_week": 5, "mode": "on_site" });
    let id = crate::resources::service(&app, &staff, body).await["id"].as_i64().expect("id");
    let free: Value = app.patch(&format!("/api/v1/services/{id}"), &staff, &json!({ "cost": "free" })).await.json().await.expect("json");
    assert_eq!((free["cost"].as_str(), free["price_fen"].as_i64()), (Some("free"), None));
    let p = problem(app.patch(&format!("/api/v1/services/{id}"), &staff, &json!({ "price_fen": 500 })).await, 422).await;
    assert_eq!(fields(&p), vec!["/price_fen".to_owned()]);
}

#[tokio::test]
async fn only_social_workers_hold_the_certificate_and_only_party_members_report() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let before = app.count("service_people").await;
    let volunteer = json!({ "kind": "volunteer", "name": "李志愿", "area_id": community, "certified": true, "reported_on": "2026-03-01" });
    let p = problem(app.post("/api/v1/service-people", &staff, &volunteer).await, 422).await;
    let mut got = fields(&p);
    got.sort();
    assert_eq!(got, vec!["/certified".to_owned(), "/reported_on".to_owned()]);
    assert_eq!(app.count("service_people").await, before);

    let member = json!({ "kind": "party_member", "name": "赵党员", "area_id": community, "reported_on": "2026-03-01" });
    let created = app.post("/api/v1/service-people", &staff, &member).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let id = created.json::<Value>().await.expect("json")["id"].as_i64().expect("id");
    let p = problem(app.patch(&format!("/api/v1/service-people/{id}"), &staff, &json!({ "certified": true })).await, 422).await;
    assert_eq!(fields(&p), vec!["/certified".to_owned()]);
}

#[tokio::test]
async fn spaces_open_under_eight_hours_a_day_are_flagged_and_filterable() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let daily: Value = Value::Array((1..=7).map(|d| json!({ "weekday": d, "start": "08:00", "end": "20:00" })).collect());
    for (name, hours) in [("养老驿站", daily), ("儿童之家", weekdays("15:00", "19:00"))] {
        let body = json!({ "kind": "elderly", "name": name, "area_id": community, "floor_area_m2": 200.0, "opening_hours": hours, "capacity": 30 });
        assert_eq!(app.post("/api/v1/service-spaces", &staff, &body).await.status(), StatusCode::CREATED);
    }
    let short: Value = app.get("/api/v1/service-spaces?short_hours=true", &staff).await.json().await.expect("json");
    let items = short["items"].as_array().expect("items");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["name"], "儿童之家");
    assert_eq!(items[0]["hours_per_day"], json!([4.0, 4.0, 4.0, 4.0, 4.0, 0.0, 0.0]));
    let all: Value = app.get("/api/v1/service-spaces?limit=1", &staff).await.json().await.expect("json");
    assert!(all["next_cursor"].is_string());
}

pub fn workbook(header: &[&str], rows: &[Vec<&str>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("write");
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, *v).expect("write");
        }
    }
    book.save_to_buffer().expect("xlsx")
}

async fn import(app: &TestApp, token: &str, table: &str, dry_run: bool, bytes: Vec<u8>) -> Value {
    let res = app
        .request(reqwest::Method::POST, &format!("/api/v1/resources/import?table={table}&dry_run={dry_run}"), token)
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .body(bytes)
        .send()
        .await
        .expect("import");
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.expect("json")
}

#[tokio::test]
async fn an_import_reports_every_bad_row_at_once_and_imports_only_a_clean_file() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let template = app.get("/api/v1/resources/template?table=providers", &staff).await;
    assert_eq!(template.status(), StatusCode::OK);
    let code: Value = app.get(&format!("/api/v1/areas/{}", app.area_id("缤纷社区").await), &staff).await.json().await.expect("json");
    let code = code["code"].as_str().expect("community code").to_owned();
    let header = [
        "名称 name",
        "类型 kind",
        "区域编码 area_code",
        "联系人 contact_name",
        "联系电话 contact_phone",
        "已认证 verified",
        "简介 description",
    ];
    let bad = workbook(
        &header,
        &[
            vec!["甲服务队", "volunteer_team", &code, "王芳", "13800138000", "是", ""],
            vec!["乙服务队", "no_kind", "000000000000", "", "", "也许", ""],
            vec!["甲服务队", "charity", &code, "", "", "否", ""],
        ],
    );
    let report = import(&app, &staff, "providers", false, bad).await;
    let errors: Vec<(u64, String)> = report["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| (e["row"].as_u64().unwrap_or(0), e["column"].as_str().unwrap_or("").to_owned()))
        .collect();
    assert_eq!(
        errors,
        vec![
            (3, "类型 kind".to_owned()),
            (3, "区域编码 area_code".to_owned()),
            (3, "已认证 verified".to_owned()),
            (4, "名称 name".to_owned()),
        ]
    );
    assert_eq!(report["imported"], 0);
    assert_eq!(app.count("providers").await, 0);
    let good = workbook(
        &header,
        &[vec!["甲服务队", "volunteer_team", &code, "", "", "是", ""], vec!["乙服务队", "charity", &code, "", "", "", ""]],
    );
    let dry = import(&app, &staff, "providers", true, good.clone()).await;
    assert_eq!((dry["rows"].as_u64(), dry["imported"].as_u64(), dry["errors"].as_array().map(Vec::len)), (Some(2), Some(0), Some(0)));
    assert_eq!(app.count("providers").await, 0);
    let real = import(&app, &staff, "providers", false, good).await;
    assert_eq!(real["imported"], 2);
    assert_eq!(app.count("providers").await, 2);
    let csv = app.get("/api/v1/resources/export?table=providers&format=csv", &staff).await.text().await.expect("csv");
    assert!(csv.starts_with('\u{feff}') && csv.contains("乙服务队"), "{csv}");
    assert!(csv.contains(",志愿服务队,") && csv.contains(",慈善组织,") && !csv.contains("volunteer_team"), "labels, not codes: {csv}");
    // An English export reads back as an import (headers and words in either language).
    let english = app
        .request(reqwest::Method::GET, "/api/v1/resources/export?table=providers&format=xlsx", &staff)
        .header("Accept-Language", "en")
        .send()
        .await
        .expect("export")
        .bytes()
        .await
        .expect("bytes")
        .to_vec();
    // Every header and word was read; the one complaint left is that the names are registered already.
    let again = import(&app, &staff, "providers", true, english).await;
    assert_eq!(again["rows"], 2, "{again}");
    assert!(again["errors"].as_array().expect("errors").iter().all(|e| e["code"] == "taken"), "{again}");
}
