//! The benchmark's database: a fresh SQLite file opened and migrated exactly as the server does it
//! (`api::db::connect`: WAL, synchronous=FULL), a district of 10 streets × 10 communities × 4 grids
//! with community profiles, and N needs with a realistic lifecycle loaded in bulk. Setup is timed
//! and reported, never part of a goal.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::scratch::ScratchDir;
use anyhow::Context as _;
use api::config::DatabaseSettings;
use api::domain::caller::Caller;
use api::domain::kpis::counters::contribution;
use api::domain::kpis::period::MonthKey;
use api::domain::need_categories::CATEGORIES;
use api::domain::scope::{Scope, path_ids};
use api::entities::{area, need};
use chrono::{DateTime, TimeZone as _, Utc};
use sea_orm::{DatabaseConnection, EntityTrait};
use shared::{AreaKind, CommunityProfile, Id, NeedStatus, NewArea, Role, Settlement};
use sqlx::SqlitePool;

pub const STREETS: usize = 10;
pub const COMMUNITIES_PER_STREET: usize = 10;
pub const GRIDS_PER_COMMUNITY: usize = 4;

/// A community or grid needs are filed in.
#[derive(Debug, Clone)]
pub struct Place {
    pub id: Id,
    pub path: String,
    /// Index of its community (0..100), for its volunteer.
    pub community: usize,
}

