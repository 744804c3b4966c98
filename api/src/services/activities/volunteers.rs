//! The volunteer's record: cumulative hours served (credits for activities and needs, less their
//! reversals — spending hours in the time bank does not lower what was served), balances, star
//! level under the district's thresholds, what was served, and the certificate of hours
//! (志愿服务证明). Read by the person and by the staff of their home's subtree.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{
    AreaKind, FieldRule, HolderKind, Id, LedgerUnit, ServiceRecord, SetStarLevels, StarLevel, StarLevels, TransferKind,
    VolunteerCertificate, VolunteerProfile,
};

use crate::domain::caller::Caller;
use crate::domain::masking::mask_name;
use crate::domain::scope::path_ids;
use crate::domain::star_levels::{self, BadThresholds, DEFAULT_MIN_HOURS, NAMES};
use crate::entities::stored::stored;
use crate::entities::{activity, area, ledger_account, ledger_posting, ledger_transfer, star_level, user};
use crate::error::ApiError;
use crate::policy::{self, Action, Refused};

/// The thresholds that apply at an area: the nearest area on its path with rows, else the defaults.
pub async fn thresholds_at<C: ConnectionTrait>(db: &C, area_path: &str) -> Result<(Option<Id>, Vec<i64>), ApiError> {
    let rows = star_level::Entity::find().filter(star_level::Column::AreaId.is_in(path_ids(area_path))).all(db).await?;
    let mut by_area: HashMap<Id, (usize, Vec<(i32, i64)>)> = HashMap::new();
    for r in rows {
        let entry = by_area.entry(r.area_id).or_insert_with(|| (r.area_path.len(), Vec::new()));
        entry.1.push((r.level, r.min_hours));
    }
    let nearest = by_area.into_iter().max_by_key(|(_, (depth, _))| *depth);
    Ok(match nearest {
        Some((area, (_, mut levels))) => {
            levels.sort_unstable();
            (Some(area), levels.into_iter().map(|(_, h)| h).collect())
        }
        None => (None, DEFAULT_MIN_HOURS.to_vec()),
    })
}

pub(super) fn levels_of(min_hours: &[i64]) -> Vec<StarLevel> {
    min_hours
        .iter()
        .enumerate()
        .map(|(i, h)| StarLevel { level: i as i32 + 1, name: NAMES.get(i).copied().unwrap_or_default().into(), min_hours: *h })
        .collect()
}

/// The star levels that apply in an area of the caller's reach.
pub async fn levels<C: ConnectionTrait>(db: &C, caller: &Caller, area_id: Id) -> Result<StarLevels, ApiError> {
    policy::require(caller, Action::ReadVolunteers)?;
    let a = policy::load::<area::Entity, _>(db, caller, area_id).await?;
    let (set_by, hours) = thresholds_at(db, &a.path).await?;
    Ok(StarLevels { area_id, set_by_area_id: set_by, levels: levels_of(&hours) })
}

