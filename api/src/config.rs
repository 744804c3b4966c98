//! Settings, layered: built-in defaults → optional TOML file → `APP_…` environment variables
//! (`APP_DATABASE__URL`, `APP_SERVER__PORT`, …; `__` separates levels).

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

/// The JWT secret used when none is configured. Fine for a laptop; refused in production.
pub const DEFAULT_JWT_SECRET: &str = "happyhome-development-secret-do-not-use-in-production";

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub environment: Environment,
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub auth: AuthSettings,
    pub demo: DemoSettings,
    pub webhooks: WebhookSettings,
    pub needs: NeedSettings,
    pub matching: MatchingSettings,
    pub sms: SmsSettings,
    pub shop: ShopSettings,
    pub clients: ClientSettings,
}

/// Integration clients (OAuth 2.0 client credentials).
#[derive(Debug, Clone, Deserialize)]
pub struct ClientSettings {
    /// Lifetime of a client's access token, in seconds.
    pub token_ttl_secs: i64,
    /// How long the secret a rotation replaced keeps working, in seconds (a day by default, so a
    /// backend can roll out the new secret without downtime).
    pub rotation_grace_secs: i64,
    /// Requests a minute when a client is registered without its own limit.
    pub default_rate_limit_per_minute: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Development,
    Production,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerSettings {
    pub host: String,
    pub port: u16,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
    /// Directory with the built dashboard (index.html, web.js, web_bg.wasm).
    pub web_dir: String,
    /// Directory with the Swagger UI assets served at `/docs`.
    pub docs_dir: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseSettings {
    /// `sqlite://data/happyhome.db` (embedded, the default) or `postgres://user@host/db`.
    pub url: String,
    pub max_connections: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AuthSettings {
    pub jwt_secret: SecretString,
    pub access_ttl_secs: i64,
    pub refresh_ttl_secs: i64,
    /// Login attempts allowed per username and client address per minute.
    pub login_attempts_per_minute: u32,
    /// argon2id memory cost in KiB and iterations; tests lower them, production keeps the defaults.
    pub argon2_memory_kib: u32,
    pub argon2_iterations: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NeedSettings {
    /// Seconds between sweeps for unclaimed, overdue and unrated needs; 0 turns the sweeper off.
    pub sweep_interval_secs: u64,
    /// Where photos of needs are stored.
    pub photo_dir: String,
    /// Largest photo accepted, in bytes.
    pub photo_max_bytes: usize,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ShopSettings {
    /// Days a points-shop order waits to be picked up before it expires (points back by reversal).
    pub order_expiry_days: i64,
    /// Seconds between sweeps for expired orders (and expired offers of hours); 0 turns the sweepers off.
    pub sweep_interval_secs: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MatchingSettings {
    /// Street distance over straight-line distance (1.3 is the usual planning factor).
    pub detour_factor: f64,
    /// Walking pace in metres a minute.
    pub walk_metres_per_minute: f64,
    /// The service circle's radius in minutes (一刻钟: 15).
    pub circle_minutes: f64,
}

impl MatchingSettings {
    pub fn walking(&self) -> crate::domain::matching::geo::Walking {
        crate::domain::matching::geo::Walking {
            detour_factor: self.detour_factor,
            metres_per_minute: self.walk_metres_per_minute,
            circle_minutes: self.circle_minutes,
        }
    }
}

/// One-time codes by SMS: which sender delivers them, how long they live, how often they may be sent.
#[derive(Debug, Clone, Deserialize)]
pub struct SmsSettings {
    pub sender: SmsSenderKind,
    /// Seconds a code stays valid.
    pub code_ttl_secs: i64,
    /// Wrong codes allowed before the code is locked.
    pub max_wrong_tries: i32,
    /// Seconds before another code may go to the same number.
    pub resend_interval_secs: i64,
    /// Codes per number per hour.
    pub per_number_per_hour: u32,
    /// Codes requested from one client address per hour.
    pub per_client_per_hour: u32,
}

/// Which [`crate::services::sms::SmsSender`] delivers codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmsSenderKind {
    /// Development and tests: the message goes to the `sms_outbox` table (and the log).
    Outbox,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoSettings {
    /// Password of every demo account.
    pub password: SecretString,
    /// Secret of the demo integration client (the demo mini-program backend).
    pub client_secret: SecretString,
}

/// Delivery of outgoing webhooks.
#[derive(Debug, Clone, Deserialize)]
pub struct WebhookSettings {
    /// How often the worker looks for due deliveries, in milliseconds.
    pub poll_interval_ms: u64,
    /// Wait before the first retry, in seconds; each further retry waits four times longer.
    pub retry_base_secs: i64,
    /// Attempts before a delivery is given up as failed.
    pub max_attempts: i32,
}

impl Settings {
    /// Reads defaults, then `file` (if given), then the environment.
    pub fn load(file: Option<&str>) -> anyhow::Result<Self> {
        let mut builder = config::Config::builder()
            .set_default("environment", "development")?
            .set_default("server.host", "127.0.0.1")?
            .set_default("server.port", 8080)?
            .set_default("server.body_limit", 256 * 1024)?
            .set_default("server.web_dir", "dist/web")?
            .set_default("server.docs_dir", "dist/docs")?
            .set_default("database.url", "sqlite://data/happyhome.db")?
            .set_default("database.max_connections", 8)?
            .set_default("auth.jwt_secret", DEFAULT_JWT_SECRET)?
            .set_default("auth.access_ttl_secs", 15 * 60)?
            .set_default("auth.refresh_ttl_secs", 30 * 24 * 3600)?
            .set_default("auth.login_attempts_per_minute", 10)?
            .set_default("auth.argon2_memory_kib", 19 * 1024)?
            .set_default("auth.argon2_iterations", 2)?
            .set_default("demo.password", "happyhome-demo")?
            .set_default("demo.client_secret", "happyhome-demo-client-secret")?
            .set_default("clients.token_ttl_secs", 3600)?
            .set_default("clients.rotation_grace_secs", 24 * 3600)?
            .set_default("clients.default_rate_limit_per_minute", 600)?
            .set_default("webhooks.poll_interval_ms", 1000)?
            .set_default("webhooks.retry_base_secs", 30)?
            .set_default("webhooks.max_attempts", 8)?
            .set_default("needs.sweep_interval_secs", 60)?
            .set_default("needs.photo_dir", "data/photos")?
            .set_default("needs.photo_max_bytes", 5 * 1024 * 1024)?
            .set_default("shop.order_expiry_days", 7)?
            .set_default("shop.sweep_interval_secs", 60)?
            .set_default("matching.detour_factor", 1.3)?
            .set_default("matching.walk_metres_per_minute", 80.0)?
            .set_default("matching.circle_minutes", 15.0)?
            .set_default("sms.sender", "outbox")?
            .set_default("sms.code_ttl_secs", 300)?
            .set_default("sms.max_wrong_tries", 5)?
            .set_default("sms.resend_interval_secs", 60)?
            .set_default("sms.per_number_per_hour", 5)?
            .set_default("sms.per_client_per_hour", 20)?;
        if let Some(path) = file {
            builder = builder.add_source(config::File::with_name(path).required(true));
        }
        let settings: Settings =
            builder.add_source(config::Environment::with_prefix("APP").prefix_separator("_").separator("__")).build()?.try_deserialize()?;
        settings.check()?;
        Ok(settings)
    }

    /// Refuses configurations that would be unsafe to run.
    pub fn check(&self) -> anyhow::Result<()> {
        let secret = self.auth.jwt_secret.expose_secret();
        if self.environment == Environment::Production && secret == DEFAULT_JWT_SECRET {
            anyhow::bail!("refusing to start in production with the default JWT secret: set APP_AUTH__JWT_SECRET");
        }
        if secret.len() < 32 {
            anyhow::bail!("the JWT secret must be at least 32 bytes long");
        }
        Ok(())
    }

    pub fn is_sqlite(&self) -> bool {
        self.database.url.starts_with("sqlite:")
    }
}
