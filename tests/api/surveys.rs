//! 民意调查 surveys through the API: the builder names every bad field at once (a condition on a later
//! question is refused), conditions when answering, once-only (also when two answers race), the
//! window (409 with the window), target and audience (403), paper questionnaires, anonymous answers
//! stored without a resident, results equal to hand-counted values (also when many answers are
//! entered at once), Excel exports, and the 居民决策性参与比例 KPI on a fixture.

use reqwest::{Response, StatusCode};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::{TestApp, fields, problem, sign_in_by_code, spawn_app};

pub async fn ok(res: Response) -> Value {
    let status = res.status();
    let body: Value = res.json().await.unwrap_or(Value::Null);
    assert!(status.is_success(), "expected success, got {status}: {body}");
    body
}

/// The target and a window open from yesterday for a month.
pub fn window_body(area: i64) -> Value {
    let now = chrono::Utc::now();
    json!({ "area_id": area, "opens_at": now - chrono::Duration::days(1), "closes_at": now + chrono::Duration::days(30) })
}

/// Valid answers to the annual satisfaction template: satisfied, and the four scales.
pub fn satisfaction_answers() -> Value {
    json!([{ "question": 0, "choices": [1] }, { "question": 1, "value": 4 }, { "question": 2, "value": 5 },
        { "question": 3, "value": 4 }, { "question": 4, "value": 3 }])
}

/// The annual satisfaction survey from its template, for `area`, opened; returns its id.
pub async fn open_satisfaction_survey(app: &TestApp, staff: &str, area: i64) -> i64 {
    let survey = ok(app.post("/api/v1/survey-templates/annual_satisfaction/surveys", staff, &window_body(area)).await).await;
    let id = survey["id"].as_i64().expect("id");
    ok(app.post(&format!("/api/v1/surveys/{id}/actions"), staff, &json!({ "action": "open" })).await).await;
    id
}

/// 0 satisfied? (是/否, required); 1 why not (text, required, shown only after 否); 2 scale
/// (required); 3 multiple choice of three, at most two; 4 number 0–10.
fn questions() -> Value {
    json!([
        { "text": "您对充电棚满意吗？", "kind": "single_choice", "required": true, "options": ["是", "否"] },
        { "text": "不满意的原因", "kind": "text", "required": true, "condition": { "question": 0, "options": [1] } },
        { "text": "选址评分", "kind": "scale", "required": true },
        { "text": "您使用的时段", "kind": "multiple_choice", "options": ["上午", "下午", "夜间"], "max_picks": 2 },
        { "text": "每周充电次数", "kind": "number", "min": 0, "max": 10 }
    ])
}

pub fn draft(area: i64, audience: &str, anonymous: bool, opens_in_days: i64) -> Value {
    let now = chrono::Utc::now();
    json!({ "area_id": area, "title": "东门充电棚使用调查", "audience": audience, "anonymous": anonymous,
        "opens_at": now + chrono::Duration::days(opens_in_days), "closes_at": now + chrono::Duration::days(opens_in_days + 30),
        "questions": questions() })
}

/// A survey built by `staff`, opened; returns its id.
pub async fn open_survey(app: &TestApp, staff: &str, body: &Value) -> i64 {
    let id = ok(app.post("/api/v1/surveys", staff, body).await).await["id"].as_i64().expect("id");
    ok(app.post(&format!("/api/v1/surveys/{id}/actions"), staff, &json!({ "action": "open" })).await).await;
    id
}

/// A resident signed up by code in `community`, verified by `staff` when asked; token and id.
pub async fn resident(app: &TestApp, staff: &str, community: i64, phone: &str, verified: bool) -> (String, i64) {
    let token = sign_in_by_code(app, phone, json!({ "community_id": community, "display_name": "测试居民" })).await;
    let id = ok(app.get("/api/v1/me", &token).await).await["user"]["id"].as_i64().expect("id");
    if verified {
        ok(app.post(&format!("/api/v1/residents/{id}/verify"), staff, &json!({})).await).await;
    }
    (token, id)
}

