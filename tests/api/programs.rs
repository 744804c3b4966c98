//! Co-building programs: catalogue, lifecycle and own-approval, plan and fulfilment, scoping,
//! public disclosure without personal data, roll-up on a fixed data set.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, fields, problem, spawn_app};

async fn item_id(app: &TestApp, token: &str, name: &str) -> i64 {
    let entries: Value = app.get("/api/v1/catalogue", token).await.json().await.expect("json");
    entries
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["name_zh"] == name)
        .and_then(|e| e["id"].as_i64())
        .unwrap_or_else(|| panic!("no catalogue entry {name}"))
}

async fn draft(app: &TestApp, token: &str, area: i64, title: &str) -> Value {
    let elderly = item_id(app, token, "养老服务空间").await;
    let body = json!({ "area_id": area, "title": title, "description": "为80岁以上老人提供助餐", "lead_org": "缤纷社区党委",
        "start_date": "2026-01-01", "end_date": "2026-12-31", "budget_fen": 50_000_000, "catalogue_item_ids": [elderly], "public": true });
    let res = app.post("/api/v1/programs", token, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.expect("json")
}

async fn act(app: &TestApp, token: &str, id: i64, body: Value) -> reqwest::Response {
    app.post(&format!("/api/v1/programs/{id}/actions"), token, &body).await
}

async fn ok(res: reqwest::Response) -> Value {
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.expect("json")
}

#[tokio::test]
async fn the_2025_catalogue_is_loaded_and_only_platform_admins_edit_it() {
    let app = spawn_app().await;
    let street = app.login_as("street").await;
    let entries: Value = app.get("/api/v1/catalogue?year=2025", &street).await.json().await.expect("json");
    let entries = entries.as_array().expect("entries");
    let count = |level: &str| entries.iter().filter(|e| e["level"] == level).count();
    assert_eq!((count("direction"), count("section"), count("item")), (3, 9, 34));
    let id = item_id(&app, &street, "社区主理人培养计划").await;
    problem(app.patch(&format!("/api/v1/catalogue/{id}"), &street, &json!({ "name_en": "x" })).await, 403).await;
    let admin = app.login_as("admin").await;
    let edited = ok(app.patch(&format!("/api/v1/catalogue/{id}"), &admin, &json!({ "name_en": "Community host training" })).await).await;
    assert_eq!(edited["name_en"], "Community host training");
}

#[tokio::test]
async fn a_program_goes_from_draft_to_evaluated_and_nobody_approves_their_own() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    let id = draft(&app, &staff, community, "高龄老人助餐").await["program"]["id"].as_i64().expect("id");
    let submitted = ok(act(&app, &staff, id, json!({ "action": "submit" })).await).await;
    assert_eq!(submitted["program"]["status"], "submitted");
    let refused = problem(act(&app, &staff, id, json!({ "action": "approve" })).await, 409).await;
    assert_eq!(refused["allowed"], json!(["withdraw"]));
    let street = app.login_as("street").await;
    ok(act(&app, &street, id, json!({ "action": "approve" })).await).await;
    ok(act(&app, &staff, id, json!({ "action": "start" })).await).await;
    ok(act(&app, &staff, id, json!({ "action": "complete" })).await).await;
    let body = problem(act(&app, &street, id, json!({ "action": "evaluate" })).await, 422).await;
    assert_eq!(fields(&body), ["/evaluation"]);
    let done = ok(act(
        &app,
        &street,
        id,
        json!({ "action": "evaluate", "evaluation": { "score": 92, "evaluator_type": "residents", "comments": "居民满意" } }),
    )
    .await)
    .await;
    assert_eq!(done["program"]["status"], "evaluated");
    assert_eq!(done["evaluation"]["score"], 92);
    assert_eq!(done["editable"], false);
}

#[tokio::test]
async fn street_staff_cannot_approve_a_program_they_submitted() {
    let app = spawn_app().await;
    let street_area = app.area_id("西兴街道").await;
    let street = app.login_as("street").await;
    let id = draft(&app, &street, street_area, "街道共建活动").await["program"]["id"].as_i64().expect("id");
    ok(act(&app, &street, id, json!({ "action": "submit" })).await).await;
    problem(act(&app, &street, id, json!({ "action": "approve" })).await, 409).await;
    let district = app.login_as("district").await;
    ok(act(&app, &district, id, json!({ "action": "approve" })).await).await;
}

