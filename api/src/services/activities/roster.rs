//! The roster of registered volunteers (志愿者名册) in the caller's subtree: each with hours served,
//! star level, the latest service and whether they are active (served in the last 90 days, the
//! KPI's rule), searched, filtered, sorted and paged with totals. Hours come from the ledger in a
//! few batched reads — credits for activities and needs, less their reversals — the same sum as a
//! profile's ([`super::volunteers`]).

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{HolderKind, Id, LedgerUnit, Role, TransferKind, VolunteerPage, VolunteerSummary};

use super::kpi::ACTIVE_DAYS;
use super::volunteers::{levels_of, thresholds_at};
use crate::domain::caller::Caller;
use crate::domain::masking::{mask_name, mask_phone};
use crate::domain::scope::Scope;
use crate::domain::star_levels;
use crate::entities::stored::stored;
use crate::entities::{area, ledger_account, ledger_posting, ledger_transfer, user};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::page::PageRequest;

/// How the roster is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterSort {
    /// Most hours first (the default).
    Hours,
    /// Latest service first; never served last.
    LastServed,
    Name,
}

impl RosterSort {
    /// The name the client gives (`-hours`, `-last_served`, `name`).
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "-hours" => Some(Self::Hours),
            "-last_served" => Some(Self::LastServed),
            "name" => Some(Self::Name),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Hours => "-hours",
            Self::LastServed => "-last_served",
            Self::Name => "name",
        }
    }
}

/// What the roster is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct RosterFilter {
    /// Part of the name (as the caller sees it).
    pub q: Option<String>,
    pub active: Option<bool>,
}

/// IN lists are cut to this length: well under SQLite's and PostgreSQL's bound-parameter limits.
const CHUNK: usize = 500;

/// Minutes served and the latest standing credit, per person.
async fn served_by<C: ConnectionTrait>(db: &C, people: &[Id]) -> Result<HashMap<Id, (i64, Option<DateTime<Utc>>)>, ApiError> {
    let mut accounts = Vec::new();
    for ids in people.chunks(CHUNK) {
        accounts.extend(
            ledger_account::Entity::find()
                .filter(ledger_account::Column::HolderId.is_in(ids.to_vec()))
                .filter(ledger_account::Column::HolderKind.is_in([HolderKind::Volunteer.as_str(), HolderKind::Resident.as_str()]))
                .filter(ledger_account::Column::Unit.eq(LedgerUnit::Minutes.as_str()))
                .all(db)
                .await?,
        );
    }
    let holder: HashMap<Id, Id> = accounts.iter().map(|a| (a.id, a.holder_id)).collect();
    let account_ids: Vec<Id> = holder.keys().copied().collect();
    let mut postings = Vec::new();
    for ids in account_ids.chunks(CHUNK) {
        postings.extend(ledger_posting::Entity::find().filter(ledger_posting::Column::AccountId.is_in(ids.to_vec())).all(db).await?);
    }
    let transfer_ids: Vec<Id> = postings.iter().map(|p| p.transfer_id).collect();
    let mut transfers = HashMap::new();
    for ids in transfer_ids.chunks(CHUNK) {
        for t in ledger_transfer::Entity::find().filter(ledger_transfer::Column::Id.is_in(ids.to_vec())).all(db).await? {
            transfers.insert(t.id, t);
        }
    }
    // Credits for service per (person, transfer); reversals of them subtract from the same key.
    let mut credits: HashMap<(Id, Id), (i64, DateTime<Utc>)> = HashMap::new();
    let mut reversed: HashMap<(Id, Id), i64> = HashMap::new();
    for p in &postings {
        let (Some(t), Some(&person)) = (transfers.get(&p.transfer_id), holder.get(&p.account_id)) else { continue };
        match stored::<TransferKind>(&t.kind, "ledger_transfers", t.id)? {
            TransferKind::Activity | TransferKind::NeedServed => {
                let entry = credits.entry((person, t.id)).or_insert((0, t.created_at));
                entry.0 += p.amount;
            }
            TransferKind::Reversal => {
                if let Some(original) = t.reverses_id {
                    *reversed.entry((person, original)).or_default() += p.amount;
                }
            }
            _ => {}
        }
    }
    let mut out: HashMap<Id, (i64, Option<DateTime<Utc>>)> = HashMap::new();
    for ((person, transfer), (amount, at)) in credits {
        let net = amount + reversed.get(&(person, transfer)).copied().unwrap_or(0);
        let entry = out.entry(person).or_default();
        entry.0 += net;
        if net > 0 && entry.1.is_none_or(|last| last < at) {
            entry.1 = Some(at);
        }
    }
    Ok(out)
}

