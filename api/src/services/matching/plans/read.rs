//! Reading plans: the plan DTO, the list (newest first, within the caller's areas) and one plan
//! with its rows in words and what changed since the plan it re-plans.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use shared::{Id, Page, Plan, PlanDetail, PlanRow, PlanStatus};

use super::changes::changes;
use crate::domain::caller::Caller;
use crate::entities::stored::{StoredValueInvalid, stored, stored_opt};
use crate::entities::{matching_plan, need, plan_row, service};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::matching::dispatch::accounts;
use crate::services::page::{Keyset, PageRequest};

pub(super) async fn to_dtos<C: ConnectionTrait>(db: &C, rows: Vec<matching_plan::Model>) -> Result<Vec<Plan>, ApiError> {
    let names = crate::services::resources::area_names(db, rows.iter().map(|p| p.area_id)).await?;
    rows.into_iter()
        .map(|p| {
            Ok::<_, ApiError>(Plan {
                id: p.id,
                area_name: names.get(&p.area_id).cloned().unwrap_or_default(),
                area_id: p.area_id,
                category: p.category,
                urgency: stored_opt(p.urgency.as_deref(), "matching_plans", p.id)?,
                status: stored(&p.status, "matching_plans", p.id)?,
                progress: p.progress,
                parent_id: p.parent_id,
                created_by: p.created_by,
                created_at: p.created_at,
                finished_at: p.finished_at,
                applied_at: p.applied_at,
                need_count: p.need_count,
                assigned_count: p.assigned_count,
                total_score: p.total_score as f64 / 10.0,
                error: p.error,
            })
        })
        .collect()
}

fn keyset() -> Keyset<matching_plan::Entity> {
    Keyset { name: "-id", column: None, desc: true, id: matching_plan::Column::Id, key_of: |m| (None, m.id) }
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    area_id: Option<Id>,
    status: Option<PlanStatus>,
    page: PageRequest,
) -> Result<Page<Plan>, ApiError> {
    policy::require(caller, Action::MatchNeeds)?;
    let mut select = matching_plan::Entity::find()
        .filter(crate::services::resources::area_filter(db, caller, area_id, matching_plan::Column::AreaPath).await?);
    if let Some(status) = status {
        select = select.filter(matching_plan::Column::Status.eq(status.as_str()));
    }
    let (rows, next_cursor) = page.fetch(db, select, &keyset()).await?;
    Ok(Page { items: to_dtos(db, rows).await?, next_cursor })
}

pub(super) async fn rows_of<C: ConnectionTrait>(db: &C, plan_id: Id) -> Result<Vec<plan_row::Model>, ApiError> {
    Ok(plan_row::Entity::find().filter(plan_row::Column::PlanId.eq(plan_id)).order_by_asc(plan_row::Column::Id).all(db).await?)
}

pub async fn detail<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<PlanDetail, ApiError> {
    let plan = policy::load::<matching_plan::Entity, _>(db, caller, id).await?;
    let rows = rows_of(db, id).await?;
    let changes = match plan.parent_id {
        Some(parent) => changes(&rows_of(db, parent).await?, &rows),
        None => Vec::new(),
    };
    let needs: HashMap<Id, need::Model> = need::Entity::find()
        .filter(need::Column::Id.is_in(rows.iter().map(|r| r.need_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|n| (n.id, n))
        .collect();
    let services: Vec<service::Model> = service::Entity::find()
        .filter(service::Column::Id.is_in(rows.iter().filter_map(|r| r.service_id).collect::<Vec<_>>()))
        .all(db)
        .await?;
    let refs: Vec<&service::Model> = services.iter().collect();
    let offered: HashMap<Id, String> = accounts(db, &refs).await?.into_iter().map(|(id, _, name)| (id, name)).collect();
    let areas = crate::services::resources::area_names(db, needs.values().map(|n| n.area_id)).await?;
    let rows = rows
        .into_iter()
        .filter_map(|r| needs.get(&r.need_id).map(|n| (r, n)))
        .map(|(r, n)| {
            let s = r.service_id.and_then(|id| services.iter().find(|s| s.id == id));
            Ok::<_, StoredValueInvalid>(PlanRow {
                need_id: r.need_id,
                need_category: n.category.clone(),
                need_summary: n.text.chars().take(60).collect(),
                area_name: areas.get(&n.area_id).cloned().unwrap_or_default(),
                urgency: stored(&n.urgency, "needs", n.id)?,
                service_id: r.service_id,
                service_name: s.map(|s| s.name.clone()),
                offered_by: r.service_id.and_then(|id| offered.get(&id).cloned()),
                score: r.score.map(|p| f64::from(p) / 10.0),
                reason: stored_opt(r.reason.as_deref(), "plan_rows", r.id)?,
                outcome: stored_opt(r.outcome.as_deref(), "plan_rows", r.id)?,
                outcome_note: r.outcome_note,
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(PlanDetail { plan: to_dtos(db, vec![plan]).await?.remove(0), rows, changes })
}
