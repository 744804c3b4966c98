//! Excel import of providers and services from the template the API hands out. Every row goes
//! through the same `create` as the API, in the caller's transaction; every bad row and field is
//! reported at once, and the caller rolls back unless the run was real and clean.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{
    CostKind, FieldRule, GeoPoint, ImportReport, Labelled, NewProvider, NewService, ProviderKind, ResourceTable, ServiceMode, TargetGroup,
    TimeSlot,
};

use crate::domain::caller::Caller;
use crate::domain::need_categories::CATEGORIES;
use crate::domain::scope::Scope;
use crate::entities::{area, provider};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::import_rows::{Column, Row, template_rows};
use crate::services::spreadsheet::{Table, read_xlsx, xlsx};

/// Rows per import at most; bigger lists are split.
pub const MAX_ROWS: usize = 2_000;

pub(super) const PROVIDER_COLUMNS: &[Column] = &[
    Column { header: "名称 name", words: ("名称", "Name"), field: "/name", example: "幸福邻里志愿服务队" },
    Column { header: "类型 kind", words: ("类型", "Kind"), field: "/kind", example: "志愿服务队" },
    Column { header: "区域编码 area_code", words: ("区域编码", "Area code"), field: "/area_id", example: "110105001001" },
    Column { header: "联系人 contact_name", words: ("联系人", "Contact"), field: "/contact_name", example: "王芳" },
    Column {
        header: "联系电话 contact_phone", words: ("联系电话", "Contact phone"), field: "/contact_phone", example: "13800138000"
    },
    Column { header: "已认证 verified", words: ("已认证", "Verified"), field: "/verified", example: "是" },
    Column {
        header: "简介 description", words: ("简介", "Description"), field: "/description", example: "助老助残、邻里互助"
    },
];

pub(super) const SERVICE_COLUMNS: &[Column] = &[
    Column { header: "服务名称 name", words: ("服务名称", "Service"), field: "/name", example: "助浴上门服务" },
    Column {
        header: "提供方 provider", words: ("提供方", "Provider"), field: "/provider_id", example: "幸福邻里志愿服务队"
    },
    Column { header: "类别 category", words: ("类别", "Category"), field: "/category", example: "养老服务" },
    Column {
        header: "服务对象 target_groups", words: ("服务对象", "Target groups"), field: "/target_groups", example: "老年人、残疾人"
    },
    Column { header: "最低年龄 min_age", words: ("最低年龄", "Minimum age"), field: "/min_age", example: "60" },
    Column { header: "最高年龄 max_age", words: ("最高年龄", "Maximum age"), field: "/max_age", example: "" },
    Column { header: "收费 cost", words: ("收费", "Cost"), field: "/cost", example: "低偿" },
    Column { header: "价格(元) price_yuan", words: ("价格(元)", "Price (yuan)"), field: "/price_fen", example: "20" },
    Column {
        header: "每周名额 capacity_per_week", words: ("每周名额", "Places per week"), field: "/capacity_per_week", example: "10"
    },
    Column {
        header: "服务时间 schedule",
        words: ("服务时间", "Schedule"),
        field: "/schedule",
        example: "周一至周五 08:30–17:30；周六 09:00–12:00",
    },
    Column { header: "方式 mode", words: ("方式", "Mode"), field: "/mode", example: "上门服务" },
    Column {
        header: "服务区域编码 served_area_codes",
        words: ("服务区域编码", "Served area codes"),
        field: "/served_area_ids",
        example: "110105001001",
    },
    Column { header: "纬度 lat", words: ("纬度", "Latitude"), field: "/point", example: "39.92" },
    Column { header: "经度 lng", words: ("经度", "Longitude"), field: "/point", example: "116.46" },
    Column { header: "半径(米) radius_m", words: ("半径(米)", "Radius (m)"), field: "/radius_m", example: "" },
    Column {
        header: "简介 description", words: ("简介", "Description"), field: "/description", example: "每周二、四上门助浴"
    },
];

fn columns(table: ResourceTable) -> Result<&'static [Column], ApiError> {
    match table {
        ResourceTable::Providers => Ok(PROVIDER_COLUMNS),
        ResourceTable::Services => Ok(SERVICE_COLUMNS),
        _ => Err(ApiError::field("table", FieldRule::NotImportable, "only providers and services are imported")),
    }
}

