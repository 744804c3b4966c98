//! 民主协商 consultation topics through the API: the whole path from proposal to review, referral to
//! the street and district, a missed quorum, declining with a reason, co-signing once and only when
//! verified, the public notice board without personal data, scoping, every bad field at once, and
//! the coverage KPI on a hand-counted fixture.

use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, fields, problem, sign_in_by_code, spawn_app};

async fn json_of(res: Response) -> Value {
    res.json().await.expect("json")
}

/// The body of a 2xx answer, or a panic that shows what went wrong.
async fn ok(res: Response) -> Value {
    let status = res.status();
    let body: Value = res.json().await.unwrap_or(Value::Null);
    assert!(status.is_success(), "expected success, got {status}: {body}");
    body
}

async fn put(app: &TestApp, path: &str, token: &str, body: &Value) -> Response {
    app.request(reqwest::Method::PUT, path, token).json(body).send().await.expect("PUT")
}

/// Sets a community's co-sign threshold (a count) and quorum rule as its staff.
pub async fn set_rules(app: &TestApp, staff: &str, community: i64, threshold: i32) {
    let body = json!({ "threshold_kind": "count", "threshold_count": threshold, "quorum_present_pct": 50, "pass_pct": 50 });
    ok(put(app, &format!("/api/v1/areas/{community}/consultation-settings"), staff, &body).await).await;
}

fn topic_body(area: i64, kind: &str) -> Value {
    json!({ "area_id": area, "category": "public_space", "title": "小区东门电动车充电棚选址",
        "text": "东门空地是否建设电动车充电棚，请居民共同商议。", "proposer_kind": kind })
}

/// Proposes a topic and returns its id.
pub async fn propose(app: &TestApp, token: &str, area: i64, kind: &str) -> i64 {
    let res = app.post("/api/v1/topics", token, &topic_body(area, kind)).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    json_of(res).await["topic"]["id"].as_i64().expect("id")
}

pub async fn act(app: &TestApp, token: &str, id: i64, body: Value) -> Response {
    app.post(&format!("/api/v1/topics/{id}/actions"), token, &body).await
}

/// A topic staff proposed and published in `community`: on notice for co-signing.
pub async fn topic_on_notice(app: &TestApp, staff: &str, community: i64) -> i64 {
    let id = propose(app, staff, community, "staff").await;
    ok(act(app, staff, id, json!({ "action": "publish" })).await).await;
    id
}

/// A topic on notice, co-signed by `resident` and filed (the threshold set to one).
pub async fn filed_topic(app: &TestApp, staff: &str, resident: &str, community: i64) -> i64 {
    set_rules(app, staff, community, 1).await;
    let id = topic_on_notice(app, staff, community).await;
    ok(app.post(&format!("/api/v1/topics/{id}/cosign"), resident, &json!({})).await).await;
    ok(act(app, staff, id, json!({ "action": "file" })).await).await;
    id
}

fn meeting_body() -> Value {
    json!({ "held_at": "2026-12-12T07:00:00Z", "place": "社区党群服务中心二楼会议室",
        "participants": [{ "kind": "residents", "invited": 20 }, { "kind": "property_company", "invited": 2 }],
        "options": ["东门空地建设", "暂不建设"] })
}

fn decision_body(residents: i32, votes: (i32, i32, i32)) -> Value {
    json!({ "attended": [{ "kind": "residents", "attended": residents }, { "kind": "property_company", "attended": 2 }],
        "minutes": "与会代表充分讨论了选址与管理方式。", "decision": "在东门空地建设充电棚，物业负责日常管理",
        "votes_for": votes.0, "votes_against": votes.1, "votes_abstaining": votes.2 })
}

