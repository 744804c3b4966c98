//! Photos of needs: checked by their bytes, capped, and shown only to those who handle the need.

use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::helpers::{TestApp, problem, spawn_app};
use crate::needs::submit_as_resident;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

async fn upload(app: &TestApp, token: &str, need: i64, content_type: &str, bytes: Vec<u8>) -> reqwest::Response {
    app.request(Method::POST, &format!("/api/v1/needs/{need}/photos"), token)
        .header("content-type", content_type)
        .body(bytes)
        .send()
        .await
        .expect("upload")
}

#[tokio::test]
async fn a_resident_attaches_a_photo_that_handlers_see_and_supervisors_do_not() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    let need = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    let res = upload(&app, &resident, need, "image/png", PNG.to_vec()).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let photo: Value = res.json().await.expect("json");
    assert_eq!(photo["mime"], "image/png");
    let url = photo["url"].as_str().expect("url").to_owned();

    let staff = app.login_as("community").await;
    let detail: Value = app.get(&format!("/api/v1/needs/{need}"), &staff).await.json().await.expect("json");
    assert_eq!(detail["photos"][0]["url"], url.as_str());
    let image = app.get(&url, &staff).await;
    assert_eq!(image.headers()["content-type"], "image/png");
    assert_eq!(image.bytes().await.expect("bytes").as_ref(), PNG);

    let street = app.login_as("street").await;
    let detail: Value = app.get(&format!("/api/v1/needs/{need}"), &street).await.json().await.expect("json");
    assert_eq!(detail["photos"], serde_json::json!([]));
    problem(app.get(&url, &street).await, 404).await;
}

#[tokio::test]
async fn bytes_that_are_not_an_image_are_refused_whatever_they_claim() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    let need = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    problem(upload(&app, &resident, need, "image/jpeg", b"<svg onload=alert(1)>".to_vec()).await, 422).await;
    problem(upload(&app, &resident, need, "text/plain", PNG.to_vec()).await, 415).await;
    assert_eq!(app.count("need_photos").await, 0);
}

#[tokio::test]
async fn an_oversized_photo_is_413_and_nothing_is_stored() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    let need = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");
    let mut big = PNG.to_vec();
    big.resize(6 * 1024 * 1024, 0);
    problem(upload(&app, &resident, need, "image/png", big).await, 413).await;
    assert_eq!(app.count("need_photos").await, 0);
}
