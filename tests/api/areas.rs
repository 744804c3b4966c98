//! The area tree: scoping, the tree's rules, profiles, pagination.

use std::collections::HashSet;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{fields, problem, spawn_app};

#[tokio::test]
async fn street_staff_see_only_their_own_subtree() {
    let app = spawn_app().await;
    let token = app.login_as("street").await;
    let page: Value = app.get("/api/v1/areas?limit=200", &token).await.json().await.expect("json");
    let names: HashSet<&str> = page["items"].as_array().expect("items").iter().filter_map(|a| a["name"].as_str()).collect();
    assert!(names.contains("西兴街道") && names.contains("缤纷社区"), "{names:?}");
    assert!(!names.contains("临汾路380弄社区") && !names.contains("滨江区"), "{names:?}");
    let roots: Value = app.get("/api/v1/areas/roots", &token).await.json().await.expect("json");
    assert_eq!(roots["items"][0]["name"], "西兴街道");
    assert_eq!(roots["items"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn another_streets_areas_are_invisible_and_unchangeable() {
    let app = spawn_app().await;
    let other = app.area_id("临汾路380弄社区").await;
    let token = app.login_as("street").await;
    problem(app.get(&format!("/api/v1/areas/{other}"), &token).await, 404).await;
    problem(app.get(&format!("/api/v1/areas/{other}/children"), &token).await, 404).await;
    problem(app.patch(&format!("/api/v1/areas/{other}"), &token, &json!({ "name": "改名" })).await, 404).await;
    let body =
        problem(app.post("/api/v1/areas", &token, &json!({ "parent_id": other, "kind": "grid", "name": "越权网格" })).await, 422).await;
    assert_eq!(fields(&body), ["/parent_id"]);
}

#[tokio::test]
async fn roles_without_area_rights_are_refused() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    for username in ["resident", "volunteer", "provider", "grid"] {
        let token = app.login_as(username).await;
        let res = app.post("/api/v1/areas", &token, &json!({ "parent_id": community, "kind": "grid", "name": "新网格" })).await;
        problem(res, 403).await;
        problem(app.patch(&format!("/api/v1/areas/{community}"), &token, &json!({ "name": "x" })).await, 403).await;
    }
}

#[tokio::test]
async fn community_staff_add_a_grid_to_their_community() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let token = app.login_as("community").await;
    let res = app.post("/api/v1/areas", &token, &json!({ "parent_id": community, "kind": "grid", "name": "第九网格" })).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let grid: Value = res.json().await.expect("json");
    assert_eq!(grid["parent_id"], community);
    assert_eq!(grid["depth"], 5);
    let children: Value = app.get(&format!("/api/v1/areas/{community}/children?limit=200"), &token).await.json().await.expect("json");
    assert!(children["items"].as_array().expect("items").iter().any(|a| a["name"] == "第九网格"));
}

#[tokio::test]
async fn an_area_must_fit_its_parent_and_carry_a_fitting_unique_code() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let district = app.area_id("滨江区").await;
    let admin = app.login_as("admin").await;
    let before = app.count("areas").await;
    // A street without a code: the spec says a street has one, so the request validator names it.
    let body =
        problem(app.post("/api/v1/areas", &admin, &json!({ "parent_id": district, "kind": "street", "name": "错街道" })).await, 422).await;
    assert_eq!(fields(&body), ["/code"]);
    // A street under a community: the wrong kind of parent.
    let body = problem(
        app.post("/api/v1/areas", &admin, &json!({ "parent_id": community, "kind": "street", "name": "错街道", "code": "330108009000" }))
            .await,
        422,
    )
    .await;
    assert_eq!(fields(&body), ["/kind"]);
    // A street whose code does not start with the district's 330108, and one that is taken.
    let body = problem(
        app.post("/api/v1/areas", &admin, &json!({ "parent_id": district, "kind": "street", "name": "新街道", "code": "110108001000" }))
            .await,
        422,
    )
    .await;
    assert_eq!(body["errors"][0]["code"], "mismatch_parent");
    let body = problem(
        app.post("/api/v1/areas", &admin, &json!({ "parent_id": district, "kind": "street", "name": "新街道", "code": "330108001000" }))
            .await,
        422,
    )
    .await;
    assert_eq!(body["errors"][0]["code"], "taken");
    // A community needs a street parent; a profile belongs only to communities.
    let body = problem(
        app.post(
            "/api/v1/areas",
            &admin,
            &json!({ "parent_id": district, "kind": "street", "name": "新街道", "code": "330108009000", "profile": { "households": 1 } }),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(fields(&body), ["/profile"]);
    assert_eq!(app.count("areas").await, before, "nothing half-written");
    let ok = app
        .post("/api/v1/areas", &admin, &json!({ "parent_id": district, "kind": "street", "name": "新街道", "code": "330108009000" }))
        .await;
    assert_eq!(ok.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_community_profile_is_edited_and_checked() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let token = app.login_as("community").await;
    let profile = json!({ "settlement": "urban", "area_ha": 46.0, "households": 5487, "population": 20824, "population_60_plus": 3100,
        "building_area_m2": 600000.0, "facility_area_m2": 1800.0, "center_lat": 30.21, "center_lng": 120.21 });
    let res = app.patch(&format!("/api/v1/areas/{community}"), &token, &json!({ "profile": profile })).await;
    assert_eq!(res.status(), StatusCode::OK);
    let area: Value = app.get(&format!("/api/v1/areas/{community}"), &token).await.json().await.expect("json");
    assert_eq!(area["profile"], profile);
    let bad = json!({ "profile": { "population": 10, "population_60_plus": 11, "center_lat": 30.0 } });
    let body = problem(app.patch(&format!("/api/v1/areas/{community}"), &token, &bad).await, 422).await;
    let f = fields(&body);
    assert!(f.contains(&"/profile/population_60_plus".to_owned()) && f.contains(&"/profile/center_lng".to_owned()), "{f:?}");
    let area: Value = app.get(&format!("/api/v1/areas/{community}"), &token).await.json().await.expect("json");
    assert_eq!(area["profile"], profile, "a refused edit changes nothing");
}

async fn walk(app: &crate::helpers::TestApp, token: &str, query: &str) -> Vec<Value> {
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/areas?{query}&cursor={c}"),
            None => format!("/api/v1/areas?{query}"),
        };
        let page: Value = app.get(&path, token).await.json().await.expect("json");
        items.extend(page["items"].as_array().expect("items").iter().cloned());
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => return items,
        }
    }
}