/// Schedules a meeting at `held_at` on a filed topic and records a passing vote with `sheet` as
/// its sign-in sheet; returns the topic as the decision answered it.
pub async fn decide_with_sheet(app: &TestApp, staff: &str, id: i64, held_at: chrono::DateTime<chrono::Utc>, sheet: Value) -> Value {
    let mut meeting = meeting_body();
    meeting["held_at"] = json!(held_at);
    let detail = ok(app.post(&format!("/api/v1/topics/{id}/meetings"), staff, &meeting).await).await;
    let meeting = detail["meetings"][0]["id"].as_i64().expect("meeting id");
    let mut decision = decision_body(15, (12, 3, 2));
    decision["signed_in"] = sheet;
    ok(app.post(&format!("/api/v1/topics/{id}/meetings/{meeting}/decision"), staff, &decision).await).await
}

/// Schedules a meeting on a filed topic and records a passing vote; returns the meeting's id.
pub async fn decide(app: &TestApp, staff: &str, id: i64) -> i64 {
    let detail = ok(app.post(&format!("/api/v1/topics/{id}/meetings"), staff, &meeting_body()).await).await;
    let meeting = detail["meetings"][0]["id"].as_i64().expect("meeting id");
    ok(app.post(&format!("/api/v1/topics/{id}/meetings/{meeting}/decision"), staff, &decision_body(15, (12, 3, 2))).await).await;
    meeting
}

/// A topic decided, published, linked to `need` and open for ratings (评议).
pub async fn topic_in_review(app: &TestApp, staff: &str, resident: &str, community: i64, need: i64) -> i64 {
    let id = filed_topic(app, staff, resident, community).await;
    decide(app, staff, id).await;
    ok(act(app, staff, id, json!({ "action": "publish_result" })).await).await;
    ok(app.post(&format!("/api/v1/topics/{id}/links"), staff, &json!({ "need_ids": [need] })).await).await;
    ok(act(app, staff, id, json!({ "action": "open_review" })).await).await;
    id
}

/// A resident signed up by code in `community` and verified by its staff; returns the token and id.
async fn verified_resident(app: &TestApp, staff: &str, community: i64, phone: &str, name: &str) -> (String, i64) {
    let token = sign_in_by_code(app, phone, json!({ "community_id": community, "display_name": name })).await;
    let id = json_of(app.get("/api/v1/me", &token).await).await["user"]["id"].as_i64().expect("id");
    ok(app.post(&format!("/api/v1/residents/{id}/verify"), staff, &json!({})).await).await;
    (token, id)
}

