//! Resident accounts: sign-up and sign-in by mobile number and one-time code (read from the test
//! sender's outbox), code lockout and expiry, send limits, answers that do not tell registered
//! numbers apart, residence verification and its gate on co-signing, the profile and phone change,
//! deletion with anonymised needs, needs taken by phone that wait for their resident, 回访 ratings.

use chrono::Duration;
use reqwest::{Response, StatusCode};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::{TestApp, fields, problem, sign_in_by_code, sms_code, spawn_app, spawn_with};
use crate::needs::{act, submit_as_resident};

async fn send_code(app: &TestApp, phone: &str) -> Response {
    app.client.post(app.url("/api/v1/auth/sms-codes")).json(&json!({ "phone": phone })).send().await.expect("send code")
}

async fn sign_in(app: &TestApp, body: Value) -> Response {
    app.client.post(app.url("/api/v1/auth/sms-sign-in")).json(&body).send().await.expect("sign in")
}

async fn json_of(res: Response) -> Value {
    res.json().await.expect("json")
}

async fn me_id(app: &TestApp, token: &str) -> i64 {
    json_of(app.get("/api/v1/me", token).await).await["user"]["id"].as_i64().expect("id")
}

/// One text column of one row, straight from the database.
async fn column(app: &TestApp, sql: String, name: &str) -> Option<String> {
    let row = app.db.query_one_raw(sea_orm::Statement::from_string(app.db.get_database_backend(), sql)).await.expect("query");
    row.and_then(|r| r.try_get::<Option<String>>("", name).expect("column"))
}

/// A wrong code for `code`: the same length, never equal.
fn wrong(code: &str) -> String {
    code.chars().map(|c| if c == '0' { '1' } else { '0' }).collect()
}

#[tokio::test]
async fn a_new_resident_signs_up_with_the_code_from_the_outbox_and_signs_in_again() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let phone = "13700000001";
    assert_eq!(send_code(&app, phone).await.status(), StatusCode::ACCEPTED);
    let code = sms_code(&app, phone).await;
    // Stored as a keyed hash, never as the digits.
    let stored = column(&app, format!("SELECT code_hash FROM sms_codes WHERE phone = '{phone}'"), "code_hash").await.expect("a code row");
    assert_eq!(stored.len(), 64);
    assert!(!stored.contains(&code));

    // A new number must pick a community; the code is not used up by asking.
    let body = problem(sign_in(&app, json!({ "phone": phone, "code": code })).await, 422).await;
    assert_eq!(fields(&body), ["/community_id"]);
    let res = sign_in(&app, json!({ "phone": phone, "code": code, "community_id": community, "display_name": "王芳" })).await;
    assert_eq!(res.status(), StatusCode::OK);
    let tokens = json_of(res).await;
    assert_eq!(tokens["token_type"], "Bearer");
    assert!(tokens["refresh_token"].is_string());
    let token = tokens["access_token"].as_str().expect("token").to_owned();
    let profile = json_of(app.get("/api/v1/me/profile", &token).await).await;
    assert_eq!(profile["display_name"], "王芳");
    assert_eq!(profile["phone"], phone);
    assert_eq!(profile["community_id"], community);
    assert_eq!(profile["verification"], "pending");
    let me = json_of(app.get("/api/v1/me", &token).await).await;
    assert_eq!(me["user"]["role"], "resident");

    // A used code does not work twice; a new one signs the same account in, no community needed.
    problem(sign_in(&app, json!({ "phone": phone, "code": code })).await, 401).await;
    app.state.clock.advance(Duration::seconds(61));
    let again = sign_in_by_code(&app, phone, json!({})).await;
    assert_eq!(me_id(&app, &again).await, me["user"]["id"].as_i64().expect("id"));
    // The demo accounts still sign in by password.
    app.login_as("resident").await;
}

