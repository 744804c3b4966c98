//! The program list: the caller's subtree, filtered by area, status, catalogue item and overdue
//! milestones, in keyset pages.

use chrono::NaiveDate;
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter};
use shared::{CountedPage, Id, Program, ProgramStatus, TitleSort};

use super::detail::summaries;
use crate::domain::caller::Caller;
use crate::domain::scope::Scope;
use crate::entities::{milestone, program, program_item};
use crate::error::ApiError;
use crate::services::page::{Keyset, PageRequest};
use crate::services::search::Keyword;

/// The keyset of an order of the program list.
fn keyset(sort: TitleSort) -> Keyset<program::Entity> {
    let by_id = |desc| Keyset { name: sort.name(), column: None, desc, id: program::Column::Id, key_of: |m: &program::Model| (None, m.id) };
    match sort {
        TitleSort::Newest => by_id(true),
        TitleSort::Oldest => by_id(false),
        TitleSort::Title => Keyset {
            name: sort.name(),
            column: Some(program::Column::Title),
            desc: false,
            id: program::Column::Id,
            key_of: |m| (Some(m.title.clone()), m.id),
        },
    }
}

#[derive(Debug, Default, Clone)]
pub struct ProgramFilter {
    pub area_id: Option<Id>,
    pub status: Option<ProgramStatus>,
    pub catalogue_item_id: Option<Id>,
    /// Has milestones past due and not done.
    pub overdue: Option<bool>,
    /// `#id`, or part of the title or the lead organisation.
    pub q: Option<String>,
}

/// Programs with at least one overdue milestone on `today`.
pub(crate) fn with_overdue_milestones(today: NaiveDate) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(milestone::Column::ProgramId)
        .from(milestone::Entity)
        .and_where(milestone::Column::DueOn.lt(today))
        .and_where(milestone::Column::Status.ne("done"))
        .to_owned()
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    filter: ProgramFilter,
    sort: TitleSort,
    page: PageRequest,
    today: NaiveDate,
) -> Result<CountedPage<Program>, ApiError> {
    let scope = crate::policy::allow(caller, crate::policy::Action::ReadPrograms)?;
    let mut select = crate::policy::visible::<program::Entity>(caller)?;
    if let Some(area_id) = filter.area_id {
        let top = crate::policy::load_within::<crate::entities::area::Entity, _>(db, &scope, area_id).await?;
        select = select.filter(Scope::subtree(&top.path).path_condition(program::Column::AreaPath));
    }
    if let Some(status) = filter.status {
        select = select.filter(program::Column::Status.eq(status.as_str()));
    }
    if let Some(item) = filter.catalogue_item_id {
        select = select.filter(
            program::Column::Id.in_subquery(
                Query::select()
                    .column(program_item::Column::ProgramId)
                    .from(program_item::Entity)
                    .and_where(program_item::Column::EntryId.eq(item))
                    .to_owned(),
            ),
        );
    }
    match filter.overdue {
        Some(true) => select = select.filter(program::Column::Id.in_subquery(with_overdue_milestones(today))),
        Some(false) => select = select.filter(program::Column::Id.not_in_subquery(with_overdue_milestones(today))),
        None => {}
    }
    if let Some(q) = Keyword::parse(filter.q.as_deref()) {
        select = select.filter(q.condition(program::Column::Id, &[program::Column::Title, program::Column::LeadOrg]));
    }
    let (rows, next_cursor, total) = page.fetch_counted(db, select, &keyset(sort)).await?;
    Ok(CountedPage { items: summaries(db, rows, today, false).await?, next_cursor, total })
}
