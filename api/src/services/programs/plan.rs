//! The plan of a program: partners, pledges and the deliveries against them, milestones, spend.
//! Each change returns the whole program again, so a form always shows the truth after saving.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::Serialize;
use shared::{AuditAction, AuditEntity};
use shared::{
    FieldRule, Id, MilestonePatch, MilestoneStatus, NewDelivery, NewMilestone, NewPartner, NewPledge, NewSpend, ProgramDetail,
    ProgramStatus, Quantity, ResourceKind,
};

use super::detail::detail_of;
use super::{editable, status_of};
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::quantities::{Measures, measures, needs_unit};
use crate::domain::scope::Scope;
use crate::entities::stored::stored;
use crate::entities::{delivery, milestone, pledge, program, program_partner, spend, user};
use crate::error::ApiError;
use crate::services::audit::{self, Change};

/// Which fields of a quantity each kind uses ([`measures`]); the measure field must be positive.
fn check_quantity(kind: ResourceKind, q: &Quantity, prefix: &str, pledge: bool, errors: &mut FieldErrors) {
    let Measures { measure, allowed, pledge_requires } = measures(kind);
    let given = [
        ("amount_fen", q.amount_fen.map(|v| v as f64)),
        ("people", q.people.map(|v| v as f64)),
        ("person_days", q.person_days),
        ("quantity", q.quantity),
    ];
    for (field, value) in given {
        match value {
            Some(_) if !allowed.contains(&field) => {
                errors.add(&format!("{prefix}/{field}"), FieldRule::NotAllowed, format!("not used for {}", kind.as_str()))
            }
            Some(v) if field == measure && v <= 0.0 => {
                errors.add(&format!("{prefix}/{field}"), FieldRule::OutOfRange, "must be more than 0")
            }
            None if field == measure => {
                errors.add(&format!("{prefix}/{field}"), FieldRule::Required, format!("{} is counted in {field}", kind.as_str()))
            }
            None if pledge && pledge_requires.contains(&field) => errors.add(&format!("{prefix}/{field}"), FieldRule::Required, "how many"),
            _ => {}
        }
    }
}

async fn done<C: ConnectionTrait, T: Serialize>(
    db: &C,
    caller: &Caller,
    p: program::Model,
    action: AuditAction,
    what: &T,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ProgramDetail, ApiError> {
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action,
            entity: AuditEntity::Program,
            entity_id: p.id,
            area: Some((p.area_id, &p.area_path)),
            before: None,
            after: Some(what),
        },
    )
    .await?;
    detail_of(db, Some(caller), p, now.date_naive()).await
}

/// Deliveries and spending are recorded once a program is approved and until it ends.
fn check_running(p: &program::Model) -> Result<(), ApiError> {
    match status_of(p)? {
        ProgramStatus::Approved | ProgramStatus::InProgress | ProgramStatus::Suspended | ProgramStatus::Completed => Ok(()),
        other => Err(ApiError::Conflict(format!(
            "deliveries and spending are recorded once the program is approved, not while it is {}",
            other.as_str()
        ))),
    }
}