/// Someone signing up has no account yet, so the communities to pick from are public: names only.
#[tokio::test]
async fn the_communities_to_pick_at_sign_up_are_public_with_their_grids() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let res = app.client.get(app.url("/api/v1/public/communities")).query(&[("q", "缤纷")]).send().await.expect("GET");
    assert_eq!(res.status(), StatusCode::OK);
    let choices = json_of(res).await;
    let found = choices.as_array().expect("a list").iter().find(|c| c["id"] == community).expect("缤纷社区 offered").clone();
    assert_eq!(found["name"], "缤纷社区");
    assert!(found["street"].is_string());
    let grids: Vec<&str> = found["grids"].as_array().expect("grids").iter().filter_map(|g| g["name"].as_str()).collect();
    assert!(grids.contains(&"缤纷小区网格"), "{grids:?}");
    // Only communities, and no personal data in the answer.
    let all = json_of(app.client.get(app.url("/api/v1/public/communities")).send().await.expect("GET")).await;
    assert!(all.as_array().expect("a list").iter().all(|c| c.get("phone").is_none() && c["grids"].is_array()));
    let none =
        json_of(app.client.get(app.url("/api/v1/public/communities")).query(&[("q", "没有这个社区")]).send().await.expect("GET")).await;
    assert_eq!(none, json!([]));
    problem(app.client.get(app.url("/api/v1/public/communities")).query(&[("limit", "0")]).send().await.expect("GET"), 422).await;
}

#[tokio::test]
async fn five_wrong_codes_lock_the_code_even_against_the_right_one() {
    let app = spawn_app().await;
    let phone = "13700000002";
    send_code(&app, phone).await;
    let code = sms_code(&app, phone).await;
    for _ in 0..5 {
        let body = problem(sign_in(&app, json!({ "phone": phone, "code": wrong(&code) })).await, 401).await;
        assert_eq!(body["detail"], "wrong or expired code");
    }
    let body = problem(sign_in(&app, json!({ "phone": phone, "code": code })).await, 401).await;
    assert_eq!(body["detail"], "too many wrong codes; request a new one");
}

#[tokio::test]
async fn an_expired_code_is_refused() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let phone = "13700000003";
    send_code(&app, phone).await;
    let code = sms_code(&app, phone).await;
    app.state.clock.advance(Duration::seconds(301));
    let body = problem(sign_in(&app, json!({ "phone": phone, "code": code, "community_id": community })).await, 401).await;
    assert_eq!(body["detail"], "the code has expired; request a new one");
    assert_eq!(app.count("users WHERE phone = '13700000003'").await, 0);
}

#[tokio::test]
async fn codes_to_one_number_are_limited_with_retry_after() {
    let app = spawn_app().await;
    let phone = "13700000004";
    assert_eq!(send_code(&app, phone).await.status(), StatusCode::ACCEPTED);
    // One a minute.
    let res = send_code(&app, phone).await;
    let retry: i64 = res.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok()).expect("Retry-After");
    assert!((1..=60).contains(&retry), "retry after {retry}");
    assert_eq!(problem(res, 429).await["code"], "rate_limited");
    // Five an hour: the sixth, a minute after the fifth, waits for the first to leave the hour.
    for _ in 0..4 {
        app.state.clock.advance(Duration::seconds(61));
        assert_eq!(send_code(&app, phone).await.status(), StatusCode::ACCEPTED);
    }
    app.state.clock.advance(Duration::seconds(61));
    let res = send_code(&app, phone).await;
    let retry: i64 = res.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok()).expect("Retry-After");
    assert!(retry > 60 && retry <= 3600, "retry after {retry}");
    problem(res, 429).await;
    // The limits are counted in the database, where every API instance sees them.
    assert_eq!(app.count("sms_sends WHERE limit_key = 'phone:13700000004'").await, 5);
}

#[tokio::test]
async fn codes_from_one_client_address_are_limited() {
    let app = spawn_with(|s| s.sms.per_client_per_hour = 3).await;
    for phone in ["13700000005", "13700000006", "13700000007"] {
        assert_eq!(send_code(&app, phone).await.status(), StatusCode::ACCEPTED);
    }
    let res = send_code(&app, "13700000008").await;
    assert!(res.headers().get("retry-after").is_some());
    problem(res, 429).await;
    assert_eq!(app.count("sms_outbox").await, 3);
}

#[tokio::test]
async fn answers_do_not_reveal_whether_a_number_is_registered() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (registered, unknown) = ("13700000011", "13700000012");
    sign_in_by_code(&app, registered, json!({ "community_id": community })).await;
    app.state.clock.advance(Duration::seconds(61));

    let (a, b) = (send_code(&app, registered).await, send_code(&app, unknown).await);
    assert_eq!(a.status(), b.status());
    assert_eq!(json_of(a).await, json_of(b).await);
    // A wrong code is answered alike, whether or not the number has an account.
    let code_a = sms_code(&app, registered).await;
    let code_b = sms_code(&app, unknown).await;
    let a = sign_in(&app, json!({ "phone": registered, "code": wrong(&code_a), "community_id": community })).await;
    let b = sign_in(&app, json!({ "phone": unknown, "code": wrong(&code_b), "community_id": community })).await;
    assert_eq!(a.status(), b.status());
    assert_eq!(json_of(a).await, json_of(b).await);
}