async fn kinds_in_inbox(app: &TestApp, token: &str, topic: i64) -> Vec<String> {
    let page = json_of(app.get("/api/v1/me/notifications?limit=200", token).await).await;
    let mut kinds: Vec<String> = page["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|n| n["subject"]["kind"] == "topic" && n["subject"]["id"] == topic)
        .filter_map(|n| n["kind"].as_str().map(str::to_owned))
        .collect();
    kinds.reverse();
    kinds
}

/// A co-building program of the community, to carry a decision out.
async fn program(app: &TestApp, staff: &str, community: i64) -> i64 {
    let admin = app.login_as("admin").await;
    let entries = json_of(app.get("/api/v1/catalogue", &admin).await).await;
    let item = entries.as_array().and_then(|e| e.iter().find(|e| e["level"] == "item")).and_then(|e| e["id"].as_i64()).expect("item");
    let body = json!({ "area_id": community, "title": "东门充电棚建设", "description": "建设电动车充电棚", "lead_org": "缤纷社区党委",
        "start_date": "2026-01-01", "end_date": "2026-12-31", "budget_fen": 5_000_000, "catalogue_item_ids": [item], "public": true });
    json_of(app.post("/api/v1/programs", staff, &body).await).await["program"]["id"].as_i64().expect("program id")
}

#[tokio::test]
async fn a_topic_goes_from_proposal_through_co_signing_meeting_and_decision_to_rating() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    set_rules(&app, &staff, community, 2).await;
    let (proposer, _) = verified_resident(&app, &staff, community, "13700000101", "赵新").await;
    let (neighbour, _) = verified_resident(&app, &staff, community, "13700000102", "钱多").await;
    let resident = app.login_as("resident").await;

    let id = propose(&app, &proposer, community, "resident").await;
    let detail = ok(app.get(&format!("/api/v1/topics/{id}"), &staff).await).await;
    assert_eq!(detail["topic"]["status"], "proposed");
    assert_eq!(detail["topic"]["proposer_name"], "赵新", "community staff handle personal data");
    assert_eq!(detail["timeline"][0]["action"], "propose");
    // Filing before the notice is a wrong move: 409 with what may be done instead.
    let refused = problem(act(&app, &staff, id, json!({ "action": "file" })).await, 409).await;
    assert_eq!(refused["allowed"], json!(["publish", "decline"]));

    let published = ok(act(&app, &staff, id, json!({ "action": "publish", "notice_days": 10 })).await).await;
    assert_eq!(published["topic"]["status"], "cosigning");
    assert!(published["topic"]["notice_ends_at"].is_string());
    problem(app.post(&format!("/api/v1/topics/{id}/cosign"), &proposer, &json!({})).await, 409).await;
    let signed = ok(app.post(&format!("/api/v1/topics/{id}/cosign"), &neighbour, &json!({})).await).await;
    assert_eq!(
        (signed["cosign_count"].clone(), signed["cosigned"].clone(), signed["cosign_threshold"].clone()),
        (json!(1), json!(true), json!(2))
    );
    assert_eq!(signed["proposer_name"], "赵*", "a neighbour sees the proposer masked");
    // One of two co-signers: not yet.
    let short = problem(act(&app, &staff, id, json!({ "action": "file" })).await, 409).await;
    assert!(short["detail"].as_str().expect("detail").contains("threshold"), "{short}");
    ok(app.post(&format!("/api/v1/topics/{id}/cosign"), &resident, &json!({})).await).await;
    let filed = ok(act(&app, &staff, id, json!({ "action": "file" })).await).await;
    assert_eq!(filed["topic"]["status"], "filed");

    let meeting = decide(&app, &staff, id).await;
    let decided = ok(app.get(&format!("/api/v1/topics/{id}"), &proposer).await).await;
    assert_eq!(decided["topic"]["status"], "decided");
    assert_eq!(decided["topic"]["decision"], "在东门空地建设充电棚，物业负责日常管理");
    let m = &decided["meetings"][0];
    assert_eq!((m["id"].as_i64(), m["outcome"].clone(), m["quorum_present_pct"].clone()), (Some(meeting), json!("passed"), json!(50)));
    assert_eq!(m["participants"][0], json!({ "kind": "residents", "invited": 20, "attended": 15 }));
    problem(app.post(&format!("/api/v1/topics/{id}/meetings/{meeting}/decision"), &staff, &decision_body(15, (12, 3, 2))).await, 409).await;

    ok(act(&app, &staff, id, json!({ "action": "publish_result", "notice_days": 14 })).await).await;
    let program = program(&app, &staff, community).await;
    let linked = ok(app.post(&format!("/api/v1/topics/{id}/links"), &staff, &json!({ "program_id": program })).await).await;
    assert_eq!((linked["topic"]["status"].clone(), linked["topic"]["program_id"].as_i64()), (json!("implementing"), Some(program)));
    problem(app.post(&format!("/api/v1/topics/{id}/ratings"), &neighbour, &json!({ "rating": 5 })).await, 409).await;
    ok(act(&app, &staff, id, json!({ "action": "open_review" })).await).await;
    ok(app.post(&format!("/api/v1/topics/{id}/ratings"), &neighbour, &json!({ "rating": 5, "comment": "很及时" })).await).await;
    let rated = ok(app.post(&format!("/api/v1/topics/{id}/ratings"), &resident, &json!({ "rating": 4 })).await).await;
    assert_eq!(
        (rated["rating_count"].clone(), rated["rating_average"].clone(), rated["my_rating"].clone()),
        (json!(2), json!(4.5), json!(4))
    );
    problem(app.post(&format!("/api/v1/topics/{id}/ratings"), &resident, &json!({ "rating": 1 })).await, 409).await;
    let closed = ok(act(&app, &staff, id, json!({ "action": "close" })).await).await;
    assert_eq!(closed["topic"]["status"], "closed");
    let steps: Vec<&str> = closed["timeline"].as_array().expect("timeline").iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(steps, ["propose", "publish", "file", "convene", "decide", "publish_result", "implement", "open_review", "close"]);

    // The result and the rating are published; the proposer heard of filing and the decision.
    let public: Value = json_of(app.client.get(app.url(&format!("/api/v1/public/topics/{id}"))).send().await.expect("GET")).await;
    assert_eq!(public["result"]["votes_for"], 12);
    assert_eq!(public["rating_average"], 4.5);
    assert_eq!(kinds_in_inbox(&app, &proposer, id).await, ["topic_filed", "topic_decided"]);
    assert_eq!(app.count(&format!("audit_log WHERE entity = 'topic' AND entity_id = {id}")).await, 1 + 8 + 2 + 2);
}

