//! The programs of an area's subtree rolled up: by status, pledged against delivered per resource
//! kind, budget against spend, overdue milestones — in all and for each child area. Cancelled
//! programs are left out of the sums.

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use shared::{
    AreaKind, ChildArea, ChildProgramRollup, Id, KindFulfilment, MilestoneStatus, ProgramRollup, ProgramStatus, ProgramStatusCount,
    Quantity, ResourceKind,
};

use super::{add, fulfilment, is_overdue, status_of};
use crate::domain::caller::Caller;
use crate::domain::scope::Scope;
use crate::entities::stored::stored;
use crate::entities::{area, delivery, milestone, pledge, program, spend};
use crate::error::ApiError;
use crate::policy::{self, Action};

/// Whether a program's stored status says its work is done.
fn is_done(status: &str) -> bool {
    status == ProgramStatus::Completed.as_str() || status == ProgramStatus::Evaluated.as_str()
}

/// Rolls up the subtree of `area_id`; without it, the caller's home area — or, for a caller who sees
/// the whole platform, every program.
pub async fn rollup<C: ConnectionTrait>(db: &C, caller: &Caller, area_id: Option<Id>, today: NaiveDate) -> Result<ProgramRollup, ApiError> {
    let scope = policy::allow(caller, Action::ReadPrograms)?;
    let top = match area_id {
        Some(id) => Some(policy::load_within::<area::Entity, _>(db, &scope, id).await?),
        None if scope.is_global() => None,
        None => Some(policy::load_within::<area::Entity, _>(db, &scope, caller.area_id).await?),
    };
    let within = top.as_ref().map_or_else(Scope::everything, |t| Scope::subtree(&t.path));
    let programs = program::Entity::find().filter(within.path_condition(program::Column::AreaPath)).all(db).await?;
    // Read every status first: a program with an unknown one must fail the roll-up, not drop out of it.
    let statuses: Vec<ProgramStatus> = programs.iter().map(status_of).collect::<Result<_, _>>()?;
    let by_status = ProgramStatus::ALL
        .into_iter()
        .map(|status| ProgramStatusCount { status, count: statuses.iter().filter(|s| **s == status).count() as i64 })
        .collect();
    let live: Vec<&program::Model> = programs.iter().filter(|p| p.status != ProgramStatus::Cancelled.as_str()).collect();
    let ids: Vec<Id> = live.iter().map(|p| p.id).collect();
    let pledges = pledge::Entity::find().filter(pledge::Column::ProgramId.is_in(ids.clone())).all(db).await?;
    let deliveries = delivery::Entity::find().filter(delivery::Column::PledgeId.is_in(pledges.iter().map(|p| p.id))).all(db).await?;
    let spends = spend::Entity::find().filter(spend::Column::ProgramId.is_in(ids.clone())).all(db).await?;
    let spent_fen = spends.iter().map(|s| s.amount_fen).sum();
    let overdue: Vec<Id> = milestone::Entity::find()
        .filter(milestone::Column::ProgramId.is_in(ids))
        .all(db)
        .await?
        .iter()
        .filter(|m| is_overdue(m.due_on, m.status == MilestoneStatus::Done.as_str(), today))
        .map(|m| m.program_id)
        .collect();
    let overdue_milestones = overdue.len() as i64;
    let children = area::Entity::find()
        .filter(match &top {
            Some(t) => area::Column::ParentId.eq(t.id),
            None => area::Column::ParentId.is_null(),
        })
        .order_by_asc(area::Column::Name)
        .order_by_asc(area::Column::Id)
        .all(db)
        .await?;
    let mut by_child = Vec::with_capacity(children.len());
    for child in children {
        let within = Scope::subtree(&child.path);
        let mine: Vec<&program::Model> = live.iter().copied().filter(|p| within.contains(&p.area_path)).collect();
        let has = |id: Id| mine.iter().any(|p| p.id == id);
        let kind: AreaKind = stored(&child.kind, "areas", child.id)?;
        by_child.push(ChildProgramRollup {
            area: ChildArea { id: child.id, name: child.name, kind },
            programs: mine.len() as i64,
            completed: mine.iter().filter(|p| is_done(&p.status)).count() as i64,
            budget_fen: mine.iter().map(|p| p.budget_fen).sum(),
            spent_fen: spends.iter().filter(|s| has(s.program_id)).map(|s| s.amount_fen).sum(),
            overdue_milestones: overdue.iter().filter(|p| has(**p)).count() as i64,
        });
    }
    let kinds: Vec<ResourceKind> = pledges.iter().map(|p| stored(&p.kind, "pledges", p.id)).collect::<Result<_, _>>()?;
    let by_kind = ResourceKind::ALL
        .into_iter()
        .map(|kind| {
            let of_kind: Vec<&pledge::Model> = pledges.iter().zip(&kinds).filter(|(_, k)| **k == kind).map(|(p, _)| p).collect();
            let pledged = of_kind.iter().fold(Quantity::default(), |acc, p| {
                add(&acc, &Quantity { amount_fen: p.amount_fen, people: p.people, person_days: p.person_days, quantity: p.quantity })
            });
            let delivered =
                deliveries.iter().filter(|d| of_kind.iter().any(|p| p.id == d.pledge_id)).fold(Quantity::default(), |acc, d| {
                    add(&acc, &Quantity { amount_fen: d.amount_fen, people: d.people, person_days: d.person_days, quantity: d.quantity })
                });
            KindFulfilment { kind, fulfilment: fulfilment(kind, &pledged, &delivered), pledged, delivered }
        })
        .collect();
    Ok(ProgramRollup {
        area_id: top.as_ref().map(|t| t.id),
        area_name: top.map(|t| t.name),
        by_status,
        by_kind,
        budget_fen: live.iter().map(|p| p.budget_fen).sum(),
        spent_fen,
        overdue_milestones,
        by_child,
    })
}
