//! The lists staff work as tables: totals over every page, a keyword (`#id`, words, phone digits for
//! those who handle personal data), date ranges in China days, and exports of exactly what is filtered.

use chrono::{DateTime, Duration, Utc};
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{TestApp, fields, problem, spawn_app};
use crate::needs::submit_as_resident;

async fn json_of(app: &TestApp, path: &str, token: &str) -> Value {
    let res = app.get(path, token).await;
    assert_eq!(res.status(), 200, "{path}");
    res.json().await.expect("json")
}

fn ids(page: &Value) -> Vec<i64> {
    page["items"].as_array().expect("items").iter().filter_map(|n| n["id"].as_i64()).collect()
}

/// Every id of a list, walking its cursors.
async fn walk(app: &TestApp, path: &str, token: &str) -> (Vec<i64>, u64) {
    let sep = if path.contains('?') { '&' } else { '?' };
    let mut page = json_of(app, &format!("{path}{sep}limit=7"), token).await;
    let total = page["total"].as_u64().expect("total");
    let mut all = ids(&page);
    while let Some(cursor) = page["next_cursor"].as_str().map(str::to_owned) {
        page = json_of(app, &format!("{path}{sep}limit=7&cursor={cursor}"), token).await;
        assert!(page["total"].is_null(), "later pages are not counted: {}", page["total"]);
        all.extend(ids(&page));
    }
    (all, total)
}

async fn csv(app: &TestApp, path: &str, token: &str, lang: &str) -> Vec<String> {
    let res = app.request(Method::GET, path, token).header("Accept-Language", lang).send().await.expect("export");
    assert_eq!(res.status(), 200, "{path}");
    assert!(res.headers()["content-type"].to_str().unwrap_or_default().starts_with("text/csv"));
    let text = res.text().await.expect("text");
    text.trim_start_matches('\u{feff}').lines().map(str::to_owned).collect()
}

/// Needs enough to span pages, every third one urgent.
async fn fill_queue(app: &TestApp) {
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    for i in 0..9 {
        let urgency = if i % 3 == 0 { "urgent" } else { "normal" };
        let body = json!({ "category": "elderly_care", "text": format!("楼道灯不亮 {i}"), "area_id": community, "urgency": urgency,
            "channel": "mini_program", "contact_name": "王小明", "contact_phone": "13812345678" });
        let res = app.post("/api/v1/needs", &resident, &body).await;
        assert_eq!(res.status(), 201);
    }
}

#[tokio::test]
async fn the_queue_counts_every_match_and_its_pages_add_up_to_the_total() {
    let app = spawn_app().await;
    fill_queue(&app).await;
    let staff = app.login_as("community").await;
    let (all, total) = walk(&app, "/api/v1/needs", &staff).await;
    assert!(total > 7, "the demo queue spans pages");
    assert_eq!(all.len() as u64, total);
    let mut unique = all.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "no need twice");
    let urgent = json_of(&app, "/api/v1/needs?urgency=urgent&limit=1", &staff).await;
    assert!(urgent["total"].as_u64().expect("total") < total);
}

#[tokio::test]
async fn a_keyword_finds_by_id_by_words_and_by_phone_only_for_those_who_handle_personal_data() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    let staff = app.login_as("community").await;
    let street = app.login_as("street").await;
    let id = submit_as_resident(&app, &resident, community).await["need"]["id"].as_i64().expect("id");

    let by_id = json_of(&app, &format!("/api/v1/needs?q=%23{id}"), &staff).await;
    assert_eq!(ids(&by_id), [id]);
    assert_eq!(by_id["total"], 1);

    let by_words = json_of(&app, "/api/v1/needs?q=%E5%8A%A9%E6%B5%B4", &staff).await; // 助浴
    assert!(ids(&by_words).contains(&id));
    for need in by_words["items"].as_array().expect("items") {
        assert!(need["text"].as_str().unwrap_or_default().contains("助浴"), "{need}");
    }

    // The contact's phone, 13812345678: community staff find it; the street sees phones masked.
    let staff_found = json_of(&app, "/api/v1/needs?q=12345678", &staff).await;
    assert!(ids(&staff_found).contains(&id));
    let street_found = json_of(&app, "/api/v1/needs?q=12345678", &street).await;
    assert!(!ids(&street_found).contains(&id), "a masked caller cannot find a need by its phone");

    // `%` is a percent sign, not "anything".
    assert_eq!(json_of(&app, "/api/v1/needs?q=%25", &staff).await["total"], 0);
}

