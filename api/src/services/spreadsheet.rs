//! Spreadsheets in and out: typed tables written as CSV (with a BOM, so Excel reads the Chinese) or
//! as Excel workbooks (numbers as numbers with a number format, dates as Excel dates, a bold frozen
//! header), headers and words in the reader's language; and the first sheet of an uploaded workbook
//! read back as text cells.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};
use shared::Lang;

use crate::clock::china;
use crate::error::ApiError;

/// A text in both languages: `(中文, English)`.
pub type Words = (&'static str, &'static str);

/// One cell, typed so a workbook can sum, sort and filter it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Integer(i64),
    /// A number shown with this many decimal places.
    Decimal(f64, u8),
    /// Money kept in fen, shown in yuan.
    Yuan(i64),
    /// A share 0–1 shown as a percentage.
    Percent(f64),
    Date(NaiveDate),
    /// An instant shown in China time (UTC+8), to the minute.
    DateTime(DateTime<Utc>),
    /// 是/否 or Yes/No.
    Bool(bool),
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        Cell::Text(text.into())
    }

    /// A number with `places` decimals; no cell for `None` or a value that is not finite.
    pub fn decimal(value: Option<f64>, places: u8) -> Self {
        value.filter(|v| v.is_finite()).map_or(Cell::Empty, |v| Cell::Decimal(v, places))
    }

    /// How the cell reads as plain text (CSV, and the tests).
    pub fn plain(&self, lang: Lang) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Integer(n) => n.to_string(),
            Cell::Decimal(v, places) => format!("{v:.*}", usize::from(*places)),
            Cell::Yuan(fen) => format!("{:.2}", *fen as f64 / 100.0),
            Cell::Percent(share) => format!("{}%", (share * 100.0).round()),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::DateTime(t) => t.with_timezone(&china()).format("%Y-%m-%d %H:%M").to_string(),
            Cell::Bool(b) => shared::yes_no(*b, lang).to_owned(),
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_owned())
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Self {
        Cell::Integer(n)
    }
}

impl From<i32> for Cell {
    fn from(n: i32) -> Self {
        Cell::Integer(n.into())
    }
}

impl From<u32> for Cell {
    fn from(n: u32) -> Self {
        Cell::Integer(n.into())
    }
}

impl From<bool> for Cell {
    fn from(b: bool) -> Self {
        Cell::Bool(b)
    }
}

impl From<NaiveDate> for Cell {
    fn from(d: NaiveDate) -> Self {
        Cell::Date(d)
    }
}

