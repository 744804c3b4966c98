//! Batch plans (动态优化): every open need of an area assigned to service capacity at once, the most
//! needs served and then the best total score, never over capacity — solved exactly as a job with
//! progress; applied through the need lifecycle; re-planned when needs or resources change.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use shared::{
    ApplyOutcome, AreaKind, Id, NeedAction, NeedActionRequest, NeedStatus, NewPlan, Page, Plan, PlanChange, PlanChangeKind, PlanDetail,
    PlanRow, PlanStatus, UnassignedReason, Urgency,
};

use super::dispatch::accounts;
use super::facts::{centres, district_path, need_facts, pool, service_facts, stats};
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::matching::categories::fitting_codes;
use crate::domain::matching::geo::Walking;
use crate::domain::matching::score::Rules;
use crate::domain::matching::solver::{self, Arc, Instance};
use crate::domain::need_categories;
use crate::domain::scope::Scope;
use crate::entities::{matching_plan, need, plan_row, service};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};
use crate::services::enum_parse;
use crate::services::needs::act::{Actor, apply as act_on_need};
use crate::services::needs::urgency_str;
use crate::services::page::{Keyset, PageRequest};
use crate::state::AppState;

/// Needs per plan at most; a bigger area is planned street by street.
pub const MAX_NEEDS: u64 = 20_000;

fn urgency_of(s: &str) -> Urgency {
    enum_parse(s).unwrap_or(Urgency::Normal)
}

