//! Demo data: the ten pilot communities of seed 004 with their real administrative tree, a few grids
//! each, and one demo account per role. Loaded by `happyhome seed-demo` (and `just run`); running it
//! again changes nothing.

pub mod activities;
pub mod clients;
pub mod communities;
pub mod kpis;
pub mod ledger;
pub mod needs;
pub mod programs;
pub mod programs_data;
pub mod residents;
pub mod resources;
pub mod shop;
pub mod surveys;
pub mod topics;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{AreaKind, CommunityProfile, Id, NewArea, NewUser, Role, Settlement};

use crate::domain::password::Hasher;
use crate::domain::scope::Scope;
use crate::entities::{area, user};
use crate::error::ApiError;
use crate::services::{areas, users};
use communities::{COMMUNITIES, DemoPlace};

/// The demo accounts: username, display name, role, and the name of their home area.
pub const DEMO_USERS: [(&str, &str, Role, &str); 9] = [
    ("admin", "平台管理员", Role::PlatformAdmin, "浙江省"),
    ("district", "滨江区管理员", Role::DistrictAdmin, "滨江区"),
    ("street", "西兴街道工作人员", Role::StreetStaff, "西兴街道"),
    ("community", "缤纷社区工作者", Role::CommunityStaff, "缤纷社区"),
    ("grid", "缤纷社区网格员", Role::GridWorker, "缤纷社区"),
    ("provider", "滨江为老服务中心", Role::Provider, "滨江区"),
    ("volunteer", "缤纷志愿者", Role::Volunteer, "缤纷社区"),
    ("resident", "缤纷居民", Role::Resident, "缤纷社区"),
    ("integration", "小程序后台", Role::Integration, "滨江区"),
];

/// The demo volunteer and resident of the n-th community (ordered by id; 缤纷社区 is the first).
pub fn local_usernames(n: usize) -> (String, String) {
    if n == 0 { ("volunteer".into(), "resident".into()) } else { (format!("volunteer{}", n + 1), format!("resident{}", n + 1)) }
}

/// The demo community worker of the n-th community (缤纷社区 has the `community` account).
pub fn local_staff(n: usize) -> String {
    if n == 0 { "community".into() } else { format!("community{}", n + 1) }
}

/// A demo account as a caller, so demo data goes through the same service functions as the API.
pub(crate) async fn demo_caller<C: ConnectionTrait>(db: &C, username: &str) -> Result<crate::domain::caller::Caller, ApiError> {
    let found = user::Entity::find().filter(user::Column::Username.eq(username)).one(db).await?;
    let id = found.map(|u| u.id).ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("demo user {username} missing")))?;
    crate::services::auth::load_caller(db, id).await?.ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("demo user {username} inactive")))
}

/// What seeding did.
#[derive(Debug, Default)]
pub struct Seeded {
    pub areas: usize,
    pub users: usize,
}

/// Finds an area by code (or by name under its parent, for grids) or creates it.
async fn ensure_area<C: ConnectionTrait>(
    db: &C,
    parent: Option<Id>,
    kind: AreaKind,
    name: &str,
    code: Option<&str>,
    profile: Option<CommunityProfile>,
    seeded: &mut Seeded,
) -> Result<Id, ApiError> {
    let mut existing = area::Entity::find();
    existing = match code {
        Some(code) => existing.filter(area::Column::Code.eq(code)),
        None => existing.filter(area::Column::Name.eq(name)).filter(area::Column::ParentId.eq(parent)),
    };
    if let Some(found) = existing.one(db).await? {
        return Ok(found.id);
    }
    let new = NewArea { parent_id: parent, kind, name: name.into(), code: code.map(Into::into), profile };
    let created = areas::create(db, None, &Scope::everything(), &new, None).await?;
    seeded.areas += 1;
    Ok(created.id)
}

async fn ensure_place<C: ConnectionTrait>(
    db: &C,
    parent: Option<Id>,
    kind: AreaKind,
    place: &DemoPlace,
    seeded: &mut Seeded,
) -> Result<Id, ApiError> {
    ensure_area(db, parent, kind, place.name, Some(place.code), None, seeded).await
}

