//! Surveys aimed at target groups (目标群体) and results broken down by group: a survey naming
//! groups is answered (and listed) only for residents recorded in one of them, online or on paper;
//! each respondent counts once in each of their groups, those in none under `null`; a group's answers
//! show from five responses on; the results workbook has a sheet per group.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, fields, problem, spawn_app};
use crate::surveys::{draft, ok, open_survey, resident, respond};

/// Records `groups` on resident `id`, as `staff`.
async fn set_groups(app: &TestApp, staff: &str, id: i64, groups: Value) {
    let path = format!("/api/v1/residents/{id}/target-groups");
    ok(app.request(reqwest::Method::PUT, &path, staff).json(&json!({ "target_groups": groups })).send().await.expect("PUT")).await;
}

fn ids(page: &Value) -> Vec<i64> {
    page["items"].as_array().expect("items").iter().filter_map(|s| s["id"].as_i64()).collect()
}

/// Every sheet of a workbook, by name, as rows of text.
fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("a workbook");
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet");
            let rows =
                range.rows().map(|r| r.iter().map(|c| if let Data::String(s) = c { s.clone() } else { c.to_string() }).collect()).collect();
            (name, rows)
        })
        .collect()
}

#[tokio::test]
async fn a_survey_names_each_target_group_once_keeps_them_in_draft_and_a_template_asks_everyone() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let mut body = draft(community, "all_residents", false, -1);
    body["target_groups"] = json!(["low_income", "elderly", "low_income"]);
    let p = problem(app.post("/api/v1/surveys", &staff, &body).await, 422).await;
    assert_eq!(fields(&p), ["/target_groups/2"]);
    assert_eq!(app.count("surveys").await, 0, "nothing written");

    body["target_groups"] = json!(["low_income", "elderly"]);
    let created = ok(app.post("/api/v1/surveys", &staff, &body).await).await;
    assert_eq!(created["target_groups"], json!(["elderly", "low_income"]));
    let id = created["id"].as_i64().expect("id");
    body["target_groups"] = json!(["disabled"]);
    let path = format!("/api/v1/surveys/{id}");
    let edited = ok(app.request(reqwest::Method::PUT, &path, &staff).json(&body).send().await.expect("PUT")).await;
    assert_eq!(edited["target_groups"], json!(["disabled"]));
    assert_eq!(ok(app.get(&path, &staff).await).await["target_groups"], json!(["disabled"]));
    assert_eq!(app.count(&format!("survey_target_groups WHERE survey_id = {id}")).await, 1);

    let window = crate::surveys::window_body(community);
    let from_template = ok(app.post("/api/v1/survey-templates/annual_satisfaction/surveys", &staff, &window).await).await;
    assert_eq!(from_template["target_groups"], json!([]));
}

#[tokio::test]
async fn only_residents_in_one_of_the_surveys_groups_are_offered_it_and_may_answer_it() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let mut body = draft(community, "all_residents", false, -1);
    body["target_groups"] = json!(["elderly", "disabled"]);
    let id = open_survey(&app, &staff, &body).await;
    let answers = json!([{ "question": 0, "choices": [0] }, { "question": 2, "value": 4 }]);

    let (outside, outside_id) = resident(&app, &staff, community, "13700000501", true).await;
    set_groups(&app, &staff, outside_id, json!(["low_income"])).await;
    let (ungrouped, _) = resident(&app, &staff, community, "13700000502", true).await;
    let (inside, inside_id) = resident(&app, &staff, community, "13700000503", false).await;
    set_groups(&app, &staff, inside_id, json!(["low_income", "disabled"])).await;

    for token in [&outside, &ungrouped] {
        assert!(!ids(&ok(app.get("/api/v1/surveys?status=open", token).await).await).contains(&id), "not offered");
        let p = problem(respond(&app, token, id, answers.clone()).await, 403).await;
        assert!(p["detail"].as_str().unwrap_or_default().contains("target groups"), "{p}");
    }
    assert!(ids(&ok(app.get("/api/v1/surveys?status=open", &inside).await).await).contains(&id));
    assert_eq!(respond(&app, &inside, id, answers.clone()).await.status(), StatusCode::CREATED);

    // On paper the same rule holds for a named resident; an anonymous questionnaire names no one.
    let paper = format!("/api/v1/surveys/{id}/paper-responses");
    let p = problem(app.post(&paper, &staff, &json!({ "resident_id": outside_id, "answers": answers })).await, 422).await;
    assert_eq!(fields(&p), ["/resident_id"]);
    ok(app.post(&paper, &staff, &json!({ "answers": answers })).await).await;
    assert_eq!(ok(app.get(&format!("/api/v1/surveys/{id}/results"), &staff).await).await["responses"], 2);
}

