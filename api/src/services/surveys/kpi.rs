//! 居民决策性参与比例 (seed 002: to reach 40 %) from the platform's own data: distinct residents of
//! the area who co-signed a topic (联名), attended a meeting or voted at it (named on its sign-in
//! sheet, 签到表), rated a topic's outcome (评议) or answered a survey in the period ÷ resident
//! accounts of the area.
//!
//! Attendance counted by kind only (units, experts, residents not named on the sheet) cannot be told
//! apart person by person, so only the named residents count. The KPI engine computes the catalogue's
//! indicator with this rule (`services::kpis::values`).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use shared::{Id, Participation, Period};

use crate::clock::china_date;
use crate::domain::caller::Caller;
use crate::domain::scope::Scope;
use crate::entities::{area, meeting_attendee, resident, survey_participant, topic_cosign, topic_rating};
use crate::error::ApiError;
use crate::policy::{self, Action};

/// Participants and residents of an area in one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub participants: usize,
    pub residents: usize,
}

impl Share {
    /// Percent, one decimal; none without residents.
    pub fn percent(self) -> Option<f64> {
        (self.residents > 0).then(|| (self.participants as f64 * 1000.0 / self.residents as f64).round() / 10.0)
    }
}

/// The rule, free of the database: a resident of the area counts once for any act on a day of the
/// period (China time); acts of people who are not residents of the area do not count.
pub fn share_of(residents: &HashSet<Id>, acts: &[(Id, NaiveDate)], period: Period) -> Share {
    let (start, end) = (period.start(), period.end_exclusive());
    let participants: HashSet<Id> =
        acts.iter().filter(|(who, day)| residents.contains(who) && (start..end).contains(day)).map(|(who, _)| *who).collect();
    Share { participants: participants.len(), residents: residents.len() }
}

/// The share in the subtree under `area_path`.
pub async fn share<C: ConnectionTrait>(db: &C, area_path: &str, period: Period) -> Result<Share, ApiError> {
    let (residents, acts) = residents_and_acts(db, &Scope::subtree(area_path)).await?;
    Ok(share_of(&residents.into_keys().collect(), &acts, period))
}

/// The residents in the scope (id → home area) and every act of theirs that counts as taking part.
pub async fn residents_and_acts<C: ConnectionTrait>(db: &C, scope: &Scope) -> Result<(HashMap<Id, Id>, Vec<(Id, NaiveDate)>), ApiError> {
    let residents: HashMap<Id, Id> = resident::Entity::find()
        .filter(policy::residents::reach(scope))
        .select_only()
        .columns([resident::Column::Id, resident::Column::AreaId])
        .into_tuple::<(Id, Id)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let of_area =
        || Query::select().column(resident::Column::Id).from(resident::Entity).cond_where(policy::residents::reach(scope)).to_owned();
    let mut acts: Vec<(Id, NaiveDate)> = Vec::new();
    acts.extend(acts_of::<topic_cosign::Entity, _>(db, topic_cosign::Column::UserId, topic_cosign::Column::CreatedAt, of_area()).await?);
    acts.extend(
        acts_of::<meeting_attendee::Entity, _>(db, meeting_attendee::Column::ResidentId, meeting_attendee::Column::HeldAt, of_area())
            .await?,
    );
    acts.extend(acts_of::<topic_rating::Entity, _>(db, topic_rating::Column::UserId, topic_rating::Column::CreatedAt, of_area()).await?);
    acts.extend(
        acts_of::<survey_participant::Entity, _>(
            db,
            survey_participant::Column::ResidentId,
            survey_participant::Column::CreatedAt,
            of_area(),
        )
        .await?,
    );
    Ok((residents, acts))
}

/// Who took part and on which (China) day, from one table of acts: its resident and time columns,
/// for the residents `of_area` selects.
async fn acts_of<E: EntityTrait, C: ConnectionTrait>(
    db: &C,
    who: E::Column,
    at: E::Column,
    of_area: sea_orm::sea_query::SelectStatement,
) -> Result<Vec<(Id, NaiveDate)>, ApiError> {
    let rows =
        E::find().filter(who.in_subquery(of_area)).select_only().columns([who, at]).into_tuple::<(Id, DateTime<Utc>)>().all(db).await?;
    Ok(rows.into_iter().map(|(who, at)| (who, china_date(at))).collect())
}

/// The KPI for an area the caller reads KPIs of.
pub async fn participation<C: ConnectionTrait>(db: &C, caller: &Caller, area_id: Id, period: Period) -> Result<Participation, ApiError> {
    policy::require(caller, Action::ReadKpis)?;
    let a = policy::load::<area::Entity, _>(db, caller, area_id).await?;
    let s = share(db, &a.path, period).await?;
    Ok(Participation { area_id, period, participants: s.participants as i64, residents: s.residents as i64, percent: s.percent() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    #[test]
    fn a_resident_counts_once_however_many_times_they_took_part() {
        // Hand-counted: five residents; 1 co-signed and answered in Q3, 2 rated in Q3, 3 answered in
        // Q2 only, 9 is not a resident of the area; 4 and 5 never → 2 of 5 in Q3, 3 of 5 in 2026.
        let residents: HashSet<Id> = [1, 2, 3, 4, 5].into();
        let acts = vec![(1, day(7, 2)), (1, day(8, 9)), (2, day(9, 30)), (3, day(6, 30)), (9, day(7, 1))];
        let q3 = Period::parse("2026-Q3").unwrap_or(Period::year(2026));
        assert_eq!(share_of(&residents, &acts, q3), Share { participants: 2, residents: 5 });
        assert_eq!(share_of(&residents, &acts, Period::year(2026)).percent(), Some(60.0));
        assert_eq!(share_of(&HashSet::new(), &acts, q3).percent(), None);
    }
}