#[tokio::test]
async fn a_filed_topic_the_community_cannot_settle_is_referred_to_the_street_and_on_to_the_district() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (staff, street, district) = (app.login_as("community").await, app.login_as("street").await, app.login_as("district").await);
    let id = filed_topic(&app, &staff, &app.login_as("resident").await, community).await;

    let referred = ok(act(&app, &staff, id, json!({ "action": "refer", "note": "涉及多个小区，上报街道协调" })).await).await;
    assert_eq!((referred["topic"]["status"].clone(), referred["topic"]["area_name"].clone()), (json!("referred"), json!("西兴街道")));
    // The community still sees it, but the street runs it now (小事不出社区、大事不出街道).
    let seen = ok(app.get(&format!("/api/v1/topics/{id}"), &staff).await).await;
    assert_eq!(seen["allowed_actions"], json!([]));
    problem(app.post(&format!("/api/v1/topics/{id}/meetings"), &staff, &meeting_body()).await, 409).await;
    let at_street = ok(app.get(&format!("/api/v1/topics?status=referred&area_id={}", app.area_id("西兴街道").await), &street).await).await;
    assert_eq!(at_street["items"][0]["id"], id);

    ok(act(&app, &street, id, json!({ "action": "refer" })).await).await;
    let at_district = ok(app.get(&format!("/api/v1/topics/{id}"), &district).await).await;
    assert_eq!(at_district["topic"]["area_name"], "滨江区");
    let top = problem(act(&app, &district, id, json!({ "action": "refer" })).await, 409).await;
    assert!(top["detail"].as_str().expect("detail").contains("district"), "{top}");
    let convened = ok(app.post(&format!("/api/v1/topics/{id}/meetings"), &district, &meeting_body()).await).await;
    assert_eq!(convened["topic"]["status"], "in_consultation");
    let counts = ok(app.get("/api/v1/topics/counts", &district).await).await;
    assert_eq!(counts["total"], 1);
    assert!(counts["by_status"].as_array().expect("by status").iter().any(|c| c["status"] == "in_consultation" && c["count"] == 1));
}

