//! 阳光社区: programs marked public, readable by anyone without signing in — what was pledged,
//! delivered and spent, milestones and evaluation — and never any personal data.

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{Id, Page, Program, ProgramDetail, ProgramStatus};

use super::detail::{detail_of, summaries};
use crate::entities::program;
use crate::error::ApiError;
use crate::services::page::{Keyset, PageRequest};

fn disclosed() -> sea_orm::Select<program::Entity> {
    // Drafts and programs awaiting approval are not yet commitments; they are not disclosed.
    let hidden = [ProgramStatus::Draft, ProgramStatus::Submitted, ProgramStatus::Cancelled].map(|s| s.as_str());
    program::Entity::find().filter(program::Column::Public.eq(true)).filter(program::Column::Status.is_not_in(hidden))
}

pub async fn public_list<C: ConnectionTrait>(db: &C, page: PageRequest, today: NaiveDate) -> Result<Page<Program>, ApiError> {
    let keyset = Keyset::<program::Entity> { name: "-id", column: None, desc: true, id: program::Column::Id, key_of: |m| (None, m.id) };
    let (rows, next_cursor) = page.fetch(db, disclosed(), &keyset).await?;
    Ok(Page { items: summaries(db, rows, today, true).await?, next_cursor })
}

pub async fn public_detail<C: ConnectionTrait>(db: &C, id: Id, today: NaiveDate) -> Result<ProgramDetail, ApiError> {
    let p = disclosed().filter(program::Column::Id.eq(id)).one(db).await?.ok_or(ApiError::NotFound("program"))?;
    detail_of(db, None, p, today).await
}
