//! Export of the resource catalogue in the caller's scope (optionally one area's subtree) as Excel
//! or CSV, in the reader's language. Service and provider sheets start with the import template's
//! columns, headed and worded as the import reads them, so an export is a valid starting point for
//! another district's import.

use chrono::{DateTime, Utc};
use sea_orm::{Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use shared::{Id, Labelled, Lang, ResourceTable, schedule_text};

use super::area_filter;
use crate::domain::caller::Caller;
use crate::domain::need_categories::CATEGORIES;
use crate::entities::{area, provider, service, service_person, service_space};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::import_rows::Column;
use crate::services::search::Keyword;
use crate::services::spreadsheet::{Cell, Table, Words};

use super::import::{PROVIDER_COLUMNS, SERVICE_COLUMNS};

/// Rows per export at most; a bigger area is exported child area by child area.
pub const MAX_EXPORT: u64 = 10_000;

/// The import's columns, then the export's own.
fn header(cols: &[Column], more: &[Words]) -> Vec<Words> {
    cols.iter().map(|c| c.words).chain(more.iter().copied()).collect()
}

async fn codes<C: ConnectionTrait>(db: &C, ids: impl IntoIterator<Item = Id>) -> Result<std::collections::HashMap<Id, String>, ApiError> {
    use sea_orm::ColumnTrait;
    let ids: Vec<Id> = ids.into_iter().collect();
    Ok(area::Entity::find()
        .filter(area::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.code.unwrap_or(a.name)))
        .collect())
}