#[tokio::test]
async fn every_bad_field_is_named_at_once() {
    let app = spawn_app().await;
    let body = problem(sign_in(&app, json!({ "phone": "12800138000", "code": "12ab" })).await, 422).await;
    let mut bad = fields(&body);
    bad.sort();
    assert_eq!(bad, ["/code", "/phone"]);
    let body = problem(send_code(&app, "1380013800").await, 422).await;
    assert_eq!(fields(&body), ["/phone"]);
    // After a right code: the community and its grid, both named.
    let phone = "13700000013";
    send_code(&app, phone).await;
    let code = sms_code(&app, phone).await;
    let street = app.area_id("西兴街道").await;
    let body = problem(sign_in(&app, json!({ "phone": phone, "code": code, "community_id": street, "grid_id": 1 })).await, 422).await;
    assert_eq!(fields(&body), ["/community_id"]);
    let community = app.area_id("缤纷社区").await;
    let body =
        problem(sign_in(&app, json!({ "phone": phone, "code": code, "community_id": community, "grid_id": street })).await, 422).await;
    assert_eq!(fields(&body), ["/grid_id"]);
    let token = app.login_as("resident").await;
    let body = problem(app.patch("/api/v1/me/profile", &token, &json!({ "display_name": " ", "community_id": street })).await, 422).await;
    assert_eq!(fields(&body), ["/display_name", "/community_id"]);
}

#[tokio::test]
async fn staff_verify_residence_and_only_verified_residents_co_sign() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    let street = app.login_as("street").await;
    let need = submit_as_resident(&app, &app.login_as("resident").await, community).await["need"]["id"].as_i64().expect("id");
    let phone = "13700000021";
    let newcomer = sign_in_by_code(&app, phone, json!({ "community_id": community, "display_name": "赵新" })).await;
    let id = me_id(&app, &newcomer).await;

    let refused = problem(app.post(&format!("/api/v1/needs/{need}/cosign"), &newcomer, &json!({})).await, 403).await;
    assert!(refused["detail"].as_str().expect("detail").contains("verified"), "{refused}");

    // Pending, as community staff see it (personal data shown) and as the street sees it (masked).
    let pending = json_of(app.get("/api/v1/residents?verification=pending", &staff).await).await;
    let row = pending["items"].as_array().and_then(|i| i.iter().find(|r| r["id"] == id)).cloned().expect("listed as pending");
    assert_eq!(row["phone"], phone);
    assert_eq!(row["display_name"], "赵新");
    let masked = json_of(app.get("/api/v1/residents", &street).await).await;
    let row = masked["items"].as_array().and_then(|i| i.iter().find(|r| r["id"] == id)).cloned().expect("listed for the street");
    assert_eq!(row["phone"], "137****0021");
    assert_eq!(row["display_name"], "赵*");
    // The street reads but does not verify; another community's staff do not even see the resident.
    problem(app.post(&format!("/api/v1/residents/{id}/verify"), &street, &json!({})).await, 403).await;
    problem(app.post(&format!("/api/v1/residents/{id}/verify"), &app.login_as("community2").await, &json!({})).await, 404).await;
    problem(app.get("/api/v1/residents", &newcomer).await, 403).await;

    let verified = json_of(app.post(&format!("/api/v1/residents/{id}/verify"), &staff, &json!({})).await).await;
    assert_eq!(verified["verification"], "verified");
    assert_eq!(json_of(app.get("/api/v1/me/profile", &newcomer).await).await["verification"], "verified");
    let signed = app.post(&format!("/api/v1/needs/{need}/cosign"), &newcomer, &json!({})).await;
    assert_eq!(signed.status(), StatusCode::OK);
    assert_eq!(json_of(signed).await["cosign_count"], 1);

    // Refused with a reason: the resident sees why, and still may not co-sign.
    let other = sign_in_by_code(&app, "13700000022", json!({ "community_id": community })).await;
    let other_id = me_id(&app, &other).await;
    let body = json!({ "reason": "not_resident", "note": "住址不在本社区" });
    let res = app.post(&format!("/api/v1/residents/{other_id}/refuse"), &staff, &body).await;
    assert_eq!(json_of(res).await["verification"], "refused");
    let profile = json_of(app.get("/api/v1/me/profile", &other).await).await;
    assert_eq!(profile["refusal_reason"], "not_resident");
    assert_eq!(profile["refusal_note"], "住址不在本社区");
    problem(app.post(&format!("/api/v1/needs/{need}/cosign"), &other, &json!({})).await, 403).await;
    let bad = problem(app.post(&format!("/api/v1/residents/{other_id}/refuse"), &staff, &json!({ "reason": "because" })).await, 422).await;
    assert_eq!(fields(&bad), ["/reason"]);
    assert_eq!(app.count("audit_log WHERE action IN ('verify_residence', 'refuse_residence')").await, 1 + 1);
}

