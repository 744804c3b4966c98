//! The neighbourhood (身边服务): what serves a resident's community, nearest first with walking
//! minutes, filtered and paged; the same for visitors on the public pages; no personal data.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{TestApp, fields, problem, spawn_app};

/// The demo catalogue (services and spaces near each community's centre), as `just run` seeds it.
async fn with_demo_resources() -> TestApp {
    let app = spawn_app().await;
    api::demo::resources::seed(&app.db, chrono::Utc::now()).await.expect("demo resources");
    app
}

async fn json_of(res: reqwest::Response) -> Value {
    let status = res.status();
    let body: Value = res.json().await.expect("json");
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

fn minutes(page: &Value) -> Vec<Option<i64>> {
    page["items"].as_array().expect("items").iter().map(|p| p["walking_minutes"].as_i64()).collect()
}

#[tokio::test]
async fn a_resident_sees_what_serves_the_community_nearest_first_without_personal_data() {
    let app = with_demo_resources().await;
    let resident = app.login_as("resident").await;
    let page = json_of(app.get("/api/v1/neighbourhood?limit=100", &resident).await).await;
    assert_eq!(page["community_name"], "缤纷社区");
    assert!(page["origin"]["lat"].is_f64(), "minutes are counted from the community's centre");
    let items = page["items"].as_array().expect("items");
    assert!(items.iter().any(|p| p["kind"] == "service") && items.iter().any(|p| p["kind"] == "space"), "{page}");
    let known: Vec<i64> = minutes(&page).into_iter().flatten().collect();
    assert!(!known.is_empty(), "demo places have points");
    assert!(known.windows(2).all(|w| w[0] <= w[1]), "nearest first: {known:?}");
    let text = page.to_string();
    for personal in ["contact", "phone", "王芳", "1380013"] {
        assert!(!text.contains(personal), "no {personal} in {text}");
    }

    // By category, by kind, from the resident's own position.
    let category = items.iter().find(|p| p["kind"] == "service").and_then(|p| p["category"].as_str()).expect("a category").to_owned();
    assert!(page["categories"].as_array().expect("categories").iter().any(|c| c["code"] == category.as_str()));
    let only = json_of(app.get(&format!("/api/v1/neighbourhood?category={category}&limit=100"), &resident).await).await;
    assert!(only["items"].as_array().expect("items").iter().all(|p| p["category"] == category.as_str()));
    let spaces = json_of(app.get("/api/v1/neighbourhood?kind=space&limit=100", &resident).await).await;
    assert!(spaces["items"].as_array().expect("items").iter().all(|p| p["kind"] == "space" && p["space_kind"].is_string()));
    let here = json_of(app.get("/api/v1/neighbourhood?lat=30.3&lng=120.3", &resident).await).await;
    assert_eq!(here["origin"]["lat"], 30.3);

    // Paged; a cursor from elsewhere is refused.
    let first = json_of(app.get("/api/v1/neighbourhood?limit=1", &resident).await).await;
    let cursor = first["next_cursor"].as_str().expect("more than one place");
    let second = json_of(app.get(&format!("/api/v1/neighbourhood?limit=1&cursor={cursor}"), &resident).await).await;
    assert_eq!(second["items"][0], items[1]);
    let p = problem(app.get("/api/v1/neighbourhood?cursor=zzz", &resident).await, 422).await;
    assert_eq!(fields(&p), ["cursor"]);
    let p = problem(app.get("/api/v1/neighbourhood?limit=0", &resident).await, 422).await;
    assert_eq!(fields(&p), ["limit"]);

    // Staff read the whole catalogue instead.
    problem(app.get("/api/v1/neighbourhood", &app.login_as("community").await).await, 403).await;
}

#[tokio::test]
async fn visitors_read_any_communitys_neighbourhood_signed_out() {
    let app = with_demo_resources().await;
    let community = app.area_id("缤纷社区").await;
    let res = app.client.get(app.url("/api/v1/public/communities")).send().await.expect("GET");
    let list = json_of(res).await;
    let found = list.as_array().expect("list").iter().find(|c| c["id"] == community).expect("缤纷社区 is listed").clone();
    assert!(found["street"].is_string());
    let res =
        app.client.get(app.url(&format!("/api/v1/public/communities/{community}/neighbourhood?limit=100"))).send().await.expect("GET");
    let public = json_of(res).await;
    let resident = app.login_as("resident").await;
    let mine = json_of(app.get("/api/v1/neighbourhood?limit=100", &resident).await).await;
    assert_eq!(public["items"], mine["items"], "the same places for a visitor as for a resident");
    let district = app.area_id("滨江区").await;
    let res = app.client.get(app.url(&format!("/api/v1/public/communities/{district}/neighbourhood"))).send().await.expect("GET");
    problem(res, 404).await;
}
