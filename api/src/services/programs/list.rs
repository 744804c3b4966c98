//! The program list: the caller's subtree, filtered by area, status, catalogue item and overdue
//! milestones, in keyset pages.

use chrono::NaiveDate;
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter};
use shared::{Id, Page, Program, ProgramStatus};

use super::detail::summaries;
use crate::domain::caller::Caller;
use crate::domain::scope::Scope;
use crate::entities::{milestone, program, program_item};
use crate::error::ApiError;
use crate::services::page::{Keyset, PageRequest};

/// Orders of the program list.
#[derive(Debug, Clone, Copy, Default, serde::Deserialize, utoipa::ToSchema)]
pub enum ProgramSort {
    #[default]
    #[serde(rename = "-id")]
    Newest,
    #[serde(rename = "id")]
    Oldest,
    #[serde(rename = "title")]
    Title,
}

impl ProgramSort {
    pub fn name(self) -> &'static str {
        match self {
            Self::Newest => "-id",
            Self::Oldest => "id",
            Self::Title => "title",
        }
    }

    fn keyset(self) -> Keyset<program::Entity> {
        match self {
            Self::Newest => Keyset { name: "-id", column: None, desc: true, id: program::Column::Id, key_of: |m| (None, m.id) },
            Self::Oldest => Keyset { name: "id", column: None, desc: false, id: program::Column::Id, key_of: |m| (None, m.id) },
            Self::Title => Keyset {
                name: "title",
                column: Some(program::Column::Title),
                desc: false,
                id: program::Column::Id,
                key_of: |m| (Some(m.title.clone()), m.id),
            },
        }
    }
}

#[derive(Debug, Default, Clone)]
pub struct ProgramFilter {
    pub area_id: Option<Id>,
    pub status: Option<ProgramStatus>,
    pub catalogue_item_id: Option<Id>,
    /// Has milestones past due and not done.
    pub overdue: Option<bool>,
    /// Title contains.
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
    sort: ProgramSort,
    page: PageRequest,
    today: NaiveDate,
) -> Result<Page<Program>, ApiError> {
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
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        select = select.filter(program::Column::Title.contains(q));
    }
    let (rows, next_cursor) = page.fetch(db, select, &sort.keyset()).await?;
    Ok(Page { items: summaries(db, rows, today, false).await?, next_cursor })
}
