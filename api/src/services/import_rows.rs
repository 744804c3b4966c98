//! Rows of an Excel import read against a template: the header must be the template's (or an
//! export's in either language), each data row keeps its Excel row number, and every bad cell or
//! refused create becomes an error on its row.

use shared::{FieldRule, ImportError};

use crate::error::ApiError;
use crate::services::spreadsheet::Words;

/// A template column: its header, its name in each language (as an export in that language heads
/// it, so an export can be imported again), the body field it fills (for mapping field errors
/// back), an example.
pub struct Column {
    pub header: &'static str,
    pub words: Words,
    pub field: &'static str,
    pub example: &'static str,
}

/// The data rows under a template's header (blank rows skipped), with their index; or why the sheet
/// is not the template.
pub fn template_rows<'a>(rows: &'a [Vec<String>], cols: &[Column]) -> Result<Vec<(usize, &'a Vec<String>)>, ImportError> {
    let Some((header, data)) = rows.split_first() else {
        return Err(ImportError { row: 1, column: None, code: FieldRule::Empty, message: "the sheet is empty".into() });
    };
    let expected: Vec<&str> = cols.iter().map(|c| c.header).collect();
    let heads = |(cell, col): (&String, &Column)| {
        let cell = cell.trim();
        cell == col.header || cell == col.words.0 || cell.eq_ignore_ascii_case(col.words.1)
    };
    if header.len() < cols.len() || !header.iter().zip(cols).all(heads) {
        return Err(ImportError {
            row: 1,
            column: None,
            code: FieldRule::NotTheTemplate,
            message: format!("the header must be the template's: {}", expected.join(" | ")),
        });
    }
    Ok(data.iter().enumerate().filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty())).collect())
}

/// Cells of one row, with the errors found while reading them.
pub struct Row<'a> {
    pub number: u32,
    pub cells: &'a [String],
    pub cols: &'static [Column],
    pub errors: Vec<ImportError>,
}

impl<'a> Row<'a> {
    /// Data row `index` (0-based, after the header), numbered as Excel shows it.
    pub fn new(index: usize, cells: &'a [String], cols: &'static [Column]) -> Self {
        Row { number: index as u32 + 2, cells, cols, errors: Vec::new() }
    }

    pub fn text(&self, i: usize) -> &'a str {
        self.cells.get(i).map(String::as_str).unwrap_or("").trim()
    }

    pub fn opt(&self, i: usize) -> Option<String> {
        Some(self.text(i)).filter(|t| !t.is_empty()).map(str::to_owned)
    }

    pub fn bad(&mut self, i: usize, code: FieldRule, message: impl Into<String>) {
        self.errors.push(ImportError { row: self.number, column: Some(self.cols[i].header.into()), code, message: message.into() });
    }

    pub fn parse<T>(&mut self, i: usize, what: &str, f: impl Fn(&str) -> Option<T>) -> Option<T> {
        let text = self.text(i);
        if text.is_empty() {
            return None;
        }
        let parsed = f(text);
        if parsed.is_none() {
            self.bad(i, FieldRule::Invalid, format!("not {what}: {text}"));
        }
        parsed
    }

    pub fn required<T>(&mut self, i: usize, what: &str, f: impl Fn(&str) -> Option<T>) -> Option<T> {
        if self.text(i).is_empty() {
            self.bad(i, FieldRule::Required, format!("give {what}"));
            return None;
        }
        self.parse(i, what, f)
    }

    /// Maps the field errors of a refused create onto this row's columns.
    pub fn refused(&mut self, error: ApiError) -> Result<(), ApiError> {
        match error {
            ApiError::Validation(fields) => {
                for f in fields {
                    let column = self.cols.iter().find(|c| f.field.starts_with(c.field)).map(|c| c.header.to_owned());
                    self.errors.push(ImportError { row: self.number, column, code: f.code, message: f.message });
                }
                Ok(())
            }
            ApiError::NotFound(what) => {
                self.errors.push(ImportError {
                    row: self.number,
                    column: None,
                    code: FieldRule::NotFound,
                    message: format!("no such {what}"),
                });
                Ok(())
            }
            ApiError::Conflict(message) => {
                self.errors.push(ImportError { row: self.number, column: None, code: FieldRule::Conflict, message });
                Ok(())
            }
            other => Err(other),
        }
    }
}