/// The template workbook: the header row and one example row (delete it before importing).
pub fn template(table: ResourceTable) -> Result<Vec<u8>, ApiError> {
    let cols = columns(table)?;
    xlsx(&[Table::template(
        table.as_str(),
        cols.iter().map(|c| c.header.to_owned()).collect(),
        vec![cols.iter().map(|c| c.example.to_owned()).collect()],
    )])
}

/// A code or its name in either language (as in the dashboard and exports), e.g. `elderly_care` or `养老服务`.
fn category(text: &str) -> Option<String> {
    CATEGORIES.iter().find(|c| c.code == text || c.name_zh == text || c.name_en.eq_ignore_ascii_case(text)).map(|c| c.code.to_owned())
}

fn yes_no(text: &str) -> Option<bool> {
    match text.to_lowercase().as_str() {
        "是" | "yes" | "true" | "1" | "y" => Some(true),
        "否" | "no" | "false" | "0" | "n" => Some(false),
        _ => None,
    }
}

/// A code or label (either language), or the short words people type (有偿).
fn cost(text: &str) -> Option<CostKind> {
    CostKind::from_label(text).or(match text {
        "有偿" => Some(CostKind::Market),
        _ => None,
    })
}

/// A code or label (either language), or the short words people type (上门).
fn mode(text: &str) -> Option<ServiceMode> {
    ServiceMode::from_label(text).or(match text {
        "到站" => Some(ServiceMode::OnSite),
        "上门" => Some(ServiceMode::AtHome),
        "线上" => Some(ServiceMode::Online),
        _ => None,
    })
}

fn list(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', '，', '、', ';', '；']).map(str::trim).filter(|t| !t.is_empty())
}

/// `周一至周五 08:30–17:30；周六 09:00–12:00` as exports write it, or `1-5 08:30-17:30; 6 09:00-12:00`.
pub fn schedule(text: &str) -> Option<Vec<TimeSlot>> {
    shared::schedule_from_text(text)
}

pub(crate) async fn area_by_code<C: ConnectionTrait>(db: &C, code: &str) -> Result<Option<area::Model>, ApiError> {
    Ok(area::Entity::find().filter(area::Column::Code.eq(code)).one(db).await?)
}

async fn provider_row<C: ConnectionTrait>(db: &C, caller: &Caller, row: &mut Row<'_>, now: DateTime<Utc>) -> Result<(), ApiError> {
    let kind = row.required(1, "a provider kind", ProviderKind::from_label);
    let area = match row.opt(2) {
        None => {
            row.bad(2, FieldRule::Required, "give the 12-digit area code");
            None
        }
        Some(code) => {
            let found = area_by_code(db, &code).await?;
            if found.is_none() {
                row.bad(2, FieldRule::NotFound, format!("no area with code {code}"));
            }
            found
        }
    };
    let verified = row.parse(5, "是/否", yes_no).unwrap_or(false);
    let (Some(kind), Some(area)) = (kind, area) else { return Ok(()) };
    let new = NewProvider {
        kind,
        name: row.text(0).to_owned(),
        area_id: area.id,
        contact_name: row.opt(3),
        contact_phone: row.opt(4),
        user_id: None,
        verified,
        description: row.text(6).to_owned(),
    };
    if row.errors.is_empty()
        && let Err(e) = super::providers::create(db, caller, &new, now, None).await
    {
        row.refused(e)?;
    }
    Ok(())
}

