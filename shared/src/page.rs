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
/// filters in all, so the table can show page numbers and a total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CountedPage<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; absent when there is none.
    pub next_cursor: Option<String>,
    /// Rows matching the filters, over every page.
    pub total: u64,
}
