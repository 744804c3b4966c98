//! The solver job: a queued plan loads the open needs and the dispatchable services, scores every
//! fitting pair, solves the assignment off the async threads and writes one row per need, with
//! progress along the way; a failure, or a server that stopped mid-run, is recorded on the plan.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use shared::{Id, NeedStatus, PlanStatus, UnassignedReason};

use crate::domain::matching::categories::fitting_codes;
use crate::domain::matching::geo::Walking;
use crate::domain::matching::score::Rules;
use crate::domain::matching::solver::{self, Arc, Instance};
use crate::domain::scope::Scope;
use crate::entities::{matching_plan, need, plan_row, service};
use crate::error::ApiError;
use crate::services::matching::dispatch::accounts;
use crate::services::matching::facts::{centres, district_path, need_facts, pool, service_facts, stats};
use crate::state::AppState;

/// Needs per plan at most; a bigger area is planned street by street.
pub const MAX_NEEDS: u64 = 20_000;

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
    let facts: Vec<_> =
        services.iter().map(|s| service_facts(s, stats.get(&s.id).copied().unwrap_or_default())).collect::<Result<_, _>>()?;
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
        let nf = need_facts(need, centre.get(&need.area_id).copied())?;
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