pub async fn respond(app: &TestApp, token: &str, id: i64, answers: Value) -> Response {
    app.post(&format!("/api/v1/surveys/{id}/responses"), token, &json!({ "answers": answers })).await
}

async fn scalar(app: &TestApp, sql: &str) -> i64 {
    let row = app
        .db
        .query_one_raw(sea_orm::Statement::from_string(app.db.get_database_backend(), sql.to_owned()))
        .await
        .expect("query")
        .expect("row");
    row.try_get::<i64>("", "n").expect("n")
}

#[tokio::test]
async fn the_builder_names_every_bad_field_at_once_and_refuses_a_condition_on_a_later_question() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let grid = {
        let me = ok(app.get("/api/v1/me", &app.login_as("grid").await).await).await;
        me["area"]["id"].as_i64().expect("grid")
    };
    let now = chrono::Utc::now();
    let body = json!({ "area_id": grid, "title": "问卷", "audience": "all_residents", "opens_at": now, "closes_at": now - chrono::Duration::days(1),
        "questions": [
            // The schema states what each kind sets; the same option twice (once with a space) only the builder sees.
            { "text": "单选", "kind": "single_choice", "options": ["甲", "甲 "] },
            { "text": "后面的条件", "kind": "scale", "condition": { "question": 2, "options": [0] } },
            { "text": "多选", "kind": "multiple_choice", "options": ["甲", "乙"], "max_picks": 3 }
        ] });
    let p = problem(app.post("/api/v1/surveys", &staff, &body).await, 422).await;
    assert_eq!(
        fields(&p),
        vec!["/area_id", "/closes_at", "/questions/0/options/1", "/questions/1/condition/question", "/questions/2/max_picks"]
    );
    assert_eq!(app.count("surveys").await, 0, "nothing written");
}

#[tokio::test]
async fn questions_change_only_in_draft_and_a_survey_without_questions_does_not_open() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let mut empty = draft(community, "all_residents", false, -1);
    empty["questions"] = json!([]);
    let id = ok(app.post("/api/v1/surveys", &staff, &empty).await).await["id"].as_i64().expect("id");
    problem(app.post(&format!("/api/v1/surveys/{id}/actions"), &staff, &json!({ "action": "open" })).await, 409).await;
    let edit = |body: Value| app.request(reqwest::Method::PUT, &format!("/api/v1/surveys/{id}"), &staff).json(&body).send();
    let edited = ok(edit(draft(community, "all_residents", false, -1)).await.expect("PUT")).await;
    assert_eq!(edited["questions"].as_array().map(Vec::len), Some(5));
    ok(app.post(&format!("/api/v1/surveys/{id}/actions"), &staff, &json!({ "action": "open" })).await).await;
    let p = problem(edit(draft(community, "all_residents", false, -1)).await.expect("PUT"), 409).await;
    assert_eq!(p["allowed"], json!(["answer", "close"]));
}

#[tokio::test]
async fn answers_follow_the_conditions_and_name_every_bad_answer() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let id = open_survey(&app, &staff, &draft(community, "all_residents", false, -1)).await;
    let (token, _) = resident(&app, &staff, community, "13700000201", false).await;
    // 是 hides question 1, so answering it is refused; the scale is out of range; 4 picks too many.
    let hidden = json!([{ "question": 0, "choices": [0] }, { "question": 1, "text": "太远" }, { "question": 2, "value": 9 },
        { "question": 3, "choices": [0, 1, 2] }]);
    let p = problem(respond(&app, &token, id, hidden).await, 422).await;
    assert_eq!(fields(&p), vec!["/answers/2/value", "/answers/3/choices", "/answers/1"]);
    // 否 shows question 1, which is required.
    let p = problem(respond(&app, &token, id, json!([{ "question": 0, "choices": [1] }, { "question": 2, "value": 3 }])).await, 422).await;
    assert_eq!(fields(&p), vec!["/answers"]);
    assert_eq!(app.count("survey_responses").await, 0, "nothing written");
    ok(respond(
        &app,
        &token,
        id,
        json!([{ "question": 0, "choices": [1] }, { "question": 1, "text": "太远" }, { "question": 2, "value": 3 }]),
    )
    .await)
    .await;
}