#[tokio::test]
async fn a_submission_range_counts_days_in_china_and_a_reversed_range_names_its_end() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let resident = app.login_as("resident").await;
    let staff = app.login_as("community").await;
    let created = submit_as_resident(&app, &resident, community).await;
    let id = created["need"]["id"].as_i64().expect("id");
    let at: DateTime<Utc> = created["need"]["created_at"].as_str().expect("created_at").parse().expect("instant");
    let day = (at + Duration::hours(8)).date_naive();
    let (before, after) = (day.pred_opt().expect("day"), day.succ_opt().expect("day"));

    let on_the_day = json_of(&app, &format!("/api/v1/needs?submitted_from={day}&submitted_to={day}"), &staff).await;
    assert!(ids(&on_the_day).contains(&id));
    let until_yesterday = json_of(&app, &format!("/api/v1/needs?submitted_to={before}"), &staff).await;
    assert!(!ids(&until_yesterday).contains(&id));
    let from_tomorrow = json_of(&app, &format!("/api/v1/needs?submitted_from={after}"), &staff).await;
    assert_eq!(from_tomorrow["total"], 0);

    let refused = problem(app.get(&format!("/api/v1/needs?submitted_from={day}&submitted_to={before}"), &staff).await, 422).await;
    assert_eq!(fields(&refused), ["submitted_to"]);
    let refused =
        problem(app.get(&format!("/api/v1/needs/export?format=csv&submitted_from={day}&submitted_to={before}"), &staff).await, 422).await;
    assert_eq!(fields(&refused), ["submitted_to"]);
}

#[tokio::test]
async fn the_queue_export_holds_exactly_the_filtered_needs_in_the_readers_language() {
    let app = spawn_app().await;
    fill_queue(&app).await;
    let staff = app.login_as("community").await;
    let urgent = json_of(&app, "/api/v1/needs?urgency=urgent&limit=200", &staff).await;
    let total = urgent["total"].as_u64().expect("total");
    assert!(total >= 3, "three urgent needs were submitted");

    let rows = csv(&app, "/api/v1/needs/export?format=csv&urgency=urgent", &staff, "zh-CN").await;
    assert!(rows[0].starts_with("编号,提交时间,状态,类别,紧急程度"), "{}", rows[0]);
    assert_eq!(rows.len() as u64 - 1, total, "one row per filtered need");
    assert!(rows[1..].iter().all(|r| r.contains(",紧急,")), "urgency as its word");

    let rows = csv(&app, "/api/v1/needs/export?format=csv&urgency=urgent", &staff, "en").await;
    assert!(rows[0].starts_with("ID,Submitted,Status,Category,Urgency"), "{}", rows[0]);
    assert!(rows[1..].iter().all(|r| r.contains(",Urgent,")));

    let res = app.get("/api/v1/needs/export?urgency=urgent", &staff).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"].to_str().unwrap_or_default().contains(".xlsx"), "Excel by default");
}

