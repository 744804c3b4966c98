//! Who hears of what happens in an area: the one rule that picks the staff and approvers a
//! notification goes to. Residents and assignees are named by the record itself (a need's
//! `resident_id`, `assignee_id`); the people *responsible for an area* are picked here.
//!
//! - A need's area: active users whose role works the needs queue ([`Action::WorkNeeds`]) and whose
//!   home is the need's community (new submissions, overdue needs) or its street (escalations, 街镇吹哨).
//! - A program's approvers: active users whose role approves programs ([`Action::ApprovePrograms`]),
//!   homed on the street or district above the program's area (approval comes from above).

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};
use shared::{AreaKind, Id};

use super::Action;
use crate::domain::scope::path_ids;
use crate::entities::{area, user};

/// The ids of the areas on `area_path` (the area itself included unless `strict`) of these kinds.
async fn ancestors_of_kind<C: ConnectionTrait>(db: &C, area_path: &str, kinds: &[AreaKind], strict: bool) -> Result<Vec<Id>, DbErr> {
    let mut ids = path_ids(area_path);
    if strict {
        ids.pop();
    }
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    area::Entity::find()
        .select_only()
        .column(area::Column::Id)
        .filter(area::Column::Id.is_in(ids))
        .filter(area::Column::Kind.is_in(kinds.iter().map(|k| k.as_str())))
        .into_tuple()
        .all(db)
        .await
}

/// Active users homed on one of `areas` whose role may take `action`.
async fn homed<C: ConnectionTrait>(db: &C, areas: Vec<Id>, action: Action) -> Result<Vec<Id>, DbErr> {
    if areas.is_empty() {
        return Ok(Vec::new());
    }
    user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::AreaId.is_in(areas))
        .filter(user::Column::Active.eq(true))
        .filter(user::Column::Role.is_in(action.roles().iter().map(|r| r.as_str())))
        .into_tuple()
        .all(db)
        .await
}

/// Staff responsible for a need at `level`: its community (new, overdue) or its street (escalated).
pub async fn need_staff<C: ConnectionTrait>(db: &C, need_area_path: &str, level: AreaKind) -> Result<Vec<Id>, DbErr> {
    let areas = ancestors_of_kind(db, need_area_path, &[level], false).await?;
    homed(db, areas, Action::WorkNeeds).await
}

/// Who approves a program of the area at `program_area_path`: the street and district staff above it.
pub async fn program_approvers<C: ConnectionTrait>(db: &C, program_area_path: &str) -> Result<Vec<Id>, DbErr> {
    let areas = ancestors_of_kind(db, program_area_path, &[AreaKind::Street, AreaKind::District], true).await?;
    homed(db, areas, Action::ApprovePrograms).await
}
