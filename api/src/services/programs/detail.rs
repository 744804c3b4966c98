//! Reading programs: list rows with their computed progress and spend, and the full detail.
//! `caller = None` is the public view: no personal data, no ids of people.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use shared::{
    CatalogueRef, Delivery, Evaluation, Id, Milestone, MilestoneStatus, Partner, Pledge, Program, ProgramDetail, Quantity, ResourceKind,
    Spend,
};

use super::{add, fulfilment, is_overdue, progress, status_of};
use crate::domain::caller::Caller;
use crate::domain::program_lifecycle::{ProgramRole, allowed, open_for_changes};
use crate::entities::stored::{stored, stored_opt};
use crate::entities::{area, catalogue_entry, delivery, milestone, pledge, program, program_item, program_partner, spend, user};
use crate::error::ApiError;
use crate::policy::programs::roles;

/// List rows for a page of programs, with a fixed number of queries whatever the page size.
pub(crate) async fn summaries<C: ConnectionTrait>(
    db: &C,
    rows: Vec<program::Model>,
    today: NaiveDate,
    public: bool,
) -> Result<Vec<Program>, ApiError> {
    let ids: Vec<Id> = rows.iter().map(|p| p.id).collect();
    let areas: HashMap<Id, String> = area::Entity::find()
        .filter(area::Column::Id.is_in(rows.iter().map(|p| p.area_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    let links = program_item::Entity::find().filter(program_item::Column::ProgramId.is_in(ids.clone())).all(db).await?;
    let entries: HashMap<Id, catalogue_entry::Model> = catalogue_entry::Entity::find()
        .filter(catalogue_entry::Column::Id.is_in(links.iter().map(|l| l.entry_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let spends = spend::Entity::find().filter(spend::Column::ProgramId.is_in(ids.clone())).all(db).await?;
    let milestones = milestone::Entity::find().filter(milestone::Column::ProgramId.is_in(ids)).all(db).await?;
    rows.into_iter()
        .map(|p| {
            let items = links
                .iter()
                .filter(|l| l.program_id == p.id)
                .filter_map(|l| entries.get(&l.entry_id))
                .map(|e| CatalogueRef { id: e.id, code: e.code.clone(), name_zh: e.name_zh.clone(), name_en: e.name_en.clone() })
                .collect();
            let own: Vec<&milestone::Model> = milestones.iter().filter(|m| m.program_id == p.id).collect();
            let done = |m: &milestone::Model| m.status == MilestoneStatus::Done.as_str();
            Ok::<_, ApiError>(Program {
                id: p.id,
                area_id: p.area_id,
                area_name: areas.get(&p.area_id).cloned().unwrap_or_default(),
                status: status_of(&p)?,
                title: p.title,
                description: p.description,
                lead_org: p.lead_org,
                start_date: p.start_date,
                end_date: p.end_date,
                budget_fen: p.budget_fen,
                spent_fen: spends.iter().filter(|s| s.program_id == p.id).map(|s| s.amount_fen).sum(),
                public: p.public,
                catalogue_items: items,
                progress: progress(&own.iter().map(|m| (m.weight, done(m))).collect::<Vec<_>>()),
                overdue_milestones: own.iter().filter(|m| is_overdue(m.due_on, done(m), today)).count() as i64,
                created_by: (!public).then_some(p.created_by),
                created_at: p.created_at,
                updated_at: p.updated_at,
            })
        })
        .collect()
}

fn quantity(amount_fen: Option<i64>, people: Option<i64>, person_days: Option<f64>, quantity: Option<f64>) -> Quantity {
    Quantity { amount_fen, people, person_days, quantity }
}

/// Everything about one program, as `caller` (or the public) may see it.
pub(crate) async fn detail_of<C: ConnectionTrait>(
    db: &C,
    caller: Option<&Caller>,
    p: program::Model,
    today: NaiveDate,
) -> Result<ProgramDetail, ApiError> {
    let public = caller.is_none();
    let id = p.id;
    let partners = program_partner::Entity::find()
        .filter(program_partner::Column::ProgramId.eq(id))
        .order_by_asc(program_partner::Column::Id)
        .all(db)
        .await?;
    let pledges = pledge::Entity::find().filter(pledge::Column::ProgramId.eq(id)).order_by_asc(pledge::Column::Id).all(db).await?;
    let deliveries = delivery::Entity::find()
        .filter(delivery::Column::PledgeId.is_in(pledges.iter().map(|x| x.id)))
        .order_by_asc(delivery::Column::Id)
        .all(db)
        .await?;
    let milestones =
        milestone::Entity::find().filter(milestone::Column::ProgramId.eq(id)).order_by_asc(milestone::Column::DueOn).all(db).await?;
    let spends = spend::Entity::find().filter(spend::Column::ProgramId.eq(id)).order_by_asc(spend::Column::SpentOn).all(db).await?;
    let owners: HashMap<Id, String> = if public {
        HashMap::new()
    } else {
        user::Entity::find()
            .filter(user::Column::Id.is_in(milestones.iter().map(|m| m.owner_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect()
    };
    let partner_name = |pid: Id| partners.iter().find(|x| x.id == pid).map(|x| x.name.clone()).unwrap_or_default();
    let pledge_dtos = pledges
        .iter()
        .map(|x| {
            let kind: ResourceKind = stored(&x.kind, "pledges", x.id)?;
            let pledged = quantity(x.amount_fen, x.people, x.person_days, x.quantity);
            let delivered = deliveries
                .iter()
                .filter(|d| d.pledge_id == x.id)
                .fold(Quantity::default(), |acc, d| add(&acc, &quantity(d.amount_fen, d.people, d.person_days, d.quantity)));
            Ok::<_, ApiError>(Pledge {
                id: x.id,
                partner_id: x.partner_id,
                partner_name: partner_name(x.partner_id),
                kind,
                description: x.description.clone(),
                unit: x.unit.clone(),
                fulfilment: fulfilment(kind, &pledged, &delivered),
                pledged,
                delivered,
            })
        })
        .collect::<Result<_, _>>()?;
    let evaluation = match (p.evaluation_score, stored_opt(p.evaluator_type.as_deref(), "programs", p.id)?) {
        (Some(score), Some(evaluator_type)) => Some(Evaluation { score, evaluator_type, comments: p.evaluation_comments.clone() }),
        _ => None,
    };
    let program_roles = caller.map(|c| roles(c, &p)).unwrap_or_default();
    let status = status_of(&p)?;
    let editable = program_roles.contains(&ProgramRole::Author) && open_for_changes(status);
    Ok(ProgramDetail {
        partners: partners
            .iter()
            .map(|x| {
                Ok::<_, ApiError>(Partner {
                    id: x.id,
                    name: x.name.clone(),
                    kind: stored(&x.kind, "program_partners", x.id)?,
                    role: x.role.clone(),
                    // Personal data: only for staff of the program's area (every signed-in reader here).
                    contact_name: if public { None } else { x.contact_name.clone() },
                    contact_phone: if public { None } else { x.contact_phone.clone() },
                })
            })
            .collect::<Result<_, _>>()?,
        pledges: pledge_dtos,
        deliveries: deliveries
            .iter()
            .map(|d| Delivery {
                id: d.id,
                pledge_id: d.pledge_id,
                delivered_on: d.delivered_on,
                delivered: quantity(d.amount_fen, d.people, d.person_days, d.quantity),
                note: d.note.clone(),
            })
            .collect(),
        milestones: milestones
            .iter()
            .map(|m| {
                let status: MilestoneStatus = stored(&m.status, "milestones", m.id)?;
                Ok::<_, ApiError>(Milestone {
                    id: m.id,
                    title: m.title.clone(),
                    owner_id: (!public).then_some(m.owner_id),
                    owner_name: owners.get(&m.owner_id).cloned(),
                    due_on: m.due_on,
                    weight: m.weight,
                    overdue: is_overdue(m.due_on, status == MilestoneStatus::Done, today),
                    status,
                    done_on: m.done_on,
                })
            })
            .collect::<Result<_, _>>()?,
        spends: spends
            .iter()
            .map(|s| Spend { id: s.id, spent_on: s.spent_on, amount_fen: s.amount_fen, purpose: s.purpose.clone() })
            .collect(),
        evaluation,
        allowed_actions: allowed(status, &program_roles),
        editable,
        program: summaries(db, vec![p], today, public).await?.remove(0),
    })
}

pub async fn detail<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id, today: NaiveDate) -> Result<ProgramDetail, ApiError> {
    let p = crate::policy::load::<program::Entity, _>(db, caller, id).await?;
    detail_of(db, Some(caller), p, today).await
}