#[tokio::test]
async fn pledges_fill_up_with_deliveries_per_kind() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (staff, street) = (app.login_as("community").await, app.login_as("street").await);
    let id = draft(&app, &staff, community, "电梯加装").await["program"]["id"].as_i64().expect("id");
    let with_partner = ok(app.post(&format!("/api/v1/programs/{id}/partners"), &staff, &json!({ "name": "杭州某电梯公司", "kind": "enterprise", "role": "出资方", "contact_name": "陈经理", "contact_phone": "13700001111" })).await).await;
    let partner = with_partner["partners"][0]["id"].as_i64().expect("partner");
    let bad = problem(
        app.post(
            &format!("/api/v1/programs/{id}/pledges"),
            &staff,
            &json!({ "partner_id": partner, "kind": "talent", "description": "工程师", "pledged": { "amount_fen": 5 } }),
        )
        .await,
        422,
    )
    .await;
    let mut f = fields(&bad);
    f.sort();
    assert_eq!(f, ["/pledged/amount_fen", "/pledged/people", "/pledged/person_days"]);
    let pledged = ok(app
        .post(
            &format!("/api/v1/programs/{id}/pledges"),
            &staff,
            // `1000000.0` is an integer to JSON Schema, so the server takes it as one, nullable field or not.
            &json!({ "partner_id": partner, "kind": "funds", "description": "加装电梯资金", "pledged": { "amount_fen": 1_000_000.0 } }),
        )
        .await)
    .await;
    let pledge = pledged["pledges"][0]["id"].as_i64().expect("pledge");
    // Deliveries come once the program is approved.
    problem(
        app.post(
            &format!("/api/v1/programs/{id}/pledges/{pledge}/deliveries"),
            &staff,
            &json!({ "delivered_on": "2026-03-01", "delivered": { "amount_fen": 250_000 } }),
        )
        .await,
        409,
    )
    .await;
    ok(act(&app, &staff, id, json!({ "action": "submit" })).await).await;
    ok(act(&app, &street, id, json!({ "action": "approve" })).await).await;
    let delivered = ok(app
        .post(
            &format!("/api/v1/programs/{id}/pledges/{pledge}/deliveries"),
            &staff,
            &json!({ "delivered_on": "2026-03-01", "delivered": { "amount_fen": 250_000 }, "note": "首期到账" }),
        )
        .await)
    .await;
    assert_eq!(delivered["pledges"][0]["fulfilment"], 0.25);
    let spent = ok(app
        .post(
            &format!("/api/v1/programs/{id}/spends"),
            &staff,
            &json!({ "spent_on": "2026-03-02", "amount_fen": 120_000, "purpose": "设计费" }),
        )
        .await)
    .await;
    assert_eq!(spent["program"]["spent_fen"], 120_000);
}

#[tokio::test]
async fn milestones_give_weighted_progress_and_flag_overdue() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    let owner = app.user_id("community").await;
    let id = draft(&app, &staff, community, "助餐点建设").await["program"]["id"].as_i64().expect("id");
    ok(app
        .post(
            &format!("/api/v1/programs/{id}/milestones"),
            &staff,
            &json!({ "title": "选址", "owner_id": owner, "due_on": "2026-01-15", "weight": 30 }),
        )
        .await)
    .await;
    let with_two = ok(app
        .post(
            &format!("/api/v1/programs/{id}/milestones"),
            &staff,
            &json!({ "title": "开业", "owner_id": owner, "due_on": "2099-06-01", "weight": 70 }),
        )
        .await)
    .await;
    assert_eq!(with_two["program"]["overdue_milestones"], 1);
    let first = with_two["milestones"][0]["id"].as_i64().expect("milestone");
    let done = ok(app.patch(&format!("/api/v1/programs/{id}/milestones/{first}"), &staff, &json!({ "status": "done" })).await).await;
    assert_eq!(done["program"]["progress"], 0.3);
    assert_eq!(done["program"]["overdue_milestones"], 0);
    let page: Value = app.get("/api/v1/programs?overdue=false", &staff).await.json().await.expect("json");
    assert_eq!(page["items"][0]["id"], id);
}

#[tokio::test]
async fn other_streets_and_residents_cannot_read_programs() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    let id = draft(&app, &staff, community, "社区书吧").await["program"]["id"].as_i64().expect("id");
    let admin = app.login_as("admin").await;
    let elsewhere = app.area_id("临汾路380弄社区").await;
    app.post("/api/v1/users", &admin, &json!({ "username": "sh.street", "display_name": "临汾路街道", "role": "community_staff", "area_id": elsewhere, "password": "long-enough-pw" })).await;
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "username": "sh.street", "password": "long-enough-pw" }))
        .send()
        .await
        .expect("login");
    let other = res.json::<Value>().await.expect("json")["access_token"].as_str().expect("token").to_owned();
    problem(app.get(&format!("/api/v1/programs/{id}"), &other).await, 404).await;
    problem(app.patch(&format!("/api/v1/programs/{id}"), &other, &json!({ "title": "x" })).await, 404).await;
    problem(app.get("/api/v1/programs", &app.login_as("resident").await).await, 403).await;
}

