//! Who a need can be dispatched to: active providers, volunteers and staff whose home area contains
//! the need's area, best match first (least busy, then homed closest to the need) and marked.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect};
use shared::{Assignee, Id, NeedStatus, Role};

use crate::domain::caller::Caller;
use crate::domain::scope::path_ids;
use crate::entities::stored::stored;
use crate::entities::{area, need, user};
use crate::error::ApiError;
use crate::policy::users::{Fit, fit};
use crate::policy::{self, Action};

#[derive(FromQueryResult)]
struct Load {
    assignee_id: Option<i64>,
    n: i64,
}

pub async fn assignees<C: ConnectionTrait>(db: &C, caller: &Caller, need_id: Id) -> Result<Vec<Assignee>, ApiError> {
    policy::require(caller, Action::WorkNeeds)?;
    let need = policy::load::<need::Entity, _>(db, caller, need_id).await?;
    // Whoever serves the need is homed on its path: the need's area or one above it.
    let homes: HashMap<Id, area::Model> = area::Entity::find()
        .filter(area::Column::Id.is_in(path_ids(&need.area_path)))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let mut people: Vec<(user::Model, Role)> = Vec::new();
    for u in user::Entity::find()
        .filter(user::Column::AreaId.is_in(homes.keys().copied().collect::<Vec<_>>()))
        .filter(user::Column::Active.eq(true))
        .all(db)
        .await?
    {
        let Some(home) = homes.get(&u.area_id) else { continue };
        if fit(&u, &home.path, Action::ServeNeeds.roles(), &need.area_path)? == Fit::Fits {
            let role = stored(&u.role, "users", u.id)?;
            people.push((u, role));
        }
    }
    let open = NeedStatus::WITH_ASSIGNEE.map(|s| s.as_str());
    let loads: HashMap<Id, i64> = need::Entity::find()
        .select_only()
        .column(need::Column::AssigneeId)
        .column_as(need::Column::Id.count(), "n")
        .filter(need::Column::AssigneeId.is_in(people.iter().map(|(u, _)| u.id).collect::<Vec<_>>()))
        .filter(need::Column::Status.is_in(open))
        .group_by(need::Column::AssigneeId)
        .into_model::<Load>()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|l| l.assignee_id.map(|id| (id, l.n)))
        .collect();
    // A home deeper on the need's path is closer to it: the grid's own volunteer before the street's.
    let depth = |area_id: Id| homes.get(&area_id).map_or(0, |h| path_ids(&h.path).len());
    let mut ranked: Vec<(usize, Assignee)> = people
        .into_iter()
        .map(|(u, role)| {
            let assignee = Assignee {
                id: u.id,
                role,
                area_name: homes.get(&u.area_id).map(|h| h.name.clone()).unwrap_or_default(),
                open_needs: loads.get(&u.id).copied().unwrap_or(0),
                display_name: u.display_name,
                best: false,
            };
            (depth(u.area_id), assignee)
        })
        .collect();
    ranked.sort_by_key(|(depth, a)| (a.open_needs, std::cmp::Reverse(*depth), a.id));
    let mut list: Vec<Assignee> = ranked.into_iter().map(|(_, a)| a).collect();
    if let Some(first) = list.first_mut() {
        first.best = true;
    }
    Ok(list)
}
