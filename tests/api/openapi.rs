//! The spec is the contract: the served document equals the committed one.

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_served_spec_equals_the_committed_file() {
    let app = spawn_app().await;
    let served = app.client.get(app.url("/api/openapi.json")).send().await.expect("request").text().await.expect("text");
    let committed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");
    let committed = std::fs::read_to_string(committed_path).expect("openapi/openapi.json is committed");
    assert!(served == committed, "openapi/openapi.json is stale: run `just openapi` and commit the result");
}

#[tokio::test]
async fn the_spec_is_openapi_3_1_and_every_operation_has_a_unique_id() {
    let doc: serde_json::Value = serde_json::from_str(&api::openapi::spec_json()).expect("json");
    assert_eq!(doc["openapi"], "3.1.0");
    let mut ids: Vec<String> = doc["paths"]
        .as_object()
        .expect("paths")
        .values()
        .flat_map(|item| {
            item.as_object().into_iter().flat_map(|ops| ops.values().filter_map(|op| op["operationId"].as_str().map(str::to_owned)))
        })
        .collect();
    let total = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), total, "duplicate operationId");
}