/// One of the four lists as a sheet in `lang`.
pub async fn table<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    which: ResourceTable,
    area_id: Option<Id>,
    q: Option<&str>,
    now: DateTime<Utc>,
    lang: Lang,
) -> Result<Table, ApiError> {
    let q = Keyword::parse(q);
    policy::require(caller, Action::ReadResources)?;
    let list = |zh: &'static str, en: &'static str| lang.pick((zh, en));
    Ok(match which {
        ResourceTable::Providers => {
            let rows = provider::Entity::find()
                .filter(area_filter(db, caller, area_id, provider::Column::AreaPath).await?)
                .filter(q.as_ref().map_or_else(Condition::all, |q| q.condition(provider::Column::Id, &[provider::Column::Name])))
                .order_by_asc(provider::Column::Id)
                .limit(MAX_EXPORT)
                .all(db)
                .await?;
            let dtos = super::providers::to_dtos(db, caller, rows).await?;
            let codes = codes(db, dtos.iter().map(|p| p.area_id)).await?;
            let mut table = Table::new(
                lang,
                ("服务提供方", "Providers"),
                &header(PROVIDER_COLUMNS, &[("区域", "Area"), ("服务数", "Services"), ("启用", "Active")]),
            );
            table.rows = dtos
                .into_iter()
                .map(|p| {
                    vec![
                        p.name.into(),
                        p.kind.label(lang).into(),
                        codes.get(&p.area_id).cloned().into(),
                        p.contact_name.into(),
                        p.contact_phone.into(),
                        p.verified.into(),
                        p.description.into(),
                        p.area_name.into(),
                        p.service_count.into(),
                        p.active.into(),
                    ]
                })
                .collect();
            table
        }
        ResourceTable::Services => {
            let rows = service::Entity::find()
                .filter(area_filter(db, caller, area_id, service::Column::AreaPath).await?)
                .filter(q.as_ref().map_or_else(Condition::all, |q| q.condition(service::Column::Id, &[service::Column::Name])))
                .order_by_asc(service::Column::Id)
                .limit(MAX_EXPORT)
                .all(db)
                .await?;
            let dtos = super::service::to_dtos(db, rows, now).await?;
            let codes = codes(db, dtos.iter().flat_map(|s| s.served_area_ids.clone())).await?;
            let more = [("本周已派", "Dispatched this week"), ("按时率", "On-time rate"), ("平均评分", "Average rating")];
            let mut table = Table::new(lang, ("服务", "Services"), &header(SERVICE_COLUMNS, &more));
            table.rows = dtos
                .into_iter()
                .map(|s| {
                    let category = CATEGORIES
                        .iter()
                        .find(|c| c.code == s.category)
                        .map_or(s.category.clone(), |c| lang.pick((c.name_zh, c.name_en)).to_owned());
                    vec![
                        s.name.into(),
                        s.provider_name.or(s.person_name).into(),
                        category.into(),
                        s.target_groups.iter().map(|g| g.label(lang)).collect::<Vec<_>>().join(list("、", ", ")).into(),
                        s.min_age.into(),
                        s.max_age.into(),
                        s.cost.label(lang).into(),
                        s.price_fen.map_or(Cell::Empty, Cell::Yuan),
                        s.capacity_per_week.into(),
                        schedule_text(&s.schedule, lang).into(),
                        s.mode.label(lang).into(),
                        s.served_area_ids.iter().filter_map(|id| codes.get(id).cloned()).collect::<Vec<_>>().join(",").into(),
                        Cell::decimal(s.point.map(|p| p.lat), 6),
                        Cell::decimal(s.point.map(|p| p.lng), 6),
                        s.radius_m.into(),
                        s.description.into(),
                        s.load_this_week.into(),
                        s.on_time_rate.map_or(Cell::Empty, Cell::Percent),
                        Cell::decimal(s.average_rating, 1),
                    ]
                })
                .collect();
            table
        }
        ResourceTable::People => {
            let rows = service_person::Entity::find()
                .filter(area_filter(db, caller, area_id, service_person::Column::AreaPath).await?)
                .filter(
                    q.as_ref().map_or_else(Condition::all, |q| q.condition(service_person::Column::Id, &[service_person::Column::Name])),
                )
                .order_by_asc(service_person::Column::Id)
                .limit(MAX_EXPORT)
                .all(db)
                .await?;
            let mut table = Table::new(
                lang,
                ("服务人员", "People"),
                &[
                    ("姓名", "Name"),
                    ("类型", "Kind"),
                    ("区域", "Area"),
                    ("所属组织", "Provider"),
                    ("电话", "Phone"),
                    ("持证", "Certified"),
                    ("报到日期", "Reported on"),
                    ("启用", "Active"),
                ],
            );
            table.rows = super::people::to_dtos(db, caller, rows)
                .await?
                .into_iter()
                .map(|p| {
                    vec![
                        p.name.into(),
                        p.kind.label(lang).into(),
                        p.area_name.into(),
                        p.provider_name.into(),
                        p.phone.into(),
                        p.certified.into(),
                        p.reported_on.into(),
                        p.active.into(),
                    ]
                })
                .collect();
            table
        }
        ResourceTable::Spaces => {
            let rows = service_space::Entity::find()
                .filter(area_filter(db, caller, area_id, service_space::Column::AreaPath).await?)
                .filter(q.as_ref().map_or_else(Condition::all, |q| q.condition(service_space::Column::Id, &[service_space::Column::Name])))
                .order_by_asc(service_space::Column::Id)
                .limit(MAX_EXPORT)
                .all(db)
                .await?;
            let mut table = Table::new(
                lang,
                ("服务空间", "Spaces"),
                &[
                    ("名称", "Name"),
                    ("类型", "Kind"),
                    ("区域", "Area"),
                    ("地址", "Address"),
                    ("面积(㎡)", "Floor area (m²)"),
                    ("容纳人数", "Capacity"),
                    ("每日开放小时(一至日)", "Hours a day (Mon–Sun)"),
                    ("不足8小时", "Under 8 hours"),
                    ("运营方", "Provider"),
                ],
            );
            table.rows = super::spaces::to_dtos(db, rows)
                .await?
                .into_iter()
                .map(|s| {
                    vec![
                        s.name.into(),
                        s.kind.label(lang).into(),
                        s.area_name.into(),
                        s.address.into(),
                        Cell::Decimal(s.floor_area_m2, 1),
                        s.capacity.into(),
                        s.hours_per_day.iter().map(|h| format!("{h:.1}")).collect::<Vec<_>>().join("/").into(),
                        s.short_hours.into(),
                        s.provider_name.into(),
                    ]
                })
                .collect();
            table
        }
    })
}
