//! Export of programs, pledges and deliveries (within the caller's scope and filters) as CSV or as
//! one Excel workbook with a sheet each. Money is shown in yuan for people; headers are bilingual.

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use shared::{FieldRule, Program, ProgramDetail, TitleSort};

use super::detail::detail_of;
use super::list::{ProgramFilter, list};
use crate::domain::caller::Caller;
use crate::entities::program;
use crate::error::ApiError;
use crate::services::page::PageRequest;
pub use crate::services::spreadsheet::{Table, csv, xlsx};

/// Programs per export at most; a bigger area is exported by filtering.
pub const MAX_EXPORT: usize = 5_000;

fn yuan(fen: Option<i64>) -> String {
    fen.map(|f| format!("{:.2}", f as f64 / 100.0)).unwrap_or_default()
}

fn num<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
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

pub async fn tables<C: ConnectionTrait>(db: &C, caller: &Caller, filter: ProgramFilter, today: NaiveDate) -> Result<[Table; 3], ApiError> {
    let all = details(db, caller, filter, today).await?;
    let programs = Table {
        name: "项目 Programs",
        header: vec![
            "编号 id",
            "项目 title",
            "区域 area",
            "状态 status",
            "牵头单位 lead",
            "开始 start",
            "结束 end",
            "预算(元) budget",
            "支出(元) spent",
            "进度 progress",
            "逾期节点 overdue",
            "共建内容 items",
            "公开 public",
        ],
        rows: all
            .iter()
            .map(|d| {
                let p = &d.program;
                vec![
                    p.id.to_string(),
                    p.title.clone(),
                    p.area_name.clone(),
                    p.status.as_str().into(),
                    p.lead_org.clone(),
                    p.start_date.to_string(),
                    p.end_date.to_string(),
                    yuan(Some(p.budget_fen)),
                    yuan(Some(p.spent_fen)),
                    format!("{:.0}%", p.progress * 100.0),
                    p.overdue_milestones.to_string(),
                    p.catalogue_items.iter().map(|i| format!("{} {}", i.code, i.name_zh)).collect::<Vec<_>>().join("；"),
                    p.public.to_string(),
                ]
            })
            .collect(),
    };
    let pledges = Table {
        name: "认捐 Pledges",
        header: vec![
            "认捐编号 pledge",
            "项目 program",
            "合作方 partner",
            "类别 kind",
            "内容 description",
            "金额/价值(元) amount",
            "人数 people",
            "人·天 person-days",
            "数量 quantity",
            "单位 unit",
            "已交付(元) delivered amount",
            "已交付人·天",
            "已交付数量",
            "完成率 fulfilment",
        ],
        rows: all
            .iter()
            .flat_map(|d| {
                d.pledges.iter().map(move |x| {
                    vec![
                        x.id.to_string(),
                        d.program.title.clone(),
                        x.partner_name.clone(),
                        x.kind.as_str().into(),
                        x.description.clone(),
                        yuan(x.pledged.amount_fen),
                        num(x.pledged.people),
                        num(x.pledged.person_days),
                        num(x.pledged.quantity),
                        x.unit.clone().unwrap_or_default(),
                        yuan(x.delivered.amount_fen),
                        num(x.delivered.person_days),
                        num(x.delivered.quantity),
                        format!("{:.0}%", x.fulfilment * 100.0),
                    ]
                })
            })
            .collect(),
    };
    let deliveries = Table {
        name: "交付 Deliveries",
        header: vec![
            "交付编号 delivery",
            "认捐编号 pledge",
            "项目 program",
            "日期 date",
            "金额/价值(元) amount",
            "人数 people",
            "人·天 person-days",
            "数量 quantity",
            "备注 note",
        ],
        rows: all
            .iter()
            .flat_map(|d| {
                d.deliveries.iter().map(move |x| {
                    vec![
                        x.id.to_string(),
                        x.pledge_id.to_string(),
                        d.program.title.clone(),
                        x.delivered_on.to_string(),
                        yuan(x.delivered.amount_fen),
                        num(x.delivered.people),
                        num(x.delivered.person_days),
                        num(x.delivered.quantity),
                        x.note.clone().unwrap_or_default(),
                    ]
                })
            })
            .collect(),
    };
    Ok([programs, pledges, deliveries])
}
