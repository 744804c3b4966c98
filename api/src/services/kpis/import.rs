//! Excel import of reported values: every row goes through the same `report` as the form, in the
//! caller's transaction; every bad row and column is listed at once, and the caller rolls back
//! unless the run was real and clean.

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use shared::{FieldRule, KpiImportReport, NewKpiReport};

use super::reports::report;
use crate::domain::caller::Caller;
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::import_rows::{Column, Row, template_rows};
use crate::services::resources::import::area_by_code;
use crate::services::spreadsheet::{Table, read_xlsx, xlsx};

/// Rows per import at most.
pub const MAX_ROWS: usize = 2_000;

const COLUMNS: &[Column] = &[
    Column {
        header: "指标代码 indicator", words: ("指标代码", "Indicator code"), field: "/indicator", example: "self_service_coverage"
    },
    Column { header: "区域编码 area_code", words: ("区域编码", "Area code"), field: "/area_id", example: "110105001001" },
    Column { header: "期间 period", words: ("期间", "Period"), field: "/period", example: "2026-Q3" },
    Column { header: "数值 value", words: ("数值", "Value"), field: "/value", example: "" },
    Column { header: "分子 numerator", words: ("分子", "Numerator"), field: "/numerator", example: "1" },
    Column { header: "分母 denominator", words: ("分母", "Denominator"), field: "/denominator", example: "1" },
    Column {
        header: "来源说明 source_note", words: ("来源说明", "Source"), field: "/source_note", example: "2026年三季度社区台账"
    },
    Column { header: "替换报告 replaces", words: ("替换报告", "Replaces report"), field: "/replaces", example: "" },
];

pub fn template() -> Result<Vec<u8>, ApiError> {
    xlsx(&[Table::template(
        "kpi_values",
        COLUMNS.iter().map(|c| c.header.to_owned()).collect(),
        vec![COLUMNS.iter().map(|c| c.example.to_owned()).collect()],
    )])
}

fn number(text: &str) -> Option<f64> {
    text.trim_end_matches('%').trim().parse().ok().filter(|v: &f64| v.is_finite())
}

async fn value_row<C: ConnectionTrait>(db: &C, caller: &Caller, row: &mut Row<'_>, now: DateTime<Utc>) -> Result<(), ApiError> {
    let indicator = row.required(0, "the indicator code", |t| Some(t.to_owned()));
    let code = row.required(1, "the area code", |t| Some(t.to_owned()));
    let period = row.required(2, "the period", |t| Some(t.to_owned()));
    let value = row.parse(3, "a number", number);
    let numerator = row.parse(4, "a number", number);
    let denominator = row.parse(5, "a number", number);
    let source_note = row.required(6, "where the figure comes from", |t| Some(t.to_owned()));
    let replaces = row.parse(7, "a report id", |t| t.parse::<i64>().ok());
    let area = match &code {
        Some(c) => area_by_code(db, c).await?,
        None => None,
    };
    if code.is_some() && area.is_none() {
        row.bad(1, FieldRule::NotFound, "no area with this code");
    }
    let (Some(indicator), Some(area), Some(period), Some(source_note)) = (indicator, area, period, source_note) else { return Ok(()) };
    if !row.errors.is_empty() {
        return Ok(());
    }
    let new = NewKpiReport { indicator, area_id: area.id, period, value, numerator, denominator, source_note, replaces };
    if let Err(e) = report(db, caller, &new, now, None).await {
        row.refused(e)?;
    }
    Ok(())
}

pub async fn import<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    bytes: &[u8],
    dry_run: bool,
    now: DateTime<Utc>,
) -> Result<KpiImportReport, ApiError> {
    policy::require(caller, Action::ReportKpis)?;
    let rows = read_xlsx(bytes).map_err(|e| ApiError::field("body", FieldRule::Invalid, e))?;
    let mut out = KpiImportReport { dry_run, rows: 0, imported: 0, errors: Vec::new() };
    let data = match template_rows(&rows, COLUMNS) {
        Ok(data) => data,
        Err(error) => {
            out.errors.push(error);
            return Ok(out);
        }
    };
    if data.len() > MAX_ROWS {
        return Err(ApiError::field("body", FieldRule::TooManyRows, format!("at most {MAX_ROWS} rows per import")));
    }
    for (i, cells) in data {
        let mut row = Row::new(i, cells, COLUMNS);
        value_row(db, caller, &mut row, now).await?;
        out.rows += 1;
        out.errors.append(&mut row.errors);
    }
    if out.errors.is_empty() && !dry_run {
        out.imported = out.rows;
    }
    Ok(out)
}
