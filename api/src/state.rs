//! What every handler can reach: the database, settings, keys and in-process helpers.

use std::sync::Arc;

use sea_orm::{DatabaseConnection, DatabaseTransaction, SqliteTransactionMode, TransactionOptions, TransactionTrait};
use secrecy::ExposeSecret;
use tokio::sync::{Mutex, MutexGuard};

use crate::clock::Clock;
use crate::config::Settings;
use crate::domain::password::Hasher;
use crate::domain::tokens::JwtKeys;
use crate::http::rate_limit::RateLimiter;
// From the sender file itself: the code service (sms/mod.rs) reads the state, so the state does not
// import it back.
use crate::services::sms::sender::{SmsSender, sender_for};

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
    pub keys: Arc<JwtKeys>,
    pub hasher: Hasher,
    pub login_limiter: Arc<RateLimiter>,
    /// Where one-time codes go (the outbox in development and tests).
    pub sms: Arc<dyn SmsSender>,
    /// Now, as deadlines and retries see it (tests move it forward).
    pub clock: Clock,
    /// SQLite allows one writer at a time and a deferred transaction that reads then writes can fail
    /// with SQLITE_BUSY instead of waiting; serialising writers in-process avoids that. PostgreSQL
    /// needs no such lock.
    write_lock: Option<Arc<Mutex<()>>>,
}

/// A write transaction plus, on SQLite, the guard that keeps other writers out until it ends.
pub struct WriteTxn<'a> {
    pub txn: DatabaseTransaction,
    _guard: Option<MutexGuard<'a, ()>>,
}

impl AppState {
    pub fn new(db: DatabaseConnection, settings: Settings) -> Self {
        let keys = JwtKeys::new(settings.auth.jwt_secret.expose_secret().as_bytes());
        let hasher = Hasher { memory_kib: settings.auth.argon2_memory_kib, iterations: settings.auth.argon2_iterations };
        let login_limiter = RateLimiter::per_minute(settings.auth.login_attempts_per_minute);
        let sms = sender_for(&settings);
        let write_lock = settings.is_sqlite().then(|| Arc::new(Mutex::new(())));
        Self {
            db,
            settings: Arc::new(settings),
            keys: Arc::new(keys),
            hasher,
            login_limiter: Arc::new(login_limiter),
            sms,
            clock: Clock::default(),
            write_lock,
        }
    }

    /// Begins a transaction for a write. Every write of the API goes through here.
    pub async fn begin_write(&self) -> Result<WriteTxn<'_>, sea_orm::DbErr> {
        let guard = match &self.write_lock {
            Some(lock) => Some(lock.lock().await),
            None => None,
        };
        // IMMEDIATE takes SQLite's write lock at BEGIN, waiting out the busy timeout if another
        // process (a second API instance, a background claim) holds it. A deferred transaction
        // would read first and could then fail with SQLITE_BUSY when it tries to write.
        let options = TransactionOptions { sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate), ..Default::default() };
        let txn = self.db.begin_with_options(options).await?;
        Ok(WriteTxn { txn, _guard: guard })
    }
}

impl WriteTxn<'_> {
    pub async fn commit(self) -> Result<(), sea_orm::DbErr> {
        self.txn.commit().await
    }
}
