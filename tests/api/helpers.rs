//! `spawn_app()`: a server on a free port over a fresh database loaded with the demo tree.

use api::config::Settings;
use api::domain::password::Hasher;
use api::startup::Application;
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde_json::{Value, json};

/// Password of the demo accounts in tests.
pub const PASSWORD: &str = "test-password-1";

pub struct TestApp {
    pub address: String,
    /// The server's state: its clock can be moved forward and its sweeper run on demand.
    pub state: api::state::AppState,
    pub client: reqwest::Client,
    pub db: DatabaseConnection,
    _dir: Option<tempfile::TempDir>,
    _photos: tempfile::TempDir,
}

/// Migrating and loading the demo tree took 8 of a test's 9 seconds. Every test now starts from a copy
/// of one database built that way once per test binary and settings (a new build, with its own
/// migrations and demo data, makes a new one): a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on
/// PostgreSQL.
fn template_key(hasher: Hasher) -> String {
    use std::hash::{Hash, Hasher as _};
    let exe = std::env::current_exe().expect("test binary path");
    let meta = std::fs::metadata(&exe).expect("test binary metadata");
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (exe, meta.len(), meta.modified().ok(), hasher.memory_kib, hasher.iterations, PASSWORD).hash(&mut h);
    format!("{:016x}", h.finish())
}

/// Where test databases live: memory-backed where there is such a folder (their durability is not
/// what the tests are about, and fsync is most of a write on a virtual disk).
fn scratch_dir() -> std::path::PathBuf {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir() { shm.to_path_buf() } else { std::env::temp_dir() }
}

/// Migrates `url` and loads the demo tree into it.
async fn build_template(url: &str, hasher: Hasher) {
    let settings = api::config::DatabaseSettings { url: url.to_owned(), max_connections: 1 };
    let db = api::db::connect(&settings).await.expect("connect to the template");
    api::db::migrate(&db).await.expect("migrate the template");
    api::demo::seed(&db, hasher, PASSWORD).await.expect("seed demo data");
    if db.get_database_backend() == sea_orm::DatabaseBackend::Sqlite {
        db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)").await.expect("checkpoint the template");
    }
    db.close().await.expect("close the template");
}

/// The SQLite template's path, built by the first test that needs it. Tests running at once may
/// each build one; the atomic rename makes whichever finishes last the template, all identical.
async fn sqlite_template(key: &str, hasher: Hasher) -> std::path::PathBuf {
    let path = scratch_dir().join(format!("happyhome-test-{key}.db"));
    if !path.exists() {
        let building = scratch_dir().join(format!("happyhome-test-{key}.{}.building", std::process::id()));
        build_template(&format!("sqlite://{}", building.display()), hasher).await;
        std::fs::rename(&building, &path).expect("publish the template");
    }
    path
}

/// Runs `sql`, retrying while the template's last connection is still closing on the server.
async fn while_template_closes(admin: &DatabaseConnection, sql: &str) {
    for attempt in 0.. {
        match admin.execute_unprepared(sql).await {
            Ok(_) => return,
            Err(e) if attempt < 50 && e.to_string().contains("being accessed by other users") => {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Err(e) => panic!("{sql}: {e}"),
        }
    }
}

/// The PostgreSQL template's name, built once under an advisory lock (other tests wait for it).
async fn postgres_template(admin: &DatabaseConnection, base: &str, key: &str, hasher: Hasher) -> String {
    let name = format!("test_tpl_{key}");
    admin.execute_unprepared("SELECT pg_advisory_lock(727274)").await.expect("template lock");
    let exists = admin
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DatabaseBackend::Postgres,
            format!("SELECT 1 AS one FROM pg_database WHERE datname = '{name}'"),
        ))
        .await
        .expect("look for the template")
        .is_some();
    if !exists {
        let building = format!("{name}_building");
        admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{building}\"")).await.expect("drop a half-built template");
        admin.execute_unprepared(&format!("CREATE DATABASE \"{building}\"")).await.expect("create the template");
        build_template(&format!("{base}/{building}"), hasher).await;
        while_template_closes(admin, &format!("ALTER DATABASE \"{building}\" RENAME TO \"{name}\"")).await;
    }
    admin.execute_unprepared("SELECT pg_advisory_unlock(727274)").await.expect("template unlock");
    name
}

