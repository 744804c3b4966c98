//! Demo programs (`programs.json`, read by `programs_data`; drawn from seed 004), created and moved
//! along their lifecycle through the real service functions, so they obey every rule a user would meet.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use shared::{
    Evaluation, MilestonePatch, MilestoneStatus, NewDelivery, NewMilestone, NewPartner, NewPledge, NewProgram, NewSpend, ProgramAction,
    ProgramActionRequest, ProgramStatus, Quantity, ResourceKind,
};

use super::programs_data::{DemoPledge, programs as demo_programs};
use crate::domain::caller::Caller;
use crate::entities::{area, catalogue_entry, program};
use crate::error::ApiError;
use crate::services::programs;

use super::demo_caller as caller;

fn pledged(kind: ResourceKind, p: &DemoPledge, share: f64) -> Quantity {
    let fen = |yuan: i64| ((yuan as f64) * 100.0 * share).round() as i64;
    match kind {
        ResourceKind::Funds | ResourceKind::Technology => Quantity { amount_fen: Some(fen(p.amount_yuan)), ..Default::default() },
        ResourceKind::Talent => Quantity {
            people: (share >= 1.0).then_some(p.people),
            person_days: Some((p.person_days * share * 10.0).round() / 10.0),
            ..Default::default()
        },
        ResourceKind::Materials => Quantity {
            quantity: Some((p.quantity * share).round()),
            amount_fen: (p.amount_yuan > 0).then(|| fen(p.amount_yuan)),
            ..Default::default()
        },
    }
}

async fn step<C: ConnectionTrait>(
    db: &C,
    who: &Caller,
    id: i64,
    action: ProgramAction,
    evaluation: Option<Evaluation>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let req = ProgramActionRequest { action, note: None, evaluation };
    programs::act(db, who, id, &req, now, None).await.map(|_| ())
}

/// Creates the demo programs unless there are programs already.
pub async fn seed<C: ConnectionTrait>(db: &C, now: DateTime<Utc>) -> Result<usize, ApiError> {
    if program::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let today = now.date_naive();
    let approver_admin = caller(db, "admin").await?;
    let mut created = 0;
    for demo in demo_programs()? {
        let Some(n) = super::communities::COMMUNITIES.iter().position(|c| c.name == demo.community) else { continue };
        let Some(place) = area::Entity::find().filter(area::Column::Name.eq(&demo.community)).one(db).await? else { continue };
        // 缤纷社区 has a community worker and a street above it; elsewhere the platform admin approves.
        let author = caller(db, &super::local_staff(n)).await?;
        let approver = if n == 0 { caller(db, "street").await? } else { approver_admin.clone() };
        let items = catalogue_entry::Entity::find()
            .filter(catalogue_entry::Column::Year.eq(2025))
            .filter(catalogue_entry::Column::Code.is_in(demo.items.iter().cloned()))
            .all(db)
            .await?;
        let new = NewProgram {
            area_id: place.id,
            title: demo.title.clone(),
            description: demo.description.clone(),
            lead_org: demo.lead_org.clone(),
            start_date: today + Duration::days(demo.start_offset_days),
            end_date: today + Duration::days(demo.end_offset_days),
            budget_fen: demo.budget_yuan * 100,
            catalogue_item_ids: items.iter().map(|e| e.id).collect(),
            public: true,
        };
        let mut detail = programs::create(db, &author, &new, now, None).await?;
        let id = detail.program.id;
        created += 1;
        for partner in &demo.partners {
            let body = NewPartner {
                name: partner.name.clone(),
                kind: partner.kind,
                role: partner.role.clone(),
                contact_name: Some(partner.contact_name.clone()),
                contact_phone: Some(partner.contact_phone.clone()),
            };
            detail = programs::add_partner(db, &author, id, &body, now, None).await?;
            let partner_id = detail.partners.last().map(|p| p.id).unwrap_or_default();
            for p in &partner.pledges {
                let kind = p.kind;
                let unit = (kind == ResourceKind::Materials).then(|| p.unit.clone());
                let body = NewPledge { partner_id, kind, description: p.description.clone(), unit, pledged: pledged(kind, p, 1.0) };
                programs::add_pledge(db, &author, id, &body, now, None).await?;
            }
        }
        for m in &demo.milestones {
            let body = NewMilestone {
                title: m.title.clone(),
                owner_id: author.id,
                due_on: today + Duration::days(m.due_offset_days),
                weight: m.weight,
            };
            detail = programs::add_milestone(db, &author, id, &body, now, None).await?;
        }
        let target = demo.status;
        if target == ProgramStatus::Draft {
            continue;
        }
        step(db, &author, id, ProgramAction::Submit, None, now).await?;
        if target == ProgramStatus::Submitted {
            continue;
        }
        step(db, &approver, id, ProgramAction::Approve, None, now).await?;
        // Approved: deliveries, spend and finished milestones can be recorded.
        let pledges = programs::detail(db, &author, id, today).await?.pledges;
        let shares = demo.partners.iter().flat_map(|p| p.pledges.iter());
        for (pledge, demo_pledge) in pledges.iter().zip(shares) {
            let share = demo_pledge.delivered_share;
            if share > 0.0 {
                let body = NewDelivery {
                    delivered_on: today - Duration::days(14),
                    delivered: pledged(pledge.kind, demo_pledge, share),
                    note: None,
                };
                programs::add_delivery(db, &author, id, pledge.id, &body, now, None).await?;
            }
        }
        for spend in &demo.spends {
            let body = NewSpend {
                spent_on: today + Duration::days(spend.spent_offset_days.min(0)),
                amount_fen: spend.amount_yuan * 100,
                purpose: spend.purpose.clone(),
            };
            programs::add_spend(db, &author, id, &body, now, None).await?;
        }
        for (milestone, demo_milestone) in detail.milestones.iter().zip(&demo.milestones) {
            if demo_milestone.done {
                let patch = MilestonePatch { status: Some(MilestoneStatus::Done), ..Default::default() };
                programs::update_milestone(db, &author, id, milestone.id, &patch, now, None).await?;
            }
        }
        if target == ProgramStatus::Approved {
            continue;
        }
        step(db, &author, id, ProgramAction::Start, None, now).await?;
        if target == ProgramStatus::InProgress {
            continue;
        }
        step(db, &author, id, ProgramAction::Complete, None, now).await?;
        if let (ProgramStatus::Evaluated, Some(e)) = (target, &demo.evaluation) {
            let evaluation = Evaluation { score: e.score, evaluator_type: e.evaluator_type, comments: Some(e.comments.clone()) };
            step(db, &approver, id, ProgramAction::Evaluate, Some(evaluation), now).await?;
        }
    }
    Ok(created)
}
