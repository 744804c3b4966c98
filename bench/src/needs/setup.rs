//! The benchmark's database: a fresh SQLite file opened and migrated exactly as the server does it,
//! the demo tree and accounts, and a fast bulk load of needs (setup, never measured).

use std::path::PathBuf;

use crate::scratch::ScratchDir;
use anyhow::Context as _;
use api::config::DatabaseSettings;
use api::domain::caller::Caller;
use api::domain::password::Hasher;
use api::entities::{area, user};
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use shared::{AreaKind, Id, NeedStatus};
use sqlx::SqlitePool;

/// A community or grid needs can belong to.
#[derive(Debug, Clone)]
pub struct Place {
    pub id: Id,
    pub path: String,
    /// Index of its community in the demo list (0 is 缤纷社区).
    pub community: usize,
}

/// Per community: its volunteer (an assignee) and its resident.
#[derive(Debug, Clone, Copy)]
pub struct Locals {
    pub volunteer: Id,
    pub resident: Id,
}

pub struct Fixture {
    pub db: DatabaseConnection,
    /// The very pool under `db`: the twin runs on the same connections with the same pragmas.
    pub pool: SqlitePool,
    pub path: PathBuf,
    pub street: Caller,
    pub community: Caller,
    pub places: Vec<Place>,
    pub locals: Vec<Locals>,
    /// Held so the database files live as long as the fixture (see [`ScratchDir`]).
    _dir: ScratchDir,
}

async fn user_id(db: &DatabaseConnection, username: &str) -> anyhow::Result<Id> {
    let found = user::Entity::find().filter(user::Column::Username.eq(username)).one(db).await?;
    Ok(found.with_context(|| format!("demo user {username} missing"))?.id)
}

async fn caller(db: &DatabaseConnection, username: &str) -> anyhow::Result<Caller> {
    let id = user_id(db, username).await?;
    api::services::auth::load_caller(db, id).await?.with_context(|| format!("demo user {username} inactive"))
}

impl Fixture {
    /// A new database file in a temp dir: `api::db::connect` (WAL, synchronous=FULL), migrations, demo data.
    pub async fn fresh() -> anyhow::Result<Self> {
        let dir = ScratchDir::new("bench-needs-")?;
        let path = dir.path().join("bench.db");
        let settings = DatabaseSettings { url: format!("sqlite://{}", path.display()), max_connections: 8 };
        let db = api::db::connect(&settings).await?;
        api::db::migrate(&db).await?;
        api::demo::seed(&db, Hasher { memory_kib: 1024, iterations: 1 }, "bench-password").await?;
        let pool = db.get_sqlite_connection_pool().clone();

        let communities = area::Entity::find()
            .filter(area::Column::Kind.eq(AreaKind::Community.as_str()))
            .order_by_asc(area::Column::Id)
            .all(&db)
            .await?;
        let mut places = Vec::new();
        let mut locals = Vec::new();
        for (n, c) in communities.iter().enumerate() {
            places.push(Place { id: c.id, path: c.path.clone(), community: n });
            let grids = area::Entity::find().filter(area::Column::ParentId.eq(c.id)).order_by_asc(area::Column::Id).all(&db).await?;
            places.extend(grids.into_iter().map(|g| Place { id: g.id, path: g.path, community: n }));
            let (volunteer, resident) = api::demo::local_usernames(n);
            locals.push(Locals { volunteer: user_id(&db, &volunteer).await?, resident: user_id(&db, &resident).await? });
        }
        let street = caller(&db, "street").await?;
        let community = caller(&db, "community").await?;
        Ok(Self { db, pool, path, street, community, places, locals, _dir: dir })
    }

    /// The places in the `community` caller's scope (缤纷社区 and its grids), where created needs go.
    pub fn home_places(&self) -> Vec<&Place> {
        self.places.iter().filter(|p| p.path.starts_with(&self.community.area_path)).collect()
    }