/// Loads the demo areas and accounts; safe to run on every start.
pub async fn seed<C: ConnectionTrait>(db: &C, hasher: Hasher, password: &str) -> Result<Seeded, ApiError> {
    let mut seeded = Seeded::default();
    for c in &COMMUNITIES {
        let province = ensure_place(db, None, AreaKind::Province, &c.province, &mut seeded).await?;
        let city = ensure_place(db, Some(province), AreaKind::City, &c.city, &mut seeded).await?;
        let district = ensure_place(db, Some(city), AreaKind::District, &c.district, &mut seeded).await?;
        let street = ensure_place(db, Some(district), AreaKind::Street, &c.street, &mut seeded).await?;
        let profile = CommunityProfile {
            settlement: Some(if c.urban { Settlement::Urban } else { Settlement::Rural }),
            area_ha: Some(c.area_ha),
            households: Some(c.households),
            population: Some(c.population),
            population_60_plus: c.population_60_plus,
            // The case book gives no floor areas: about 30 m² of service facility per 100 households.
            building_area_m2: Some((c.households as f64 * 95.0).round()),
            facility_area_m2: Some((c.households as f64 * (0.27 + 0.01 * (c.households % 7) as f64)).round()),
            center_lat: Some(c.center_lat),
            center_lng: Some(c.center_lng),
        };
        let community = ensure_area(db, Some(street), AreaKind::Community, c.name, Some(c.code), Some(profile), &mut seeded).await?;
        for grid in c.grids {
            ensure_area(db, Some(community), AreaKind::Grid, grid, None, None, &mut seeded).await?;
        }
    }
    ledger::seed_rules(db).await?;
    let mut accounts: Vec<(String, String, Role, String)> =
        DEMO_USERS.iter().map(|(u, d, r, h)| (u.to_string(), d.to_string(), *r, h.to_string())).collect();
    // Every other community gets a volunteer and a resident of its own, so its needs can travel the whole lifecycle.
    for (n, c) in COMMUNITIES.iter().enumerate().skip(1) {
        let (volunteer, resident) = local_usernames(n);
        accounts.push((volunteer, format!("{}志愿者", c.name), Role::Volunteer, c.name.to_string()));
        accounts.push((resident, format!("{}居民", c.name), Role::Resident, c.name.to_string()));
        accounts.push((local_staff(n), format!("{}社区工作者", c.name), Role::CommunityStaff, c.name.to_string()));
    }
    for (username, display_name, role, home) in accounts {
        let (username, display_name, home) = (username.as_str(), display_name.as_str(), home.as_str());
        if user::Entity::find().filter(user::Column::Username.eq(username)).one(db).await?.is_some() {
            continue;
        }
        let home = area::Entity::find()
            .filter(area::Column::Name.eq(home))
            .one(db)
            .await?
            .ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("demo area {home} missing")))?;
        // Grid workers live in a grid: take the community's first one.
        let area_id = if role == Role::GridWorker {
            area::Entity::find().filter(area::Column::ParentId.eq(home.id)).one(db).await?.map_or(home.id, |g| g.id)
        } else {
            home.id
        };
        let new = NewUser {
            username: username.into(),
            display_name: display_name.into(),
            role,
            area_id,
            password: password.into(),
            provider_id: None,
        };
        users::create(db, None, &Scope::everything(), hasher, &new, true, None).await?;
        seeded.users += 1;
    }
    seeded.users += residents::seed(db, chrono::Utc::now()).await?;
    // The merchant (商户) of 缤纷社区's points shop; last, so the ids of every account above stay put.
    if user::Entity::find().filter(user::Column::Username.eq("merchant")).one(db).await?.is_none() {
        let home = area::Entity::find()
            .filter(area::Column::Name.eq("缤纷社区"))
            .one(db)
            .await?
            .ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("demo area 缤纷社区 missing")))?;
        let new = NewUser {
            username: "merchant".into(),
            display_name: "缤纷便利店".into(),
            role: Role::Merchant,
            area_id: home.id,
            password: password.into(),
            // Named once the shop's provider exists (`shop::seed`).
            provider_id: None,
        };
        users::create(db, None, &Scope::everything(), hasher, &new, true, None).await?;
        seeded.users += 1;
    }
    Ok(seeded)
}

/// Disables demo accounts; the server does this when it starts without demo mode, so known demo
/// passwords never open a real deployment.
pub async fn disable_demo_users<C: ConnectionTrait>(db: &C) -> Result<u64, ApiError> {
    let result = user::Entity::update_many()
        .col_expr(user::Column::Active, sea_orm::sea_query::Expr::value(false))
        .filter(user::Column::Demo.eq(true))
        .filter(user::Column::Active.eq(true))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Re-enables demo accounts (when the server starts in demo mode again).
pub async fn enable_demo_users<C: ConnectionTrait>(db: &C) -> Result<u64, ApiError> {
    let result = user::Entity::update_many()
        .col_expr(user::Column::Active, sea_orm::sea_query::Expr::value(true))
        .filter(user::Column::Demo.eq(true))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}