#[tokio::test]
async fn the_audit_trail_filters_by_action_and_day_names_operators_and_exports_what_it_shows() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    let admin = app.login_as("district").await;
    let res = app.patch(&format!("/api/v1/areas/{community}"), &staff, &json!({ "name": "缤纷社区（新）" })).await;
    assert_eq!(res.status(), 200);

    let updates = json_of(&app, "/api/v1/audit?action=update&limit=200", &admin).await;
    let items = updates["items"].as_array().expect("items");
    assert!(!items.is_empty());
    assert!(items.iter().all(|e| e["action"] == "update"));
    assert_eq!(updates["total"].as_u64(), Some(items.len() as u64));
    let mine = items.iter().find(|e| e["entity"] == "area" && e["entity_id"] == community).expect("the rename");
    assert_eq!(mine["actor_username"], "community");
    assert_eq!(mine["actor_name"], "缤纷社区工作者", "the operator by the name staff know");

    let at: DateTime<Utc> = mine["at"].as_str().expect("at").parse().expect("instant");
    let day = (at + Duration::hours(8)).date_naive();
    let today = json_of(&app, &format!("/api/v1/audit?action=update&from={day}&to={day}&limit=200"), &admin).await;
    assert!(ids(&today).contains(&mine["id"].as_i64().expect("id")));
    let later = json_of(&app, &format!("/api/v1/audit?from={}", day.succ_opt().expect("day")), &admin).await;
    assert_eq!(later["total"], 0);
    let refused = problem(app.get(&format!("/api/v1/audit?from={day}&to={}", day.pred_opt().expect("day")), &admin).await, 422).await;
    assert_eq!(fields(&refused), ["to"]);

    let by_object = json_of(&app, &format!("/api/v1/audit?q=%23{community}&entity=area"), &admin).await;
    assert!(by_object["items"].as_array().expect("items").iter().all(|e| e["entity_id"] == community));
    assert!(ids(&by_object).contains(&mine["id"].as_i64().expect("id")));
    let by_account = json_of(&app, "/api/v1/audit?q=communi&action=update", &admin).await;
    for e in by_account["items"].as_array().expect("items") {
        assert!(e["actor_username"].as_str().unwrap_or_default().contains("communi"), "{e}");
    }
    assert!(ids(&by_account).contains(&mine["id"].as_i64().expect("id")));

    let rows = csv(&app, &format!("/api/v1/audit/export?format=csv&action=update&from={day}"), &admin, "zh-CN").await;
    assert_eq!(rows[0], "编号,时间,操作人,账号,操作,对象,对象编号,请求编号");
    assert_eq!(rows.len() as u64 - 1, today["total"].as_u64().expect("total"));
    assert!(rows.iter().any(|r| r.contains(",缤纷社区工作者,community,修改,区域,")), "{rows:?}");
}

#[tokio::test]
async fn the_user_list_counts_and_exports_its_filtered_users() {
    let app = spawn_app().await;
    let admin = app.login_as("district").await;
    let (all, total) = walk(&app, "/api/v1/users?role=community_staff", &admin).await;
    assert!(total >= 1);
    assert_eq!(all.len() as u64, total);
    let rows = csv(&app, "/api/v1/users/export?format=csv&role=community_staff", &admin, "zh-CN").await;
    assert_eq!(rows[0], "编号,用户名,姓名,角色,所属区域,启用,创建时间");
    assert_eq!(rows.len() as u64 - 1, total);
    assert!(rows[1..].iter().all(|r| r.contains(",社区工作者,")), "roles as words");
    assert_eq!(json_of(&app, "/api/v1/users?q=_", &admin).await["total"], 0, "`_` is an underscore, not any character");
}

#[tokio::test]
async fn resource_and_program_lists_count_their_matches_and_find_by_id() {
    let app = spawn_app().await;
    let staff = app.login_as("community").await;
    for list in ["providers", "service-people", "services", "service-spaces", "programs"] {
        let (all, total) = walk(&app, &format!("/api/v1/{list}"), &staff).await;
        assert_eq!(all.len() as u64, total, "{list}");
        let Some(first) = all.first() else { continue };
        let found = json_of(&app, &format!("/api/v1/{list}?q=%23{first}"), &staff).await;
        assert_eq!(ids(&found), [*first], "{list}");
    }
}