#[tokio::test]
async fn the_public_sees_approved_public_programs_without_personal_data() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let (staff, street) = (app.login_as("community").await, app.login_as("street").await);
    let owner = app.user_id("community").await;
    let id = draft(&app, &staff, community, "阳光助餐").await["program"]["id"].as_i64().expect("id");
    app.post(
        &format!("/api/v1/programs/{id}/partners"),
        &staff,
        &json!({ "name": "爱心餐厅", "kind": "enterprise", "role": "运营方", "contact_name": "王老板", "contact_phone": "13600002222" }),
    )
    .await;
    app.post(
        &format!("/api/v1/programs/{id}/milestones"),
        &staff,
        &json!({ "title": "开餐", "owner_id": owner, "due_on": "2026-05-01", "weight": 100 }),
    )
    .await;
    // A draft is not disclosed, even when marked public.
    let res = app.client.get(app.url(&format!("/api/v1/public/programs/{id}"))).send().await.expect("get");
    problem(res, 404).await;
    ok(act(&app, &staff, id, json!({ "action": "submit" })).await).await;
    ok(act(&app, &street, id, json!({ "action": "approve" })).await).await;
    let public: Value =
        app.client.get(app.url(&format!("/api/v1/public/programs/{id}"))).send().await.expect("get").json().await.expect("json");
    assert_eq!(public["program"]["title"], "阳光助餐");
    let text = public.to_string();
    for secret in ["王老板", "13600002222", "缤纷社区工作者"] {
        assert!(!text.contains(secret), "{secret} leaked: {text}");
    }
    assert_eq!(public["milestones"][0]["owner_id"], Value::Null);
    assert_eq!(public["program"]["created_by"], Value::Null);
    let list: Value = app.client.get(app.url("/api/v1/public/programs")).send().await.expect("get").json().await.expect("json");
    assert_eq!(list["items"][0]["id"], id);
}

/// The ids the public list shows for `query` (no sign-in).
async fn public_ids(app: &TestApp, query: &str) -> Vec<i64> {
    let res = app.client.get(app.url(&format!("/api/v1/public/programs?{query}"))).send().await.expect("get");
    ok(res).await["items"].as_array().expect("items").iter().map(|p| p["id"].as_i64().expect("id")).collect()
}

#[tokio::test]
async fn the_public_list_narrows_to_one_community_and_what_lies_under_an_area() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let street_area = app.area_id("西兴街道").await;
    let (staff, street, district) = (app.login_as("community").await, app.login_as("street").await, app.login_as("district").await);
    let garden = draft(&app, &staff, community, "社区花园").await["program"]["id"].as_i64().expect("id");
    let fair = draft(&app, &street, street_area, "街道集市").await["program"]["id"].as_i64().expect("id");
    for (id, author, approver) in [(garden, &staff, &street), (fair, &street, &district)] {
        ok(act(&app, author, id, json!({ "action": "submit" })).await).await;
        ok(act(&app, approver, id, json!({ "action": "approve" })).await).await;
    }
    let in_community = public_ids(&app, &format!("community={community}")).await;
    assert!(in_community.contains(&garden), "{in_community:?}");
    assert!(!in_community.contains(&fair), "the street's program is not the community's: {in_community:?}");
    let in_street = public_ids(&app, &format!("community={street_area}")).await;
    assert!(in_street.contains(&garden) && in_street.contains(&fair), "{in_street:?}");
    let everything = public_ids(&app, "").await;
    assert!(everything.contains(&garden) && everything.contains(&fair), "{everything:?}");
    let res = app.client.get(app.url("/api/v1/public/programs?community=999999")).send().await.expect("get");
    problem(res, 404).await;
    let res = app.client.get(app.url("/api/v1/public/programs?community=0")).send().await.expect("get");
    problem(res, 422).await;
}

