//! Export of programs, pledges and deliveries (within the caller's scope and filters) as CSV or as
//! one Excel workbook with a sheet each, in the reader's language: money as yuan numbers, dates as
//! dates, statuses and kinds as their labels.

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use shared::{FieldRule, Labelled, Lang, Program, ProgramDetail, TitleSort};

use super::detail::detail_of;
use super::list::{ProgramFilter, list};
use crate::domain::caller::Caller;
use crate::entities::program;
use crate::error::ApiError;
use crate::services::page::PageRequest;
pub use crate::services::spreadsheet::{Cell, Table, csv, xlsx};

/// Programs per export at most; a bigger area is exported by filtering.
pub const MAX_EXPORT: usize = 5_000;

fn yuan(fen: Option<i64>) -> Cell {
    fen.map_or(Cell::Empty, Cell::Yuan)
}

/// A person-day or quantity count, to two places at most.
fn count(v: Option<f64>) -> Cell {
    Cell::decimal(v, if v.is_some_and(|v| v.fract() == 0.0) { 0 } else { 2 })
}

/// Every program the filters match, in full, within the caller's scope.
async fn details<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    filter: ProgramFilter,
    today: NaiveDate,
) -> Result<Vec<ProgramDetail>, ApiError> {
    let mut out = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let page = PageRequest::parse(cursor.as_deref(), Some(shared::MAX_PAGE_LIMIT), TitleSort::Oldest.name())?;
        let found = list(db, caller, filter.clone(), TitleSort::Oldest, page, today).await?;
        let ids: Vec<i64> = found.items.iter().map(|p: &Program| p.id).collect();
        let rows = program::Entity::find()
            .filter(sea_orm::ColumnTrait::is_in(&program::Column::Id, ids))
            .limit(shared::MAX_PAGE_LIMIT)
            .all(db)
            .await?;
        for p in rows {
            out.push(detail_of(db, Some(caller), p, today).await?);
        }
        if out.len() > MAX_EXPORT {
            return Err(ApiError::field(
                "area_id",
                FieldRule::TooMany,
                format!("more than {MAX_EXPORT} programs: narrow the export by area or status"),
            ));
        }
        match found.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    out.sort_by_key(|d| d.program.id);
    Ok(out)
}

/// The three sheets (programs, pledges, deliveries) in `lang`.
pub async fn tables<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    filter: ProgramFilter,
    today: NaiveDate,
    lang: Lang,
) -> Result<[Table; 3], ApiError> {
    let all = details(db, caller, filter, today).await?;
    let mut programs = Table::new(
        lang,
        ("项目", "Programs"),
        &[
            ("编号", "ID"),
            ("项目", "Title"),
            ("区域", "Area"),
            ("状态", "Status"),
            ("牵头单位", "Lead organisation"),
            ("开始", "Start"),
            ("结束", "End"),
            ("预算(元)", "Budget (yuan)"),
            ("支出(元)", "Spent (yuan)"),
            ("进度", "Progress"),
            ("逾期节点", "Overdue milestones"),
            ("共建内容", "Catalogue items"),
            ("公开", "Public"),
        ],
    );
    programs.rows = all
        .iter()
        .map(|d| {
            let p = &d.program;
            let items = p.catalogue_items.iter().map(|i| format!("{} {}", i.code, lang.pick((&i.name_zh, &i.name_en))));
            vec![
                p.id.into(),
                p.title.clone().into(),
                p.area_name.clone().into(),
                p.status.label(lang).into(),
                p.lead_org.clone().into(),
                p.start_date.into(),
                p.end_date.into(),
                Cell::Yuan(p.budget_fen),
                Cell::Yuan(p.spent_fen),
                Cell::Percent(p.progress),
                p.overdue_milestones.into(),
                items.collect::<Vec<_>>().join(lang.pick(("；", "; "))).into(),
                p.public.into(),
            ]
        })
        .collect();
    let mut pledges = Table::new(
        lang,
        ("认捐", "Pledges"),
        &[
            ("认捐编号", "Pledge ID"),
            ("项目", "Program"),
            ("合作方", "Partner"),
            ("类别", "Kind"),
            ("内容", "Description"),
            ("金额/价值(元)", "Amount or value (yuan)"),
            ("人数", "People"),
            ("人·天", "Person-days"),
            ("数量", "Quantity"),
            ("单位", "Unit"),
            ("已交付(元)", "Delivered (yuan)"),
            ("已交付人·天", "Delivered person-days"),
            ("已交付数量", "Delivered quantity"),
            ("完成率", "Fulfilment"),
        ],
    );
    pledges.rows = all
        .iter()
        .flat_map(|d| {
            d.pledges.iter().map(move |x| {
                vec![
                    x.id.into(),
                    d.program.title.clone().into(),
                    x.partner_name.clone().into(),
                    x.kind.label(lang).into(),
                    x.description.clone().into(),
                    yuan(x.pledged.amount_fen),
                    x.pledged.people.into(),
                    count(x.pledged.person_days),
                    count(x.pledged.quantity),
                    x.unit.clone().into(),
                    yuan(x.delivered.amount_fen),
                    count(x.delivered.person_days),
                    count(x.delivered.quantity),
                    Cell::Percent(x.fulfilment),
                ]
            })
        })
        .collect();
    let mut deliveries = Table::new(
        lang,
        ("交付", "Deliveries"),
        &[
            ("交付编号", "Delivery ID"),
            ("认捐编号", "Pledge ID"),
            ("项目", "Program"),
            ("日期", "Date"),
            ("金额/价值(元)", "Amount or value (yuan)"),
            ("人数", "People"),
            ("人·天", "Person-days"),
            ("数量", "Quantity"),
            ("备注", "Note"),
        ],
    );
    deliveries.rows = all
        .iter()
        .flat_map(|d| {
            d.deliveries.iter().map(move |x| {
                vec![
                    x.id.into(),
                    x.pledge_id.into(),
                    d.program.title.clone().into(),
                    x.delivered_on.into(),
                    yuan(x.delivered.amount_fen),
                    x.delivered.people.into(),
                    count(x.delivered.person_days),
                    count(x.delivered.quantity),
                    x.note.clone().into(),
                ]
            })
        })
        .collect();
    Ok([programs, pledges, deliveries])
}
