//! The volunteer KPIs from the platform's own data (seed 002: 志愿者注册率 to 50 %; issue 17):
//!
//! - 社区志愿者注册率: volunteer accounts homed in the area, registered before the period ended,
//!   per 100 of its population (community profiles). Reported figures made before it was computed
//!   stay the figure of their periods (the rule keeps its population weighting, so they still roll up).
//! - 人均志愿服务时长: hours credited for service (activities and needs, less reversals) to people
//!   homed in the area in the period ÷ its population.
//! - 活跃志愿者数: people homed in the area credited for service on a day of the 90 days up to the
//!   end of the period.
//!
//! The rules are pure functions over what [`load`] reads; `services::kpis::values` calls them.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use shared::{HolderKind, Id, LedgerUnit, Period, Role, TransferKind};

use crate::clock::china_date;
use crate::domain::scope::Scope;
use crate::entities::{ledger_account, ledger_posting, ledger_transfer, user};
use crate::error::ApiError;

/// Days a volunteer counts as active after serving.
pub const ACTIVE_DAYS: i64 = 90;

/// One credit for service: who, where they live, the (China) day, the minutes.
#[derive(Debug, Clone, PartialEq)]
pub struct Served {
    pub person: Id,
    pub home: Id,
    pub day: NaiveDate,
    pub minutes: i64,
}

/// What the volunteer KPIs are worked out from.
#[derive(Debug, Clone, Default)]
pub struct VolunteerFacts {
    /// Volunteer accounts: home area and the (China) day they were registered.
    pub volunteers: Vec<(Id, NaiveDate)>,
    pub served: Vec<Served>,
}

impl VolunteerFacts {
    /// Volunteers homed in `areas` registered before the period ended.
    pub fn registered(&self, areas: &HashSet<Id>, period: Period) -> usize {
        let end = period.end_exclusive();
        self.volunteers.iter().filter(|(home, day)| areas.contains(home) && *day < end).count()
    }

    /// Hours credited to people homed in `areas` on days of the period.
    pub fn hours(&self, areas: &HashSet<Id>, period: Period) -> f64 {
        let (start, end) = (period.start(), period.end_exclusive());
        let minutes: i64 = self.served.iter().filter(|s| areas.contains(&s.home) && (start..end).contains(&s.day)).map(|s| s.minutes).sum();
        minutes as f64 / 60.0
    }

    /// People homed in `areas` credited on a day of the 90 days up to the period's end.
    pub fn active(&self, areas: &HashSet<Id>, period: Period) -> usize {
        let end = period.end_exclusive();
        let start = end - Duration::days(ACTIVE_DAYS);
        let people: HashSet<Id> =
            self.served.iter().filter(|s| areas.contains(&s.home) && (start..end).contains(&s.day)).map(|s| s.person).collect();
        people.len()
    }
}

/// Loads the volunteers and the service credits of the scope.
pub async fn load<C: ConnectionTrait>(db: &C, scope: &Scope) -> Result<VolunteerFacts, ApiError> {
    let volunteers = user::Entity::find()
        .filter(scope.area_id_condition(user::Column::AreaId))
        .filter(user::Column::Role.eq(Role::Volunteer.as_str()))
        .filter(user::Column::Active.eq(true))
        .filter(user::Column::DeletedAt.is_null())
        .select_only()
        .columns([user::Column::AreaId, user::Column::CreatedAt])
        .into_tuple::<(Id, DateTime<Utc>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(home, at)| (home, china_date(at)))
        .collect();
    let credits = ledger_transfer::Entity::find()
        .filter(scope.path_condition(ledger_transfer::Column::AreaPath))
        .filter(ledger_transfer::Column::Kind.is_in([TransferKind::Activity.as_str(), TransferKind::NeedServed.as_str()]))
        .all(db)
        .await?;
    let ids: Vec<Id> = credits.iter().map(|t| t.id).collect();
    let reversed: HashSet<Id> = ledger_transfer::Entity::find()
        .filter(ledger_transfer::Column::ReversesId.is_in(ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|t| t.reverses_id)
        .collect();
    let postings = ledger_posting::Entity::find()
        .filter(ledger_posting::Column::TransferId.is_in(ids))
        .filter(ledger_posting::Column::Amount.gt(0))
        .all(db)
        .await?;
    let persons: HashMap<Id, (Id, Id)> = ledger_account::Entity::find()
        .filter(ledger_account::Column::Id.is_in(postings.iter().map(|p| p.account_id)))
        .filter(ledger_account::Column::Unit.eq(LedgerUnit::Minutes.as_str()))
        .filter(ledger_account::Column::HolderKind.is_in([HolderKind::Volunteer.as_str(), HolderKind::Resident.as_str()]))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, (a.holder_id, a.area_id)))
        .collect();
    let days: HashMap<Id, NaiveDate> = credits.iter().map(|t| (t.id, china_date(t.created_at))).collect();
    let served = postings
        .into_iter()
        .filter(|p| !reversed.contains(&p.transfer_id))
        .filter_map(|p| {
            let (person, home) = persons.get(&p.account_id)?;
            Some(Served { person: *person, home: *home, day: *days.get(&p.transfer_id)?, minutes: p.amount })
        })
        .collect();
    Ok(VolunteerFacts { volunteers, served })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    fn served(person: Id, home: Id, day: NaiveDate, minutes: i64) -> Served {
        Served { person, home, day, minutes }
    }

    #[test]
    fn the_hand_counted_fixture() {
        // Areas 1 and 2 are ours, 9 is another's. Volunteers: two in 1 (one registered in Q4),
        // one in 2, one in 9. Credits: person 10 (home 1) 120 min on 8/15 and 60 min on 10/2;
        // person 11 (home 2) 90 min on 6/30; person 12 (home 9) 600 min on 9/1.
        let facts = VolunteerFacts {
            volunteers: vec![(1, day(1, 5)), (1, day(10, 1)), (2, day(3, 1)), (9, day(3, 1))],
            served: vec![
                served(10, 1, day(8, 15), 120),
                served(10, 1, day(10, 2), 60),
                served(11, 2, day(6, 30), 90),
                served(12, 9, day(9, 1), 600),
            ],
        };
        let ours: HashSet<Id> = [1, 2].into();
        let q3 = Period::parse("2026-Q3").unwrap_or(Period::year(2026));
        let q4 = Period::parse("2026-Q4").unwrap_or(Period::year(2026));
        assert_eq!(facts.registered(&ours, q3), 2);
        assert_eq!(facts.registered(&ours, q4), 3);
        assert_eq!(facts.hours(&ours, q3), 2.0);
        assert_eq!(facts.hours(&ours, Period::year(2026)), 4.5);
        // Q3 ends 10/1: the 90 days from 7/3 hold person 10's 8/15 (person 11's 6/30 is too early).
        assert_eq!(facts.active(&ours, q3), 1);
        // Q4 ends 1/1: the 90 days from 10/3 hold nothing (10/2 is the day before).
        assert_eq!(facts.active(&ours, q4), 0);
    }
}
