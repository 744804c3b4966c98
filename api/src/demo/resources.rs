//! Demo resources: in every demo community a volunteer team (whose account receives dispatches) and
//! a party service station, a handful of services across the need categories — some categories left
//! without any, so the gap report has gaps — people who serve and three service spaces, one of
//! them open under 8 hours. Created through the service functions, by the community's staff.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use shared::{
    CostKind, GeoPoint, NewProvider, NewService, NewServicePerson, NewServiceSpace, PersonKind, ProviderKind, ServiceMode, SpaceKind,
    TargetGroup, TimeSlot,
};

use super::communities::COMMUNITIES;
use super::{demo_caller, local_staff, local_usernames};
use crate::entities::{area, provider, user};
use crate::error::ApiError;
use crate::services::resources::{people, providers, service, spaces};

fn slots(days: std::ops::RangeInclusive<u8>, start: &str, end: &str) -> Vec<TimeSlot> {
    days.map(|weekday| TimeSlot { weekday, start: start.into(), end: end.into() }).collect()
}

/// (name, category, groups, min age, max age, cost, price yuan, capacity, mode, schedule, by the party station)
type DemoService = (
    &'static str,
    &'static str,
    &'static [TargetGroup],
    Option<i32>,
    Option<i32>,
    CostKind,
    i64,
    i32,
    ServiceMode,
    fn() -> Vec<TimeSlot>,
    bool,
);

const SERVICES: &[DemoService] = &[
    (
        "助浴助洁上门服务",
        "elderly_care",
        &[TargetGroup::Elderly, TargetGroup::ElderlyLivingAlone],
        Some(60),
        None,
        CostKind::LowCost,
        20,
        8,
        ServiceMode::AtHome,
        || slots(1..=6, "08:30", "17:30"),
        false,
    ),
    ("家庭医生上门随访", "health", &[], None, None, CostKind::Free, 0, 12, ServiceMode::AtHome, || slots(1..=5, "08:00", "17:00"), false),
    (
        "四点半课堂",
        "minors",
        &[TargetGroup::ChildrenInDifficulty, TargetGroup::LeftBehindChildren],
        None,
        Some(17),
        CostKind::Free,
        0,
        20,
        ServiceMode::OnSite,
        || slots(1..=5, "16:00", "18:30"),
        false,
    ),
    ("线上法律咨询", "legal", &[], None, None, CostKind::Free, 0, 30, ServiceMode::Online, || slots(1..=5, "09:00", "17:00"), false),
    (
        "便民维修点",
        "convenience",
        &[],
        None,
        None,
        CostKind::LowCost,
        10,
        15,
        ServiceMode::OnSite,
        || slots(1..=7, "09:00", "18:00"),
        false,
    ),
    (
        "邻里调解室",
        "dispute",
        &[],
        None,
        None,
        CostKind::Free,
        0,
        10,
        ServiceMode::OnSite,
        || [slots(2..=2, "14:00", "17:00"), slots(4..=4, "14:00", "17:00")].concat(),
        true,
    ),
    ("家政保洁", "housekeeping", &[], None, None, CostKind::Market, 50, 5, ServiceMode::AtHome, || slots(1..=6, "08:00", "18:00"), false),
];

/// Creates the demo resources unless there are providers already.
pub async fn seed<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<usize, ApiError> {
    if provider::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let mut created = 0;
    for (n, c) in COMMUNITIES.iter().enumerate() {
        let Some(community) = area::Entity::find().filter(area::Column::Code.eq(c.code)).one(db).await? else { continue };
        let Ok(staff) = demo_caller(db, &local_staff(n)).await else { continue };
        let (volunteer, _) = local_usernames(n);
        let volunteer_id = user::Entity::find().filter(user::Column::Username.eq(volunteer.as_str())).one(db).await?.map(|u| u.id);
        let near = |k: f64| GeoPoint { lat: c.center_lat + 0.0015 * k, lng: c.center_lng + 0.001 * (k - 1.0) };
        let team = providers::create(
            db,
            &staff,
            &NewProvider {
                kind: ProviderKind::VolunteerTeam,
                name: format!("{}邻里志愿服务队", c.name),
                area_id: community.id,
                contact_name: Some("王芳".into()),
                contact_phone: Some(format!("1380013{:04}", 1000 + n)),
                user_id: volunteer_id,
                verified: true,
                description: "助老助残、邻里互助、便民维修".into(),
            },
            now,
            None,
        )
        .await?;
        let station = providers::create(
            db,
            &staff,
            &NewProvider {
                kind: ProviderKind::PartyOrganisation,
                name: format!("{}党群服务站", c.name),
                area_id: community.id,
                contact_name: None,
                contact_phone: None,
                user_id: None,
                verified: true,
                description: "党员报到、矛盾调解、议事协商".into(),
            },
            now,
            None,
        )
        .await?;
        created += 2;
        for (i, (name, category, groups, min_age, max_age, cost, price, capacity, mode, schedule, by_station)) in
            SERVICES.iter().enumerate()
        {
            // Every other community has no housekeeping service: a gap to find.
            if *category == "housekeeping" && n % 2 == 1 {
                continue;
            }
            let new = NewService {
                provider_id: Some(if *by_station { station.id } else { team.id }),
                person_id: None,
                name: (*name).into(),
                category: (*category).into(),
                description: String::new(),
                target_groups: groups.to_vec(),
                min_age: *min_age,
                max_age: *max_age,
                cost: *cost,
                price_fen: (*price > 0).then_some(price * 100),
                capacity_per_week: *capacity,
                schedule: schedule(),
                closed_days: vec![],
                mode: *mode,
                served_area_ids: vec![],
                point: Some(near(i as f64 / 2.0)),
                radius_m: None,
            };
            service::create(db, &staff, &new, now, None).await?;
            created += 1;
        }
        for (kind, name, certified, reported) in [
            (PersonKind::Volunteer, "李志愿", false, None),
            (PersonKind::PartyMember, "赵党员", false, Some((now - Duration::days(200)).date_naive())),
            (PersonKind::SocialWorker, "陈社工", true, None),
        ] {
            let new = NewServicePerson {
                kind,
                name: name.into(),
                phone: None,
                area_id: community.id,
                provider_id: (kind == PersonKind::Volunteer).then_some(team.id),
                user_id: None,
                certified,
                reported_on: reported,
            };
            people::create(db, &staff, &new, now, None).await?;
            created += 1;
        }
        for (kind, name, m2, hours, capacity) in [
            (SpaceKind::Elderly, "社区养老驿站", 280.0, slots(1..=7, "08:00", "20:00"), 40),
            (SpaceKind::Minors, "儿童之家", 120.0, [slots(1..=5, "15:00", "19:00"), slots(6..=6, "09:00", "17:00")].concat(), 30),
            (SpaceKind::Convenience, "便民服务中心", 200.0, slots(1..=7, "08:30", "17:30"), 60),
        ] {
            let new = NewServiceSpace {
                kind,
                name: format!("{}{}", c.name, name),
                area_id: community.id,
                address: None,
                point: Some(near(0.5)),
                floor_area_m2: m2,
                opening_hours: hours,
                capacity,
                provider_id: Some(station.id),
            };
            spaces::create(db, &staff, &new, now, None).await?;
            created += 1;
        }
    }
    Ok(created)
}