#[tokio::test]
async fn a_resident_answers_once_and_of_two_racing_answers_exactly_one_is_kept() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let id = open_survey(&app, &staff, &draft(community, "all_residents", false, -1)).await;
    let answers = json!([{ "question": 0, "choices": [0] }, { "question": 2, "value": 4 }]);
    let (first, _) = resident(&app, &staff, community, "13700000211", false).await;
    ok(respond(&app, &first, id, answers.clone()).await).await;
    problem(respond(&app, &first, id, answers.clone()).await, 409).await;

    let (racer, racer_id) = resident(&app, &staff, community, "13700000212", false).await;
    let (a, b) = tokio::join!(respond(&app, &racer, id, answers.clone()), respond(&app, &racer, id, answers.clone()));
    let mut statuses = vec![a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, vec![201, 409]);
    let kept =
        scalar(&app, &format!("SELECT COUNT(*) AS n FROM survey_participants WHERE survey_id = {id} AND resident_id = {racer_id}")).await;
    assert_eq!(kept, 1);
    assert_eq!(scalar(&app, &format!("SELECT response_count AS n FROM surveys WHERE id = {id}")).await, 2);
}

#[tokio::test]
async fn outside_the_window_an_answer_is_refused_with_the_window() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let id = open_survey(&app, &staff, &draft(community, "all_residents", false, 3)).await;
    let (token, _) = resident(&app, &staff, community, "13700000221", false).await;
    let p = problem(respond(&app, &token, id, json!([{ "question": 0, "choices": [0] }, { "question": 2, "value": 4 }])).await, 409).await;
    let opens: chrono::DateTime<chrono::Utc> = serde_json::from_value(p["window"]["opens_at"].clone()).expect("opens_at");
    assert!(opens > chrono::Utc::now(), "the window is in the problem: {p}");
    assert!(p["window"]["closes_at"].is_string());
}

#[tokio::test]
async fn residents_outside_the_target_or_the_audience_are_refused() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let far_staff = app.login_as("community2").await;
    let far_community = ok(app.get("/api/v1/me", &far_staff).await).await["area"]["id"].as_i64().expect("far");
    let id = open_survey(&app, &staff, &draft(community, "verified_residents", false, -1)).await;
    let answers = json!([{ "question": 0, "choices": [0] }, { "question": 2, "value": 4 }]);
    let (elsewhere, _) = resident(&app, &far_staff, far_community, "13700000231", true).await;
    problem(respond(&app, &elsewhere, id, answers.clone()).await, 403).await;
    let (unverified, _) = resident(&app, &staff, community, "13700000232", false).await;
    problem(respond(&app, &unverified, id, answers.clone()).await, 403).await;
    let (verified, _) = resident(&app, &staff, community, "13700000233", true).await;
    ok(respond(&app, &verified, id, answers).await).await;
}

#[tokio::test]
async fn staff_enter_paper_questionnaires_for_a_resident_or_anonymously() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let staff_id = app.user_id("community").await;
    let community = app.area_id("缤纷社区").await;
    let id = open_survey(&app, &staff, &draft(community, "all_residents", false, -1)).await;
    let answers = json!([{ "question": 0, "choices": [0] }, { "question": 2, "value": 4 }]);
    let (token, resident_id) = resident(&app, &staff, community, "13700000241", false).await;
    let grid = app.login_as("grid").await;
    let receipt = ok(app
        .post(&format!("/api/v1/surveys/{id}/paper-responses"), &grid, &json!({ "resident_id": resident_id, "answers": answers }))
        .await)
    .await;
    assert_eq!(receipt["paper"], true);
    // Entered on their behalf: the resident has answered.
    problem(respond(&app, &token, id, answers.clone()).await, 409).await;
    ok(app.post(&format!("/api/v1/surveys/{id}/paper-responses"), &staff, &json!({ "answers": answers })).await).await;
    let grid_id = app.user_id("grid").await;
    let sql = format!(
        "SELECT COUNT(*) AS n FROM survey_responses WHERE survey_id = {id} AND paper = TRUE AND entered_by IN ({grid_id}, {staff_id})"
    );
    assert_eq!(scalar(&app, &sql).await, 2);
    let named = format!("SELECT COUNT(*) AS n FROM survey_responses WHERE survey_id = {id} AND resident_id = {resident_id}");
    assert_eq!(scalar(&app, &named).await, 1);
}