/// Counters folded from `contribution()` while generating: (area, month, counter) → value.
pub type Totals = HashMap<(Id, MonthKey, &'static str), i64>;

pub struct Fixture {
    pub db: DatabaseConnection,
    /// The very pool under `db`: the baseline runs on the same connections with the same pragmas.
    pub pool: SqlitePool,
    pub path: PathBuf,
    /// The district's admin: the dashboard's caller.
    pub caller: Caller,
    pub district: area::Model,
    pub places: Vec<Place>,
    /// Residents of all communities (the denominator of needs per 1 000 residents).
    pub population: i64,
    /// Submitter and owner of every need.
    staff: Id,
    /// One volunteer per community: the assignee of its needs.
    volunteers: Vec<Id>,
    /// Held so the database files live as long as the fixture (see [`ScratchDir`]).
    _dir: ScratchDir,
}

const STREET_NAMES: [&str; STREETS] = ["西兴", "长河", "浦沿", "江南", "闻涛", "新安", "钱塘", "白马", "龙湖", "星光"];
const COMMUNITY_NAMES: [&str; COMMUNITIES_PER_STREET] = ["缤纷", "江虹", "东信", "星民", "滨和", "湘滨", "春波", "月明", "海威", "彩虹"];
const GRID_NAMES: [&str; GRIDS_PER_COMMUNITY] = ["第一网格", "第二网格", "第三网格", "第四网格"];

async fn create_area(db: &DatabaseConnection, new: NewArea) -> anyhow::Result<area::Model> {
    let created = api::services::areas::create(db, None, &Scope::everything(), &new, None).await?;
    area::Entity::find_by_id(created.id).one(db).await?.context("area just created is missing")
}

async fn insert_user(pool: &SqlitePool, username: &str, display: &str, role: Role, area_id: Id) -> anyhow::Result<Id> {
    let now = Utc::now();
    let id = sqlx::query_scalar(
        "INSERT INTO users (username, display_name, role, area_id, password_hash, active, demo, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(username)
    .bind(display)
    .bind(role.as_str())
    .bind(area_id)
    .bind("!bench: no password")
    .bind(true)
    .bind(false)
    .bind(now)
    .bind(now)
    .fetch_one(pool)
    .await?;
    Ok(id)
}

impl Fixture {
    /// A new database file in a temp dir: `api::db::connect`, `api::db::migrate`, the area tree
    /// (through `services::areas::create`, as an admin would build it), a district admin and one
    /// volunteer per community.
    pub async fn fresh() -> anyhow::Result<Self> {
        let dir = ScratchDir::new("bench-kpis-")?;
        let path = dir.path().join("bench.db");
        let settings = DatabaseSettings { url: format!("sqlite://{}", path.display()), max_connections: 8 };
        let db = api::db::connect(&settings).await?;
        api::db::migrate(&db).await?;
        let pool = db.get_sqlite_connection_pool().clone();

        let mut rng = Rng::new(0x5EED_CAFE);
        let district = create_area(
            &db,
            NewArea {
                parent_id: None, kind: AreaKind::District, name: "滨江区".into(), code: Some("330108000000".into()), profile: None
            },
        )
        .await?;
        let mut places = Vec::new();
        let mut population = 0;
        for (s, street_name) in STREET_NAMES.iter().enumerate() {
            let street_code = format!("330108{:03}000", s + 1);
            let street = create_area(
                &db,
                NewArea {
                    parent_id: Some(district.id),
                    kind: AreaKind::Street,
                    name: format!("{street_name}街道"),
                    code: Some(street_code.clone()),
                    profile: None,
                },
            )
            .await?;
            for (c, community_name) in COMMUNITY_NAMES.iter().enumerate() {
                let people = 3_000 + rng.below(17_001) as i64;
                let per_home = 2.3 + rng.unit() * 0.7;
                let households = (people as f64 / per_home).round() as i64;
                // 20–45 m² of service facility per 100 households (the binding goal is 30).
                let facility = (households as f64 / 100.0 * (20.0 + rng.unit() * 25.0)).round();
                let profile = CommunityProfile {
                    settlement: Some(Settlement::Urban),
                    area_ha: Some(30.0 + rng.unit() * 270.0),
                    households: Some(households),
                    population: Some(people),
                    population_60_plus: Some((people as f64 * (0.12 + rng.unit() * 0.14)).round() as i64),
                    building_area_m2: Some((households as f64 * (80.0 + rng.unit() * 40.0)).round()),
                    facility_area_m2: Some(facility),
                    center_lat: Some(30.17 + rng.unit() * 0.08),
                    center_lng: Some(120.13 + rng.unit() * 0.12),
                };
                let community = create_area(
                    &db,
                    NewArea {
                        parent_id: Some(street.id),
                        kind: AreaKind::Community,
                        name: format!("{community_name}社区"),
                        code: Some(format!("{}{:03}", &street_code[..9], c + 1)),
                        profile: Some(profile),
                    },
                )
                .await?;
                population += people;
                let n = s * COMMUNITIES_PER_STREET + c;
                places.push(Place { id: community.id, path: community.path.clone(), community: n });
                for grid_name in GRID_NAMES {
                    let grid = create_area(
                        &db,
                        NewArea { parent_id: Some(community.id), kind: AreaKind::Grid, name: grid_name.into(), code: None, profile: None },
                    )
                    .await?;
                    places.push(Place { id: grid.id, path: grid.path, community: n });
                }
            }
        }
        let staff = insert_user(&pool, "bench-district", "滨江区管理员", Role::DistrictAdmin, district.id).await?;
        let mut volunteers = Vec::new();
        for p in places.iter().filter(|p| path_ids(&p.path).len() == 3) {
            volunteers.push(insert_user(&pool, &format!("bench-volunteer-{}", p.community), "志愿者", Role::Volunteer, p.id).await?);
        }
        let caller = api::services::auth::load_caller(&db, staff).await?.context("district admin inactive")?;
        Ok(Self { db, pool, path, caller, district, places, population, staff, volunteers, _dir: dir })
    }

    pub async fn count_needs(&self) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM needs").fetch_one(&self.pool).await?)
    }

    /// Size of the database file and its WAL, in bytes.
    pub fn bytes(&self) -> u64 {
        let wal = self.path.with_extension("db-wal");
        [&self.path, &wal].iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum()
    }

    /// Inserts `count` needs created from 2025-01-01 (China time) up to `now`, in id order, with
    /// multi-row INSERTs of 1 000 rows, one transaction per 100 000 rows, on one connection given a
    /// larger page cache for the load (put back afterwards). With `fold`, also returns every need's
    /// `contribution()` folded per area (its own and each ancestor), month and counter: the
    /// counters the service would keep.
    pub async fn load(&self, count: usize, now: DateTime<Utc>, fold: bool) -> anyhow::Result<Loaded> {
        const PER_STATEMENT: usize = 1_000; // 30 columns × 1 000 = 30 000 parameters, under SQLite's 32 766
        const PER_TRANSACTION: usize = 100_000;
        let started = Instant::now();
        let mut conn = self.pool.acquire().await?;
        let cache: i64 = sqlx::query_scalar("PRAGMA cache_size").fetch_one(&mut *conn).await?;
        sqlx::query("PRAGMA cache_size = -524288").execute(&mut *conn).await?; // 512 MiB while loading

        // The needs indexes are dropped for the load and created again after it, from the very SQL
        // the migrations left in sqlite_master: one sort per index instead of millions of scattered
        // inserts into them; the schema ends up byte for byte the same.
        let indexes: Vec<(String, String)> = sqlx::query_as(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'needs' AND sql IS NOT NULL ORDER BY name",
        )
        .fetch_all(&mut *conn)
        .await?;
        for (name, _) in &indexes {
            sqlx::query(sqlx::AssertSqlSafe(format!("DROP INDEX \"{name}\""))).execute(&mut *conn).await?;
        }
        let mut g = Generator::new(self, count, now);
        let mut totals = Totals::new();
        let mut folding = Duration::ZERO;
        let statement: Arc<str> = insert_sql(PER_STATEMENT).into();
        let mut done = 0;
        while done < count {
            let mut tx = sqlx::Connection::begin(&mut *conn).await?;
            let in_txn = PER_TRANSACTION.min(count - done);
            let mut written = 0;
            while written < in_txn {
                let rows = PER_STATEMENT.min(in_txn - written);
                let sql = if rows == PER_STATEMENT { statement.clone() } else { insert_sql(rows).into() };
                let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
                for _ in 0..rows {
                    let n = g.next();
                    if fold {
                        let t = Instant::now();
                        let c = contribution(&n);
                        for a in path_ids(&n.area_path) {
                            for (&(m, counter), &v) in &c {
                                *totals.entry((a, m, counter)).or_default() += v;
                            }
                        }
                        folding += t.elapsed();
                    }
                    query = query
                        .bind(n.area_id)
                        .bind(n.area_path)
                        .bind(n.category)
                        .bind(n.text)
                        .bind(n.address)
                        .bind(n.lat)
                        .bind(n.lng)
                        .bind(n.tags)
                        .bind(n.urgency)
                        .bind(n.channel)
                        .bind(n.contact_name)
                        .bind(n.contact_phone)
                        .bind(n.submitted_by)
                        .bind(n.status)
                        .bind(n.owner_id)
                        .bind(n.assignee_id)
                        .bind(n.dispatched_at)
                        .bind(n.response_due_at)
                        .bind(n.completion_due_at)
                        .bind(n.unclaimed)
                        .bind(n.reopen_count)
                        .bind(n.rating)
                        .bind(n.rating_comment)
                        .bind(n.resolution)
                        .bind(n.reason)
                        .bind(n.cosign_count)
                        .bind(n.responded_at)
                        .bind(n.resolved_at)
                        .bind(n.volunteer_minutes)
                        .bind(n.created_at)
                        .bind(n.updated_at);
                }
                query.execute(&mut *tx).await?;
                written += rows;
            }
            tx.commit().await?;
            done += in_txn;
        }
        let indexing = Instant::now();
        for (_, sql) in &indexes {
            sqlx::query(sqlx::AssertSqlSafe(sql.clone())).execute(&mut *conn).await?;
        }
        let indexing = indexing.elapsed();
        sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA cache_size = {cache}"))).execute(&mut *conn).await?;
        drop(conn);
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.pool).await?;
        totals.retain(|_, v| *v != 0);
        Ok(Loaded { took: started.elapsed(), folding, indexing, indexes: indexes.len(), mix: g.mix, totals: fold.then_some(totals) })
    }

    /// Writes folded counters into `kpi_counters` (empty before): multi-row INSERTs in one transaction.
    pub async fn write_counters(&self, totals: &Totals) -> anyhow::Result<usize> {
        const PER_STATEMENT: usize = 1_000;
        let mut rows: Vec<_> = totals.iter().map(|(&(a, m, c), &v)| (a, m, c, v)).collect();
        rows.sort_unstable();
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM kpi_counters").execute(&mut *tx).await?;
        for chunk in rows.chunks(PER_STATEMENT) {
            let sql = format!(
                "INSERT INTO kpi_counters (area_id, month, counter, value) VALUES {}",
                vec!["(?, ?, ?, ?)"; chunk.len()].join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for &(a, m, c, v) in chunk {
                q = q.bind(a).bind(m).bind(c).bind(v);
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.pool).await?;
        Ok(rows.len())
    }
}

/// What loading did.
pub struct Loaded {
    pub took: Duration,
    /// Part of `took` spent folding contributions.
    pub folding: Duration,
    /// Part of `took` spent creating the needs indexes again.
    pub indexing: Duration,
    pub indexes: usize,
    pub mix: Mix,
    pub totals: Option<Totals>,
}

/// How the generated needs ended up, to show the lifecycle mix is what it should be.
#[derive(Debug, Default, Clone, Copy)]
pub struct Mix {
    pub needs: u64,
    pub responded: u64,
    pub resolved: u64,
    pub on_time: u64,
    pub rated: u64,
    pub satisfied: u64,
    pub with_minutes: u64,
}

impl Mix {
    pub fn describe(&self) -> String {
        let pct = |x: u64| 100.0 * x as f64 / self.needs.max(1) as f64;
        format!(
            "responded {:.1} %, resolved {:.1} % ({:.1} % of them on time), rated {:.1} % ({:.1} % of them 4–5 stars), volunteer minutes on {:.1} %",
            pct(self.responded),
            pct(self.resolved),
            100.0 * self.on_time as f64 / self.resolved.max(1) as f64,
            pct(self.rated),
            100.0 * self.satisfied as f64 / self.rated.max(1) as f64,
            pct(self.with_minutes),
        )
    }
}

const LOAD_COLUMNS: &str = "area_id, area_path, category, text, address, lat, lng, tags, urgency, channel, contact_name, contact_phone, \
     submitted_by, status, owner_id, assignee_id, dispatched_at, response_due_at, completion_due_at, unclaimed, reopen_count, rating, \
     rating_comment, resolution, reason, cosign_count, responded_at, resolved_at, volunteer_minutes, created_at, updated_at";

fn insert_sql(rows: usize) -> String {
    let one = format!("({})", vec!["?"; LOAD_COLUMNS.split(',').count()].join(", "));
    format!("INSERT INTO needs ({LOAD_COLUMNS}) VALUES {}", vec![one; rows].join(", "))
}

/// 2025-01-01 00:00 China time.
pub fn first_day() -> DateTime<Utc> {
    api::clock::china().with_ymd_and_hms(2025, 1, 1, 0, 0, 0).single().expect("valid date").with_timezone(&Utc)
}

const TEXTS: [&str; 12] = [
    "家里老人行动不便，想申请每周两次上门助浴和理发服务。",
    "楼道灯坏了好几天，晚上老人出入很不方便，请尽快安排维修。",
    "孩子放学后无人看护，希望社区能提供四点半课堂托管。",
    "小区东门附近的下水道堵塞，雨天积水严重，请协调物业处理。",
    "独居老人想学习用智能手机挂号和视频通话，希望有志愿者上门教。",
    "邻里之间因装修噪音发生纠纷，希望社区调解员帮忙协调。",
    "家中残疾人需要办理辅具适配，想了解申请流程并预约评估。",
    "失业半年，想参加社区组织的技能培训并推荐就业岗位。",
    "希望社区卫生服务站能定期上门为卧床老人测血压血糖。",
    "想咨询遗产继承相关的法律问题，希望预约律师面对面解答。",
    "小区健身器材损坏，存在安全隐患，请安排检修或更换。",
    "退役军人家庭生活困难，想了解优抚政策和临时救助申请。",
];
const RESOLUTIONS: [&str; 4] = [
    "已安排志愿者上门服务，居民确认问题解决。",
    "已协调物业完成维修，现场复核无误。",
    "已对接相关服务机构，服务已完成并回访。",
    "已电话回访，居民对处理结果表示认可。",
];
const COMMENTS: [&str; 3] = ["服务很及时，谢谢社区！", "志愿者很耐心，问题解决了。", "处理有点慢，但结果满意。"];
const SURNAMES: [&str; 8] = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"];

/// Makes needs one after another, in creation order, with the lifecycle mix of a busy district:
/// ~85 % responded (0.5–72 h after submission, log-uniform), ~70 % resolved (~80 % by the completion
/// deadline), ~50 % rated (rating 1–5 skewed high), volunteer minutes on some resolved ones. Events
/// that would fall after `now` have not happened yet.
struct Generator<'a> {
    f: &'a Fixture,
    rng: Rng,
    count: usize,
    i: usize,
    start: DateTime<Utc>,
    span: i64,
    now: DateTime<Utc>,
    mix: Mix,
}

impl<'a> Generator<'a> {
    fn new(f: &'a Fixture, count: usize, now: DateTime<Utc>) -> Self {
        let start = first_day();
        Self {
            f,
            rng: Rng::new(0x9E37_79B9_7F4A_7C15),
            count,
            i: 0,
            start,
            span: (now - start).num_seconds().max(1),
            now,
            mix: Mix::default(),
        }
    }

    fn next(&mut self) -> need::Model {
        let (i, rng) = (self.i, &mut self.rng);
        self.i += 1;
        let step = (self.span / self.count.max(1) as i64).max(1);
        let offset = (i as i128 * self.span as i128 / self.count.max(1) as i128) as i64 + rng.below(step as usize) as i64;
        let created = self.start + chrono::Duration::seconds(offset.min(self.span - 1));
        let place = &self.f.places[rng.below(self.f.places.len())];
        let category = &CATEGORIES[rng.below(CATEGORIES.len())];
        let u = rng.unit();
        let urgency = if u < 0.80 {
            0
        } else if u < 0.95 {
            1
        } else {
            2
        };
        let hour = 3600.0;

        // The plan of this need's life, then cut at `now`: accepted within the first third of the
        // time to the first response, dispatched halfway between, deadlines from acceptance.
        let responds = rng.unit() < 0.85;
        let to_response = 1800.0 * 144f64.powf(rng.unit()); // 0.5–72 h, log-uniform
        let responded = created + chrono::Duration::seconds(to_response as i64);
        let accepted = created + chrono::Duration::seconds((to_response * (0.05 + rng.unit() * 0.28)) as i64);
        let response_due = accepted + chrono::Duration::hours(category.response_hours[urgency]);
        let completion_due = accepted + chrono::Duration::hours(category.completion_hours[urgency]);
        let resolves = responds && rng.unit() < 0.70 / 0.85;
        // 85 % planned on time: some deadlines (an emergency's 8 h) pass before the first response.
        let on_time = rng.unit() < 0.85;
        let resolved = if on_time && completion_due > responded + chrono::Duration::minutes(10) {
            let room = (completion_due - responded).num_seconds() as f64;
            responded + chrono::Duration::seconds((600.0 + rng.unit() * (room - 600.0)) as i64)
        } else {
            completion_due.max(responded) + chrono::Duration::seconds((600.0 + rng.unit() * 96.0 * hour) as i64)
        };
        let rates = resolves && rng.unit() < 0.50 / 0.70;
        let rated_at = resolved + chrono::Duration::seconds((hour + rng.unit() * 71.0 * hour) as i64);
        let r = rng.unit();
        let rating = if r < 0.50 {
            5
        } else if r < 0.80 {
            4
        } else if r < 0.90 {
            3
        } else if r < 0.95 {
            2
        } else {
            1
        };
        let minutes = (rng.unit() < 0.40).then(|| 30 + 15 * rng.below(19) as i32);

        let responded = (responds && responded <= self.now).then_some(responded);
        let resolved = (resolves && responded.is_some() && resolved <= self.now).then_some(resolved);
        let rated = rates && resolved.is_some() && rated_at <= self.now;
        let status = match (responded, resolved, rated) {
            (_, Some(_), true) => [NeedStatus::Rated, NeedStatus::Rated, NeedStatus::Closed][rng.below(3)],
            (_, Some(_), false) => [NeedStatus::Resolved, NeedStatus::Resolved, NeedStatus::Resolved, NeedStatus::Closed][rng.below(4)],
            (Some(_), None, _) => [NeedStatus::Claimed, NeedStatus::InProgress, NeedStatus::InProgress][rng.below(3)],
            (None, _, _) => {
                const OPEN: [NeedStatus; 10] = [
                    NeedStatus::Submitted,
                    NeedStatus::Submitted,
                    NeedStatus::Returned,
                    NeedStatus::Accepted,
                    NeedStatus::Accepted,
                    NeedStatus::Dispatched,
                    NeedStatus::Dispatched,
                    NeedStatus::Dispatched,
                    NeedStatus::Rejected,
                    NeedStatus::Cancelled,
                ];
                OPEN[rng.below(OPEN.len())]
            }
        };
        let accepted_yet = !matches!(status, NeedStatus::Submitted | NeedStatus::Returned | NeedStatus::Rejected | NeedStatus::Cancelled);
        let dispatched_yet = accepted_yet && status != NeedStatus::Accepted;
        let dispatched_at = dispatched_yet.then(|| accepted + (responded.unwrap_or(accepted + chrono::Duration::hours(1)) - accepted) / 2);
        let rating = rated.then_some(rating);
        let volunteer_minutes = resolved.and(minutes);
        let updated = [Some(created), accepted_yet.then_some(accepted), dispatched_at, responded, resolved, rated.then_some(rated_at)]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(created)
            .min(self.now.max(created));

        let m = &mut self.mix;
        m.needs += 1;
        m.responded += u64::from(responded.is_some());
        m.resolved += u64::from(resolved.is_some());
        m.on_time += u64::from(resolved.is_some_and(|r| r <= completion_due));
        m.rated += u64::from(rated);
        m.satisfied += u64::from(rating.is_some_and(|r| r >= 4));
        m.with_minutes += u64::from(volunteer_minutes.is_some());

        let text = TEXTS[rng.below(TEXTS.len())];
        need::Model {
            id: 0,
            area_id: place.id,
            area_path: place.path.clone(),
            category: category.code.into(),
            text: format!("{}幢{}单元：{text}", rng.below(30) + 1, rng.below(6) + 1),
            address: (rng.below(2) == 0)
                .then(|| format!("幸福小区{}幢{}单元{}室", rng.below(30) + 1, rng.below(6) + 1, rng.below(1200) + 101)),
            at_home: false,
            lat: Some(30.17 + rng.unit() * 0.08),
            lng: Some(120.13 + rng.unit() * 0.12),
            tags: if rng.below(3) == 0 { ",elderly,".into() } else { ",".into() },
            urgency: ["normal", "urgent", "emergency"][urgency].into(),
            preferred_time: None,
            channel: ["web", "phone", "visit", "grid_patrol"][rng.below(4)].into(),
            contact_name: Some(format!("{}先生", SURNAMES[rng.below(SURNAMES.len())])),
            contact_phone: Some(format!("138{:08}", rng.below(100_000_000))),
            resident_id: None,
            submitted_by: self.f.staff,
            status: status.as_str().into(),
            owner_id: accepted_yet.then_some(self.f.staff),
            assignee_id: dispatched_yet.then_some(self.f.volunteers[place.community]),
            service_id: None,
            missing: None,
            dispatched_at,
            acceptance_due_at: None,
            response_due_at: accepted_yet.then_some(response_due),
            completion_due_at: accepted_yet.then_some(completion_due),
            escalated_at: None,
            unclaimed: false,
            reopen_count: 0,
            rating,
            rating_comment: rating.filter(|_| rng.below(3) == 0).map(|_| COMMENTS[rng.below(COMMENTS.len())].into()),
            resolution: resolved.map(|_| RESOLUTIONS[rng.below(RESOLUTIONS.len())].into()),
            reason: matches!(status, NeedStatus::Rejected | NeedStatus::Cancelled)
                .then(|| "不属于社区服务范围，已告知居民其他办理渠道。".into()),
            cosign_count: 0,
            responded_at: responded,
            resolved_at: resolved,
            volunteer_minutes,
            return_visit: false,
            created_at: created,
            updated_at: updated,
        }
    }
}

/// xorshift64: reproducible rows without another dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}
