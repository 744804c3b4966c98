//! Operations endpoints and the cross-cutting HTTP behaviour.

use reqwest::{Method, StatusCode};

use crate::helpers::{problem, spawn_app};

#[tokio::test]
async fn liveness_and_readiness_answer_ok() {
    let app = spawn_app().await;
    for path in ["/healthz", "/readyz"] {
        let res = app.client.get(app.url(path)).send().await.expect("request");
        assert_eq!(res.status(), StatusCode::OK, "{path}");
    }
}

#[tokio::test]
async fn metrics_count_requests_by_route_pattern() {
    let app = spawn_app().await;
    app.client.get(app.url("/healthz")).send().await.expect("request");
    let text = app.client.get(app.url("/metrics")).send().await.expect("request").text().await.expect("text");
    assert!(text.contains("http_requests_total"), "{text}");
    assert!(text.contains("route=\"/healthz\""), "{text}");
}

#[tokio::test]
async fn a_sane_client_request_id_is_echoed_and_a_missing_one_is_made_up() {
    let app = spawn_app().await;
    let res = app.client.get(app.url("/healthz")).header("x-request-id", "abc-123").send().await.expect("request");
    assert_eq!(res.headers()["x-request-id"], "abc-123");
    let res = app.client.get(app.url("/healthz")).header("x-request-id", "bad id with spaces").send().await.expect("request");
    let id = res.headers()["x-request-id"].to_str().expect("ascii").to_owned();
    assert_eq!(id.len(), 36, "a fresh uuid instead of {id}");
}

#[tokio::test]
async fn an_unknown_api_path_is_a_problem_not_the_dashboard() {
    let app = spawn_app().await;
    let res = app.client.get(app.url("/api/v1/no-such-thing")).send().await.expect("request");
    let body = problem(res, 404).await;
    assert_eq!(body["code"], "not_found");
}

#[tokio::test]
async fn a_known_path_with_the_wrong_method_is_405_with_allow() {
    let app = spawn_app().await;
    let res = app.client.request(Method::DELETE, app.url("/api/v1/areas/1")).send().await.expect("request");
    let allow = res.headers().get("allow").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(allow.contains("GET") && allow.contains("PATCH"), "{allow}");
    let body = problem(res, 405).await;
    assert_eq!(body["code"], "method_not_allowed");
}

#[tokio::test]
async fn swagger_ui_is_served_at_docs() {
    let app = spawn_app().await;
    let res = app.client.get(app.url("/docs")).send().await.expect("request");
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.expect("html");
    assert!(html.contains("/api/openapi.json"));
}