#[tokio::test]
async fn anonymous_answers_are_stored_without_a_resident_while_participation_is_kept_apart() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let id = open_survey(&app, &staff, &draft(community, "all_residents", true, -1)).await;
    let (token, resident_id) = resident(&app, &staff, community, "13700000251", false).await;
    ok(respond(&app, &token, id, json!([{ "question": 0, "choices": [0] }, { "question": 2, "value": 4 }])).await).await;
    let with_id = format!("SELECT COUNT(*) AS n FROM survey_responses WHERE survey_id = {id} AND resident_id IS NOT NULL");
    assert_eq!(scalar(&app, &with_id).await, 0);
    let took_part = format!("SELECT COUNT(*) AS n FROM survey_participants WHERE survey_id = {id} AND resident_id = {resident_id}");
    assert_eq!(scalar(&app, &took_part).await, 1);
    problem(respond(&app, &token, id, json!([{ "question": 0, "choices": [0] }, { "question": 2, "value": 4 }])).await, 409).await;
}

#[tokio::test]
async fn results_from_the_kept_aggregates_equal_the_hand_counted_values_and_export_as_excel() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let id = open_survey(&app, &staff, &draft(community, "all_residents", true, -1)).await;
    let (a, _) = resident(&app, &staff, community, "13700000261", false).await;
    let (b, _) = resident(&app, &staff, community, "13700000262", false).await;
    ok(respond(
        &app,
        &a,
        id,
        json!([{ "question": 0, "choices": [0] }, { "question": 2, "value": 5 }, { "question": 3, "choices": [0, 1] }]),
    )
    .await)
    .await;
    ok(respond(&app, &b, id, json!([{ "question": 0, "choices": [1] }, { "question": 1, "text": "太吵" }, { "question": 2, "value": 3 }, { "question": 3, "choices": [1] }])).await).await;
    let paper = json!({ "answers": [{ "question": 0, "choices": [0] }, { "question": 2, "value": 4 }, { "question": 4, "value": 7 }] });
    ok(app.post(&format!("/api/v1/surveys/{id}/paper-responses"), &staff, &paper).await).await;

    // Hand-counted: 3 responses; 是 2 (66.7 %) 否 1 (33.3 %); scale 5, 3, 4 → 4.0; 上午 1 of 2
    // (50 %), 下午 2 of 2 (100 %), 夜间 0; number 7 → 7.0; all from 缤纷社区.
    let r = ok(app.get(&format!("/api/v1/surveys/{id}/results"), &staff).await).await;
    assert_eq!(r["responses"], 3);
    let q = &r["questions"];
    let counts = |i: usize| {
        q[i]["options"].as_array().expect("options").iter().map(|o| (o["count"].as_i64(), o["share_pct"].as_f64())).collect::<Vec<_>>()
    };
    assert_eq!(counts(0), vec![(Some(2), Some(66.7)), (Some(1), Some(33.3))]);
    assert_eq!(q[2]["mean"], 4.0);
    assert_eq!(q[3]["answered"], 2);
    assert_eq!(counts(3), vec![(Some(1), Some(50.0)), (Some(2), Some(100.0)), (Some(0), Some(0.0))]);
    assert_eq!(q[4]["mean"], 7.0);
    assert_eq!(r["communities"][0]["community_id"], community);
    assert_eq!(r["communities"][0]["responses"], 3);
    assert_eq!(r["communities"][0]["breakdown"], false, "three responses are too few to be shown on their own");
    assert!(r["community"].is_null());
    let p = problem(app.get(&format!("/api/v1/surveys/{id}/results?community_id={community}"), &staff).await, 422).await;
    assert_eq!(fields(&p), ["community_id"], "a query parameter is named as such");

    let texts = ok(app.get(&format!("/api/v1/surveys/{id}/text-answers?question=1&limit=1"), &staff).await).await;
    assert_eq!(texts["items"][0]["text"], "太吵");
    assert!(texts["items"][0].get("resident_id").is_none());

    for path in ["responses.xlsx", "results.xlsx"] {
        let res = app.get(&format!("/api/v1/surveys/{id}/{path}"), &staff).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers()["content-type"].to_str().unwrap_or_default().contains("spreadsheetml"));
        let bytes = res.bytes().await.expect("bytes");
        assert_eq!(&bytes[..2], b"PK", "{path} is a workbook");
    }
    // Residents read no results.
    problem(app.get(&format!("/api/v1/surveys/{id}/results"), &a).await, 403).await;
}