#[tokio::test]
async fn a_meeting_short_of_the_quorum_is_recorded_as_such_and_decides_nothing() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    let id = filed_topic(&app, &staff, &app.login_as("resident").await, community).await;
    let detail = ok(app.post(&format!("/api/v1/topics/{id}/meetings"), &staff, &meeting_body()).await).await;
    let meeting = detail["meetings"][0]["id"].as_i64().expect("meeting");
    // 5 + 2 of 22 invited attended: under half, however unanimous the vote.
    let path = format!("/api/v1/topics/{id}/meetings/{meeting}/decision");
    let recorded = ok(app.post(&path, &staff, &decision_body(5, (7, 0, 0))).await).await;
    assert_eq!(recorded["topic"]["status"], "in_consultation");
    assert_eq!(recorded["meetings"][0]["outcome"], "no_quorum");
    assert!(recorded["topic"]["decision"].is_null());
    let last = recorded["timeline"].as_array().and_then(|t| t.last()).cloned().expect("an event");
    assert_eq!((last["action"].clone(), last["to_status"].clone()), (json!("decide"), json!("in_consultation")));
    // Another meeting may be held; this one's record stands.
    problem(app.post(&path, &staff, &decision_body(20, (20, 0, 0))).await, 409).await;
    let again = ok(app.post(&format!("/api/v1/topics/{id}/meetings"), &staff, &meeting_body()).await).await;
    assert_eq!(again["meetings"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn staff_decline_a_topic_with_a_reason_and_the_proposer_is_told() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    let resident = app.login_as("resident").await;
    let id = propose(&app, &resident, community, "resident").await;
    let p = problem(act(&app, &staff, id, json!({ "action": "decline", "note": "  " })).await, 422).await;
    assert_eq!(fields(&p), ["/note"]);
    let declined = ok(act(&app, &staff, id, json!({ "action": "decline", "note": "属于物业合同事项，请向业委会反映" })).await).await;
    assert_eq!(declined["topic"]["status"], "declined");
    let seen = ok(app.get(&format!("/api/v1/topics/{id}"), &resident).await).await;
    assert_eq!(seen["topic"]["decline_reason"], "属于物业合同事项，请向业委会反映");
    assert_eq!(kinds_in_inbox(&app, &resident, id).await, ["topic_declined"]);
    problem(act(&app, &staff, id, json!({ "action": "publish" })).await, 409).await;
}

#[tokio::test]
async fn co_signing_is_once_per_verified_resident_of_the_community() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    let resident = app.login_as("resident").await;
    let id = topic_on_notice(&app, &staff, community).await;
    ok(app.post(&format!("/api/v1/topics/{id}/cosign"), &resident, &json!({})).await).await;
    let twice = problem(app.post(&format!("/api/v1/topics/{id}/cosign"), &resident, &json!({})).await, 409).await;
    assert!(twice["detail"].as_str().expect("detail").contains("already"), "{twice}");

    let newcomer = sign_in_by_code(&app, "13700000111", json!({ "community_id": community })).await;
    let refused = problem(app.post(&format!("/api/v1/topics/{id}/cosign"), &newcomer, &json!({})).await, 403).await;
    assert!(refused["detail"].as_str().expect("detail").contains("verified"), "{refused}");
    problem(app.post("/api/v1/topics", &newcomer, &topic_body(community, "resident")).await, 403).await;
    // Staff do not co-sign; the count is the residents'.
    problem(app.post(&format!("/api/v1/topics/{id}/cosign"), &staff, &json!({})).await, 403).await;
    assert_eq!(app.count(&format!("topic_cosigns WHERE topic_id = {id}")).await, 1);
}

#[tokio::test]
async fn topics_of_another_community_are_not_found() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    let id = topic_on_notice(&app, &staff, community).await;
    for (who, path) in [
        ("resident2", format!("/api/v1/topics/{id}")),
        ("community2", format!("/api/v1/topics/{id}")),
        ("community2", format!("/api/v1/areas/{community}/consultation-settings")),
    ] {
        problem(app.get(&path, &app.login_as(who).await).await, 404).await;
    }
    problem(app.post(&format!("/api/v1/topics/{id}/cosign"), &app.login_as("resident2").await, &json!({})).await, 404).await;
    problem(act(&app, &app.login_as("community2").await, id, json!({ "action": "file" })).await, 404).await;
    let listed = ok(app.get("/api/v1/topics", &app.login_as("resident2").await).await).await;
    assert_eq!(listed["items"], json!([]));
}

