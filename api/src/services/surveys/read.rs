//! Reading surveys: the list the caller reaches (newest first, keyset pages) and one survey.

use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter};
use shared::{Id, Page, Survey, SurveyStatus};

use super::{load, to_dto};
use crate::domain::caller::Caller;
use crate::entities::survey;
use crate::error::ApiError;
use crate::policy;
use crate::services::page::{Keyset, PageRequest};

/// The sort of the survey list: newest first.
pub const SORT: &str = "-id";

/// The surveys the caller reaches, optionally in one state.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    status: Option<SurveyStatus>,
    page: PageRequest,
) -> Result<Page<Survey>, ApiError> {
    let mut select = policy::visible::<survey::Entity>(caller)?;
    if let Some(status) = status {
        select = select.filter(survey::Column::Status.eq(status.as_str()));
    }
    let keyset = Keyset::<survey::Entity> { name: SORT, column: None, desc: true, id: survey::Column::Id, key_of: |m| (None, m.id) };
    let (rows, next_cursor) = page.fetch(db, select, &keyset).await?;
    let mut items = Vec::with_capacity(rows.len());
    for m in rows {
        items.push(to_dto(db, caller, m).await?);
    }
    Ok(Page { items, next_cursor })
}

/// One survey the caller reaches.
pub async fn detail<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<Survey, ApiError> {
    let m = load(db, caller, id).await?;
    to_dto(db, caller, m).await
}