async fn to_dtos<C: ConnectionTrait>(db: &C, rows: Vec<matching_plan::Model>) -> Result<Vec<Plan>, ApiError> {
    let names = crate::services::resources::area_names(db, rows.iter().map(|p| p.area_id)).await?;
    Ok(rows
        .into_iter()
        .map(|p| Plan {
            id: p.id,
            area_name: names.get(&p.area_id).cloned().unwrap_or_default(),
            area_id: p.area_id,
            category: p.category,
            urgency: p.urgency.as_deref().map(urgency_of),
            status: PlanStatus::parse(&p.status).unwrap_or(PlanStatus::Failed),
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
        .collect())
}

/// What a plan covers: an area's subtree, optional filters, and the plan it re-plans.
struct Target {
    area: (Id, String),
    category: Option<String>,
    urgency: Option<String>,
    parent_id: Option<Id>,
}

async fn insert<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    target: Target,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Plan, ApiError> {
    let Target { area, category, urgency, parent_id } = target;
    let saved = matching_plan::ActiveModel {
        area_id: Set(area.0),
        area_path: Set(area.1.clone()),
        category: Set(category),
        urgency: Set(urgency),
        status: Set(PlanStatus::Queued.as_str().into()),
        progress: Set(0),
        parent_id: Set(parent_id),
        created_by: Set(caller.id),
        created_at: Set(now),
        need_count: Set(0),
        assigned_count: Set(0),
        total_score: Set(0),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let dto = to_dtos(db, vec![saved]).await?.remove(0);
    let change =
        Change { action: "create", entity: "plan", entity_id: dto.id, area: Some((area.0, &area.1)), before: None, after: Some(&dto) };
    audit::record(db, Some(caller), request_id, change).await?;
    Ok(dto)
}

/// Queues a plan; the caller spawns [`run`] after committing.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    new: &NewPlan,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Plan, ApiError> {
    policy::require(caller, Action::MatchNeeds)?;
    let mut errors = FieldErrors::default();
    let kinds = [AreaKind::District, AreaKind::Street, AreaKind::Community, AreaKind::Grid];
    let area = crate::services::resources::home_area(db, caller, new.area_id, &kinds, "/area_id", &mut errors).await?;
    if let Some(category) = &new.category
        && need_categories::find(category).is_none()
    {
        errors.add("/category", "not_found", "not a need category code");
    }
    errors.finish()?;
    let area = area.ok_or(ApiError::NotFound("area"))?;
    let target =
        Target { area: (area.id, area.path), category: new.category.clone(), urgency: new.urgency.map(urgency_str), parent_id: None };
    insert(db, caller, target, now, request_id).await
}

/// Re-plans: a new plan over the same area and filters, from today's needs and capacity; the old
/// one is superseded (unless it was already applied).
pub async fn replan<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Plan, ApiError> {
    let parent = policy::load::<matching_plan::Entity, _>(db, caller, id).await?;
    if matches!(PlanStatus::parse(&parent.status), Some(PlanStatus::Queued | PlanStatus::Running)) {
        return Err(ApiError::InvalidTransition { detail: "the plan is still running".into(), allowed: vec![] });
    }
    if parent.status == PlanStatus::Done.as_str() {
        let mut m: matching_plan::ActiveModel = parent.clone().into();
        m.status = Set(PlanStatus::Superseded.as_str().into());
        m.update(db).await?;
    }
    let target = Target {
        area: (parent.area_id, parent.area_path.clone()),
        category: parent.category.clone(),
        urgency: parent.urgency.clone(),
        parent_id: Some(parent.id),
    };
    insert(db, caller, target, now, request_id).await
}

async fn set_progress(state: &AppState, id: Id, status: PlanStatus, progress: i32) -> Result<(), ApiError> {
    let txn = state.begin_write().await?;
    matching_plan::Entity::update_many()
        .col_expr(matching_plan::Column::Status, sea_orm::sea_query::Expr::value(status.as_str()))
        .col_expr(matching_plan::Column::Progress, sea_orm::sea_query::Expr::value(progress))
        .filter(matching_plan::Column::Id.eq(id))
        .exec(&txn.txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Plans left queued or running by a server that stopped are failed with the reason, at start-up,
/// so nobody waits on a job that no longer runs; they can be re-planned. Returns how many.
pub async fn fail_interrupted<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<u64, ApiError> {
    let stuck = [PlanStatus::Queued.as_str(), PlanStatus::Running.as_str()];
    let result = matching_plan::Entity::update_many()
        .col_expr(matching_plan::Column::Status, sea_orm::sea_query::Expr::value(PlanStatus::Failed.as_str()))
        .col_expr(
            matching_plan::Column::Error,
            sea_orm::sea_query::Expr::value("interrupted: the server stopped while the plan ran; re-plan it"),
        )
        .col_expr(matching_plan::Column::FinishedAt, sea_orm::sea_query::Expr::value(now))
        .filter(matching_plan::Column::Status.is_in(stuck))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Runs a queued plan to the end; a failure is recorded on the plan, never lost.
pub async fn run(state: AppState, id: Id, walking: Walking) {
    if let Err(e) = solve_plan(&state, id, walking).await {
        tracing::error!(plan = id, error = %e, "matching plan failed");
        let failed = async {
            let txn = state.begin_write().await?;
            matching_plan::Entity::update_many()
                .col_expr(matching_plan::Column::Status, sea_orm::sea_query::Expr::value(PlanStatus::Failed.as_str()))
                .col_expr(matching_plan::Column::Error, sea_orm::sea_query::Expr::value(e.to_string()))
                .col_expr(matching_plan::Column::FinishedAt, sea_orm::sea_query::Expr::value(state.clock.now()))
                .filter(matching_plan::Column::Id.eq(id))
                .exec(&txn.txn)
                .await?;
            txn.commit().await
        };
        if let Err(e) = failed.await {
            tracing::error!(plan = id, error = %e, "could not record the plan's failure");
        }
    }
}

async fn solve_plan(state: &AppState, id: Id, walking: Walking) -> Result<(), ApiError> {
    let db = &state.db;
    let now = state.clock.now();
    set_progress(state, id, PlanStatus::Running, 5).await?;
    let plan = matching_plan::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("plan"))?;
    let mut select = need::Entity::find()
        .filter(need::Column::Status.eq(NeedStatus::Accepted.as_str()))
        .filter(Scope::subtree(&plan.area_path).path_condition(need::Column::AreaPath));
    if let Some(category) = &plan.category {
        select = select.filter(need::Column::Category.eq(category.as_str()));
    }
    if let Some(urgency) = &plan.urgency {
        select = select.filter(need::Column::Urgency.eq(urgency.as_str()));
    }
    use sea_orm::QuerySelect;
    let needs = select.order_by_asc(need::Column::Id).limit(MAX_NEEDS).all(db).await?;
    let district = district_path(db, &plan.area_path).await?;
    let services = pool(db, &[], &district).await?;
    // Only services whose provider or person has an account can be dispatched to.
    let refs: Vec<&service::Model> = services.iter().collect();
    let dispatchable: Vec<Id> =
        accounts(db, &refs).await?.into_iter().filter(|(_, account, _)| account.is_some()).map(|(id, _, _)| id).collect();
    let services: Vec<service::Model> = services.into_iter().filter(|s| dispatchable.contains(&s.id)).collect();
    let stats = stats(db, &services.iter().map(|s| s.id).collect::<Vec<_>>(), now).await?;
    let facts: Vec<_> = services.iter().map(|s| service_facts(s, stats.get(&s.id).copied().unwrap_or_default())).collect();
    let centre = centres(db, needs.iter().map(|n| n.area_id)).await?;
    set_progress(state, id, PlanStatus::Running, 20).await?;

    // Score every (need, fitting service) pair; capacity is judged by the solver, not per pair.
    let mut by_category: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in services.iter().enumerate() {
        by_category.entry(s.category.as_str()).or_default().push(i);
    }
    let rules = Rules::new(walking);
    let mut instance =
        Instance { needs: needs.len(), capacities: facts.iter().map(|f| f.capacity_left() as u32).collect(), arcs: Vec::new() };
    let mut reachable = vec![false; needs.len()];
    for (n, need) in needs.iter().enumerate() {
        let nf = need_facts(need, centre.get(&need.area_id).copied());
        for code in fitting_codes(&need.category) {
            for &i in by_category.get(code).map(Vec::as_slice).unwrap_or_default() {
                if let Ok(a) = rules.assess(&nf, &facts[i]) {
                    reachable[n] = true;
                    instance.arcs.push(Arc { need: n as u32, service: i as u32, score: a.solver_points() });
                }
            }
        }
    }
    set_progress(state, id, PlanStatus::Running, 50).await?;
    // The solver takes the instance; keep each pair's points for the rows.
    let points: HashMap<(u32, u32), u32> = instance.arcs.iter().map(|a| ((a.need, a.service), a.score)).collect();
    let solution = tokio::task::spawn_blocking(move || solver::solve(&instance, &mut |_| {}))
        .await
        .map_err(|e| ApiError::Unexpected(anyhow::anyhow!("the solver stopped: {e}")))?;
    set_progress(state, id, PlanStatus::Running, 90).await?;

    let txn = state.begin_write().await?;
    for (n, need) in needs.iter().enumerate() {
        let assigned = solution.assignment[n];
        let score = assigned.and_then(|s| points.get(&(n as u32, s))).map(|p| *p as i32);
        let reason = match (assigned, reachable[n]) {
            (Some(_), _) => None,
            (None, false) => Some(UnassignedReason::NoEligibleService),
            (None, true) => Some(UnassignedReason::CapacityExhausted),
        };
        plan_row::ActiveModel {
            plan_id: Set(id),
            need_id: Set(need.id),
            service_id: Set(assigned.map(|s| services[s as usize].id)),
            score: Set(score),
            reason: Set(reason.map(|r| r.as_str().to_owned())),
            ..Default::default()
        }
        .insert(&txn.txn)
        .await?;
    }
    let mut m: matching_plan::ActiveModel = plan.into();
    m.status = Set(PlanStatus::Done.as_str().into());
    m.progress = Set(100);
    m.need_count = Set(needs.len() as i32);
    m.assigned_count = Set(solution.assigned as i32);
    m.total_score = Set(solution.total_score as i64);
    m.finished_at = Set(Some(state.clock.now()));
    m.update(&txn.txn).await?;
    txn.commit().await?;
    Ok(())
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

async fn rows_of<C: ConnectionTrait>(db: &C, plan_id: Id) -> Result<Vec<plan_row::Model>, ApiError> {
    Ok(plan_row::Entity::find().filter(plan_row::Column::PlanId.eq(plan_id)).order_by_asc(plan_row::Column::Id).all(db).await?)
}

/// What changed from the parent plan to this one, need by need.
pub fn changes(parent: &[plan_row::Model], child: &[plan_row::Model]) -> Vec<PlanChange> {
    let before: BTreeMap<Id, Option<Id>> = parent.iter().map(|r| (r.need_id, r.service_id)).collect();
    let after: BTreeMap<Id, Option<Id>> = child.iter().map(|r| (r.need_id, r.service_id)).collect();
    let mut needs: Vec<Id> = before.keys().chain(after.keys()).copied().collect();
    needs.sort_unstable();
    needs.dedup();
    needs
        .into_iter()
        .filter_map(|need_id| {
            let (from, to) = (before.get(&need_id).copied(), after.get(&need_id).copied());
            let kind = match (from, to) {
                (None, Some(_)) => PlanChangeKind::Added,
                (Some(_), None) => PlanChangeKind::Removed,
                (Some(None), Some(Some(_))) => PlanChangeKind::NowAssigned,
                (Some(Some(_)), Some(None)) => PlanChangeKind::NowUnassigned,
                (Some(Some(a)), Some(Some(b))) if a != b => PlanChangeKind::Moved,
                _ => return None,
            };
            Some(PlanChange { need_id, kind, from_service_id: from.flatten(), to_service_id: to.flatten() })
        })
        .collect()
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
        .filter_map(|r| {
            let n = needs.get(&r.need_id)?;
            let s = r.service_id.and_then(|id| services.iter().find(|s| s.id == id));
            Some(PlanRow {
                need_id: r.need_id,
                need_category: n.category.clone(),
                need_summary: n.text.chars().take(60).collect(),
                area_name: areas.get(&n.area_id).cloned().unwrap_or_default(),
                urgency: urgency_of(&n.urgency),
                service_id: r.service_id,
                service_name: s.map(|s| s.name.clone()),
                offered_by: r.service_id.and_then(|id| offered.get(&id).cloned()),
                score: r.score.map(|p| f64::from(p) / 10.0),
                reason: r.reason.as_deref().and_then(UnassignedReason::parse),
                outcome: r.outcome.as_deref().and_then(ApplyOutcome::parse),
                outcome_note: r.outcome_note,
            })
        })
        .collect();
    Ok(PlanDetail { plan: to_dtos(db, vec![plan]).await?.remove(0), rows, changes })
}

/// Dispatches every assigned row through the need lifecycle; a need that moved on since the plan
/// (or a service that filled up) is skipped with the reason, the rest go ahead.
pub async fn apply<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<PlanDetail, ApiError> {
    let plan = policy::load::<matching_plan::Entity, _>(db, caller, id).await?;
    if plan.status != PlanStatus::Done.as_str() {
        return Err(ApiError::InvalidTransition { detail: format!("a plan that is {} cannot be applied", plan.status), allowed: vec![] });
    }
    for row in rows_of(db, id).await? {
        let Some(service_id) = row.service_id else { continue };
        let request = NeedActionRequest {
            action: NeedAction::Dispatch,
            note: Some(format!("匹配方案 #{id}")),
            missing: None,
            assignee_id: None,
            service_id: Some(service_id),
            rating: None,
            hours: None,
        };
        let outcome = match crate::policy::load::<need::Entity, _>(db, caller, row.need_id).await {
            // The plan was made for needs waiting to be dispatched; one that moved on is left alone.
            Ok(current) if current.status != NeedStatus::Accepted.as_str() => {
                Err(ApiError::InvalidTransition { detail: format!("the need is now {}", current.status), allowed: vec![] })
            }
            Ok(current) => act_on_need(db, &Actor::Caller(caller), current, &request, now, request_id).await.map(|_| ()),
            Err(e) => Err(e.into()),
        };
        let (outcome, note) = match outcome {
            Ok(()) => (ApplyOutcome::Dispatched, None),
            Err(ApiError::Validation(fields)) => {
                (ApplyOutcome::Skipped, Some(fields.into_iter().map(|f| f.message).collect::<Vec<_>>().join("; ")))
            }
            Err(ApiError::InvalidTransition { detail, .. }) => (ApplyOutcome::Skipped, Some(detail)),
            Err(ApiError::NotFound(what)) => (ApplyOutcome::Skipped, Some(format!("{what} not found"))),
            Err(other) => return Err(other),
        };
        let mut m: plan_row::ActiveModel = row.into();
        m.outcome = Set(Some(outcome.as_str().into()));
        m.outcome_note = Set(note);
        m.update(db).await?;
    }
    let before = to_dtos(db, vec![plan.clone()]).await?.remove(0);
    let mut m: matching_plan::ActiveModel = plan.clone().into();
    m.status = Set(PlanStatus::Applied.as_str().into());
    m.applied_at = Set(Some(now));
    m.applied_by = Set(Some(caller.id));
    let saved = m.update(db).await?;
    let after = to_dtos(db, vec![saved]).await?.remove(0);
    let area = Some((plan.area_id, plan.area_path.as_str()));
    audit::record(
        db,
        Some(caller),
        request_id,
        Change { action: "apply", entity: "plan", entity_id: id, area, before: Some(&before), after: Some(&after) },
    )
    .await?;
    detail(db, caller, id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(need_id: Id, service_id: Option<Id>) -> plan_row::Model {
        plan_row::Model { id: 0, plan_id: 0, need_id, service_id, score: None, reason: None, outcome: None, outcome_note: None }
    }

    #[test]
    fn changes_name_every_kind_of_move() {
        let parent = [row(1, Some(10)), row(2, None), row(3, Some(10)), row(4, Some(11)), row(5, Some(12))];
        let child = [row(1, Some(10)), row(2, Some(11)), row(3, None), row(4, Some(12)), row(6, None)];
        let kinds: Vec<(Id, PlanChangeKind)> = changes(&parent, &child).into_iter().map(|c| (c.need_id, c.kind)).collect();
        assert_eq!(
            kinds,
            vec![
                (2, PlanChangeKind::NowAssigned),
                (3, PlanChangeKind::NowUnassigned),
                (4, PlanChangeKind::Moved),
                (5, PlanChangeKind::Removed),
                (6, PlanChangeKind::Added),
            ]
        );
    }
}