#[tokio::test]
async fn the_rollup_adds_up_a_fixed_data_set() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let street_area = app.area_id("西兴街道").await;
    let (staff, street, district) = (app.login_as("community").await, app.login_as("street").await, app.login_as("district").await);
    let a = draft(&app, &staff, community, "项目甲").await["program"]["id"].as_i64().expect("id");
    let b = draft(&app, &street, street_area, "项目乙").await["program"]["id"].as_i64().expect("id");
    let c = draft(&app, &staff, community, "项目丙（撤销）").await["program"]["id"].as_i64().expect("id");
    ok(act(&app, &staff, c, json!({ "action": "cancel", "note": "重复立项" })).await).await;
    for (id, author, approver, amount, delivered, persons) in
        [(a, &staff, &street, 1_000_000, 400_000, 10.0), (b, &street, &district, 3_000_000, 3_000_000, 30.0)]
    {
        let p = ok(app
            .post(&format!("/api/v1/programs/{id}/partners"), author, &json!({ "name": "合作方", "kind": "charity", "role": "出资" }))
            .await)
        .await;
        let partner = p["partners"][0]["id"].as_i64().expect("partner");
        let f = ok(app
            .post(
                &format!("/api/v1/programs/{id}/pledges"),
                author,
                &json!({ "partner_id": partner, "kind": "funds", "description": "资金", "pledged": { "amount_fen": amount } }),
            )
            .await)
        .await;
        let funds = f["pledges"][0]["id"].as_i64().expect("pledge");
        let t = ok(app.post(&format!("/api/v1/programs/{id}/pledges"), author, &json!({ "partner_id": partner, "kind": "talent", "description": "志愿者", "pledged": { "people": 5, "person_days": 40.0 } })).await).await;
        let talent = t["pledges"][1]["id"].as_i64().expect("pledge");
        ok(act(&app, author, id, json!({ "action": "submit" })).await).await;
        ok(act(&app, approver, id, json!({ "action": "approve" })).await).await;
        ok(app
            .post(
                &format!("/api/v1/programs/{id}/pledges/{funds}/deliveries"),
                author,
                &json!({ "delivered_on": "2026-02-01", "delivered": { "amount_fen": delivered } }),
            )
            .await)
        .await;
        ok(app
            .post(
                &format!("/api/v1/programs/{id}/pledges/{talent}/deliveries"),
                author,
                &json!({ "delivered_on": "2026-02-01", "delivered": { "person_days": persons } }),
            )
            .await)
        .await;
        ok(app
            .post(
                &format!("/api/v1/programs/{id}/spends"),
                author,
                &json!({ "spent_on": "2026-02-02", "amount_fen": 100_000, "purpose": "物料" }),
            )
            .await)
        .await;
    }
    let district_area = app.area_id("滨江区").await;
    let rollup: Value = app.get(&format!("/api/v1/programs/rollup?area_id={district_area}"), &district).await.json().await.expect("json");
    let status = |s: &str| rollup["by_status"].as_array().and_then(|a| a.iter().find(|x| x["status"] == s)).map(|x| x["count"].clone());
    assert_eq!(status("approved"), Some(json!(2)));
    assert_eq!(status("cancelled"), Some(json!(1)));
    let kind = |k: &str| rollup["by_kind"].as_array().and_then(|a| a.iter().find(|x| x["kind"] == k)).cloned().expect("kind");
    assert_eq!(kind("funds")["pledged"]["amount_fen"], 4_000_000);
    assert_eq!(kind("funds")["delivered"]["amount_fen"], 3_400_000);
    assert_eq!(kind("funds")["fulfilment"], 0.85);
    assert_eq!(kind("talent")["pledged"]["person_days"], 80.0);
    assert_eq!(kind("talent")["fulfilment"], 0.5);
    assert_eq!(rollup["budget_fen"], 100_000_000, "the cancelled program's budget is left out");
    assert_eq!(rollup["spent_fen"], 200_000);
    // By child area: both live programs lie under 西兴街道 (one at the street, one in its community).
    let child = |name: &str| rollup["by_child"].as_array().and_then(|a| a.iter().find(|c| c["area"]["name"] == name)).cloned();
    let street_row = child("西兴街道").expect("the street is a child of the district");
    assert_eq!(
        (&street_row["programs"], &street_row["budget_fen"], &street_row["spent_fen"], &street_row["area"]["kind"]),
        (&json!(2), &json!(100_000_000), &json!(200_000), &json!("street"))
    );
    let rows = rollup["by_child"].as_array().expect("by_child");
    assert_eq!(rows.iter().filter_map(|c| c["programs"].as_i64()).sum::<i64>(), 2, "each program in one child");
    // The community sees only its own program.
    let own: Value = app.get(&format!("/api/v1/programs/rollup?area_id={community}"), &staff).await.json().await.expect("json");
    assert_eq!(own["budget_fen"], 50_000_000);
    problem(app.get(&format!("/api/v1/programs/rollup?area_id={district_area}"), &staff).await, 404).await;
}