#[tokio::test]
async fn the_public_notice_board_shows_topics_and_results_without_personal_data() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    let (proposer, _) = verified_resident(&app, &staff, community, "13700000121", "孙小梅").await;
    let on_notice = propose(&app, &proposer, community, "resident").await;
    let unpublished = propose(&app, &proposer, community, "resident").await;
    ok(act(&app, &staff, on_notice, json!({ "action": "publish" })).await).await;

    let res = app.client.get(app.url("/api/v1/public/topics")).send().await.expect("GET");
    assert_eq!(res.status(), StatusCode::OK);
    let text = res.text().await.expect("body");
    let page: Value = serde_json::from_str(&text).expect("json");
    let ids: Vec<i64> = page["items"].as_array().expect("items").iter().filter_map(|t| t["id"].as_i64()).collect();
    assert_eq!(ids, [on_notice], "only topics on notice or with a result");
    assert_eq!(page["items"][0]["community_name"], "缤纷社区");
    for personal in ["孙小梅", "孙*", "13700000121", "proposer"] {
        assert!(!text.contains(personal), "{personal} in {text}");
    }
    let hidden = app.client.get(app.url(&format!("/api/v1/public/topics/{unpublished}"))).send().await.expect("GET");
    problem(hidden, 404).await;
}

async fn public_topic_ids(app: &TestApp, query: &str) -> Vec<i64> {
    let res = app.client.get(app.url(&format!("/api/v1/public/topics?{query}"))).send().await.expect("GET");
    ok(res).await["items"].as_array().expect("items").iter().filter_map(|t| t["id"].as_i64()).collect()
}

#[tokio::test]
async fn the_public_notice_board_narrows_to_one_community_and_what_lies_under_an_area() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let street = app.area_id("西兴街道").await;
    let elsewhere = app.area_id("牡丹社区").await;
    let staff = app.login_as("community").await;
    let (proposer, _) = verified_resident(&app, &staff, community, "13700000122", "钱小兰").await;
    let id = propose(&app, &proposer, community, "resident").await;
    ok(act(&app, &staff, id, json!({ "action": "publish" })).await).await;

    assert_eq!(public_topic_ids(&app, &format!("community={community}")).await, [id]);
    assert_eq!(public_topic_ids(&app, &format!("community={street}")).await, [id], "a street shows its communities' topics");
    assert_eq!(public_topic_ids(&app, &format!("community={elsewhere}")).await, Vec::<i64>::new());
    assert_eq!(public_topic_ids(&app, "").await, [id]);
    let res = app.client.get(app.url("/api/v1/public/topics?community=999999")).send().await.expect("GET");
    problem(res, 404).await;
}

#[tokio::test]
async fn every_bad_field_of_a_proposal_and_a_decision_is_named_at_once() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    // What the spec states (blank text, an organisation without its name) is named by the request
    // validator, all at once; what needs the stored rows (the area, the needs) by the service.
    let body = json!({ "area_id": 5, "category": "public_space", "title": "  ", "text": " ", "proposer_kind": "organisation" });
    let p = problem(app.post("/api/v1/topics", &staff, &body).await, 422).await;
    let mut named = fields(&p);
    named.sort();
    assert_eq!(named, ["/proposer_org", "/text", "/title"]);
    let body = json!({ "area_id": 999_999, "category": "public_space", "title": "充电棚", "text": "选址", "proposer_kind": "staff",
        "need_ids": [999_999, 999_998] });
    let p = problem(app.post("/api/v1/topics", &staff, &body).await, 422).await;
    assert_eq!(fields(&p), ["/area_id", "/need_ids/0", "/need_ids/1"]);
    let schema = json!({ "area_id": "x", "category": "moon", "title": "", "text": "t", "proposer_kind": "staff" });
    let p = problem(app.post("/api/v1/topics", &staff, &schema).await, 422).await;
    let mut named = fields(&p);
    named.sort();
    assert_eq!(named, ["/area_id", "/category", "/title"]);
    assert_eq!(app.count("topics").await, 0, "nothing written");

    let id = filed_topic(&app, &staff, &app.login_as("resident").await, community).await;
    let detail = ok(app.post(&format!("/api/v1/topics/{id}/meetings"), &staff, &meeting_body()).await).await;
    let meeting = detail["meetings"][0]["id"].as_i64().expect("meeting");
    let bad = json!({ "attended": [{ "kind": "residents", "attended": 25 }, { "kind": "experts", "attended": 1 }],
        "minutes": " ", "decision": "建", "votes_for": 30, "votes_against": 0, "votes_abstaining": 0 });
    let p = problem(app.post(&format!("/api/v1/topics/{id}/meetings/{meeting}/decision"), &staff, &bad).await, 422).await;
    assert_eq!(fields(&p), ["/attended/0/attended", "/attended/1/kind", "/minutes", "/votes_for"]);
    let no_place = json!({ "held_at": "2026-12-12T07:00:00Z", "participants": [{ "kind": "residents", "invited": 5 }, { "kind": "residents", "invited": 6 }],
        "options": [" "] });
    let p = problem(app.post(&format!("/api/v1/topics/{id}/meetings"), &staff, &no_place).await, 422).await;
    assert_eq!(fields(&p), ["/place", "/participants/1/kind", "/options/0"]);
}

