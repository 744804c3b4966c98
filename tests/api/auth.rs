//! Sign-in, tokens and their rejection.

use base64::Engine;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, problem, spawn_app, spawn_with};

fn b64(s: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s)
}

fn token_with(secret: &[u8], sub: &str, exp: i64) -> String {
    let claims = json!({ "sub": sub, "iss": "happyhome", "iat": 0, "exp": exp });
    jsonwebtoken::encode(&jsonwebtoken::Header::default(), &claims, &jsonwebtoken::EncodingKey::from_secret(secret)).expect("encode")
}

#[tokio::test]
async fn a_signed_in_user_gets_their_profile_path_and_permissions() {
    let app = spawn_app().await;
    let token = app.login_as("street").await;
    let me: Value = app.get("/api/v1/me", &token).await.json().await.expect("json");
    assert_eq!(me["user"]["username"], "street");
    assert_eq!(me["area"]["name"], "西兴街道");
    let path: Vec<&str> = me["area_path"].as_array().expect("path").iter().filter_map(|c| c["name"].as_str()).collect();
    assert_eq!(path, ["浙江省", "杭州市", "滨江区", "西兴街道"]);
    assert_eq!(me["permissions"]["manage_users"], true);
    assert_eq!(me["permissions"]["read_audit"], false);
}

/// The dashboard's menu reads these: a grid worker reads topics and surveys and enters paper
/// questionnaires, but neither runs consultation nor reads results; community staff do all of it.
#[tokio::test]
async fn me_says_who_reads_and_runs_consultation_and_surveys() {
    let app = spawn_app().await;
    let flags = ["read_topics", "run_consultation", "read_surveys", "manage_surveys", "read_survey_results", "enter_paper_responses"];
    for (username, expected) in [("grid", [true, false, true, false, false, true]), ("community", [true; 6])] {
        let token = app.login_as(username).await;
        let me: Value = app.get("/api/v1/me", &token).await.json().await.expect("json");
        let got: Vec<bool> = flags.iter().map(|f| me["permissions"][f].as_bool().expect("flag")).collect();
        assert_eq!(got, expected, "{username}");
    }
}

/// The menu's ledger, shop and activity entries read these: a merchant offers items and hands
/// orders over but neither cancels them nor reads the ledger; a grid worker records attendance but
/// does not organise; only admins run the ledger check and set its rules.
#[tokio::test]
async fn me_says_who_reads_the_ledger_runs_the_shop_and_organises_activities() {
    let app = spawn_app().await;
    let flags = [
        "read_ledger",
        "adjust_ledger",
        "check_ledger",
        "set_ledger_rules",
        "offer_shop_items",
        "read_shop_orders",
        "fulfil_shop_orders",
        "cancel_shop_orders",
        "read_activities",
        "organise_activities",
        "record_attendance",
        "read_volunteers",
    ];
    let expectations = [
        ("merchant", [false, false, false, false, true, true, true, false, false, false, false, false]),
        ("grid", [true, false, false, false, false, false, false, false, true, false, true, true]),
        ("community", [true, true, false, false, true, true, true, true, true, true, true, true]),
        ("district", [true, true, true, true, true, true, true, true, true, true, true, true]),
    ];
    for (username, expected) in expectations {
        let token = app.login_as(username).await;
        let me: Value = app.get("/api/v1/me", &token).await.json().await.expect("json");
        let got: Vec<bool> = flags.iter().map(|f| me["permissions"][f].as_bool().expect("flag")).collect();
        assert_eq!(got, expected, "{username}");
    }
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_user_get_the_same_401() {
    let app = spawn_app().await;
    for username in ["street", "nobody"] {
        let res = app
            .client
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({ "username": username, "password": "wrong-password" }))
            .send()
            .await
            .expect("request");
        let body = problem(res, 401).await;
        assert_eq!(body["detail"], "wrong username or password");
    }
}