/// Ids of the residents `GET /residents?…` answers with.
async fn found(app: &TestApp, token: &str, query: &str) -> Vec<i64> {
    let page = json_of(app.get(&format!("/api/v1/residents?{query}"), token).await).await;
    let items = page["items"].as_array().unwrap_or_else(|| panic!("no page for {query}: {page}"));
    items.iter().filter_map(|r| r["id"].as_i64()).collect()
}

#[tokio::test]
async fn staff_find_residents_by_name_phone_or_id_and_masked_staff_by_id_only() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    let street = app.login_as("street").await;
    let newcomer = sign_in_by_code(&app, "13700000061", json!({ "community_id": community, "display_name": "钱百分_" })).await;
    let id = me_id(&app, &newcomer).await;
    let pending = "verification=pending";
    assert_eq!(found(&app, &staff, &format!("{pending}&q=%E9%92%B1%E7%99%BE")).await, [id], "by part of the name (钱百)");
    assert_eq!(found(&app, &staff, &format!("{pending}&q=0000006")).await, [id], "by part of the phone");
    assert_eq!(found(&app, &staff, &format!("{pending}&q=%23{id}")).await, [id], "by #id");
    // `%` and `_` are the characters typed, not wildcards: 分_ matches, 分% does not.
    assert_eq!(found(&app, &staff, &format!("{pending}&q=%E5%88%86_")).await, [id]);
    assert!(found(&app, &staff, &format!("{pending}&q=%E5%88%86%25")).await.is_empty());
    // The street sees residents masked: a name or a number would tell them apart, an id does not.
    assert!(found(&app, &street, &format!("{pending}&q=%E9%92%B1%E7%99%BE")).await.is_empty());
    assert!(found(&app, &street, &format!("{pending}&q=13700000061")).await.is_empty());
    assert_eq!(found(&app, &street, &format!("{pending}&q={id}")).await, [id]);
    let p = problem(app.get(&format!("/api/v1/residents?q={}", "x".repeat(51)), &staff).await, 422).await;
    assert_eq!(fields(&p), ["q"]);
}

#[tokio::test]
async fn a_resident_edits_the_profile_and_moves_to_a_new_number_by_its_code() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (old, new) = ("13700000031", "13700000032");
    let token = sign_in_by_code(&app, old, json!({ "community_id": community })).await;
    let id = me_id(&app, &token).await;
    let patched = app.patch("/api/v1/me/profile", &token, &json!({ "display_name": "钱多多", "address": "缤纷小区1幢101室" })).await;
    assert_eq!(patched.status(), StatusCode::OK);
    let patched = json_of(patched).await;
    assert_eq!(patched["display_name"], "钱多多");
    assert_eq!(patched["address"], "缤纷小区1幢101室");

    let sent = app.client.post(app.url("/api/v1/auth/sms-codes")).json(&json!({ "phone": new, "purpose": "change_phone" })).send().await;
    assert_eq!(sent.expect("send").status(), StatusCode::ACCEPTED);
    let code = sms_code(&app, new).await;
    problem(app.post("/api/v1/me/phone", &token, &json!({ "phone": new, "code": wrong(&code) })).await, 401).await;
    let changed = app.post("/api/v1/me/phone", &token, &json!({ "phone": new, "code": code })).await;
    assert_eq!(changed.status(), StatusCode::OK);
    assert_eq!(json_of(changed).await["phone"], new);

    // The new number signs the same account in; the old one no longer has an account.
    app.state.clock.advance(Duration::seconds(61));
    assert_eq!(me_id(&app, &sign_in_by_code(&app, new, json!({})).await).await, id);
    send_code(&app, old).await;
    let code = sms_code(&app, old).await;
    problem(sign_in(&app, json!({ "phone": old, "code": code })).await, 422).await;
    // Staff have no resident profile.
    problem(app.get("/api/v1/me/profile", &app.login_as("community").await).await, 403).await;
}