pub async fn add_partner<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    program_id: Id,
    new: &NewPartner,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ProgramDetail, ApiError> {
    let p = editable(db, caller, program_id).await?;
    let mut errors = FieldErrors::default();
    if new.name.trim().is_empty() {
        errors.add("/name", FieldRule::Required, "name the organisation");
    }
    if new.role.trim().is_empty() {
        errors.add("/role", FieldRule::Required, "say what it does in the program");
    }
    errors.finish()?;
    program_partner::ActiveModel {
        program_id: Set(p.id),
        name: Set(new.name.trim().into()),
        kind: Set(new.kind.as_str().into()),
        role: Set(new.role.trim().into()),
        contact_name: Set(new.contact_name.clone()),
        contact_phone: Set(new.contact_phone.clone()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    // The audit keeps the organisation, not its contact person.
    let summary = serde_json::json!({ "partner": new.name, "kind": new.kind, "role": new.role });
    done(db, caller, p, AuditAction::AddPartner, &summary, now, request_id).await
}

pub async fn add_pledge<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    program_id: Id,
    new: &NewPledge,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ProgramDetail, ApiError> {
    let p = editable(db, caller, program_id).await?;
    let mut errors = FieldErrors::default();
    let partner = program_partner::Entity::find_by_id(new.partner_id).filter(program_partner::Column::ProgramId.eq(p.id)).one(db).await?;
    if partner.is_none() {
        errors.add("/partner_id", FieldRule::NotFound, "no such partner in this program");
    }
    if new.description.trim().is_empty() {
        errors.add("/description", FieldRule::Required, "describe what is pledged");
    }
    check_quantity(new.kind, &new.pledged, "/pledged", true, &mut errors);
    if needs_unit(new.kind) && new.unit.as_deref().is_none_or(|u| u.trim().is_empty()) {
        errors.add("/unit", FieldRule::Required, "the unit of the materials (台, 份, 套 …)");
    }
    errors.finish()?;
    pledge::ActiveModel {
        program_id: Set(p.id),
        partner_id: Set(new.partner_id),
        kind: Set(new.kind.as_str().into()),
        description: Set(new.description.trim().into()),
        unit: Set(new.unit.clone()),
        amount_fen: Set(new.pledged.amount_fen),
        people: Set(new.pledged.people),
        person_days: Set(new.pledged.person_days),
        quantity: Set(new.pledged.quantity),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    done(db, caller, p, AuditAction::AddPledge, new, now, request_id).await
}

pub async fn add_delivery<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    program_id: Id,
    pledge_id: Id,
    new: &NewDelivery,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ProgramDetail, ApiError> {
    let p = editable(db, caller, program_id).await?;
    let target = pledge::Entity::find_by_id(pledge_id)
        .filter(pledge::Column::ProgramId.eq(p.id))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("pledge"))?;
    check_running(&p)?;
    let kind: ResourceKind = stored(&target.kind, "pledges", target.id)?;
    let mut errors = FieldErrors::default();
    check_quantity(kind, &new.delivered, "/delivered", false, &mut errors);
    if new.delivered_on > now.date_naive() {
        errors.add("/delivered_on", FieldRule::OutOfRange, "a delivery cannot be in the future");
    }
    errors.finish()?;
    delivery::ActiveModel {
        pledge_id: Set(target.id),
        delivered_on: Set(new.delivered_on),
        amount_fen: Set(new.delivered.amount_fen),
        people: Set(new.delivered.people),
        person_days: Set(new.delivered.person_days),
        quantity: Set(new.delivered.quantity),
        note: Set(new.note.clone()),
        recorded_by: Set(caller.id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    done(db, caller, p, AuditAction::AddDelivery, new, now, request_id).await
}

async fn check_owner<C: ConnectionTrait>(db: &C, caller: &Caller, owner_id: Id, errors: &mut FieldErrors) -> Result<(), ApiError> {
    let owner = user::Entity::find_by_id(owner_id).find_also_related(crate::entities::area::Entity).one(db).await?;
    match owner {
        Some((u, Some(home))) if u.active && Scope::of(caller).contains(&home.path) => {}
        _ => errors.add("/owner_id", FieldRule::NotFound, "no active user with this id in your scope"),
    }
    Ok(())
}

pub async fn add_milestone<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    program_id: Id,
    new: &NewMilestone,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ProgramDetail, ApiError> {
    let p = editable(db, caller, program_id).await?;
    let mut errors = FieldErrors::default();
    if new.title.trim().is_empty() {
        errors.add("/title", FieldRule::Required, "name the milestone");
    }
    check_owner(db, caller, new.owner_id, &mut errors).await?;
    errors.finish()?;
    milestone::ActiveModel {
        program_id: Set(p.id),
        title: Set(new.title.trim().into()),
        owner_id: Set(new.owner_id),
        due_on: Set(new.due_on),
        weight: Set(new.weight),
        status: Set(MilestoneStatus::Pending.as_str().into()),
        done_on: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    done(db, caller, p, AuditAction::AddMilestone, new, now, request_id).await
}

pub async fn update_milestone<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    program_id: Id,
    milestone_id: Id,
    patch: &MilestonePatch,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ProgramDetail, ApiError> {
    let p = editable(db, caller, program_id).await?;
    let current = milestone::Entity::find_by_id(milestone_id)
        .filter(milestone::Column::ProgramId.eq(p.id))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("milestone"))?;
    let mut errors = FieldErrors::default();
    if patch.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        errors.add("/title", FieldRule::Required, "name the milestone");
    }
    if let Some(owner) = patch.owner_id {
        check_owner(db, caller, owner, &mut errors).await?;
    }
    errors.finish()?;
    let mut model: milestone::ActiveModel = current.clone().into();
    if let Some(v) = &patch.title {
        model.title = Set(v.trim().into());
    }
    if let Some(v) = patch.owner_id {
        model.owner_id = Set(v);
    }
    if let Some(v) = patch.due_on {
        model.due_on = Set(v);
    }
    if let Some(v) = patch.weight {
        model.weight = Set(v);
    }
    if let Some(status) = patch.status {
        model.status = Set(status.as_str().into());
        model.done_on = Set(match status {
            MilestoneStatus::Done => current.done_on.or(Some(now.date_naive())),
            _ => None,
        });
    }
    model.updated_at = Set(now);
    model.update(db).await?;
    done(db, caller, p, AuditAction::UpdateMilestone, patch, now, request_id).await
}

pub async fn add_spend<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    program_id: Id,
    new: &NewSpend,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ProgramDetail, ApiError> {
    let p = editable(db, caller, program_id).await?;
    check_running(&p)?;
    let mut errors = FieldErrors::default();
    if new.purpose.trim().is_empty() {
        errors.add("/purpose", FieldRule::Required, "what the money was spent on");
    }
    if new.spent_on > now.date_naive() {
        errors.add("/spent_on", FieldRule::OutOfRange, "spending cannot be in the future");
    }
    errors.finish()?;
    spend::ActiveModel {
        program_id: Set(p.id),
        spent_on: Set(new.spent_on),
        amount_fen: Set(new.amount_fen),
        purpose: Set(new.purpose.trim().into()),
        recorded_by: Set(caller.id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    done(db, caller, p, AuditAction::AddSpend, new, now, request_id).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::field_errors::Invalid;

    fn fields(kind: ResourceKind, q: Quantity, pledge: bool) -> Vec<String> {
        let mut errors = FieldErrors::default();
        check_quantity(kind, &q, "/pledged", pledge, &mut errors);
        match errors.finish() {
            Ok(()) => vec![],
            Err(Invalid(list)) => list.into_iter().map(|e| e.field).collect(),
        }
    }

    #[test]
    fn funds_are_counted_in_money_only() {
        assert!(fields(ResourceKind::Funds, Quantity { amount_fen: Some(100), ..Default::default() }, true).is_empty());
        assert_eq!(
            fields(ResourceKind::Funds, Quantity { people: Some(2), ..Default::default() }, true),
            ["/pledged/amount_fen", "/pledged/people"]
        );
    }

    #[test]
    fn talent_needs_people_and_person_days_when_pledged() {
        assert_eq!(fields(ResourceKind::Talent, Quantity { person_days: Some(10.0), ..Default::default() }, true), ["/pledged/people"]);
        assert!(fields(ResourceKind::Talent, Quantity { person_days: Some(10.0), ..Default::default() }, false).is_empty());
    }

    #[test]
    fn materials_may_carry_a_value() {
        assert!(
            fields(ResourceKind::Materials, Quantity { quantity: Some(5.0), amount_fen: Some(50_000), ..Default::default() }, true)
                .is_empty()
        );
        assert_eq!(fields(ResourceKind::Materials, Quantity { quantity: Some(0.0), ..Default::default() }, true), ["/pledged/quantity"]);
    }
}