#[tokio::test]
async fn requests_without_a_valid_token_are_401() {
    let app = spawn_app().await;
    let now = chrono::Utc::now().timestamp();
    let secret = api::config::DEFAULT_JWT_SECRET.as_bytes();
    let valid = token_with(secret, "1", now + 600);
    let tampered = format!("{}x", &valid[..valid.len() - 1]);
    let cases = [
        ("no token", None),
        ("garbage", Some("not-a-jwt".to_owned())),
        ("expired", Some(token_with(secret, "1", now - 600))),
        ("wrong key", Some(token_with(b"another-secret-another-secret-another", "1", now + 600))),
        ("tampered", Some(tampered)),
        (
            "alg none",
            Some(format!(
                "{}.{}.",
                b64(r#"{"alg":"none","typ":"JWT"}"#),
                b64(&format!(r#"{{"sub":"1","iss":"happyhome","iat":0,"exp":{}}}"#, now + 600))
            )),
        ),
    ];
    for (what, token) in cases {
        let mut req = app.client.get(app.url("/api/v1/me"));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        let res = req.send().await.expect("request");
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{what}");
        assert_eq!(res.headers()["www-authenticate"], "Bearer", "{what}");
    }
    let ok = app.client.get(app.url("/api/v1/me")).bearer_auth(valid).send().await.expect("request");
    assert_eq!(ok.status(), StatusCode::OK, "a token signed with the right key works");
}

async fn login_pair(app: &crate::helpers::TestApp, username: &str) -> Value {
    app.client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "username": username, "password": PASSWORD }))
        .send()
        .await
        .expect("login")
        .json()
        .await
        .expect("json")
}

async fn refresh(app: &crate::helpers::TestApp, token: &Value) -> reqwest::Response {
    app.client.post(app.url("/api/v1/auth/refresh")).json(&json!({ "refresh_token": token })).send().await.expect("refresh")
}

#[tokio::test]
async fn refresh_rotates_and_reusing_an_old_token_revokes_the_whole_sign_in() {
    let app = spawn_app().await;
    let first = login_pair(&app, "community").await;
    let second: Value = refresh(&app, &first["refresh_token"]).await.json().await.expect("json");
    assert_ne!(first["refresh_token"], second["refresh_token"]);
    // The first token was rotated: presenting it again is a replay.
    assert_eq!(refresh(&app, &first["refresh_token"]).await.status(), StatusCode::UNAUTHORIZED);
    // ...which revoked the family, so the newest one is dead too.
    assert_eq!(refresh(&app, &second["refresh_token"]).await.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn logout_revokes_the_refresh_token() {
    let app = spawn_app().await;
    let pair = login_pair(&app, "community").await;
    let res = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .json(&json!({ "refresh_token": pair["refresh_token"] }))
        .send()
        .await
        .expect("logout");
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(refresh(&app, &pair["refresh_token"]).await.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn login_attempts_are_rate_limited_per_user_and_client() {
    let app = spawn_with(|s| s.auth.login_attempts_per_minute = 3).await;
    for _ in 0..3 {
        let res = app
            .client
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({ "username": "street", "password": "nope-nope" }))
            .send()
            .await
            .expect("request");
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "username": "street", "password": PASSWORD }))
        .send()
        .await
        .expect("request");
    assert!(res.headers().contains_key("retry-after"));
    problem(res, 429).await;
    // Another account from the same client is not locked out.
    app.login_as("community").await;
}

#[tokio::test]
async fn a_deactivated_user_loses_access_at_once() {
    let app = spawn_app().await;
    let street = app.login_as("street").await;
    let resident_token = app.login_as("resident").await;
    let resident_id = {
        let me: Value = app.get("/api/v1/me", &resident_token).await.json().await.expect("json");
        me["user"]["id"].as_i64().expect("id")
    };
    let res = app.patch(&format!("/api/v1/users/{resident_id}"), &street, &json!({ "active": false })).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.get("/api/v1/me", &resident_token).await.status(), StatusCode::UNAUTHORIZED);
}

#[test]
fn production_refuses_the_default_jwt_secret() {
    let mut settings = api::config::Settings::load(None).expect("defaults");
    settings.environment = api::config::Environment::Production;
    assert!(settings.check().is_err());
    settings.auth.jwt_secret = "a-long-random-production-secret-0123456789".to_owned().into();
    assert!(settings.check().is_ok());
}