#[tokio::test]
async fn deleting_an_account_clears_it_and_keeps_its_needs_anonymised() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let phone = "13700000041";
    let token = sign_in_by_code(&app, phone, json!({ "community_id": community, "display_name": "孙丽" })).await;
    let id = me_id(&app, &token).await;
    let need = submit_as_resident(&app, &token, community).await["need"]["id"].as_i64().expect("id");

    let res = app.request(reqwest::Method::DELETE, "/api/v1/me", &token).send().await.expect("DELETE");
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    problem(app.get("/api/v1/me", &token).await, 401).await;

    let staff = app.login_as("community").await;
    let kept = json_of(app.get(&format!("/api/v1/needs/{need}"), &staff).await).await;
    assert_eq!(kept["need"]["status"], "submitted");
    assert_eq!(kept["need"]["resident_id"], id);
    for field in ["contact_name", "contact_phone", "address", "lat", "lng"] {
        assert!(kept["need"][field].is_null(), "{field} left on the need: {kept}");
    }
    assert_eq!(column(&app, format!("SELECT display_name FROM users WHERE id = {id}"), "display_name").await.as_deref(), Some("已注销"));
    assert_eq!(column(&app, format!("SELECT phone FROM users WHERE id = {id}"), "phone").await, None);
    assert_eq!(app.count(&format!("audit_log WHERE action = 'delete_account' AND entity_id = {id}")).await, 1);
    // The number is free again: signing up with it starts a new account.
    app.state.clock.advance(Duration::seconds(61));
    let fresh = sign_in_by_code(&app, phone, json!({ "community_id": community })).await;
    assert_ne!(me_id(&app, &fresh).await, id);
}

/// Staff take a need by phone for `phone`, and it is served up to resolution.
async fn resolved_phone_need(app: &TestApp, community: i64, phone: &str) -> i64 {
    let staff = app.login_as("community").await;
    let body = json!({ "category": "elderly_care", "text": "电话反映：楼道灯坏了", "area_id": community, "urgency": "normal",
        "channel": "phone", "contact_name": "周大爷", "contact_phone": phone, "address": "缤纷小区5幢" });
    let res = app.post("/api/v1/needs", &staff, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = json_of(res).await["need"]["id"].as_i64().expect("id");
    let volunteer = app.login_as("volunteer").await;
    let volunteer_id = app.user_id("volunteer").await;
    for (token, step) in [
        (&staff, json!({ "action": "accept" })),
        (&staff, json!({ "action": "dispatch", "assignee_id": volunteer_id })),
        (&volunteer, json!({ "action": "claim" })),
        (&volunteer, json!({ "action": "resolve", "note": "已更换灯泡" })),
    ] {
        assert_eq!(act(app, token, id, step.clone()).await.status(), StatusCode::OK, "{step}");
    }
    id
}

#[tokio::test]
async fn a_need_taken_by_phone_waits_for_its_resident_who_signs_up_and_rates_it() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let phone = "13700000051";
    let need = resolved_phone_need(&app, community, phone).await;
    // An unverified record holds the need until the resident signs up; nobody can sign in to it.
    assert_eq!(app.count(&format!("users WHERE phone = '{phone}' AND active = false AND verification = 'pending'")).await, 1);

    let token = sign_in_by_code(&app, phone, json!({})).await;
    let profile = json_of(app.get("/api/v1/me/profile", &token).await).await;
    assert_eq!(profile["display_name"], "周大爷");
    assert_eq!(profile["community_id"], community);
    assert_eq!(profile["verification"], "pending");
    let mine = json_of(app.get("/api/v1/needs", &token).await).await;
    let listed = mine["items"].as_array().and_then(|i| i.iter().find(|n| n["id"] == need)).cloned().expect("the phone need is theirs");
    assert_eq!(listed["contact_phone"], phone);
    let rated = act(&app, &token, need, json!({ "action": "rate", "rating": 5 })).await;
    assert_eq!(rated.status(), StatusCode::OK);
    let rated = json_of(rated).await;
    assert_eq!(rated["need"]["status"], "rated");
    assert_eq!(rated["need"]["return_visit"], false);
    // A second phone need for the same number joins the same account.
    let staff = app.login_as("community").await;
    let body = json!({ "category": "elderly_care", "text": "再次来电", "area_id": community, "urgency": "normal",
        "channel": "phone", "contact_phone": phone });
    let again = json_of(app.post("/api/v1/needs", &staff, &body).await).await;
    assert_eq!(again["need"]["resident_id"], me_id(&app, &token).await);
}