/// Sets a district's thresholds (all five at once).
pub async fn set_levels<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    area_id: Id,
    req: &SetStarLevels,
    now: DateTime<Utc>,
) -> Result<StarLevels, ApiError> {
    policy::require(caller, Action::SetStarLevels)?;
    let a = policy::load::<area::Entity, _>(db, caller, area_id).await?;
    if a.kind != AreaKind::District.as_str() {
        return Err(ApiError::Conflict(format!("area {area_id} is not a district; star levels are set per district")));
    }
    if let Err(bad) = star_levels::check(&req.min_hours) {
        let rule = match bad {
            BadThresholds::NotFive => FieldRule::OutOfRange,
            BadThresholds::NotPositive => FieldRule::NotPositive,
            BadThresholds::NotRising => FieldRule::Invalid,
        };
        return Err(ApiError::field("/min_hours", rule, bad.to_string()));
    }
    star_level::Entity::delete_many().filter(star_level::Column::AreaId.eq(area_id)).exec(db).await?;
    for (i, h) in req.min_hours.iter().enumerate() {
        star_level::ActiveModel {
            area_id: Set(a.id),
            area_path: Set(a.path.clone()),
            level: Set(i as i32 + 1),
            min_hours: Set(*h),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(StarLevels { area_id, set_by_area_id: Some(area_id), levels: levels_of(&req.min_hours) })
}

/// A person's record, worked out from the ledger.
struct Record {
    served_minutes: i64,
    minutes_balance: i64,
    points_balance: i64,
    activities: i64,
    needs: i64,
    records: Vec<ServiceRecord>,
}

/// What a person served, from the postings of their accounts: each credit for an activity or a need,
/// less what was reversed.
async fn record_of<C: ConnectionTrait>(db: &C, person: Id) -> Result<Record, ApiError> {
    let accounts = ledger_account::Entity::find()
        .filter(ledger_account::Column::HolderId.eq(person))
        .filter(ledger_account::Column::HolderKind.is_in([HolderKind::Volunteer.as_str(), HolderKind::Resident.as_str()]))
        .all(db)
        .await?;
    let (mut minutes_balance, mut points_balance) = (0, 0);
    let mut minute_accounts = Vec::new();
    for a in &accounts {
        match stored::<LedgerUnit>(&a.unit, "ledger_accounts", a.id)? {
            LedgerUnit::Minutes => {
                minutes_balance += a.balance;
                minute_accounts.push(a.id);
            }
            LedgerUnit::Points => points_balance += a.balance,
        }
    }
    let postings = ledger_posting::Entity::find().filter(ledger_posting::Column::AccountId.is_in(minute_accounts)).all(db).await?;
    let transfers: HashMap<Id, ledger_transfer::Model> = ledger_transfer::Entity::find()
        .filter(ledger_transfer::Column::Id.is_in(postings.iter().map(|p| p.transfer_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    // Credits for service, by transfer id; reversals of them subtract.
    let mut credits: Vec<(ledger_transfer::Model, i64)> = Vec::new();
    let mut reversed: HashMap<Id, i64> = HashMap::new();
    for p in &postings {
        let Some(t) = transfers.get(&p.transfer_id) else { continue };
        match stored::<TransferKind>(&t.kind, "ledger_transfers", t.id)? {
            TransferKind::Activity | TransferKind::NeedServed => credits.push((t.clone(), p.amount)),
            TransferKind::Reversal => {
                if let Some(original) = t.reverses_id {
                    *reversed.entry(original).or_default() += p.amount;
                }
            }
            _ => {}
        }
    }
    let activity_ids: Vec<Id> =
        credits.iter().filter(|(t, _)| t.source_kind.as_deref() == Some("activity")).filter_map(|(t, _)| t.source_id).collect();
    let titles: HashMap<Id, String> = activity::Entity::find()
        .filter(activity::Column::Id.is_in(activity_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.title))
        .collect();
    let (mut served, mut activities, mut needs) = (0, 0, 0);
    let mut records = Vec::with_capacity(credits.len());
    for (t, amount) in credits {
        let net = amount + reversed.get(&t.id).copied().unwrap_or(0);
        served += net;
        let source_id = t.source_id.unwrap_or_default();
        let (kind, title) = if t.source_kind.as_deref() == Some("activity") {
            if net > 0 {
                activities += 1;
            }
            ("activity", titles.get(&source_id).cloned().unwrap_or_else(|| format!("志愿活动 #{source_id}")))
        } else {
            if net > 0 {
                needs += 1;
            }
            ("need", format!("服务需求 #{source_id}"))
        };
        records.push(ServiceRecord { kind: kind.into(), source_id, title, served_at: t.created_at, minutes: net });
    }
    records.sort_by(|a, b| b.served_at.cmp(&a.served_at).then(b.source_id.cmp(&a.source_id)));
    Ok(Record { served_minutes: served, minutes_balance, points_balance, activities, needs, records })
}

fn hours(minutes: i64) -> f64 {
    (minutes as f64 / 6.0).round() / 10.0
}

/// The person whose record the caller asks for: themselves, or someone of their subtree (staff).
async fn person<C: ConnectionTrait>(db: &C, caller: &Caller, id: Option<Id>) -> Result<(user::Model, bool), ApiError> {
    match id {
        None => {
            policy::require(caller, Action::ReadOwnVolunteerRecord)?;
            Ok((user::Entity::find_by_id(caller.id).one(db).await?.ok_or(ApiError::NotFound("volunteer"))?, true))
        }
        Some(id) => {
            policy::require(caller, Action::ReadVolunteers).map_err(ApiError::from)?;
            let found = user::Entity::find_by_id(id).filter(policy::activities::volunteer_reach(caller)).one(db).await?;
            let found = found.ok_or(Refused::NotFound("volunteer"))?;
            let home = area::Entity::find_by_id(found.area_id).one(db).await?.map(|a| a.path).unwrap_or_default();
            let reveal = policy::may_in(caller, Action::HandlePersonalData, &home);
            Ok((found, reveal))
        }
    }
}

/// A volunteer's profile; `id` none: the caller's own.
pub async fn profile<C: ConnectionTrait>(db: &C, caller: &Caller, id: Option<Id>) -> Result<VolunteerProfile, ApiError> {
    let (u, reveal) = person(db, caller, id).await?;
    let home = area::Entity::find_by_id(u.area_id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
    let r = record_of(db, u.id).await?;
    let (_, thresholds) = thresholds_at(db, &home.path).await?;
    let levels = levels_of(&thresholds);
    let level = star_levels::level_for(r.served_minutes, &thresholds);
    let star = (level > 0).then(|| levels[level as usize - 1].clone());
    let next_star = levels.get(level as usize).cloned();
    let hours_to_next = next_star.as_ref().map(|n| hours(n.min_hours * 60 - r.served_minutes));
    Ok(VolunteerProfile {
        user_id: u.id,
        name: if reveal { u.display_name.clone() } else { mask_name(&u.display_name) },
        area_id: home.id,
        area_name: home.name,
        served_minutes: r.served_minutes,
        served_hours: hours(r.served_minutes),
        minutes_balance: r.minutes_balance,
        points_balance: r.points_balance,
        star,
        next_star,
        hours_to_next,
        activities_attended: r.activities,
        needs_served: r.needs,
        records: r.records,
    })
}

/// The certificate of hours (志愿服务证明), certified by the person's community.
pub async fn certificate<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Option<Id>,
    now: DateTime<Utc>,
) -> Result<VolunteerCertificate, ApiError> {
    let p = profile(db, caller, id).await?;
    let home = area::Entity::find_by_id(p.area_id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
    let community = crate::services::ledger::community_of(db, &home.path).await?.unwrap_or(home);
    let issued_on = crate::clock::china_date(now);
    let mut records: Vec<ServiceRecord> = p.records.into_iter().filter(|r| r.minutes > 0).collect();
    records.reverse();
    let star = p.star.as_ref().map(|s| format!("，评定为{}", s.name)).unwrap_or_default();
    let statement = format!(
        "兹证明{}同志在{}累计参加志愿服务 {} 小时（志愿活动 {} 次，服务需求 {} 件）{}。特此证明。",
        p.name, community.name, p.served_hours, p.activities_attended, p.needs_served, star
    );
    Ok(VolunteerCertificate {
        number: format!("ZYFW-{}-{}-{}", community.id, p.user_id, issued_on.format("%Y%m%d")),
        user_id: p.user_id,
        name: p.name,
        issued_by: community.name,
        issued_at: now,
        served_hours: p.served_hours,
        star: p.star,
        activities_attended: p.activities_attended,
        needs_served: p.needs_served,
        statement,
        records,
    })
}