#[tokio::test]
async fn keyset_pages_visit_every_area_once_in_order() {
    let app = spawn_app().await;
    let token = app.login_as("admin").await;
    let total = app.count("areas").await as usize;
    let by_id = walk(&app, &token, "limit=7").await;
    assert_eq!(by_id.len(), total);
    let ids: Vec<i64> = by_id.iter().filter_map(|a| a["id"].as_i64()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
    let by_name = walk(&app, &token, "limit=5&sort=-name").await;
    assert_eq!(by_name.len(), total);
    assert_eq!(by_name.iter().filter_map(|a| a["id"].as_i64()).collect::<HashSet<_>>().len(), total, "no repeats");
    let grids = walk(&app, &token, "limit=3&kind=grid").await;
    assert!(!grids.is_empty() && grids.iter().all(|a| a["kind"] == "grid"));
}

#[tokio::test]
async fn the_subtree_of_a_district_lists_its_communities() {
    let app = spawn_app().await;
    let district = app.area_id("滨江区").await;
    let token = app.login_as("district").await;
    let page: Value = app.get(&format!("/api/v1/areas/{district}/subtree?kind=community"), &token).await.json().await.expect("json");
    let names: Vec<&str> = page["items"].as_array().expect("items").iter().filter_map(|a| a["name"].as_str()).collect();
    assert_eq!(names, ["缤纷社区"]);
}