#[tokio::test]
async fn the_participation_kpi_counts_each_resident_who_took_part_once() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let year = chrono::Datelike::year(&chrono::Utc::now());
    let kpi = |period: String| {
        let path = format!("/api/v1/kpis/participation?area={community}&period={period}");
        let (app, staff) = (&app, staff.clone());
        async move { app.get(&path, &staff).await }
    };
    let before = ok(kpi(year.to_string()).await).await;
    let residents_before = before["residents"].as_i64().expect("residents");
    assert_eq!(before["participants"], 0);

    // Fixture: four new residents; A answers a survey, co-signs a topic and signs in at its
    // meeting (counted once), B answers, D is named on the meeting's sign-in sheet without voting,
    // C does nothing → 3 participants, residents + 4.
    let id = open_survey(&app, &staff, &draft(community, "all_residents", false, -1)).await;
    let answers = json!([{ "question": 0, "choices": [0] }, { "question": 2, "value": 4 }]);
    let (a, a_id) = resident(&app, &staff, community, "13700000271", true).await;
    let (b, _) = resident(&app, &staff, community, "13700000272", true).await;
    resident(&app, &staff, community, "13700000273", true).await;
    let (_, d_id) = resident(&app, &staff, community, "13700000274", true).await;
    ok(respond(&app, &a, id, answers.clone()).await).await;
    ok(respond(&app, &b, id, answers).await).await;
    let topic = crate::consultation::filed_topic(&app, &staff, &a, community).await;
    let sheet = json!([{ "resident_id": a_id, "voted": true }, { "resident_id": d_id }]);
    crate::consultation::decide_with_sheet(&app, &staff, topic, chrono::Utc::now(), sheet).await;

    let after = ok(kpi(year.to_string()).await).await;
    assert_eq!(after["participants"], 3);
    assert_eq!(after["residents"], residents_before + 4);
    let expected = (3.0 * 1000.0 / (residents_before + 4) as f64).round() / 10.0;
    assert_eq!(after["percent"].as_f64(), Some(expected));
    assert_eq!(ok(kpi("2020".into()).await).await["participants"], 0, "another period");
}

#[tokio::test]
async fn a_closed_survey_takes_no_more_answers_and_keeps_its_results() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let id = open_survey(&app, &staff, &draft(community, "all_residents", false, -1)).await;
    let answers = json!([{ "question": 0, "choices": [0] }, { "question": 2, "value": 4 }]);
    let (a, _) = resident(&app, &staff, community, "13700000281", false).await;
    ok(respond(&app, &a, id, answers.clone()).await).await;
    let closed = ok(app.post(&format!("/api/v1/surveys/{id}/actions"), &staff, &json!({ "action": "close" })).await).await;
    assert_eq!(closed["status"], "closed");
    let (b, _) = resident(&app, &staff, community, "13700000282", false).await;
    problem(respond(&app, &b, id, answers).await, 409).await;
    let r = ok(app.get(&format!("/api/v1/surveys/{id}/results"), &staff).await).await;
    assert_eq!((r["status"].as_str(), r["responses"].as_i64()), (Some("closed"), Some(1)));
}