#[tokio::test]
async fn programs_pledges_and_deliveries_export_as_csv_and_xlsx() {
    let app = spawn_app().await;
    let community = app.area_id("缤纷社区").await;
    let staff = app.login_as("community").await;
    let id = draft(&app, &staff, community, "导出测试, \"引号\"").await["program"]["id"].as_i64().expect("id");
    let p = ok(app
        .post(&format!("/api/v1/programs/{id}/partners"), &staff, &json!({ "name": "慈善总会", "kind": "charity", "role": "出资" }))
        .await)
    .await;
    let partner = p["partners"][0]["id"].as_i64().expect("partner");
    ok(app
        .post(
            &format!("/api/v1/programs/{id}/pledges"),
            &staff,
            &json!({ "partner_id": partner, "kind": "funds", "description": "助餐资金", "pledged": { "amount_fen": 123_456 } }),
        )
        .await)
    .await;
    let csv = app.get("/api/v1/programs/export?format=csv&table=pledges", &staff).await;
    assert!(csv.headers()["content-type"].to_str().expect("ascii").starts_with("text/csv"));
    let text = csv.text().await.expect("text");
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("助餐资金") && text.contains("1234.56"), "{text}");
    assert!(text.contains("\"导出测试, \"\"引号\"\"\""), "{text}");
    let header = text.lines().next().expect("a header");
    assert_eq!(header.trim_start_matches('\u{feff}').split(',').take(4).collect::<Vec<_>>(), ["认捐编号", "项目", "合作方", "类别"]);
    assert!(text.contains(",资金,"), "kinds as words, not codes: {text}");
    let english = app
        .request(Method::GET, "/api/v1/programs/export?format=csv&table=programs", &staff)
        .header("Accept-Language", "en-US,en;q=0.9")
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("text");
    assert!(english.trim_start_matches('\u{feff}').starts_with("ID,Title,Area,Status,"), "{english}");
    assert!(english.contains(",Draft,"), "{english}");
    assert!(english.lines().nth(1).is_some_and(|l| l.ends_with(",Yes") || l.ends_with(",No")), "{english}");
    assert!(!english.contains("草稿") && !english.contains(",draft,"), "{english}");
    let xlsx = app.get("/api/v1/programs/export?format=xlsx", &staff).await;
    assert_eq!(xlsx.status(), StatusCode::OK);
    let bytes = xlsx.bytes().await.expect("bytes");
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.as_ref())).expect("a workbook");
    assert_eq!(book.sheet_names(), ["项目", "认捐", "交付"]);
    let pledges = book.worksheet_range("认捐").expect("the pledges sheet");
    assert_eq!(pledges.get((0, 5)), Some(&Data::String("金额/价值(元)".into())));
    assert_eq!(pledges.get((1, 3)), Some(&Data::String("资金".into())));
    assert_eq!(pledges.get((1, 5)), Some(&Data::Float(1234.56)), "money is a number Excel can sum");
    let programs = book.worksheet_range("项目").expect("the programs sheet");
    assert_eq!(programs.get((1, 3)), Some(&Data::String("草稿".into())));
    assert!(matches!(programs.get((1, 5)), Some(Data::DateTime(_))), "dates are dates: {:?}", programs.get((1, 5)));
    problem(app.get("/api/v1/programs/export?format=pdf", &staff).await, 422).await;
}

#[tokio::test]
async fn the_platform_admin_rolls_up_the_whole_platform_and_staff_their_home_area_by_default() {
    let app = spawn_app().await;
    let total = |r: &Value| r["by_status"].as_array().map_or(0, |s| s.iter().filter_map(|c| c["count"].as_i64()).sum::<i64>());
    let admin: Value = app.get("/api/v1/programs/rollup", &app.login_as("admin").await).await.json().await.expect("json");
    assert_eq!(total(&admin), app.count("programs").await, "every program of every province");
    assert!(admin["area_id"].is_null(), "the whole platform names no area");
    let street = app.login_as("street").await;
    let by_default: Value = app.get("/api/v1/programs/rollup", &street).await.json().await.expect("json");
    let home = app.area_id("西兴街道").await;
    let explicit: Value = app.get(&format!("/api/v1/programs/rollup?area_id={home}"), &street).await.json().await.expect("json");
    assert_eq!(by_default, explicit);
    assert_eq!(by_default["area_id"], home);
}
