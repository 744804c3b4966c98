//! Creating programs (as drafts) and changing them. The plan's fields change only while the program
//! is a draft; whether it is disclosed publicly can change until it ends.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{AreaKind, FieldRule, Id, NewProgram, ProgramDetail, ProgramPatch, ProgramStatus};
use shared::{AuditAction, AuditEntity};

use super::detail::detail_of;
use super::{editable, status_of};
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::scope::Scope;
use crate::entities::{area, catalogue_entry, program, program_item};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};

/// Checks the catalogue items: each must exist and be an item (not a direction or section).
async fn check_items<C: ConnectionTrait>(db: &C, ids: &[Id], errors: &mut FieldErrors) -> Result<Vec<Id>, ApiError> {
    let found: Vec<catalogue_entry::Model> =
        catalogue_entry::Entity::find().filter(catalogue_entry::Column::Id.is_in(ids.to_vec())).all(db).await?;
    let mut valid = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        match found.iter().find(|e| e.id == *id) {
            Some(e) if e.level == "item" => {
                if !valid.contains(id) {
                    valid.push(*id);
                }
            }
            Some(_) => {
                errors.add(&format!("/catalogue_item_ids/{i}"), FieldRule::NotAnItem, "choose a content item, not a direction or section")
            }
            None => errors.add(&format!("/catalogue_item_ids/{i}"), FieldRule::NotFound, "no such catalogue entry"),
        }
    }
    Ok(valid)
}

fn check_text(title: &str, lead_org: &str, start: NaiveDate, end: NaiveDate, errors: &mut FieldErrors) {
    if title.trim().is_empty() {
        errors.add("/title", FieldRule::Required, "the title cannot be blank");
    }
    if lead_org.trim().is_empty() {
        errors.add("/lead_org", FieldRule::Required, "name the lead organisation");
    }
    if end < start {
        errors.add("/end_date", FieldRule::OutOfRange, "the end date cannot be before the start date");
    }
}

async fn set_items<C: ConnectionTrait>(db: &C, program_id: Id, items: &[Id]) -> Result<(), ApiError> {
    program_item::Entity::delete_many().filter(program_item::Column::ProgramId.eq(program_id)).exec(db).await?;
    for entry_id in items {
        program_item::ActiveModel { program_id: Set(program_id), entry_id: Set(*entry_id), ..Default::default() }.insert(db).await?;
    }
    Ok(())
}

pub async fn create<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    new: &NewProgram,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ProgramDetail, ApiError> {
    policy::require(caller, Action::AuthorPrograms)?;
    let mut errors = FieldErrors::default();
    let place = match area::Entity::find_by_id(new.area_id).one(db).await? {
        Some(a) if Scope::of(caller).contains(&a.path) => {
            let kinds = [AreaKind::District, AreaKind::Street, AreaKind::Community].map(|k| k.as_str());
            if !kinds.contains(&a.kind.as_str()) {
                errors.add("/area_id", FieldRule::WrongKind, "programs run in a co-building district, street or community");
            }
            Some(a)
        }
        _ => {
            errors.add("/area_id", FieldRule::NotFound, "no such area in your scope");
            None
        }
    };
    check_text(&new.title, &new.lead_org, new.start_date, new.end_date, &mut errors);
    let items = check_items(db, &new.catalogue_item_ids, &mut errors).await?;
    errors.finish()?;
    let place = place.ok_or(ApiError::NotFound("area"))?;
    let saved = program::ActiveModel {
        area_id: Set(place.id),
        area_path: Set(place.path.clone()),
        title: Set(new.title.trim().into()),
        description: Set(new.description.clone()),
        lead_org: Set(new.lead_org.trim().into()),
        start_date: Set(new.start_date),
        end_date: Set(new.end_date),
        budget_fen: Set(new.budget_fen),
        status: Set(ProgramStatus::Draft.as_str().into()),
        public: Set(new.public),
        created_by: Set(caller.id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    set_items(db, saved.id, &items).await?;
    let detail = detail_of(db, Some(caller), saved, now.date_naive()).await?;
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::Create,
            entity: AuditEntity::Program,
            entity_id: detail.program.id,
            area: Some((place.id, &place.path)),
            before: None,
            after: Some(&detail.program),
        },
    )
    .await?;
    let payload = serde_json::to_value(&detail.program).map_err(anyhow::Error::from)?;
    crate::services::webhooks::enqueue(db, shared::PROGRAM_CREATED, &place.path, &payload, now).await?;
    Ok(detail)
}

pub async fn update<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    patch: &ProgramPatch,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ProgramDetail, ApiError> {
    let current = editable(db, caller, id).await?;
    let plan_changed = patch.title.is_some()
        || patch.description.is_some()
        || patch.lead_org.is_some()
        || patch.start_date.is_some()
        || patch.end_date.is_some()
        || patch.budget_fen.is_some()
        || patch.catalogue_item_ids.is_some();
    if plan_changed && status_of(&current)? != ProgramStatus::Draft {
        return Err(ApiError::Conflict("only a draft's plan can change; withdraw it or send it back first".into()));
    }
    let mut errors = FieldErrors::default();
    let title = patch.title.clone().unwrap_or_else(|| current.title.clone());
    let lead_org = patch.lead_org.clone().unwrap_or_else(|| current.lead_org.clone());
    let (start, end) = (patch.start_date.unwrap_or(current.start_date), patch.end_date.unwrap_or(current.end_date));
    check_text(&title, &lead_org, start, end, &mut errors);
    let items = match &patch.catalogue_item_ids {
        Some(ids) => Some(check_items(db, ids, &mut errors).await?),
        None => None,
    };
    errors.finish()?;
    let today = now.date_naive();
    let before = detail_of(db, Some(caller), current.clone(), today).await?.program;
    let mut model: program::ActiveModel = current.into();
    model.title = Set(title.trim().into());
    model.lead_org = Set(lead_org.trim().into());
    model.start_date = Set(start);
    model.end_date = Set(end);
    if let Some(v) = &patch.description {
        model.description = Set(v.clone());
    }
    if let Some(v) = patch.budget_fen {
        model.budget_fen = Set(v);
    }
    if let Some(v) = patch.public {
        model.public = Set(v);
    }
    model.updated_at = Set(now);
    let saved = model.update(db).await?;
    if let Some(items) = items {
        set_items(db, id, &items).await?;
    }
    let detail = detail_of(db, Some(caller), saved.clone(), today).await?;
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::Update,
            entity: AuditEntity::Program,
            entity_id: id,
            area: Some((saved.area_id, &saved.area_path)),
            before: Some(&before),
            after: Some(&detail.program),
        },
    )
    .await?;
    Ok(detail)
}
