//! Export of a dashboard: the area and each child area, one row per indicator, as Excel or CSV.

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use shared::{ChildArea, Id};

use super::dashboard::{judge, prepare};
use crate::domain::caller::Caller;
use crate::domain::kpis::catalogue;
use crate::domain::kpis::period::Period;
use crate::domain::matching::geo::Walking;
use crate::error::ApiError;
use crate::services::spreadsheet::Table;

const HEADER: [&str; 11] = [
    "区域 area",
    "期间 period",
    "指标代码 code",
    "指标 indicator",
    "单位 unit",
    "属性 attribute",
    "数值 value",
    "分子 numerator",
    "分母 denominator",
    "目标 target",
    "状态 status",
];

fn cell(v: Option<f64>) -> String {
    v.map(|v| format!("{}", (v * 1000.0).round() / 1000.0)).unwrap_or_default()
}

pub async fn table<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    area_id: Id,
    period: Period,
    walking: Walking,
    now: DateTime<Utc>,
) -> Result<Table, ApiError> {
    let (inputs, targets) = prepare(db, caller, area_id, &[period], true, walking).await?;
    let tree = &inputs.tree;
    let top = ChildArea { id: tree.root.id, name: tree.root.name.clone(), kind: tree.root_kind };
    let areas: Vec<ChildArea> = std::iter::once(top).chain(tree.child_areas(tree.root.id)).collect();
    let mut rows = Vec::new();
    for area in &areas {
        for def in catalogue::all() {
            let i = &def.indicator;
            let j = judge(&inputs, &targets, def, area.id, period, now);
            let (numerator, denominator) = j.evaluated.facts.as_ref().map(|f| f.parts()).unwrap_or_default();
            let target = j.target.map(|(t, _)| {
                let sign = match t.comparator {
                    shared::Comparator::AtLeast => "≥",
                    shared::Comparator::AtMost => "≤",
                    shared::Comparator::Equal => "=",
                };
                format!("{sign}{}", t.value)
            });
            rows.push(vec![
                area.name.clone(),
                period.to_string(),
                i.code.clone(),
                i.name_zh.clone(),
                i.unit.clone(),
                i.attribute.as_str().to_owned(),
                cell(j.value),
                cell(numerator),
                cell(denominator),
                target.unwrap_or_default(),
                j.status.as_str().to_owned(),
            ]);
        }
    }
    Ok(Table { name: "kpis", header: HEADER.to_vec(), rows })
}