#[tokio::test]
async fn the_sign_in_sheet_names_residents_of_the_community_once_and_no_more_than_attended_or_voted() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    let resident = app.login_as("resident").await;
    let (_, mine) = verified_resident(&app, &staff, community, "13700000341", "签到甲").await;
    let far_staff = app.login_as("community2").await;
    let far = app.area_id("临汾路380弄社区").await;
    let (_, elsewhere) = verified_resident(&app, &far_staff, far, "13700000342", "签到乙").await;
    let id = filed_topic(&app, &staff, &resident, community).await;
    let detail = ok(app.post(&format!("/api/v1/topics/{id}/meetings"), &staff, &meeting_body()).await).await;
    let meeting = detail["meetings"][0]["id"].as_i64().expect("meeting");
    let path = format!("/api/v1/topics/{id}/meetings/{meeting}/decision");

    // A resident of another community, a resident twice, an id that is nobody: each named.
    let mut bad = decision_body(15, (12, 3, 0));
    bad["signed_in"] = json!([{ "resident_id": elsewhere }, { "resident_id": mine }, { "resident_id": mine }, { "resident_id": 999_999 }]);
    let p = problem(app.post(&path, &staff, &bad).await, 422).await;
    assert_eq!(fields(&p), ["/signed_in/0/resident_id", "/signed_in/2/resident_id", "/signed_in/3/resident_id"]);
    // More named than residents attended, more named voters than votes cast.
    let mut bad = decision_body(1, (0, 0, 0));
    bad["signed_in"] = json!([{ "resident_id": mine, "voted": true }, { "resident_id": elsewhere }]);
    let p = problem(app.post(&path, &staff, &bad).await, 422).await;
    let named = fields(&p);
    assert_eq!(named.iter().filter(|f| **f == "/signed_in").count(), 2, "both limits: {named:?}");
    assert_eq!(app.count("meeting_attendees").await, 0, "nothing written");

    let mut good = decision_body(15, (12, 3, 0));
    good["signed_in"] = json!([{ "resident_id": mine, "voted": true }]);
    let detail = ok(app.post(&path, &staff, &good).await).await;
    let m = &detail["meetings"][0];
    assert_eq!((m["signed_in"].as_i64(), m["signed_in_voted"].as_i64()), (Some(1), Some(1)));
    assert_eq!(app.count("meeting_attendees").await, 1);
    // The result on public notice names nobody who signed in.
    ok(act(&app, &staff, id, json!({ "action": "publish_result" })).await).await;
    let public = ok(app.client.get(app.url(&format!("/api/v1/public/topics/{id}"))).send().await.expect("GET")).await;
    assert!(public["result"].is_object() && !public.to_string().contains("签到甲"), "no names on the public page: {public}");
}

