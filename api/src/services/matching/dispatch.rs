//! Dispatching a need through a service: the facts the verdict in `domain::matching::dispatch`
//! weighs (the service, its use this week, the need's place) and the account that receives it.
//! The needs lifecycle calls [`dispatch_target`]; this module never calls back into needs.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::Id;

use super::facts::{centres, need_facts, service_facts, stats};
use crate::domain::matching::dispatch::{Refusal, admits, receiver};
use crate::entities::{need, provider, service, service_person, user};
use crate::error::ApiError;

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

/// Whether `service_id` may take `need` now: `Ok(account)` receives it, `Err(refusal)` says why not.
pub async fn dispatch_target<C: ConnectionTrait>(
    db: &C,
    need: &need::Model,
    service_id: Id,
    now: DateTime<Utc>,
) -> Result<Result<Id, Refusal>, ApiError> {
    let Some(s) = service::Entity::find_by_id(service_id).one(db).await?.filter(|s| s.active) else {
        return Ok(Err(Refusal::NotFound));
    };
    let stats = stats(db, &[s.id], now).await?.get(&s.id).copied().unwrap_or_default();
    let centre = centres(db, [need.area_id]).await?.get(&need.area_id).copied();
    if let Err(refusal) = admits(&need_facts(need, centre)?, &service_facts(&s, stats)?) {
        return Ok(Err(refusal));
    }
    let account = accounts(db, &[&s]).await?.pop().and_then(|(_, account, _)| account);
    Ok(receiver(account))
}