#[tokio::test]
async fn a_community_s_answers_are_broken_down_from_five_responses_on() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let id = open_survey(&app, &staff, &draft(community, "all_residents", true, -1)).await;
    // Five paper questionnaires: 是 ×3, 否 ×2; scale 1..=5 → mean 3.0.
    for (n, choice) in [0, 1, 0, 1, 0].into_iter().enumerate() {
        let mut answers = vec![json!({ "question": 0, "choices": [choice] }), json!({ "question": 2, "value": n + 1 })];
        if choice == 1 {
            // 否 asks why (question 1, required when shown).
            answers.push(json!({ "question": 1, "text": "太吵" }));
        }
        let paper = json!({ "answers": answers });
        ok(app.post(&format!("/api/v1/surveys/{id}/paper-responses"), &staff, &paper).await).await;
    }
    let r = ok(app.get(&format!("/api/v1/surveys/{id}/results"), &staff).await).await;
    assert_eq!(r["communities"][0]["breakdown"], true);
    assert!(r["community"].is_null(), "a breakdown only when asked for");
    let r = ok(app.get(&format!("/api/v1/surveys/{id}/results?community_id={community}"), &staff).await).await;
    let c = &r["community"];
    assert_eq!(c["community_id"], community);
    assert_eq!(c["responses"], 5);
    assert_eq!(c["questions"][0]["options"][0]["count"], 3);
    assert_eq!(c["questions"][0]["options"][1]["count"], 2);
    assert_eq!(c["questions"][2]["mean"], 3.0);
    assert_eq!(c["questions"], r["questions"], "one community's answers are the whole target's here");
    let elsewhere = app.area_id("临汾路380弄社区").await;
    problem(app.get(&format!("/api/v1/surveys/{id}/results?community_id={elsewhere}"), &staff).await, 422).await;
}

#[tokio::test]
async fn paper_questionnaires_entered_at_once_are_all_counted_for_the_whole_target_and_the_community() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let id = open_survey(&app, &staff, &draft(community, "all_residents", true, -1)).await;
    // Twelve at once, adding to the same kept rows: 是 for even k, 否 (with its reason) for odd;
    // scale k % 5 + 1; 上午 always, and 夜间 (picked first) for every third.
    let entering: Vec<_> = (0..12)
        .map(|k| {
            let mut answers = vec![json!({ "question": 0, "choices": [k % 2] })];
            if k % 2 == 1 {
                answers.push(json!({ "question": 1, "text": "太吵" }));
            }
            answers.push(json!({ "question": 2, "value": k % 5 + 1 }));
            answers.push(json!({ "question": 3, "choices": if k % 3 == 0 { json!([2, 0]) } else { json!([0]) } }));
            let path = format!("/api/v1/surveys/{id}/paper-responses");
            tokio::spawn(app.request(reqwest::Method::POST, &path, &staff).json(&json!({ "answers": answers })).send())
        })
        .collect();
    for e in entering {
        assert_eq!(e.await.expect("task").expect("POST").status(), StatusCode::CREATED);
    }

    // Hand-counted: 是 6 否 6; scale 1 2 3 4 5 1 2 3 4 5 1 2 → 33 / 12 = 2.75; 上午 12, 下午 0, 夜间 4.
    let r = ok(app.get(&format!("/api/v1/surveys/{id}/results"), &staff).await).await;
    assert_eq!(r["responses"], 12);
    let q = &r["questions"];
    let counts = |i: usize| q[i]["options"].as_array().expect("options").iter().map(|o| o["count"].as_i64()).collect::<Vec<_>>();
    assert_eq!(counts(0), vec![Some(6), Some(6)]);
    assert_eq!(q[2]["mean"], 2.75);
    assert_eq!(q[3]["answered"], 12);
    assert_eq!(counts(3), vec![Some(12), Some(0), Some(4)]);
    let one = ok(app.get(&format!("/api/v1/surveys/{id}/results?community_id={community}"), &staff).await).await;
    assert_eq!(one["community"]["questions"], r["questions"], "the whole target's rows and the community's agree");
}