fn hours(minutes: i64) -> f64 {
    (minutes as f64 / 6.0).round() / 10.0
}

/// The sort key of a row under `sort`, compared as text (then by id), smallest first.
fn key_of(sort: RosterSort, v: &VolunteerSummary) -> String {
    match sort {
        RosterSort::Name => v.name.clone(),
        RosterSort::Hours => format!("{:020}", i64::MAX - v.served_minutes.max(0)),
        // Digits sort before `~`: the ones who never served come last.
        RosterSort::LastServed => v.last_served_at.map_or_else(|| "~".to_owned(), |at| format!("{:020}", i64::MAX - at.timestamp_millis())),
    }
}

/// One page of the roster of the caller's subtree.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    filter: &RosterFilter,
    sort: RosterSort,
    page: PageRequest,
    now: DateTime<Utc>,
) -> Result<VolunteerPage, ApiError> {
    policy::require(caller, Action::ReadVolunteers)?;
    let people = user::Entity::find()
        .filter(Scope::of(caller).area_id_condition(user::Column::AreaId))
        .filter(user::Column::Role.eq(Role::Volunteer.as_str()))
        .filter(user::Column::Active.eq(true))
        .filter(user::Column::DeletedAt.is_null())
        .all(db)
        .await?;
    let ids: Vec<Id> = people.iter().map(|u| u.id).collect();
    let served = served_by(db, &ids).await?;
    let mut area_ids: Vec<Id> = people.iter().map(|u| u.area_id).collect();
    area_ids.sort_unstable();
    area_ids.dedup();
    let mut homes: HashMap<Id, (area::Model, Vec<i64>)> = HashMap::new();
    for ids in area_ids.chunks(CHUNK) {
        for a in area::Entity::find().filter(area::Column::Id.is_in(ids.to_vec())).all(db).await? {
            let (_, thresholds) = thresholds_at(db, &a.path).await?;
            homes.insert(a.id, (a, thresholds));
        }
    }
    let since = now - Duration::days(ACTIVE_DAYS);
    let needle = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
    let mut rows = Vec::with_capacity(people.len());
    for u in people {
        let Some((home, thresholds)) = homes.get(&u.area_id) else { continue };
        let reveal = policy::may_in(caller, Action::HandlePersonalData, &home.path);
        let name = if reveal { u.display_name.clone() } else { mask_name(&u.display_name) };
        // Searched as shown: a masked name does not give away the one behind it.
        if needle.is_some_and(|q| !name.contains(q)) {
            continue;
        }
        let (minutes, last) = served.get(&u.id).copied().unwrap_or_default();
        let active = last.is_some_and(|at| at >= since);
        if filter.active.is_some_and(|wanted| wanted != active) {
            continue;
        }
        let level = star_levels::level_for(minutes, thresholds);
        let star = (level > 0).then(|| levels_of(thresholds).into_iter().nth(level as usize - 1)).flatten();
        rows.push(VolunteerSummary {
            user_id: u.id,
            name,
            phone: u.phone.as_deref().map(mask_phone),
            area_id: home.id,
            area_name: home.name.clone(),
            star,
            served_minutes: minutes,
            served_hours: hours(minutes),
            last_served_at: last,
            active,
            registered_at: u.created_at,
        });
    }
    rows.sort_by(|a, b| key_of(sort, a).cmp(&key_of(sort, b)).then(a.user_id.cmp(&b.user_id)));
    let total = rows.len() as i64;
    let active = rows.iter().filter(|r| r.active).count() as i64;
    let total_hours = hours(rows.iter().map(|r| r.served_minutes).sum());
    let (items, next_cursor) = page.slice(rows, sort.name(), false, |v| (Some(key_of(sort, v)), v.user_id));
    Ok(VolunteerPage { items, next_cursor, total, active, total_hours })
}
