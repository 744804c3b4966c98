//! Candidates of one need: every eligible service of its district, ranked by the score with its
//! parts in words; and the check that a dispatch through a service is allowed.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use shared::{Candidate, Candidates, Id, ServiceMode};

use super::facts::{centres, district_path, need_facts, pool, service_facts, stats};
use crate::domain::caller::Caller;
use crate::domain::matching::categories::fitting_codes;
use crate::domain::matching::geo::Walking;
use crate::domain::matching::score::{Exclusion, Rules, explain};
use crate::domain::scope::Scope;
use crate::entities::{need, provider, service, service_person, user};
use crate::error::ApiError;
use crate::policy::{self, Action};

/// Candidates shown at most.
pub const MAX_CANDIDATES: usize = 50;

/// The account that receives a service's needs: its provider's, or its person's; active only.
pub async fn accounts<C: ConnectionTrait>(db: &C, services: &[&service::Model]) -> Result<Vec<(Id, Option<Id>, String)>, ApiError> {
    let providers: Vec<provider::Model> = provider::Entity::find()
        .filter(provider::Column::Id.is_in(services.iter().filter_map(|s| s.provider_id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    let people: Vec<service_person::Model> = service_person::Entity::find()
        .filter(service_person::Column::Id.is_in(services.iter().filter_map(|s| s.person_id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    let user_ids: Vec<Id> = providers.iter().filter_map(|p| p.user_id).chain(people.iter().filter_map(|p| p.user_id)).collect();
    let active: Vec<Id> = user::Entity::find()
        .filter(user::Column::Id.is_in(user_ids))
        .filter(user::Column::Active.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    Ok(services
        .iter()
        .map(|s| {
            let (account, name) = match (s.provider_id, s.person_id) {
                (Some(id), _) => providers.iter().find(|p| p.id == id).map(|p| (p.user_id, p.name.clone())).unwrap_or_default(),
                (_, Some(id)) => people.iter().find(|p| p.id == id).map(|p| (p.user_id, p.name.clone())).unwrap_or_default(),
                _ => (None, String::new()),
            };
            (s.id, account.filter(|a| active.contains(a)), name)
        })
        .collect())
}

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
    let facts: Vec<_> = services.iter().map(|s| service_facts(s, stats.get(&s.id).copied().unwrap_or_default())).collect();
    let centre = centres(db, [need.area_id]).await?.get(&need.area_id).copied();
    let nf = need_facts(&need, centre);
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
                mode: ServiceMode::parse(&s.mode).unwrap_or(ServiceMode::OnSite),
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

/// Whether `service_id` may take `need` now: `Ok(account)` receives it, `Err((code, message))` says
/// why not, in the words of the candidates' exclusions.
pub async fn dispatch_target<C: ConnectionTrait>(
    db: &C,
    need: &need::Model,
    service_id: Id,
    now: DateTime<Utc>,
) -> Result<Result<Id, (&'static str, &'static str)>, ApiError> {
    let Some(s) = service::Entity::find_by_id(service_id).one(db).await?.filter(|s| s.active) else {
        return Ok(Err(("not_found", "no active service with this id")));
    };
    let stats = stats(db, &[s.id], now).await?.get(&s.id).copied().unwrap_or_default();
    let centre = centres(db, [need.area_id]).await?.get(&need.area_id).copied();
    // Walking only weighs the score; eligibility does not depend on it.
    let verdict = Rules::new(Walking::default()).assess(&need_facts(need, centre), &service_facts(&s, stats));
    if let Err(why) = verdict {
        return Ok(Err(match why {
            Exclusion::Category => ("category", "the service is of an unrelated category"),
            Exclusion::Eligibility => ("eligibility", "the service is not for this need's target group or age"),
            Exclusion::Area => ("out_of_area", "the need lies outside the areas the service serves"),
            Exclusion::Full => ("full", "the service has no places left this week"),
        }));
    }
    let account = accounts(db, &[&s]).await?.pop().and_then(|(_, account, _)| account);
    Ok(account.ok_or(("no_account", "the service's provider or person has no active account to receive needs")))
}