/// A fresh database URL holding the demo tree: a new PostgreSQL database when `TEST_DATABASE_URL` is
/// set, else a SQLite file.
async fn fresh_database(hasher: Hasher) -> (String, Option<tempfile::TempDir>) {
    let key = template_key(hasher);
    match std::env::var("TEST_DATABASE_URL") {
        Ok(admin_url) if !admin_url.is_empty() => {
            // One connection, so the advisory lock and its release are one session's.
            let options = sea_orm::ConnectOptions::new(admin_url.clone()).max_connections(1).sqlx_logging(false).to_owned();
            let admin = sea_orm::Database::connect(options).await.expect("connect to TEST_DATABASE_URL");
            let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(base, _)| base);
            let template = postgres_template(&admin, base, &key, hasher).await;
            let name = format!("test_{}", uuid::Uuid::new_v4().simple());
            while_template_closes(&admin, &format!("CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"")).await;
            admin.close().await.expect("close the admin connection");
            (format!("{base}/{name}"), None)
        }
        _ => {
            let template = sqlite_template(&key, hasher).await;
            let dir = tempfile::tempdir_in(scratch_dir()).expect("temp dir");
            let file = dir.path().join("test.db");
            std::fs::copy(&template, &file).expect("copy the template");
            (format!("sqlite://{}", file.display()), Some(dir))
        }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_with(|_| {}).await
}

/// Like [`spawn_app`], with settings changed first.
pub async fn spawn_with(tweak: impl FnOnce(&mut Settings)) -> TestApp {
    // `TEST_LOG=1` shows the servers' logs (`RUST_LOG` filters them), e.g. the cause of a 500.
    if std::env::var_os("TEST_LOG").is_some() {
        api::telemetry::init(api::config::Environment::Development);
    }
    let mut settings = Settings::load(None).expect("default settings");
    settings.server.host = "127.0.0.1".into();
    settings.server.port = 0;
    settings.database.max_connections = 4;
    settings.auth.argon2_memory_kib = 1024;
    settings.auth.argon2_iterations = 1;
    settings.auth.login_attempts_per_minute = 1000;
    // Every test sends codes from 127.0.0.1; the per-address limit has its own test.
    settings.sms.per_client_per_hour = 1000;
    settings.server.web_dir = "/nonexistent".into();
    // Tests run the sweeper themselves, after moving the clock.
    settings.needs.sweep_interval_secs = 0;
    settings.shop.sweep_interval_secs = 0;
    let photos = tempfile::tempdir().expect("photo dir");
    settings.needs.photo_dir = photos.path().display().to_string();
    tweak(&mut settings);
    let hasher = Hasher { memory_kib: settings.auth.argon2_memory_kib, iterations: settings.auth.argon2_iterations };
    let (url, dir) = fresh_database(hasher).await;
    settings.database.url = url;
    let db = api::db::connect(&settings.database).await.expect("connect");
    let app = Application::build(settings, db.clone()).expect("build app");
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state().clone();
    tokio::spawn(app.run());
    TestApp { address, state, client: reqwest::Client::new(), db, _dir: dir, _photos: photos }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn login_as(&self, username: &str) -> String {
        let res = self
            .client
            .post(self.url("/api/v1/auth/login"))
            .json(&json!({ "username": username, "password": PASSWORD }))
            .send()
            .await
            .expect("login");
        assert_eq!(res.status(), StatusCode::OK, "login as {username}");
        let body: Value = res.json().await.expect("token json");
        body["access_token"].as_str().expect("access_token").to_owned()
    }

    pub fn request(&self, method: Method, path: &str, token: &str) -> RequestBuilder {
        self.client.request(method, self.url(path)).bearer_auth(token)
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.request(Method::GET, path, token).send().await.expect("GET")
    }

    pub async fn post(&self, path: &str, token: &str, body: &Value) -> Response {
        self.request(Method::POST, path, token).json(body).send().await.expect("POST")
    }

    pub async fn patch(&self, path: &str, token: &str, body: &Value) -> Response {
        self.request(Method::PATCH, path, token).json(body).send().await.expect("PATCH")
    }

    /// Id of the area with this exact name (looked up as the platform admin).
    pub async fn area_id(&self, name: &str) -> i64 {
        let admin = self.login_as("admin").await;
        let page: Value = self.get(&format!("/api/v1/areas?q={name}&limit=200"), &admin).await.json().await.expect("json");
        page["items"]
            .as_array()
            .and_then(|items| items.iter().find(|a| a["name"] == name))
            .and_then(|a| a["id"].as_i64())
            .unwrap_or_else(|| panic!("no area named {name}"))
    }

    /// The user id of a demo account.
    pub async fn user_id(&self, username: &str) -> i64 {
        let token = self.login_as(username).await;
        let me: Value = self.get("/api/v1/me", &token).await.json().await.expect("json");
        me["user"]["id"].as_i64().expect("id")
    }

    /// Number of rows in a table, to prove nothing was written.
    pub async fn count(&self, table: &str) -> i64 {
        let row = self
            .db
            .query_one_raw(sea_orm::Statement::from_string(self.db.get_database_backend(), format!("SELECT COUNT(*) AS n FROM {table}")))
            .await
            .expect("count query")
            .expect("a row");
        row.try_get::<i64>("", "n").expect("n")
    }
}

/// The code in the latest message the outbox sender wrote for `phone`.
pub async fn sms_code(app: &TestApp, phone: &str) -> String {
    let sql = format!("SELECT body FROM sms_outbox WHERE phone = '{phone}' ORDER BY id DESC");
    let row = app
        .db
        .query_one_raw(sea_orm::Statement::from_string(app.db.get_database_backend(), sql))
        .await
        .expect("outbox query")
        .unwrap_or_else(|| panic!("no message to {phone} in the outbox"));
    let body: String = row.try_get("", "body").expect("body");
    let digits: String = body.chars().skip_while(|c| !c.is_ascii_digit()).take_while(char::is_ascii_digit).collect();
    assert_eq!(digits.len(), 6, "a six-digit code in {body:?}");
    digits
}

/// Signs up (or in) by code: sends a code to `phone`, reads it from the outbox and signs in with it
/// and `extra` fields (`community_id`, `grid_id`, `display_name`). Returns the access token.
pub async fn sign_in_by_code(app: &TestApp, phone: &str, extra: Value) -> String {
    let sent = app.client.post(app.url("/api/v1/auth/sms-codes")).json(&json!({ "phone": phone })).send().await.expect("send code");
    assert_eq!(sent.status(), StatusCode::ACCEPTED, "send code to {phone}");
    let mut body = json!({ "phone": phone, "code": sms_code(app, phone).await });
    if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        body.extend(extra.clone());
    }
    let res = app.client.post(app.url("/api/v1/auth/sms-sign-in")).json(&body).send().await.expect("sign in");
    assert_eq!(res.status(), StatusCode::OK, "sign in by code as {phone}");
    let tokens: Value = res.json().await.expect("tokens");
    tokens["access_token"].as_str().expect("access_token").to_owned()
}

/// The problem body of an error response, after checking its status and media type.
pub async fn problem(res: Response, status: u16) -> Value {
    assert_eq!(res.status().as_u16(), status, "unexpected status");
    let media = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(media.starts_with("application/problem+json"), "media type {media}");
    res.json().await.expect("problem json")
}

/// The `field`s of a 422 problem.
pub fn fields(problem: &Value) -> Vec<String> {
    problem["errors"].as_array().map(|e| e.iter().filter_map(|e| e["field"].as_str().map(str::to_owned)).collect()).unwrap_or_default()
}