#[tokio::test]
async fn results_count_each_respondent_once_in_each_of_their_groups_and_export_a_sheet_per_group() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    let community = app.area_id("缤纷社区").await;
    let id = open_survey(&app, &staff, &draft(community, "all_residents", true, -1)).await;

    // One in 低保, one in 残疾人, one in none: a response each, too few to show their answers.
    let (a, a_id) = resident(&app, &staff, community, "13700000511", false).await;
    set_groups(&app, &staff, a_id, json!(["low_income"])).await;
    let (b, b_id) = resident(&app, &staff, community, "13700000512", false).await;
    set_groups(&app, &staff, b_id, json!(["disabled"])).await;
    let (c, _) = resident(&app, &staff, community, "13700000513", false).await;
    for token in [&a, &b, &c] {
        ok(respond(&app, token, id, json!([{ "question": 0, "choices": [0] }, { "question": 2, "value": 2 }])).await).await;
    }
    // Five 老年人 on paper, two of them also 低保 (which then has three): 是 ×3 否 ×2; scale 1..=5.
    for k in 0..5_i64 {
        let (_, rid) = resident(&app, &staff, community, &format!("1370000052{k}"), false).await;
        set_groups(&app, &staff, rid, if k < 2 { json!(["elderly", "low_income"]) } else { json!(["elderly"]) }).await;
        let mut answers = vec![json!({ "question": 0, "choices": [k % 2] }), json!({ "question": 2, "value": k + 1 })];
        if k % 2 == 1 {
            answers.push(json!({ "question": 1, "text": "太远" }));
        }
        let paper = json!({ "resident_id": rid, "answers": answers });
        ok(app.post(&format!("/api/v1/surveys/{id}/paper-responses"), &staff, &paper).await).await;
    }

    let r = ok(app.get(&format!("/api/v1/surveys/{id}/results"), &staff).await).await;
    assert_eq!(r["responses"], 8);
    let groups: Vec<(Value, i64, bool)> = r["by_target_group"]
        .as_array()
        .expect("by_target_group")
        .iter()
        .map(|g| (g["target_group"].clone(), g["responses"].as_i64().expect("responses"), g["breakdown"].as_bool().expect("breakdown")))
        .collect();
    assert_eq!(
        groups,
        vec![(json!("elderly"), 5, true), (json!("disabled"), 1, false), (json!("low_income"), 3, false), (Value::Null, 1, false)]
    );
    let elderly = &r["by_target_group"][0]["questions"];
    assert_eq!(elderly[0]["options"][0]["count"], 3);
    assert_eq!(elderly[0]["options"][1]["count"], 2);
    assert_eq!(elderly[0]["options"][0]["share_pct"], 60.0);
    assert_eq!(elderly[2]["mean"], 3.0);
    assert_eq!(r["by_target_group"][1]["questions"], json!([]), "too few to be shown on their own");

    let res = app.get(&format!("/api/v1/surveys/{id}/results.xlsx"), &staff).await;
    assert_eq!(res.status(), StatusCode::OK);
    let book = sheets(&res.bytes().await.expect("bytes"));
    let (_, rows) = book.iter().find(|(name, _)| name == "分目标群体结果").expect("a sheet per target group");
    let scopes: Vec<&str> = rows.iter().skip(1).map(|r| r[0].as_str()).collect();
    assert!(scopes.contains(&"老年人（5 份）"), "{scopes:?}");
    assert!(scopes.contains(&"未登记群体（1 份）"), "labels, not codes: {scopes:?}");
    assert!(rows.iter().any(|r| r[0] == "低保对象（3 份）" && r[2].contains("不足")), "{rows:?}");
    assert!(rows.iter().any(|r| r[0] == "老年人（5 份）" && r[5] == "是" && r[6] == "3"), "{rows:?}");
    // In English the sheet names, headers and group labels are English too.
    let res = app
        .request(reqwest::Method::GET, &format!("/api/v1/surveys/{id}/results.xlsx"), &staff)
        .header("Accept-Language", "en")
        .send()
        .await
        .expect("GET");
    let book = sheets(&res.bytes().await.expect("bytes"));
    let (_, rows) = book.iter().find(|(name, _)| name == "By target group").expect("English sheet names");
    assert_eq!(rows[0][0], "Scope");
    assert!(rows.iter().any(|r| r[0] == "Elderly (5 responses)"), "{rows:?}");
}
