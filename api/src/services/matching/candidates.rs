//! Candidates of one need: every eligible service of its district, ranked by the score with its
//! parts in words.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use shared::{Candidate, Candidates, Id};

use super::dispatch::accounts;
use super::facts::{centres, district_path, need_facts, pool, service_facts, stats};
use crate::domain::caller::Caller;
use crate::domain::matching::categories::fitting_codes;
use crate::domain::matching::geo::Walking;
use crate::domain::matching::score::{Rules, explain};
use crate::domain::scope::Scope;
use crate::entities::{need, service};
use crate::error::ApiError;
use crate::policy::{self, Action};

/// Candidates shown at most.
pub const MAX_CANDIDATES: usize = 50;

pub async fn candidates<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    need_id: Id,
    walking: Walking,
    limit: usize,
    now: DateTime<Utc>,
) -> Result<Candidates, ApiError> {
    policy::require(caller, Action::MatchNeeds)?;
    let need = policy::load::<need::Entity, _>(db, caller, need_id).await?;
    let district = district_path(db, &need.area_path).await?;
    let services = pool(db, &fitting_codes(&need.category), &district).await?;
    let ids: Vec<Id> = services.iter().map(|s| s.id).collect();
    let stats = stats(db, &ids, now).await?;
    let facts: Vec<_> =
        services.iter().map(|s| service_facts(s, stats.get(&s.id).copied().unwrap_or_default())).collect::<Result<_, _>>()?;
    let centre = centres(db, [need.area_id]).await?.get(&need.area_id).copied();
    let nf = need_facts(&need, centre)?;
    let rules = Rules::new(walking);
    let (ranked, mut excluded) = rules.rank(&nf, &facts, limit.min(MAX_CANDIDATES));
    // Services outside the pool's categories were never loaded: they are all of another category.
    excluded.category += u32::try_from(
        service::Entity::find()
            .filter(service::Column::Active.eq(true))
            .filter(Scope::subtree(&district).path_condition(service::Column::AreaPath))
            .count(db)
            .await?
            .saturating_sub(services.len() as u64),
    )
    .unwrap_or(0);
    let shown: Vec<&service::Model> = ranked.iter().map(|(i, _)| &services[*i]).collect();
    let accounts = accounts(db, &shown).await?;
    let candidates = ranked
        .iter()
        .zip(accounts)
        .map(|((i, a), (_, account, offered_by))| {
            let s = &services[*i];
            Candidate {
                service_id: s.id,
                service_name: s.name.clone(),
                offered_by,
                category: s.category.clone(),
                // Read from the stored row once, by `service_facts`.
                mode: facts[*i].mode,
                score: a.score(),
                parts: explain(&nf, &facts[*i], a, &rules.walking),
                walking_minutes: a.minutes.map(|m| (m * 10.0).round() / 10.0),
                capacity_left: a.capacity_left,
                dispatchable: account.is_some(),
            }
        })
        .collect();
    Ok(Candidates { need_id, candidates, excluded, circle_minutes: walking.circle_minutes })
}
