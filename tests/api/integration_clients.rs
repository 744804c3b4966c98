//! Integration clients: OAuth 2.0 client credentials, scopes checked by the policy layer, the
//! client's subtree, rotation with a grace period, revocation, per-client limits and usage.

use chrono::Duration;
use reqwest::{Response, StatusCode};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::{TestApp, fields, problem, spawn_app};

/// A client registered through the API: its row id, public id and secret.
struct Registered {
    id: i64,
    client_id: String,
    secret: String,
}

async fn register(app: &TestApp, token: &str, area_id: i64, scopes: &[&str], limit: Option<i32>) -> Registered {
    let mut body = json!({ "name": "缤纷社区小程序后台", "area_id": area_id, "scopes": scopes });
    if let Some(limit) = limit {
        body["rate_limit_per_minute"] = json!(limit);
    }
    let res = app.post("/api/v1/integration-clients", token, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED, "register a client");
    let created: Value = res.json().await.expect("json");
    Registered {
        id: created["client"]["id"].as_i64().expect("id"),
        client_id: created["client"]["client_id"].as_str().expect("client_id").to_owned(),
        secret: created["client_secret"].as_str().expect("secret").to_owned(),
    }
}

/// Asks the token endpoint with HTTP Basic and an optional `scope`.
async fn token_response(app: &TestApp, client_id: &str, secret: &str, scope: Option<&str>) -> Response {
    let mut form = vec![("grant_type", "client_credentials")];
    if let Some(scope) = scope {
        form.push(("scope", scope));
    }
    app.client.post(app.url("/api/v1/oauth/token")).basic_auth(client_id, Some(secret)).form(&form).send().await.expect("token request")
}

async fn client_token(app: &TestApp, client: &Registered) -> String {
    let res = token_response(app, &client.client_id, &client.secret, None).await;
    assert_eq!(res.status(), StatusCode::OK, "client token");
    let body: Value = res.json().await.expect("json");
    body["access_token"].as_str().expect("access_token").to_owned()
}

async fn oauth_error(res: Response, status: u16) -> Value {
    assert_eq!(res.status().as_u16(), status, "status of an OAuth error");
    res.json().await.expect("OAuth error json")
}

fn need_body(area: i64) -> Value {
    json!({ "category": "elderly_care", "text": "楼道灯坏了，老人夜间出行不便", "area_id": area, "urgency": "normal",
        "channel": "phone", "contact_name": "李阿姨", "contact_phone": "13900000001" })
}

/// The home area id of a demo account.
async fn home_of(app: &TestApp, token: &str) -> i64 {
    let me: Value = app.get("/api/v1/me", token).await.json().await.expect("json");
    me["area"]["id"].as_i64().expect("home")
}

#[tokio::test]
async fn client_credentials_by_basic_or_by_form_issue_a_token_that_works() {
    let app = spawn_app().await;
    let district = app.login_as("district").await;
    let client = register(&app, &district, home_of(&app, &district).await, &["needs:read", "resources:read"], None).await;

    let res = token_response(&app, &client.client_id, &client.secret, None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["scope"], "needs:read resources:read");
    assert!(body["expires_in"].as_i64().is_some_and(|s| s > 0));
    let token = body["access_token"].as_str().expect("token");
    assert_eq!(app.get("/api/v1/needs?limit=1", token).await.status(), StatusCode::OK);
    let me: Value = app.get("/api/v1/me", token).await.json().await.expect("json");
    assert_eq!(me["user"]["role"], "integration");

    let form = [
        ("grant_type", "client_credentials"),
        ("client_id", &client.client_id),
        ("client_secret", &client.secret),
        ("scope", "needs:read"),
    ];
    let res = app.client.post(app.url("/api/v1/oauth/token")).form(&form).send().await.expect("token");
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["scope"], "needs:read", "the token is narrowed to the scope asked for");
}

#[tokio::test]
async fn a_wrong_secret_and_an_unknown_client_get_the_same_invalid_client_answer() {
    let app = spawn_app().await;
    let district = app.login_as("district").await;
    let client = register(&app, &district, home_of(&app, &district).await, &["needs:read"], None).await;

    let wrong_secret = token_response(&app, &client.client_id, "hhs_not-the-secret", None).await;
    assert!(wrong_secret.headers().get("www-authenticate").is_some(), "401 names the scheme");
    let wrong_secret = oauth_error(wrong_secret, 401).await;
    let unknown = oauth_error(token_response(&app, "hhc_nobody", &client.secret, None).await, 401).await;
    assert_eq!(wrong_secret["error"], "invalid_client");
    assert_eq!(wrong_secret, unknown, "nothing hints which part was wrong");
}

