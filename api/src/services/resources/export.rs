//! Export of the resource catalogue in the caller's scope (optionally one area's subtree) as Excel
//! or CSV. Service and provider sheets use the import template's columns, so an export is a valid
//! starting point for another district's import.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use shared::{Id, ResourceTable};

use super::area_filter;
use crate::domain::caller::Caller;
use crate::entities::{area, provider, service, service_person, service_space};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::spreadsheet::Table;

/// Rows per export at most; a bigger area is exported child area by child area.
pub const MAX_EXPORT: u64 = 10_000;

fn yuan(fen: Option<i64>) -> String {
    fen.map(|f| format!("{:.2}", f as f64 / 100.0)).unwrap_or_default()
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn yes(b: bool) -> String {
    if b { "是".into() } else { "否".into() }
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

pub async fn table<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    which: ResourceTable,
    area_id: Option<Id>,
    now: DateTime<Utc>,
) -> Result<Table, ApiError> {
    policy::require(caller, Action::ReadResources)?;
    Ok(match which {
        ResourceTable::Providers => {
            let rows = provider::Entity::find()
                .filter(area_filter(db, caller, area_id, provider::Column::AreaPath).await?)
                .order_by_asc(provider::Column::Id)
                .limit(MAX_EXPORT)
                .all(db)
                .await?;
            let dtos = super::providers::to_dtos(db, caller, rows).await?;
            let codes = codes(db, dtos.iter().map(|p| p.area_id)).await?;
            Table {
                name: "providers",
                header: vec![
                    "名称 name",
                    "类型 kind",
                    "区域编码 area_code",
                    "联系人 contact_name",
                    "联系电话 contact_phone",
                    "已认证 verified",
                    "简介 description",
                    "区域 area",
                    "服务数 services",
                    "启用 active",
                ],
                rows: dtos
                    .into_iter()
                    .map(|p| {
                        vec![
                            p.name,
                            p.kind.as_str().into(),
                            codes.get(&p.area_id).cloned().unwrap_or_default(),
                            p.contact_name.unwrap_or_default(),
                            p.contact_phone.unwrap_or_default(),
                            yes(p.verified),
                            p.description,
                            p.area_name,
                            p.service_count.to_string(),
                            yes(p.active),
                        ]
                    })
                    .collect(),
            }
        }
        ResourceTable::Services => {
            let rows = service::Entity::find()
                .filter(area_filter(db, caller, area_id, service::Column::AreaPath).await?)
                .order_by_asc(service::Column::Id)
                .limit(MAX_EXPORT)
                .all(db)
                .await?;
            let dtos = super::service::to_dtos(db, rows, now).await?;
            let codes = codes(db, dtos.iter().flat_map(|s| s.served_area_ids.clone())).await?;
            Table {
                name: "services",
                header: vec![
                    "服务名称 name",
                    "提供方 provider",
                    "类别 category",
                    "服务对象 target_groups",
                    "最低年龄 min_age",
                    "最高年龄 max_age",
                    "收费 cost",
                    "价格(元) price_yuan",
                    "每周名额 capacity_per_week",
                    "服务时间 schedule",
                    "方式 mode",
                    "服务区域编码 served_area_codes",
                    "纬度 lat",
                    "经度 lng",
                    "半径(米) radius_m",
                    "简介 description",
                    "本周已派 load_this_week",
                    "按时率 on_time_rate",
                    "平均评分 average_rating",
                ],
                rows: dtos
                    .into_iter()
                    .map(|s| {
                        vec![
                            s.name,
                            s.provider_name.or(s.person_name).unwrap_or_default(),
                            s.category,
                            s.target_groups.iter().map(|g| g.as_str()).collect::<Vec<_>>().join(","),
                            opt(s.min_age),
                            opt(s.max_age),
                            s.cost.as_str().into(),
                            yuan(s.price_fen),
                            s.capacity_per_week.to_string(),
                            s.schedule.iter().map(|t| format!("{} {}-{}", t.weekday, t.start, t.end)).collect::<Vec<_>>().join("; "),
                            s.mode.as_str().into(),
                            s.served_area_ids.iter().filter_map(|id| codes.get(id).cloned()).collect::<Vec<_>>().join(","),
                            opt(s.point.map(|p| p.lat)),
                            opt(s.point.map(|p| p.lng)),
                            opt(s.radius_m),
                            s.description,
                            s.load_this_week.to_string(),
                            s.on_time_rate.map(|r| format!("{:.0}%", r * 100.0)).unwrap_or_default(),
                            s.average_rating.map(|r| format!("{r:.1}")).unwrap_or_default(),
                        ]
                    })
                    .collect(),
            }
        }
        ResourceTable::People => {
            let rows = service_person::Entity::find()
                .filter(area_filter(db, caller, area_id, service_person::Column::AreaPath).await?)
                .order_by_asc(service_person::Column::Id)
                .limit(MAX_EXPORT)
                .all(db)
                .await?;
            Table {
                name: "people",
                header: vec![
                    "姓名 name",
                    "类型 kind",
                    "区域 area",
                    "所属组织 provider",
                    "电话 phone",
                    "持证 certified",
                    "报到日期 reported_on",
                    "启用 active",
                ],
                rows: super::people::to_dtos(db, caller, rows)
                    .await?
                    .into_iter()
                    .map(|p| {
                        vec![
                            p.name,
                            p.kind.as_str().into(),
                            p.area_name,
                            p.provider_name.unwrap_or_default(),
                            p.phone.unwrap_or_default(),
                            yes(p.certified),
                            opt(p.reported_on),
                            yes(p.active),
                        ]
                    })
                    .collect(),
            }
        }
        ResourceTable::Spaces => {
            let rows = service_space::Entity::find()
                .filter(area_filter(db, caller, area_id, service_space::Column::AreaPath).await?)
                .order_by_asc(service_space::Column::Id)
                .limit(MAX_EXPORT)
                .all(db)
                .await?;
            Table {
                name: "spaces",
                header: vec![
                    "名称 name",
                    "类型 kind",
                    "区域 area",
                    "地址 address",
                    "面积(㎡) floor_area_m2",
                    "容纳人数 capacity",
                    "每日开放小时(一至日) hours_per_day",
                    "不足8小时 short_hours",
                    "运营方 provider",
                ],
                rows: super::spaces::to_dtos(db, rows)
                    .await?
                    .into_iter()
                    .map(|s| {
                        vec![
                            s.name,
                            s.kind.as_str().into(),
                            s.area_name,
                            s.address.unwrap_or_default(),
                            format!("{:.1}", s.floor_area_m2),
                            s.capacity.to_string(),
                            s.hours_per_day.iter().map(|h| format!("{h:.1}")).collect::<Vec<_>>().join("/"),
                            yes(s.short_hours),
                            s.provider_name.unwrap_or_default(),
                        ]
                    })
                    .collect(),
            }
        }
    })
}
