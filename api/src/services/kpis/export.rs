//! Export of a dashboard: the area and each child area, one row per indicator, as Excel or CSV in
//! the reader's language (names, units, attributes and statuses as words; values as numbers).

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use shared::{ChildArea, Id, Labelled, Lang, unit_decimals, unit_label};

use super::dashboard::{judge, prepare};
use crate::domain::caller::Caller;
use crate::domain::kpis::catalogue;
use crate::domain::kpis::period::Period;
use crate::domain::matching::geo::Walking;
use crate::error::ApiError;
use crate::services::spreadsheet::{Cell, Table, Words};

const HEADER: [Words; 11] = [
    ("区域", "Area"),
    ("期间", "Period"),
    ("指标代码", "Code"),
    ("指标", "Indicator"),
    ("单位", "Unit"),
    ("属性", "Attribute"),
    ("数值", "Value"),
    ("分子", "Numerator"),
    ("分母", "Denominator"),
    ("目标", "Target"),
    ("状态", "Status"),
];

/// A numerator or denominator: whole counts as such, else to three places.
fn part(v: Option<f64>) -> Cell {
    Cell::decimal(v, if v.is_some_and(|v| v.fract() == 0.0) { 0 } else { 3 })
}

pub async fn table<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    area_id: Id,
    period: Period,
    walking: Walking,
    now: DateTime<Utc>,
    lang: Lang,
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
            let places = unit_decimals(&i.unit);
            rows.push(vec![
                area.name.clone().into(),
                period.to_string().into(),
                i.code.clone().into(),
                lang.pick((&i.name_zh, &i.name_en)).clone().into(),
                unit_label(&i.unit, lang).into(),
                i.attribute.label(lang).into(),
                Cell::decimal(j.value, places),
                part(numerator),
                part(denominator),
                target.into(),
                j.status.label(lang).into(),
            ]);
        }
    }
    let mut table = Table::new(lang, ("指标", "KPIs"), &HEADER);
    table.rows = rows;
    Ok(table)
}
