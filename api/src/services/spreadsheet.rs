//! Spreadsheets in and out: CSV (with a BOM, so Excel reads the Chinese), Excel workbooks written
//! with a bold frozen header, and the first sheet of an uploaded workbook read back as text cells.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::Workbook;

use crate::error::ApiError;

/// One exported table: a sheet name, its header and rows of cells.
pub struct Table {
    pub name: &'static str,
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// RFC 4180 CSV with a UTF-8 byte-order mark, so spreadsheet programs read the Chinese correctly.
pub fn csv(table: &Table) -> String {
    fn cell(s: &str) -> String {
        if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() }
    }
    let mut out = String::from("\u{feff}");
    for row in std::iter::once(table.header.iter().map(|h| h.to_string()).collect::<Vec<_>>()).chain(table.rows.iter().cloned()) {
        out.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// One workbook, a sheet per table, header row bold and frozen.
pub fn xlsx(tables: &[Table]) -> Result<Vec<u8>, ApiError> {
    let mut workbook = Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for table in tables {
        let sheet = workbook.add_worksheet();
        let name: String = table.name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        sheet.set_name(name).map_err(anyhow::Error::from)?;
        for (col, title) in table.header.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *title, &bold).map_err(anyhow::Error::from)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (col, value) in row.iter().enumerate() {
                sheet.write_string((r + 1) as u32, col as u16, value).map_err(anyhow::Error::from)?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(anyhow::Error::from)?;
    }
    Ok(workbook.save_to_buffer().map_err(anyhow::Error::from)?)
}

/// The first sheet of an .xlsx file as rows of trimmed text cells; `Err` says why it cannot be read.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| format!("not an Excel (.xlsx) file: {e}"))?;
    let range = book.worksheet_range_at(0).ok_or("the workbook has no sheet")?.map_err(|e| e.to_string())?;
    Ok(range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
                    other => other.to_string().trim().to_owned(),
                })
                .collect()
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting_and_starts_with_a_bom() {
        let table = Table { name: "t", header: vec!["a", "b"], rows: vec![vec!["x,y".into(), "say \"hi\"".into()]] };
        assert_eq!(csv(&table), "\u{feff}a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n");
    }

    #[test]
    fn an_xlsx_workbook_is_a_zip_file() {
        let table = Table { name: "项目 Programs", header: vec!["a"], rows: vec![vec!["缤纷社区".into()]] };
        let bytes = xlsx(&[table]).expect("xlsx");
        assert_eq!(&bytes[..2], b"PK");
    }

    #[test]
    fn a_written_workbook_reads_back() {
        let table = Table { name: "t", header: vec!["名称 name", "n"], rows: vec![vec!["缤纷社区".into(), "12".into()]] };
        let rows = read_xlsx(&xlsx(&[table]).expect("xlsx")).expect("readable");
        assert_eq!(rows, vec![vec!["名称 name".to_owned(), "n".to_owned()], vec!["缤纷社区".to_owned(), "12".to_owned()]]);
        assert!(read_xlsx(b"not a zip").is_err());
    }
}