    pub async fn count_needs(&self) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM needs").fetch_one(&self.pool).await?)
    }

    /// Adds needs until the table holds `target` rows: multi-row INSERTs, one transaction per 50 000 rows.
    /// Rows are spread evenly over the ten communities and their grids, with random statuses; those
    /// past acceptance have an owner, those past dispatch an assignee, a third have a resident.
    pub async fn load_to(&self, target: i64) -> anyhow::Result<i64> {
        const PER_STATEMENT: usize = 400; // 22 columns × 400 = 8 800 parameters, under SQLite's 32 766
        const PER_TRANSACTION: usize = 50_000;
        let have = self.count_needs().await?;
        let missing = usize::try_from(target - have).unwrap_or(0);
        if missing == 0 {
            return Ok(0);
        }
        let staff = self.community.id;
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ have as u64);
        let start = Utc::now() - Duration::seconds(missing as i64);
        let statement: std::sync::Arc<str> = insert_sql(PER_STATEMENT).into();
        let mut done = 0;
        while done < missing {
            let mut tx = self.pool.begin().await?;
            let in_txn = PER_TRANSACTION.min(missing - done);
            let mut written = 0;
            while written < in_txn {
                let rows = PER_STATEMENT.min(in_txn - written);
                // Built once per shape: the full-size statement is prepared once and reused.
                let sql = if rows == PER_STATEMENT { statement.clone() } else { insert_sql(rows).into() };
                let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
                for k in 0..rows {
                    let i = done + written + k;
                    let place = &self.places[rng.below(self.places.len())];
                    let locals = self.locals[place.community];
                    let status = NeedStatus::ALL[rng.below(NeedStatus::ALL.len())];
                    let rank = NeedStatus::ALL.iter().position(|s| *s == status).unwrap_or(0);
                    let at = start + Duration::seconds(i as i64);
                    let category = api::domain::need_categories::CATEGORIES[rng.below(api::domain::need_categories::CATEGORIES.len())].code;
                    query = query
                        .bind(place.id)
                        .bind(place.path.clone())
                        .bind(category)
                        .bind(format!("第{}号需求：楼道灯坏了，老人晚上出入不便，请尽快安排维修。", have as usize + i + 1))
                        .bind(
                            (rng.below(2) == 0)
                                .then(|| format!("幸福小区{}幢{}单元{}室", rng.below(30) + 1, rng.below(6) + 1, rng.below(1200) + 101)),
                        )
                        .bind(Some(30.2 + rng.below(1000) as f64 / 10_000.0))
                        .bind(Some(120.2 + rng.below(1000) as f64 / 10_000.0))
                        .bind(if rng.below(3) == 0 { ",elderly," } else { "," })
                        .bind(["normal", "urgent", "emergency"][rng.below(3)])
                        .bind(["web", "phone", "visit", "grid_patrol"][rng.below(4)])
                        .bind(Some("王小明"))
                        .bind(Some(format!("138{:08}", rng.below(100_000_000))))
                        .bind((rng.below(3) == 0).then_some(locals.resident))
                        .bind(staff)
                        .bind(status.as_str())
                        .bind((rank >= 2).then_some(staff))
                        .bind((3..=7).contains(&rank).then_some(locals.volunteer))
                        .bind(false)
                        .bind(0_i32)
                        .bind(0_i32)
                        .bind(at)
                        .bind(at);
                }
                query.execute(&mut *tx).await?;
                written += rows;
            }
            tx.commit().await?;
            done += in_txn;
        }
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.pool).await?;
        Ok(missing as i64)
    }
}

const LOAD_COLUMNS: &str = "area_id, area_path, category, text, address, lat, lng, tags, urgency, channel, contact_name, contact_phone, \
     resident_id, submitted_by, status, owner_id, assignee_id, unclaimed, reopen_count, cosign_count, created_at, updated_at";

fn insert_sql(rows: usize) -> String {
    let one = format!("({})", vec!["?"; LOAD_COLUMNS.split(',').count()].join(", "));
    format!("INSERT INTO needs ({LOAD_COLUMNS}) VALUES {}", vec![one; rows].join(", "))
}

/// xorshift64: reproducible rows without another dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}