#[tokio::test]
async fn staff_record_a_rating_given_on_a_return_call_marked_as_such() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let need = resolved_phone_need(&app, community, "13700000061").await;
    let staff = app.login_as("community").await;
    let body = problem(act(&app, &staff, need, json!({ "action": "return_visit" })).await, 422).await;
    assert_eq!(fields(&body), ["/rating"]);
    // Only staff record return visits; the volunteer who served it may not.
    problem(act(&app, &app.login_as("volunteer").await, need, json!({ "action": "return_visit", "rating": 5 })).await, 409).await;

    let res = act(&app, &staff, need, json!({ "action": "return_visit", "rating": 4, "note": "电话回访：居民满意" })).await;
    assert_eq!(res.status(), StatusCode::OK);
    let detail = json_of(res).await;
    assert_eq!(detail["need"]["status"], "rated");
    assert_eq!(detail["need"]["rating"], 4);
    assert_eq!(detail["need"]["return_visit"], true);
    let last = detail["timeline"].as_array().and_then(|t| t.last()).cloned().expect("timeline");
    assert_eq!(last["action"], "return_visit");
    assert_eq!(last["note"], "电话回访：居民满意");
    let read = json_of(app.get(&format!("/api/v1/needs/{need}"), &staff).await).await;
    assert_eq!(read["need"]["return_visit"], true);
}

#[tokio::test]
async fn community_staff_record_a_residents_target_groups_once_each_and_the_trail_keeps_the_change() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let newcomer = sign_in_by_code(&app, "13700000031", json!({ "community_id": community })).await;
    let id = me_id(&app, &newcomer).await;
    let path = format!("/api/v1/residents/{id}/target-groups");
    let put = |token: &str, body: Value| app.request(reqwest::Method::PUT, &path, token).json(&body).send();

    // Every repeated group is named, and nothing is written.
    let bad = put(&staff, json!({ "target_groups": ["elderly", "elderly", "low_income", "low_income"] })).await.expect("PUT");
    assert_eq!(fields(&problem(bad, 422).await), ["/target_groups/1", "/target_groups/3"]);
    assert_eq!(app.count(&format!("resident_target_groups WHERE resident_id = {id}")).await, 0);

    let set = json_of(put(&staff, json!({ "target_groups": ["low_income", "elderly"] })).await.expect("PUT")).await;
    assert_eq!(set["target_groups"], json!(["elderly", "low_income"]), "kept in code order");
    let listed = json_of(app.get("/api/v1/residents?verification=pending", &staff).await).await;
    let me = listed["items"].as_array().expect("items").iter().find(|r| r["id"] == id).expect("listed").clone();
    assert_eq!(me["target_groups"], json!(["elderly", "low_income"]));
    assert_eq!(app.count(&format!("audit_log WHERE action = 'set_target_groups' AND entity_id = {id}")).await, 1);

    // Street staff read residents but do not set groups; staff of another community do not reach
    // this resident; residents set no groups, not even their own.
    problem(put(&app.login_as("street").await, json!({ "target_groups": [] })).await.expect("PUT"), 403).await;
    problem(put(&app.login_as("community2").await, json!({ "target_groups": [] })).await.expect("PUT"), 404).await;
    problem(put(&newcomer, json!({ "target_groups": [] })).await.expect("PUT"), 403).await;

    // An empty list clears them.
    let cleared = json_of(put(&staff, json!({ "target_groups": [] })).await.expect("PUT")).await;
    assert_eq!(cleared["target_groups"], json!([]));
    assert_eq!(app.count(&format!("audit_log WHERE action = 'set_target_groups' AND entity_id = {id}")).await, 2);
}
