//! Webhook subscriptions as rows (`webhook_subscriptions`): the API's `events` list is unchanged — an
//! empty list hears everything, a patch replaces the list — and the migration moves the old column's
//! lists into rows.

use migrations::{Migrator, MigratorTrait};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app, spawn_with};
use crate::webhooks::{area_path, register};

async fn events(app: &TestApp, token: &str, id: i64) -> Value {
    app.get(&format!("/api/v1/webhooks/{id}"), token).await.json::<Value>().await.expect("json")["events"].clone()
}

async fn enqueue(app: &TestApp, event: &str) {
    let path = area_path(app, "缤纷社区").await;
    api::services::webhooks::enqueue(&app.db, event, &path, &json!({ "need_id": 1 }), chrono::Utc::now()).await.expect("enqueue");
}

#[tokio::test]
async fn no_subscription_hears_every_event_and_a_patch_replaces_the_list() {
    let app = spawn_app().await;
    let token = app.login_as("integration").await;
    let all = register(&app, "integration", "http://127.0.0.1:9/all", json!([])).await;
    let some = register(&app, "integration", "http://127.0.0.1:9/some", json!(["need.accept", "need.created", "need.accept"])).await;
    assert_eq!(events(&app, &token, all).await, json!([]));
    assert_eq!(events(&app, &token, some).await, json!(["need.accept", "need.created"]), "repeats stored once, order kept");

    enqueue(&app, "need.escalate").await;
    assert_eq!(app.count("webhook_deliveries").await, 1, "only the endpoint without subscriptions");
    enqueue(&app, "need.accept").await;
    assert_eq!(app.count("webhook_deliveries").await, 3);

    let res = app.patch(&format!("/api/v1/webhooks/{some}"), &token, &json!({ "events": ["need.escalate"] })).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(events(&app, &token, some).await, json!(["need.escalate"]));
    assert_eq!(app.count("webhook_subscriptions").await, 1);
    let res = app.patch(&format!("/api/v1/webhooks/{some}"), &token, &json!({ "events": [] })).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(app.count("webhook_subscriptions").await, 0, "an empty list is every event, stored as no rows");
}

#[tokio::test]
async fn the_migration_moves_each_event_list_into_rows_and_back() {
    // No delivery worker: its polls would read the endpoints while the migrations rebuild them
    // (seen once on a loaded machine as "no such column" in the way up).
    let app = spawn_with(|s| s.webhooks.poll_interval_ms = 0).await;
    let token = app.login_as("integration").await;
    let all = register(&app, "integration", "http://127.0.0.1:9/all", json!([])).await;
    let some = register(&app, "integration", "http://127.0.0.1:9/some", json!(["need.created", "need.accept"])).await;

    // Down: the lists go back into the endpoints' `events` column, as before this migration (the
    // migrations after it are undone first, so the test holds as new ones are added).
    let all_migrations = Migrator::migrations();
    let at = all_migrations
        .iter()
        .position(|m| m.name() == "m20261205_090000_create_webhook_subscriptions")
        .expect("the subscriptions migration");
    let steps = u32::try_from(all_migrations.len() - at).expect("steps");
    Migrator::down(&app.db, Some(steps)).await.expect("migrate down");
    let list = |id: i64| {
        let db = app.db.clone();
        async move {
            let sql = format!("SELECT events FROM webhook_endpoints WHERE id = {id}");
            let row = db.query_one_raw(sea_orm::Statement::from_string(db.get_database_backend(), sql)).await.expect("query").expect("row");
            row.try_get::<String>("", "events").expect("events")
        }
    };
    assert_eq!(list(some).await, ",need.created,need.accept,");
    assert_eq!(list(all).await, "");
    // An old list with a repeat, as the column allowed.
    app.db
        .execute_unprepared(&format!("UPDATE webhook_endpoints SET events = ',need.resolve,need.created,need.resolve,' WHERE id = {some}"))
        .await
        .expect("update");

    // Up: one row per (endpoint, event), repeats once, order kept.
    Migrator::up(&app.db, None).await.expect("migrate up");
    assert_eq!(events(&app, &token, some).await, json!(["need.resolve", "need.created"]));
    assert_eq!(events(&app, &token, all).await, json!([]));
    assert_eq!(app.count("webhook_subscriptions").await, 2);
}