impl From<DateTime<Utc>> for Cell {
    fn from(t: DateTime<Utc>) -> Self {
        Cell::DateTime(t)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Self {
        value.map_or(Cell::Empty, Into::into)
    }
}

/// Most rows an export of a list writes (台账 of needs, users, the audit trail).
pub const MAX_EXPORT_ROWS: u64 = 10_000;

/// Rows read with `limit(MAX_EXPORT_ROWS + 1)`: refused at `field` when there were more, saying
/// which filters narrow the export, rather than cut short without a word.
pub fn within_export_limit<T>(rows: Vec<T>, field: &str, narrow_by: &str) -> Result<Vec<T>, ApiError> {
    if rows.len() as u64 > MAX_EXPORT_ROWS {
        return Err(ApiError::field(
            field,
            shared::FieldRule::TooMany,
            format!("more than {MAX_EXPORT_ROWS} rows: narrow the export by {narrow_by}"),
        ));
    }
    Ok(rows)
}

/// One exported table: its sheet name and header in the reader's language, and rows of cells.
pub struct Table {
    pub lang: Lang,
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table whose name and header are picked from their pairs by `lang`.
    pub fn new(lang: Lang, name: Words, header: &[Words]) -> Self {
        Table {
            lang,
            name: lang.pick(name).to_owned(),
            header: header.iter().map(|h| lang.pick(*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// An import template: its header as the import reads it and example rows of text.
    pub fn template(name: &str, header: Vec<String>, rows: Vec<Vec<String>>) -> Self {
        Table {
            lang: Lang::Zh,
            name: name.to_owned(),
            header,
            rows: rows.into_iter().map(|r| r.into_iter().map(Cell::Text).collect()).collect(),
        }
    }
}

/// RFC 4180 CSV with a UTF-8 byte-order mark, so spreadsheet programs read the Chinese correctly.
pub fn csv(table: &Table) -> String {
    fn field(s: &str) -> String {
        if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() }
    }
    let mut out = String::from("\u{feff}");
    out.push_str(&table.header.iter().map(|h| field(h)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    for row in &table.rows {
        out.push_str(&row.iter().map(|c| field(&c.plain(table.lang))).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// The number formats of a sheet, made once.
struct Formats {
    bold: Format,
    integer: Format,
    decimals: [Format; 4],
    yuan: Format,
    percent: Format,
    date: Format,
    datetime: Format,
}

impl Formats {
    fn new() -> Self {
        Formats {
            bold: Format::new().set_bold(),
            integer: Format::new().set_num_format("0"),
            decimals: ["0", "0.0", "0.00", "0.000"].map(|f| Format::new().set_num_format(f)),
            yuan: Format::new().set_num_format("#,##0.00"),
            percent: Format::new().set_num_format("0%"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
        }
    }
}

/// The date as Excel holds it, or `None` outside Excel's calendar (1900–9999): such a date is
/// written as its text, since a cell cannot hold it as a date.
fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok().filter(|y| (1900..=9999).contains(y))?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

fn write_cell(sheet: &mut Worksheet, row: u32, col: u16, cell: &Cell, f: &Formats, lang: Lang) -> Result<(), ApiError> {
    let written = match cell {
        Cell::Empty => return Ok(()),
        Cell::Text(t) => sheet.write_string(row, col, t),
        Cell::Bool(_) => sheet.write_string(row, col, cell.plain(lang)),
        Cell::Integer(n) => sheet.write_number_with_format(row, col, *n as f64, &f.integer),
        Cell::Decimal(v, places) => sheet.write_number_with_format(row, col, *v, &f.decimals[usize::from(*places).min(3)]),
        Cell::Yuan(fen) => sheet.write_number_with_format(row, col, *fen as f64 / 100.0, &f.yuan),
        Cell::Percent(share) => sheet.write_number_with_format(row, col, *share, &f.percent),
        Cell::Date(d) => match excel_date(*d) {
            Some(day) => sheet.write_datetime_with_format(row, col, day, &f.date),
            None => sheet.write_string(row, col, cell.plain(lang)),
        },
        Cell::DateTime(t) => {
            let local = t.with_timezone(&china());
            let at = excel_date(local.date_naive()).and_then(|d| d.and_hms(local.hour() as u16, local.minute() as u8, 0).ok());
            match at {
                Some(at) => sheet.write_datetime_with_format(row, col, at, &f.datetime),
                None => sheet.write_string(row, col, cell.plain(lang)),
            }
        }
    };
    written.map_err(anyhow::Error::from)?;
    Ok(())
}

/// One workbook, a sheet per table, header row bold and frozen, columns fitted to their contents.
pub fn xlsx(tables: &[Table]) -> Result<Vec<u8>, ApiError> {
    let mut workbook = Workbook::new();
    let formats = Formats::new();
    for table in tables {
        let sheet = workbook.add_worksheet();
        let name: String = table.name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        sheet.set_name(name).map_err(anyhow::Error::from)?;
        for (col, title) in table.header.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, title, &formats.bold).map_err(anyhow::Error::from)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (col, cell) in row.iter().enumerate() {
                write_cell(sheet, (r + 1) as u32, col as u16, cell, &formats, table.lang)?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(anyhow::Error::from)?;
        sheet.autofit();
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
    fn an_export_past_its_limit_is_refused_at_the_field_that_narrows_it() {
        let refused = within_export_limit(vec![0u8; MAX_EXPORT_ROWS as usize + 1], "from", "date").expect_err("refused");
        assert!(format!("{refused:?}").contains("\"from\""), "{refused:?}");
        assert_eq!(within_export_limit(vec![1, 2], "from", "date").ok(), Some(vec![1, 2]));
    }

    fn table(lang: Lang, rows: Vec<Vec<Cell>>) -> Table {
        let mut t = Table::new(lang, ("表", "Sheet"), &[("名称", "Name"), ("金额(元)", "Amount (yuan)")]);
        t.rows = rows;
        t
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_starts_with_a_bom() {
        let t = table(Lang::Zh, vec![vec!["x,y".into(), "say \"hi\"".into()]]);
        assert_eq!(csv(&t), "\u{feff}名称,金额(元)\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n");
    }

    #[test]
    fn headers_and_yes_no_follow_the_language() {
        let rows = vec![vec![Cell::Bool(true), Cell::Yuan(123_456)]];
        assert_eq!(csv(&table(Lang::En, rows.clone())), "\u{feff}Name,Amount (yuan)\r\nYes,1234.56\r\n");
        assert_eq!(csv(&table(Lang::Zh, rows)), "\u{feff}名称,金额(元)\r\n是,1234.56\r\n");
    }

    #[test]
    fn cells_read_as_plain_text_in_china_time() {
        let at = DateTime::parse_from_rfc3339("2026-05-01T17:30:00Z").expect("time").with_timezone(&Utc);
        assert_eq!(Cell::DateTime(at).plain(Lang::Zh), "2026-05-02 01:30");
        assert_eq!(Cell::Percent(0.874).plain(Lang::Zh), "87%");
        assert_eq!(Cell::decimal(Some(2.0 / 3.0), 2).plain(Lang::En), "0.67");
        assert_eq!(Cell::decimal(Some(f64::NAN), 2), Cell::Empty);
        assert_eq!(Cell::from(None::<i64>), Cell::Empty);
    }

    #[test]
    fn a_written_workbook_reads_back_with_numbers_and_dates_as_typed_cells() {
        let day = NaiveDate::from_ymd_opt(2026, 5, 1).expect("date");
        let t = table(Lang::Zh, vec![vec!["缤纷社区".into(), Cell::Yuan(1_250)], vec![Cell::Date(day), Cell::Integer(12)]]);
        let bytes = xlsx(&[t]).expect("xlsx");
        assert_eq!(&bytes[..2], b"PK");
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.as_slice())).expect("xlsx");
        let range = book.worksheet_range_at(0).expect("a sheet").expect("readable");
        assert_eq!(range.get((0, 1)), Some(&Data::String("金额(元)".into())));
        assert_eq!(range.get((1, 1)), Some(&Data::Float(12.5)));
        assert!(matches!(range.get((2, 0)), Some(Data::DateTime(_))), "{:?}", range.get((2, 0)));
        assert_eq!(read_xlsx(&bytes).expect("readable")[1], vec!["缤纷社区".to_owned(), "12.5".to_owned()]);
        assert!(read_xlsx(b"not a zip").is_err());
    }

    #[test]
    fn a_date_outside_excels_calendar_is_written_as_its_text() {
        let early = NaiveDate::from_ymd_opt(1, 1, 1).expect("date");
        assert!(excel_date(early).is_none());
        assert!(xlsx(&[table(Lang::Zh, vec![vec![Cell::Date(early), Cell::Yuan(1)]])]).is_ok());
    }
}