async fn service_row<C: ConnectionTrait>(db: &C, caller: &Caller, row: &mut Row<'_>, now: DateTime<Utc>) -> Result<(), ApiError> {
    let provider_name = row.text(1).to_owned();
    let provider_id = if provider_name.is_empty() {
        row.bad(1, FieldRule::Required, "name the provider");
        None
    } else {
        let scope = Scope::of(caller);
        let found: Vec<provider::Model> = provider::Entity::find()
            .filter(provider::Column::Name.eq(provider_name.as_str()))
            .all(db)
            .await?
            .into_iter()
            .filter(|p| scope.contains(&p.area_path))
            .collect();
        match found.as_slice() {
            [one] => Some(one.id),
            [] => {
                row.bad(1, FieldRule::NotFound, format!("no provider named {provider_name} in your scope"));
                None
            }
            _ => {
                row.bad(1, FieldRule::Ambiguous, format!("several providers are named {provider_name}; rename one first"));
                None
            }
        }
    };
    let category = row.required(2, "a need category", category);
    let groups = row.parse(3, "target groups", |t| list(t).map(TargetGroup::from_label).collect::<Option<Vec<_>>>()).unwrap_or_default();
    let min_age = row.parse(4, "an age", |t| t.parse::<i32>().ok());
    let max_age = row.parse(5, "an age", |t| t.parse::<i32>().ok());
    let cost = row.required(6, "免费, 低偿 or 市场价", cost);
    let price_fen = row.parse(7, "a price in yuan", |t| t.parse::<f64>().ok().filter(|y| *y >= 0.0).map(|y| (y * 100.0).round() as i64));
    let capacity = row.required(8, "places per week", |t| t.parse::<i32>().ok().filter(|c| *c >= 0));
    let slots = row.parse(9, "a schedule like 周一至周五 08:30–17:30；周六 09:00–12:00", schedule).unwrap_or_default();
    let mode = row.required(10, "到站服务, 上门服务 or 线上服务", mode);
    let mut served = Vec::new();
    for code in list(row.text(11)).map(str::to_owned).collect::<Vec<_>>() {
        match area_by_code(db, &code).await? {
            Some(a) => served.push(a.id),
            None => row.bad(11, FieldRule::NotFound, format!("no area with code {code}")),
        }
    }
    let lat = row.parse(12, "a latitude", |t| t.parse::<f64>().ok().filter(|v| (-90.0..=90.0).contains(v)));
    let lng = row.parse(13, "a longitude", |t| t.parse::<f64>().ok().filter(|v| (-180.0..=180.0).contains(v)));
    let radius_m = row.parse(14, "metres", |t| t.parse::<i32>().ok().filter(|r| (50..=50_000).contains(r)));
    let (Some(provider_id), Some(category), Some(cost), Some(capacity), Some(mode)) = (provider_id, category, cost, capacity, mode) else {
        return Ok(());
    };
    let new = NewService {
        provider_id: Some(provider_id),
        person_id: None,
        name: row.text(0).to_owned(),
        category,
        description: row.text(15).to_owned(),
        target_groups: groups,
        min_age,
        max_age,
        cost,
        price_fen,
        capacity_per_week: capacity,
        schedule: slots,
        closed_days: Vec::new(),
        mode,
        served_area_ids: served,
        point: lat.zip(lng).map(|(lat, lng)| GeoPoint { lat, lng }),
        radius_m,
    };
    if row.errors.is_empty()
        && let Err(e) = super::service::create(db, caller, &new, now, None).await
    {
        row.refused(e)?;
    }
    Ok(())
}

/// Reads the workbook and creates every row in `db` (a transaction the caller commits only when
/// the report says it was a real, clean run). A header that is not the template's is one error.
pub async fn import<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    table: ResourceTable,
    bytes: &[u8],
    dry_run: bool,
    now: DateTime<Utc>,
) -> Result<ImportReport, ApiError> {
    policy::require(caller, Action::ManageResources)?;
    let cols = columns(table)?;
    let rows = read_xlsx(bytes).map_err(|e| ApiError::field("body", FieldRule::Invalid, e))?;
    let mut report = ImportReport { table, dry_run, rows: 0, imported: 0, errors: Vec::new() };
    let data = match template_rows(&rows, cols) {
        Ok(data) => data,
        Err(error) => {
            report.errors.push(error);
            return Ok(report);
        }
    };
    if data.len() > MAX_ROWS {
        return Err(ApiError::field("body", FieldRule::TooManyRows, format!("at most {MAX_ROWS} rows per import")));
    }
    for (i, cells) in data {
        let mut row = Row::new(i, cells, cols);
        match table {
            ResourceTable::Providers => provider_row(db, caller, &mut row, now).await?,
            _ => service_row(db, caller, &mut row, now).await?,
        }
        report.rows += 1;
        report.errors.append(&mut row.errors);
    }
    if report.errors.is_empty() && !dry_run {
        report.imported = report.rows;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedules_read_day_ranges_and_single_days() {
        let slots = schedule("1-2 08:30-17:30; 6 09:00-12:00").expect("readable");
        assert_eq!(slots.len(), 3);
        assert_eq!((slots[2].weekday, slots[2].start.as_str(), slots[2].end.as_str()), (6, "09:00", "12:00"));
        assert!(schedule("8 09:00-10:00").is_none());
        assert!(schedule("mornings").is_none());
    }

    #[test]
    fn the_template_has_the_columns_the_import_reads() {
        let rows = read_xlsx(&template(ResourceTable::Services).expect("template")).expect("readable");
        assert_eq!(rows[0].len(), SERVICE_COLUMNS.len());
        assert_eq!(rows[0][0], "服务名称 name");
    }
}
