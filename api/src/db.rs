//! Connecting to the database (embedded SQLite or PostgreSQL) and running migrations.

use std::str::FromStr;
use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::{DatabaseConnection, SqlxPostgresConnector, SqlxSqliteConnector};
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::config::DatabaseSettings;

/// Opens a pool for the configured URL.
///
/// SQLite is tuned for an embedded server that must not lose acknowledged writes: WAL for concurrent
/// readers, `synchronous=FULL` so a committed transaction survives power loss, foreign keys enforced,
/// and a busy timeout instead of immediate `SQLITE_BUSY`.
pub async fn connect(settings: &DatabaseSettings) -> anyhow::Result<DatabaseConnection> {
    let url = settings.url.as_str();
    if url.starts_with("sqlite:") {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        if let Some(dir) = options.get_filename().parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)?;
        }
        let pool = SqlitePoolOptions::new().max_connections(settings.max_connections).connect_with(options).await?;
        Ok(SqlxSqliteConnector::from_sqlx_sqlite_pool(pool))
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        let pool =
            PgPoolOptions::new().max_connections(settings.max_connections).acquire_timeout(Duration::from_secs(10)).connect(url).await?;
        Ok(SqlxPostgresConnector::from_sqlx_postgres_pool(pool))
    } else {
        anyhow::bail!("unsupported database URL (expected sqlite:… or postgres:…): {url}")
    }
}

/// Applies every pending migration, then loads the reference data that ships with the platform
/// (the co-building catalogues) where it is missing.
pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None).await?;
    crate::services::programs::catalogue::load_bundled(db, chrono::Utc::now())
        .await
        .map_err(|e| anyhow::anyhow!("loading the catalogue: {e}"))?;
    Ok(())
}
