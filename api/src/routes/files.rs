//! Downloads: an exported table (台账) as an Excel workbook or a CSV file, named for the day.

use actix_web::HttpResponse;
use shared::FileFormat;

use crate::error::ApiResult;
use crate::services::spreadsheet::{Table, csv, xlsx};

pub(super) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A table as an Excel or CSV download named `name` (without extension).
pub(super) fn file(format: FileFormat, name: &str, table: Table) -> ApiResult<HttpResponse> {
    Ok(match format {
        FileFormat::Xlsx => HttpResponse::Ok()
            .content_type(XLSX)
            .insert_header(("Content-Disposition", format!("attachment; filename=\"{name}.xlsx\"")))
            .body(xlsx(&[table])?),
        FileFormat::Csv => HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .insert_header(("Content-Disposition", format!("attachment; filename=\"{name}.csv\"")))
            .body(csv(&table)),
    })
}