#[tokio::test]
async fn bad_token_requests_are_answered_as_rfc_6749_says() {
    let app = spawn_app().await;
    let district = app.login_as("district").await;
    let client = register(&app, &district, home_of(&app, &district).await, &["needs:read"], None).await;
    let url = app.url("/api/v1/oauth/token");

    let res = app.client.post(&url).basic_auth(&client.client_id, Some(&client.secret)).form(&[("grant_type", "password")]).send().await;
    assert_eq!(oauth_error(res.expect("send"), 400).await["error"], "unsupported_grant_type");
    let not_granted = oauth_error(token_response(&app, &client.client_id, &client.secret, Some("needs:write")).await, 400).await;
    assert_eq!(not_granted["error"], "invalid_scope");
    let unknown = oauth_error(token_response(&app, &client.client_id, &client.secret, Some("admin")).await, 400).await;
    assert_eq!(unknown["error"], "invalid_scope");
    let json_body =
        app.client.post(&url).basic_auth(&client.client_id, Some(&client.secret)).json(&json!({ "grant_type": "client_credentials" }));
    assert_eq!(oauth_error(json_body.send().await.expect("send"), 400).await["error"], "invalid_request");
    let both = app
        .client
        .post(&url)
        .basic_auth(&client.client_id, Some(&client.secret))
        .form(&[("grant_type", "client_credentials"), ("client_id", client.client_id.as_str())]);
    assert_eq!(oauth_error(both.send().await.expect("send"), 400).await["error"], "invalid_request");
}