/// The card of `code` on an area's KPI dashboard: (numerator, denominator, source of the figure).
async fn kpi_card(app: &TestApp, token: &str, code: &str, area: i64, period: &str) -> (Value, Value, Value) {
    let board = ok(app.get(&format!("/api/v1/kpis/dashboard?area={area}&period={period}"), token).await).await;
    let card = board["cards"].as_array().expect("cards").iter().find(|c| c["indicator"]["code"] == code).expect("card").clone();
    (card["numerator"].clone(), card["denominator"].clone(), card["provenance"]["latest_report"].clone())
}

#[tokio::test]
async fn consultation_coverage_counts_communities_with_a_topic_filed_in_the_period() {
    let app = spawn_app().await;
    let admin = app.login_as("admin").await;
    let resident = app.login_as("resident").await;
    let (one, two, three) = (app.area_id("缤纷社区").await, app.area_id("临汾路380弄社区").await, app.area_id("民主村社区").await);
    filed_topic(&app, &app.login_as("community").await, &resident, one).await;
    filed_topic(&app, &app.login_as("community").await, &resident, one).await;
    filed_topic(&app, &app.login_as("community2").await, &app.login_as("resident2").await, two).await;
    // Proposed and on notice, never filed: not covered.
    topic_on_notice(&app, &app.login_as("community3").await, three).await;

    // Hand-counted: 缤纷社区 filed twice (counts once), 临汾路 once, 民主村 never; 缤纷社区 is the
    // only community of 滨江区.
    let year = chrono::Datelike::year(&api::clock::china_date(app.state.clock.now()));
    let now = year.to_string();
    let code = "consultation_platform_coverage";
    assert_eq!(kpi_card(&app, &admin, code, one, &now).await.0, json!(1.0));
    assert_eq!(kpi_card(&app, &admin, code, two, &now).await.0, json!(1.0));
    let (covered, communities, report) = kpi_card(&app, &admin, code, three, &now).await;
    assert_eq!((covered, communities, report), (json!(0.0), json!(1.0), Value::Null));
    let district = app.area_id("滨江区").await;
    assert_eq!(kpi_card(&app, &admin, code, district, &now).await.0, json!(1.0));
    assert_eq!(kpi_card(&app, &admin, code, one, &(year - 1).to_string()).await.0, json!(0.0), "nothing filed last year");

    // A figure typed in before the platform computed it stays the figure of its period; the
    // platform no longer takes new ones.
    let last_year = (year - 1).to_string();
    let path =
        <api::entities::area::Entity as sea_orm::EntityTrait>::find_by_id(three).one(&app.db).await.expect("query").expect("area").path;
    let before = api::entities::kpi_report::ActiveModel {
        indicator: sea_orm::Set(code.into()),
        area_id: sea_orm::Set(three),
        area_path: sea_orm::Set(path),
        period: sea_orm::Set(last_year.clone()),
        first_month: sea_orm::Set((year - 1) * 100 + 1),
        last_month: sea_orm::Set((year - 1) * 100 + 12),
        value: sea_orm::Set(100.0),
        numerator: sea_orm::Set(Some(1.0)),
        denominator: sea_orm::Set(Some(1.0)),
        source_note: sea_orm::Set("社区台账".into()),
        reported_by: sea_orm::Set(1),
        reported_at: sea_orm::Set(chrono::Utc::now()),
        ..Default::default()
    };
    sea_orm::ActiveModelTrait::insert(before, &app.db).await.expect("insert");
    let (covered, _, report) = kpi_card(&app, &admin, code, three, &last_year).await;
    assert_eq!(covered, json!(1.0));
    assert_eq!(report["period"], json!(last_year));
    assert_eq!(kpi_card(&app, &admin, code, three, &now).await.0, json!(0.0), "this year is computed");
    let again = json!({ "indicator": code, "area_id": three, "period": now, "numerator": 1.0, "denominator": 1.0, "source_note": "台账" });
    let p = problem(app.post("/api/v1/kpis/values", &app.login_as("community3").await, &again).await, 422).await;
    assert_eq!(fields(&p), ["/indicator"]);
}
