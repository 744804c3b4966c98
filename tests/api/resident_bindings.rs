//! Mini-program binding and token exchange (RFC 8693): the whole journey of a resident who only
//! ever uses a mini-program, acted for by its backend, and every refusal on the way.

use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, fields, problem, sign_in_by_code, sms_code, spawn_app};
use crate::needs::act;

const EXCHANGE: &str = "urn:ietf:params:oauth:grant-type:token-exchange";
const EXTERNAL_ID: &str = "urn:happyhome:params:oauth:token-type:external-id";
const ACCESS_TOKEN: &str = "urn:ietf:params:oauth:token-type:access_token";

async fn json_of(res: Response) -> Value {
    res.json().await.expect("json")
}

/// A client of the district admin's district with `scopes`: (row id, client token).
async fn client_with(app: &TestApp, scopes: &[&str]) -> (i64, String) {
    limited_client_with(app, scopes, None).await
}

async fn limited_client_with(app: &TestApp, scopes: &[&str], per_minute: Option<i32>) -> (i64, String) {
    let district = app.login_as("district").await;
    let me = json_of(app.get("/api/v1/me", &district).await).await;
    let body = json!({ "name": "缤纷社区小程序后台", "area_id": me["area"]["id"], "scopes": scopes, "rate_limit_per_minute": per_minute });
    let res = app.post("/api/v1/integration-clients", &district, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED, "register a client");
    let created = json_of(res).await;
    let (id, client_id) = (created["client"]["id"].as_i64().expect("id"), created["client"]["client_id"].as_str().expect("client_id"));
    let secret = created["client_secret"].as_str().expect("secret");
    let res = app
        .client
        .post(app.url("/api/v1/oauth/token"))
        .basic_auth(client_id, Some(secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .expect("token");
    assert_eq!(res.status(), StatusCode::OK, "client token");
    (id, json_of(res).await["access_token"].as_str().expect("token").to_owned())
}

async fn exchange(app: &TestApp, client_token: &str, external_id: &str) -> Response {
    let form = [
        ("grant_type", EXCHANGE),
        ("subject_token", external_id),
        ("subject_token_type", EXTERNAL_ID),
        ("actor_token", client_token),
        ("actor_token_type", ACCESS_TOKEN),
    ];
    app.client.post(app.url("/api/v1/oauth/token")).form(&form).send().await.expect("exchange")
}

async fn resident_token(app: &TestApp, client_token: &str, external_id: &str) -> String {
    let res = exchange(app, client_token, external_id).await;
    assert_eq!(res.status(), StatusCode::OK, "token exchange");
    assert_eq!(res.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    let body = json_of(res).await;
    assert_eq!(body["issued_token_type"], ACCESS_TOKEN);
    assert_eq!(body["token_type"], "Bearer");
    assert!(body["expires_in"].as_i64().is_some_and(|s| s > 0 && s <= 900), "short-lived: {body}");
    body["access_token"].as_str().expect("access_token").to_owned()
}

async fn oauth_error(res: Response, status: u16) -> String {
    assert_eq!(res.status().as_u16(), status, "status of an OAuth error");
    json_of(res).await["error"].as_str().expect("error").to_owned()
}

async fn bind(app: &TestApp, client_token: &str, body: Value) -> Response {
    app.post("/api/v1/resident-bindings", client_token, &body).await
}

async fn send_code(app: &TestApp, phone: &str) {
    let res = app.client.post(app.url("/api/v1/auth/sms-codes")).json(&json!({ "phone": phone })).send().await.expect("send code");
    assert_eq!(res.status(), StatusCode::ACCEPTED);
}

async fn ok(app: &TestApp, token: &str, id: i64, body: Value) -> Value {
    let res = act(app, token, id, body.clone()).await;
    assert_eq!(res.status(), StatusCode::OK, "{body}");
    json_of(res).await
}

/// The kinds of `token`'s notifications about need `id`, oldest first.
async fn told(app: &TestApp, token: &str, id: i64) -> Vec<String> {
    let page = json_of(app.get("/api/v1/me/notifications?limit=200", token).await).await;
    let mut kinds: Vec<String> = page["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|n| n["subject"]["kind"] == "need" && n["subject"]["id"] == id)
        .filter_map(|n| n["kind"].as_str().map(str::to_owned))
        .collect();
    kinds.reverse();
    kinds
}

#[tokio::test]
async fn a_mini_program_user_is_bound_acts_as_a_resident_and_every_party_is_told_at_each_step() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (_, client) = client_with(&app, &["residents:write", "needs:read", "needs:write"]).await;
    let (staff, volunteer) = (app.login_as("community").await, app.login_as("volunteer").await);
    let volunteer_id = app.user_id("volunteer").await;

    // The backend has us send a code, the user types it in, and the backend binds with it.
    let phone = "13700001111";
    send_code(&app, phone).await;
    let code = sms_code(&app, phone).await;
    let body = json!({ "external_id": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", "phone": phone, "code": code,
        "community_id": community, "display_name": "小程序居民" });
    let res = bind(&app, &client, body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let binding = json_of(res).await;
    assert_eq!(binding["resident_created"], true);
    assert_eq!(binding["external_id"], "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
    let listed = json_of(app.get("/api/v1/resident-bindings", &client).await).await;
    assert_eq!(listed["items"][0]["id"], binding["id"]);

    let resident = resident_token(&app, &client, "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o").await;
    let me = json_of(app.get("/api/v1/me", &resident).await).await;
    assert_eq!(me["user"]["role"], "resident");
    assert_eq!(me["user"]["id"], binding["resident_id"]);

    let need = json!({ "category": "elderly_care", "text": "家中老人需要助浴服务", "area_id": community, "urgency": "normal",
        "channel": "mini_program", "address": "缤纷小区3幢2单元501室", "contact_name": "小程序居民", "contact_phone": phone });
    let res = app.post("/api/v1/needs", &resident, &need).await;
    assert_eq!(res.status(), StatusCode::CREATED, "the resident submits through the mini-program");
    let id = json_of(res).await["need"]["id"].as_i64().expect("id");
    assert_eq!(told(&app, &staff, id).await, ["need_submitted"], "community staff hear of the new need");

    ok(&app, &staff, id, json!({ "action": "accept" })).await;
    assert_eq!(told(&app, &resident, id).await, ["need_accepted"]);
    ok(&app, &staff, id, json!({ "action": "dispatch", "assignee_id": volunteer_id })).await;
    assert_eq!(told(&app, &resident, id).await, ["need_accepted", "need_dispatched"]);
    assert_eq!(told(&app, &volunteer, id).await, ["need_assigned"], "the volunteer hears of the dispatch");
    ok(&app, &volunteer, id, json!({ "action": "claim" })).await;
    ok(&app, &volunteer, id, json!({ "action": "resolve", "note": "已上门助浴" })).await;
    assert_eq!(told(&app, &resident, id).await, ["need_accepted", "need_dispatched", "need_resolved"]);
    assert_eq!(told(&app, &staff, id).await, ["need_submitted"], "staff are not told of what they did");

    let rated = ok(&app, &resident, id, json!({ "action": "rate", "rating": 5, "note": "很及时" })).await;
    assert_eq!(rated["need"]["status"], "rated");
    let unread = json_of(app.get("/api/v1/me/notifications/unread-count", &resident).await).await;
    assert_eq!(unread["unread"], 3);
}

#[tokio::test]
async fn a_resident_token_reaches_no_staff_endpoint_and_stops_when_unbound_or_revoked() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (client_row, client) = client_with(&app, &["residents:write"]).await;
    let res = bind(&app, &client, json!({ "external_id": "o-user-1", "phone": "13700002222", "community_id": community })).await;
    let binding = json_of(res).await["id"].as_i64().expect("binding");
    let resident = resident_token(&app, &client, "o-user-1").await;

    problem(app.get("/api/v1/residents", &resident).await, 403).await;
    problem(app.get("/api/v1/audit", &resident).await, 403).await;
    problem(app.get("/api/v1/resident-bindings", &resident).await, 403).await;
    let res = bind(&app, &resident, json!({ "external_id": "o-x", "phone": "13700002223", "community_id": community })).await;
    problem(res, 403).await;
    assert_eq!(oauth_error(exchange(&app, &resident, "o-user-1").await, 401).await, "invalid_client", "a resident token is no client");

    let res = app.request(Method::DELETE, &format!("/api/v1/resident-bindings/{binding}"), &client).send().await.expect("unbind");
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    problem(app.get("/api/v1/me", &resident).await, 401).await;
    assert_eq!(oauth_error(exchange(&app, &client, "o-user-1").await, 400).await, "invalid_request", "unbound");

    // Bound again, then the client is revoked: its resident tokens stop with it.
    let res = bind(&app, &client, json!({ "external_id": "o-user-1", "phone": "13700002222" })).await;
    assert_eq!(res.status(), StatusCode::CREATED, "rebinding an existing resident needs no community");
    assert_eq!(json_of(res).await["resident_created"], false);
    let resident = resident_token(&app, &client, "o-user-1").await;
    assert_eq!(app.get("/api/v1/me", &resident).await.status(), StatusCode::OK);
    let district = app.login_as("district").await;
    let res = app.post(&format!("/api/v1/integration-clients/{client_row}/revoke"), &district, &json!({})).await;
    assert_eq!(res.status(), StatusCode::OK);
    problem(app.get("/api/v1/me", &resident).await, 401).await;
}

#[tokio::test]
async fn binding_is_refused_without_the_scope_outside_the_subtree_and_with_bad_fields() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let elsewhere = app.area_id("临汾路380弄社区").await;
    let (_, reader) = client_with(&app, &["needs:read"]).await;
    let (_, client) = client_with(&app, &["residents:write"]).await;

    let body = json!({ "external_id": "o-user-2", "phone": "13700003333", "community_id": community });
    let p = problem(bind(&app, &reader, body.clone()).await, 403).await;
    assert!(p["detail"].as_str().is_some_and(|d| d.contains("residents:write")), "{p}");
    assert_eq!(oauth_error(exchange(&app, &reader, "o-user-2").await, 400).await, "unauthorized_client");
    let district = app.login_as("district").await;
    problem(bind(&app, &district, body.clone()).await, 403).await;

    // Every bad field at once.
    let p = problem(bind(&app, &client, json!({ "external_id": "not ok!", "phone": "12345" })).await, 422).await;
    let mut bad = fields(&p);
    bad.sort();
    assert_eq!(bad, ["/external_id", "/phone"]);
    let p = problem(bind(&app, &client, json!({ "external_id": "o-user-2", "phone": "13700003333" })).await, 422).await;
    assert_eq!(fields(&p), ["/community_id"], "a new resident needs a community");
    let p =
        problem(bind(&app, &client, json!({ "external_id": "o-user-2", "phone": "13700003333", "community_id": elsewhere })).await, 422)
            .await;
    assert_eq!(fields(&p), ["/community_id"], "a community outside the client's district");

    // A resident of another district, and a wrong code: refused, nothing written.
    sign_in_by_code(&app, "13700004444", json!({ "community_id": elsewhere })).await;
    let before = app.count("resident_bindings").await;
    let p = problem(bind(&app, &client, json!({ "external_id": "o-user-3", "phone": "13700004444" })).await, 422).await;
    assert_eq!(fields(&p), ["/phone"]);
    send_code(&app, "13700003333").await;
    let wrong = if sms_code(&app, "13700003333").await == "000000" { "111111" } else { "000000" };
    let res =
        bind(&app, &client, json!({ "external_id": "o-user-2", "phone": "13700003333", "community_id": community, "code": wrong })).await;
    problem(res, 401).await;
    assert_eq!(app.count("resident_bindings").await, before);

    // One resident per external id; the exchange knows only bound users of this client.
    assert_eq!(bind(&app, &client, body.clone()).await.status(), StatusCode::CREATED);
    problem(bind(&app, &client, body).await, 409).await;
    assert_eq!(oauth_error(exchange(&app, &client, "o-nobody").await, 400).await, "invalid_request");
    let (_, other) = client_with(&app, &["residents:write"]).await;
    assert_eq!(oauth_error(exchange(&app, &other, "o-user-2").await, 400).await, "invalid_request", "another client's user");
    let resident = app.login_as("resident").await;
    assert_eq!(oauth_error(exchange(&app, &resident, "o-user-2").await, 401).await, "invalid_client", "a person's token is no client");
    let form = [
        ("grant_type", EXCHANGE),
        ("subject_token", "o-user-2"),
        ("subject_token_type", "urn:x"),
        ("actor_token", client.as_str()),
        ("actor_token_type", ACCESS_TOKEN),
    ];
    let res = app.client.post(app.url("/api/v1/oauth/token")).form(&form).send().await.expect("exchange");
    assert_eq!(oauth_error(res, 400).await, "invalid_request", "an unknown subject_token_type");
}

#[tokio::test]
async fn binding_takes_over_the_resident_a_phone_need_made() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    let phone = "13700005555";
    let need = json!({ "category": "elderly_care", "text": "电话反映：楼道灯坏了", "area_id": community, "urgency": "normal",
        "channel": "phone", "contact_name": "周大爷", "contact_phone": phone });
    let res = app.post("/api/v1/needs", &staff, &need).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = json_of(res).await["need"]["id"].as_i64().expect("id");
    let (_, client) = client_with(&app, &["residents:write"]).await;
    let res = bind(&app, &client, json!({ "external_id": "o-zhou", "phone": phone })).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(json_of(res).await["resident_created"], false, "the record the phone need made is the resident");
    let resident = resident_token(&app, &client, "o-zhou").await;
    let mine = json_of(app.get(&format!("/api/v1/needs/{id}"), &resident).await).await;
    assert_eq!(mine["need"]["id"], id, "the resident sees the need taken by phone");
}

#[tokio::test]
async fn the_resident_tokens_a_client_exchanged_count_against_its_limit() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (row, client) = limited_client_with(&app, &["residents:write"], Some(3)).await;
    let res = bind(&app, &client, json!({ "external_id": "o-busy", "phone": "13700006666", "community_id": community })).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let resident = resident_token(&app, &client, "o-busy").await;
    // Three a minute, the binding among them: of six more requests at most three fit in any minute
    // they cross, so one is refused however the minutes fall.
    let mut refused = None;
    for _ in 0..6 {
        let res = app.get("/api/v1/me", &resident).await;
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            refused = Some(res);
            break;
        }
        assert_eq!(res.status(), StatusCode::OK);
    }
    let refused = refused.expect("the resident's requests are the client's requests");
    assert!(refused.headers().get("retry-after").is_some(), "Retry-After");
    assert_eq!(problem(refused, 429).await["code"], "rate_limited");
    let district = app.login_as("district").await;
    let usage = json_of(app.get(&format!("/api/v1/integration-clients/{row}/usage"), &district).await).await;
    assert!(usage["requests"].as_i64().is_some_and(|n| n >= 4), "the binding and the resident's requests are counted: {usage}");
}
