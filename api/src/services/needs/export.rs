//! The needs queue as a table (需求台账): exactly the needs the queue's filters select, personal data
//! masked as the queue shows it, codes as words.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};
use shared::{Labelled, Lang, Need};

use super::read::filtered;
use super::{Names, NeedFilter, to_dto};
use crate::domain::caller::Caller;
use crate::domain::need_categories::CATEGORIES;
use crate::entities::need;
use crate::error::ApiError;
use crate::services::spreadsheet::{MAX_EXPORT_ROWS, Table, within_export_limit};

/// Every need `filter` selects, oldest first.
pub async fn all<C: ConnectionTrait>(db: &C, caller: &Caller, filter: NeedFilter, now: DateTime<Utc>) -> Result<Vec<Need>, ApiError> {
    let mut select = filtered(db, caller, &filter, now).await?;
    if let Some(status) = filter.status {
        select = select.filter(need::Column::Status.eq(status.as_str()));
    }
    let rows = select.order_by_asc(need::Column::Id).limit(MAX_EXPORT_ROWS + 1).all(db).await?;
    let rows = within_export_limit(rows, "submitted_from", "submission date, area or status")?;
    let names = Names::load(db, &rows, now).await?;
    Ok(rows.into_iter().map(|m| to_dto(m, &names, caller)).collect::<Result<_, _>>()?)
}

/// The needs as one sheet in `lang`.
pub fn table(needs: &[Need], lang: Lang) -> Table {
    let mut table = Table::new(
        lang,
        ("需求台账", "Needs"),
        &[
            ("编号", "ID"),
            ("提交时间", "Submitted"),
            ("状态", "Status"),
            ("类别", "Category"),
            ("紧急程度", "Urgency"),
            ("内容", "Text"),
            ("区域", "Area"),
            ("地址", "Address"),
            ("上门服务", "At home"),
            ("联系人", "Contact"),
            ("联系电话", "Phone"),
            ("渠道", "Channel"),
            ("目标群体", "Target groups"),
            ("责任人", "Owner"),
            ("承办人", "Assignee"),
            ("服务", "Service"),
            ("受理时限", "Acceptance due"),
            ("响应时限", "Response due"),
            ("办结时限", "Completion due"),
            ("超期", "Overdue"),
            ("已吹哨上报", "Escalated"),
            ("评价", "Rating"),
            ("更新时间", "Updated"),
        ],
    );
    for n in needs {
        let category =
            CATEGORIES.iter().find(|c| c.code == n.category).map_or(n.category.clone(), |c| lang.pick((c.name_zh, c.name_en)).to_owned());
        let groups: Vec<&str> = n.tags.iter().map(|t| t.label(lang)).collect();
        table.rows.push(vec![
            n.id.into(),
            n.created_at.into(),
            n.status.label(lang).into(),
            category.into(),
            n.urgency.label(lang).into(),
            n.text.clone().into(),
            n.area_name.clone().into(),
            n.address.clone().into(),
            n.at_home.into(),
            n.contact_name.clone().into(),
            n.contact_phone.clone().into(),
            n.channel.label(lang).into(),
            groups.join(lang.pick(("、", ", "))).into(),
            n.owner_name.clone().into(),
            n.assignee_name.clone().into(),
            n.service_name.clone().into(),
            n.acceptance_due_at.into(),
            n.response_due_at.into(),
            n.completion_due_at.into(),
            n.overdue.into(),
            n.escalated.into(),
            n.rating.into(),
            n.updated_at.into(),
        ]);
    }
    table
}
