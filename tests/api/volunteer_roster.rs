//! The roster of volunteers (志愿者名册, `GET /volunteers`): the registered volunteers of the caller's
//! subtree with the same hours as their profiles, active once they serve, searched by name, sorted,
//! paged with totals of the whole selection, phones masked; not for residents.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::activities::{open_activity, sign_up};
use crate::helpers::{TestApp, problem, spawn_app};

async fn ok(res: reqwest::Response, status: StatusCode) -> Value {
    let got = res.status();
    let body: Value = res.json().await.expect("json");
    assert_eq!(got, status, "{body}");
    body
}

/// Every row of the roster at `query`, following the cursors one row at a time.
async fn all_rows(app: &TestApp, token: &str, query: &str) -> (Vec<Value>, Value) {
    let (mut rows, mut cursor, mut first) = (Vec::new(), String::new(), None);
    loop {
        let page = ok(app.get(&format!("/api/v1/volunteers?limit=1&{query}&cursor={cursor}"), token).await, StatusCode::OK).await;
        rows.extend(page["items"].as_array().expect("items").iter().cloned());
        first.get_or_insert_with(|| page.clone());
        match page["next_cursor"].as_str() {
            Some(next) => cursor = next.to_owned(),
            None => return (rows, first.expect("a first page")),
        }
    }
}

#[tokio::test]
async fn the_roster_lists_the_subtrees_volunteers_with_their_profiles_hours_and_who_is_active() {
    let app = spawn_app().await;
    let (staff, volunteer) = (app.login_as("community").await, app.login_as("volunteer").await);
    let me = app.user_id("volunteer").await;
    let before = ok(app.get("/api/v1/volunteers", &staff).await, StatusCode::OK).await;
    let row_of = |page: &Value, id: i64| page["items"].as_array().expect("items").iter().find(|r| r["user_id"] == id).cloned();
    let mine = row_of(&before, me).expect("the demo volunteer is on the roster of their community");
    assert!(mine["phone"].as_str().is_none_or(|p| p.contains('*')), "phones are masked: {mine}");

    // An activity attended: two more hours, and active.
    let id = open_activity(&app, &staff, 10, 120).await;
    let signup = sign_up(&app, &volunteer, id).await["id"].as_i64().expect("signup");
    let attendance = format!("/api/v1/activities/{id}/signups/{signup}/attendance");
    for step in ["check_in", "check_out"] {
        ok(app.post(&attendance, &staff, &json!({ "step": step })).await, StatusCode::OK).await;
    }
    let after = ok(app.get("/api/v1/volunteers", &staff).await, StatusCode::OK).await;
    let now = row_of(&after, me).expect("still listed");
    assert_eq!(now["served_minutes"].as_i64(), mine["served_minutes"].as_i64().map(|m| m + 120));
    assert_eq!(now["active"], true);
    assert!(now["last_served_at"].is_string());

    // The same hours as each profile; the totals add up the rows.
    let (rows, first) = all_rows(&app, &staff, "sort=name").await;
    assert_eq!(first["total"].as_i64(), Some(rows.len() as i64));
    assert_eq!(first["active"].as_i64(), Some(rows.iter().filter(|r| r["active"] == true).count() as i64));
    for r in &rows {
        let profile = ok(app.get(&format!("/api/v1/volunteers/{}", r["user_id"]), &staff).await, StatusCode::OK).await;
        assert_eq!(r["served_minutes"], profile["served_minutes"], "{r}");
        assert_eq!(r["star"], profile["star"], "{r}");
    }
    let names: Vec<&str> = rows.iter().filter_map(|r| r["name"].as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted, "by name, across pages");

    // Searched by name; narrowed to the active ones.
    let name = now["name"].as_str().expect("name");
    let found = ok(app.get(&format!("/api/v1/volunteers?q={name}"), &staff).await, StatusCode::OK).await;
    assert!(row_of(&found, me).is_some(), "{found}");
    let (active, _) = all_rows(&app, &staff, "active=true").await;
    assert!(active.iter().all(|r| r["active"] == true) && active.iter().any(|r| r["user_id"] == me));
    let (by_hours, _) = all_rows(&app, &staff, "sort=-hours").await;
    let hours: Vec<i64> = by_hours.iter().filter_map(|r| r["served_minutes"].as_i64()).collect();
    assert!(hours.windows(2).all(|w| w[0] >= w[1]), "most hours first: {hours:?}");

    problem(app.get("/api/v1/volunteers", &app.login_as("resident").await).await, 403).await;
    problem(app.get("/api/v1/volunteers?sort=age", &staff).await, 422).await;
}
