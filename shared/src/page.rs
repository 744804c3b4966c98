//! Keyset pagination: a page of items plus the opaque cursor of the next page.

use serde::{Deserialize, Serialize};

/// Largest page any list endpoint returns; a bigger `limit` is refused, not silently clamped.
pub const MAX_PAGE_LIMIT: u64 = 200;
/// Page size when the caller gives none.
pub const DEFAULT_PAGE_LIMIT: u64 = 50;

/// One page of a list. `next_cursor` is absent on the last page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; absent when there is none.
    pub next_cursor: Option<String>,
}

/// One page of a list that staff work through as a table: the page, plus how many rows match the
/// filters in all, so the table can show page numbers and a total. The total is counted for the
/// first page (no `cursor`) only: counting costs a pass over every match, and a later page must cost
/// the same at row ten million as at row ten, so the client keeps the first page's total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CountedPage<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; absent when there is none.
    pub next_cursor: Option<String>,
    /// Rows matching the filters, over every page; present on the first page.
    pub total: Option<u64>,
}