#[tokio::test]
async fn a_client_token_without_the_action_s_scope_is_refused_naming_the_scope() {
    let app = spawn_app().await;
    let district = app.login_as("district").await;
    let client = register(&app, &district, home_of(&app, &district).await, &["needs:read"], None).await;
    let token = client_token(&app, &client).await;

    let refused = problem(app.get("/api/v1/providers?limit=1", &token).await, 403).await;
    assert!(refused["detail"].as_str().is_some_and(|d| d.contains("resources:read")), "{refused}");
    let community = app.area_id("缤纷社区").await;
    let refused = problem(app.post("/api/v1/needs", &token, &need_body(community)).await, 403).await;
    assert!(refused["detail"].as_str().is_some_and(|d| d.contains("needs:write")), "{refused}");
    // A person signed in with the integration role is judged by role alone, as before.
    let person = app.login_as("integration").await;
    assert_eq!(app.get("/api/v1/providers?limit=1", &person).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_need_outside_the_client_s_subtree_is_not_visible() {
    let app = spawn_app().await;
    let (district, staff, far_staff) = (app.login_as("district").await, app.login_as("community").await, app.login_as("community2").await);
    let near: Value = app.post("/api/v1/needs", &staff, &need_body(home_of(&app, &staff).await)).await.json().await.expect("json");
    let far: Value = app.post("/api/v1/needs", &far_staff, &need_body(home_of(&app, &far_staff).await)).await.json().await.expect("json");
    let client = register(&app, &district, home_of(&app, &staff).await, &["needs:read"], None).await;
    let token = client_token(&app, &client).await;

    let seen = app.get(&format!("/api/v1/needs/{}", near["need"]["id"]), &token).await;
    assert_eq!(seen.status(), StatusCode::OK);
    let seen: Value = seen.json().await.expect("json");
    assert_ne!(seen["need"]["contact_phone"], "13900000001", "integrations see personal data masked");
    problem(app.get(&format!("/api/v1/needs/{}", far["need"]["id"]), &token).await, 404).await;
}

#[tokio::test]
async fn after_rotation_the_old_secret_works_until_the_grace_ends_and_the_new_one_after() {
    let app = spawn_app().await;
    let district = app.login_as("district").await;
    let client = register(&app, &district, home_of(&app, &district).await, &["needs:read"], None).await;

    let res = app.post(&format!("/api/v1/integration-clients/{}/rotate-secret", client.id), &district, &json!({})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let rotated: Value = res.json().await.expect("json");
    let new_secret = rotated["client_secret"].as_str().expect("new secret").to_owned();
    assert_ne!(new_secret, client.secret);
    assert!(rotated["client"]["previous_secret_valid_until"].is_string());

    assert_eq!(token_response(&app, &client.client_id, &client.secret, None).await.status(), StatusCode::OK, "old secret in grace");
    assert_eq!(token_response(&app, &client.client_id, &new_secret, None).await.status(), StatusCode::OK);
    app.state.clock.advance(Duration::hours(25));
    oauth_error(token_response(&app, &client.client_id, &client.secret, None).await, 401).await;
    assert_eq!(token_response(&app, &client.client_id, &new_secret, None).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn revoking_a_client_stops_the_tokens_it_holds_at_once() {
    let app = spawn_app().await;
    let district = app.login_as("district").await;
    let client = register(&app, &district, home_of(&app, &district).await, &["needs:read"], None).await;
    let token = client_token(&app, &client).await;
    assert_eq!(app.get("/api/v1/needs?limit=1", &token).await.status(), StatusCode::OK);

    let res = app.post(&format!("/api/v1/integration-clients/{}/revoke", client.id), &district, &json!({})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let revoked: Value = res.json().await.expect("json");
    assert!(revoked["revoked_at"].is_string());
    problem(app.get("/api/v1/needs?limit=1", &token).await, 401).await;
    oauth_error(token_response(&app, &client.client_id, &client.secret, None).await, 401).await;
}

#[tokio::test]
async fn a_client_past_its_limit_per_minute_gets_429_with_retry_after() {
    let app = spawn_app().await;
    let district = app.login_as("district").await;
    let client = register(&app, &district, home_of(&app, &district).await, &["needs:read"], Some(2)).await;
    let token = client_token(&app, &client).await;
    // Two a minute: five requests cross at most one minute boundary, so at least one is refused.
    let mut refused = None;
    for _ in 0..5 {
        let res = app.get("/api/v1/needs?limit=1", &token).await;
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            refused = Some(res);
            break;
        }
        assert_eq!(res.status(), StatusCode::OK);
    }
    let refused = refused.expect("a request past the limit is refused");
    let retry: u64 = refused.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok()).expect("Retry-After");
    assert!((1..=60).contains(&retry), "Retry-After {retry}");
    assert_eq!(problem(refused, 429).await["code"], "rate_limited");
    // Another client's budget is its own.
    let other = register(&app, &district, home_of(&app, &district).await, &["needs:read"], Some(2)).await;
    assert_eq!(app.get("/api/v1/needs?limit=1", &client_token(&app, &other).await).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn concurrent_requests_are_all_counted_and_the_limit_holds_among_them() {
    let app = spawn_app().await;
    let district = app.login_as("district").await;
    let client = register(&app, &district, home_of(&app, &district).await, &["needs:read"], Some(3)).await;
    let token = client_token(&app, &client).await;
    let mut requests = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let request = app.request(reqwest::Method::GET, "/api/v1/me", &token);
        requests.spawn(async move { request.send().await.expect("GET").status() });
    }
    let statuses: Vec<StatusCode> = requests.join_all().await;
    let ok = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert!(statuses.iter().all(|s| *s == StatusCode::OK || *s == StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
    // Every request is one increment of the minute's row: none is lost to a race.
    let sql = format!("SELECT COUNT(*) AS minutes, SUM(requests) AS requests FROM client_usage WHERE client_id = {}", client.id);
    let row = app.db.query_one_raw(Statement::from_string(app.db.get_database_backend(), sql)).await.expect("query").expect("row");
    let (minutes, counted): (i64, i64) = (row.try_get("", "minutes").expect("minutes"), row.try_get("", "requests").expect("requests"));
    assert_eq!(counted, 8);
    // Within one minute exactly the limit passes; across a minute boundary, at most twice that.
    if minutes == 1 { assert_eq!(ok, 3, "{statuses:?}") } else { assert!(ok <= 6, "{statuses:?}") }
}

#[tokio::test]
async fn usage_counts_a_client_s_requests_and_its_errors() {
    let app = spawn_app().await;
    let district = app.login_as("district").await;
    let client = register(&app, &district, home_of(&app, &district).await, &["needs:read"], None).await;
    let token = client_token(&app, &client).await;
    assert_eq!(app.get("/api/v1/needs?limit=1", &token).await.status(), StatusCode::OK);
    assert_eq!(app.get("/api/v1/me", &token).await.status(), StatusCode::OK);
    assert_eq!(app.get("/api/v1/providers?limit=1", &token).await.status(), StatusCode::FORBIDDEN);
    // A person's requests are not the client's.
    assert_eq!(app.get("/api/v1/needs?limit=1", &district).await.status(), StatusCode::OK);

    let usage: Value = app.get(&format!("/api/v1/integration-clients/{}/usage", client.id), &district).await.json().await.expect("json");
    assert_eq!(usage["requests"], 3, "{usage}");
    assert_eq!(usage["errors"], 1, "{usage}");
    assert!(usage["last_used_at"].is_string());
    let days = usage["days"].as_array().expect("days");
    assert!(!days.is_empty() && days.iter().map(|d| d["requests"].as_i64().unwrap_or(0)).sum::<i64>() == 3);
}

#[tokio::test]
async fn the_secret_appears_in_no_list_read_or_audit_answer() {
    let app = spawn_app().await;
    let district = app.login_as("district").await;
    let client = register(&app, &district, home_of(&app, &district).await, &["needs:read"], None).await;
    let rotated: Value = app
        .post(&format!("/api/v1/integration-clients/{}/rotate-secret", client.id), &district, &json!({}))
        .await
        .json()
        .await
        .expect("json");
    let new_secret = rotated["client_secret"].as_str().expect("secret").to_owned();

    let admin = app.login_as("admin").await;
    for (path, token) in [
        ("/api/v1/integration-clients".to_owned(), &district),
        (format!("/api/v1/integration-clients/{}", client.id), &district),
        ("/api/v1/audit?entity=integration_client&limit=50".to_owned(), &admin),
    ] {
        let res = app.get(&path, token).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let text = res.text().await.expect("text");
        assert!(text.contains(&client.client_id), "{path} shows the client");
        assert!(!text.contains(&client.secret) && !text.contains(&new_secret), "{path} shows a secret");
        assert!(!text.contains("secret_hash"), "{path} shows a hash");
    }
    let audit: Value = app.get("/api/v1/audit?entity=integration_client&limit=50", &admin).await.json().await.expect("json");
    let actions: Vec<&str> = audit["items"].as_array().expect("items").iter().filter_map(|e| e["action"].as_str()).collect();
    assert!(actions.contains(&"create") && actions.contains(&"rotate_secret"), "{actions:?}");
}

#[tokio::test]
async fn a_district_admin_registers_and_sees_clients_only_in_their_subtree() {
    let app = spawn_app().await;
    let (district, admin) = (app.login_as("district").await, app.login_as("admin").await);
    let far_district = {
        let far_staff = app.login_as("community2").await;
        let me: Value = app.get("/api/v1/me", &far_staff).await.json().await.expect("json");
        me["area_path"]
            .as_array()
            .and_then(|p| p.iter().find(|a| a["kind"] == "district"))
            .and_then(|a| a["id"].as_i64())
            .expect("district")
    };
    let body = json!({ "name": "外区对接应用", "area_id": far_district, "scopes": ["needs:read", "nonsense:scope"] });
    let refused = problem(app.post("/api/v1/integration-clients", &district, &body).await, 422).await;
    assert!(fields(&refused).contains(&"/scopes/1".to_owned()), "{refused}");
    let body = json!({ "name": "外区对接应用", "area_id": far_district, "scopes": ["needs:read"] });
    let refused = problem(app.post("/api/v1/integration-clients", &district, &body).await, 422).await;
    assert_eq!(fields(&refused), vec!["/area_id"]);
    assert_eq!(app.count("integration_clients").await, 0, "nothing written");

    let far = register(&app, &admin, far_district, &["needs:read"], None).await;
    problem(app.get(&format!("/api/v1/integration-clients/{}", far.id), &district).await, 404).await;
    let list: Value = app.get("/api/v1/integration-clients", &district).await.json().await.expect("json");
    assert_eq!(list["items"].as_array().map(Vec::len), Some(0));
    let resident = app.login_as("resident").await;
    problem(app.get("/api/v1/integration-clients", &resident).await, 403).await;
}

#[tokio::test]
async fn the_demo_mini_program_backend_is_a_client_acting_as_the_demo_integration_account() {
    let app = spawn_app().await;
    assert!(api::demo::clients::seed(&app.db, "demo-client-secret-for-tests", chrono::Utc::now()).await.expect("seed"));
    assert!(!api::demo::clients::seed(&app.db, "demo-client-secret-for-tests", chrono::Utc::now()).await.expect("again"), "idempotent");
    let client = Registered { id: 0, client_id: api::demo::clients::DEMO_CLIENT_ID.into(), secret: "demo-client-secret-for-tests".into() };
    let token = client_token(&app, &client).await;
    let me: Value = app.get("/api/v1/me", &token).await.json().await.expect("json");
    assert_eq!(me["user"]["username"], "integration");
    assert_eq!(app.get("/api/v1/topics?limit=1", &token).await.status(), StatusCode::OK);
}
