//! 阳光社区: programs marked public, readable by anyone without signing in — what was pledged,
//! delivered and spent, milestones and evaluation — and never any personal data.

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{Id, Page, Program, ProgramDetail, ProgramStatus};

use super::detail::{detail_of, summaries};
use crate::domain::scope::Scope;
use crate::entities::{area, program};
use crate::error::ApiError;
use crate::services::page::{Keyset, PageRequest};

fn disclosed() -> sea_orm::Select<program::Entity> {
    // Drafts and programs awaiting approval are not yet commitments; they are not disclosed.
    let hidden = [ProgramStatus::Draft, ProgramStatus::Submitted, ProgramStatus::Cancelled].map(|s| s.as_str());
    program::Entity::find().filter(program::Column::Public.eq(true)).filter(program::Column::Status.is_not_in(hidden))
}

/// The disclosed programs, newest first; with `within`, only those of that area (a community) and the
/// areas under it, so a visitor finds what happens in their own community.
pub async fn public_list<C: ConnectionTrait>(
    db: &C,
    within: Option<Id>,
    page: PageRequest,
    today: NaiveDate,
) -> Result<Page<Program>, ApiError> {
    let keyset = Keyset::<program::Entity> { name: "-id", column: None, desc: true, id: program::Column::Id, key_of: |m| (None, m.id) };
    let mut select = disclosed();
    if let Some(id) = within {
        let top = area::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
        select = select.filter(Scope::subtree(&top.path).path_condition(program::Column::AreaPath));
    }
    let (rows, next_cursor) = page.fetch(db, select, &keyset).await?;
    Ok(Page { items: summaries(db, rows, today, true).await?, next_cursor })
}

pub async fn public_detail<C: ConnectionTrait>(db: &C, id: Id, today: NaiveDate) -> Result<ProgramDetail, ApiError> {
    let p = disclosed().filter(program::Column::Id.eq(id)).one(db).await?.ok_or(ApiError::NotFound("program"))?;
    detail_of(db, None, p, today).await
}
