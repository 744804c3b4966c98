//! Keyset pagination: lists are ordered by a sort key plus the id, and the cursor carries the last
//! row's key, so a page costs the same at row ten million as at row ten. Offsets are never used.
//! It lives with the queries it shapes: a handler parses a [`PageRequest`] from `cursor` and `limit`,
//! and the service runs it against its `Select`.

use base64::Engine;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use serde::{Deserialize, Serialize};
use shared::{DEFAULT_PAGE_LIMIT, FieldRule, MAX_PAGE_LIMIT};

use crate::domain::field_errors::FieldErrors;
use crate::error::ApiError;

/// Where a page starts and how long it is, parsed from `cursor` and `limit`.
#[derive(Debug)]
pub struct PageRequest {
    limit: u64,
    after: Option<CursorKey>,
}

#[derive(Debug, Serialize, Deserialize)]
struct CursorKey {
    /// The sort this cursor was made for; a cursor is refused under another sort.
    s: String,
    k: Option<String>,
    i: i64,
}

/// How a list is ordered: an optional text column, the direction, and the id as tie-breaker.
pub struct Keyset<E: EntityTrait> {
    /// Name of the sort as the client gives it (`name`, `-name`, `id`, …).
    pub name: &'static str,
    pub column: Option<E::Column>,
    pub desc: bool,
    pub id: E::Column,
    /// The sort key and id of a row, to build the next cursor.
    pub key_of: fn(&E::Model) -> (Option<String>, i64),
}

impl PageRequest {
    /// Checks `limit` and decodes `cursor`, reporting both problems at once.
    pub fn parse(cursor: Option<&str>, limit: Option<u64>, sort_name: &str) -> Result<Self, ApiError> {
        let mut errors = FieldErrors::default();
        let limit = limit.unwrap_or(DEFAULT_PAGE_LIMIT);
        if !(1..=MAX_PAGE_LIMIT).contains(&limit) {
            errors.add("limit", FieldRule::OutOfRange, format!("limit must be between 1 and {MAX_PAGE_LIMIT}"));
        }
        let after = match cursor.filter(|c| !c.is_empty()) {
            None => None,
            Some(c) => match decode(c) {
                Some(key) if key.s == sort_name => Some(key),
                Some(_) => {
                    errors.add("cursor", FieldRule::Invalid, "the cursor belongs to another sort order");
                    None
                }
                None => {
                    errors.add("cursor", FieldRule::Invalid, "not a cursor returned by this API");
                    None
                }
            },
        };
        errors.finish()?;
        Ok(Self { limit, after })
    }

    /// Runs `select` for one page; returns the rows and the cursor of the next page, if any.
    pub async fn fetch<E, C>(&self, db: &C, select: Select<E>, keyset: &Keyset<E>) -> Result<(Vec<E::Model>, Option<String>), ApiError>
    where
        E: EntityTrait,
        C: ConnectionTrait,
    {
        let mut select = select;
        if let Some(after) = &self.after {
            select = select.filter(after_condition(keyset, after));
        }
        let order = if keyset.desc { sea_orm::Order::Desc } else { sea_orm::Order::Asc };
        if let Some(column) = keyset.column {
            select = select.order_by(column, order.clone());
        }
        select = select.order_by(keyset.id, order);
        let mut rows = select.limit(self.limit + 1).all(db).await?;
        let next = if rows.len() as u64 > self.limit {
            rows.truncate(self.limit as usize);
            rows.last().map(|row| {
                let (k, i) = (keyset.key_of)(row);
                encode(&CursorKey { s: keyset.name.to_owned(), k, i })
            })
        } else {
            None
        };
        Ok((rows, next))
    }

    /// [`Self::fetch`] plus, on the first page, how many rows `select` matches over every page, for
    /// lists shown as a table with page numbers: one `COUNT(*)` under the same filters. Later pages
    /// are not counted, so they keep costing what a page costs.
    pub async fn fetch_counted<E, C>(
        &self,
        db: &C,
        select: Select<E>,
        keyset: &Keyset<E>,
    ) -> Result<(Vec<E::Model>, Option<String>, Option<u64>), ApiError>
    where
        E: EntityTrait,
        E::Model: Sync,
        C: ConnectionTrait,
    {
        let total = match self.after {
            None => Some(sea_orm::PaginatorTrait::count(select.clone(), db).await?),
            Some(_) => None,
        };
        let (rows, next) = self.fetch(db, select, keyset).await?;
        Ok((rows, next, total))
    }

    /// One page of a list already filtered and sorted in memory (for filters on derived values),
    /// with the same cursors as [`Self::fetch`]. `desc` only for the newest-first id order.
    pub fn slice<T>(
        &self,
        items: Vec<T>,
        sort_name: &str,
        desc: bool,
        key_of: impl Fn(&T) -> (Option<String>, i64),
    ) -> (Vec<T>, Option<String>) {
        let past = |item: &T| match &self.after {
            None => true,
            Some(after) => {
                let (k, i) = key_of(item);
                let ord = k.cmp(&after.k).then(i.cmp(&after.i));
                if desc { ord.is_lt() } else { ord.is_gt() }
            }
        };
        let mut rows: Vec<T> = items.into_iter().filter(|item| past(item)).take(self.limit as usize + 1).collect();
        let next = if rows.len() as u64 > self.limit {
            rows.truncate(self.limit as usize);
            rows.last().map(|row| {
                let (k, i) = key_of(row);
                encode(&CursorKey { s: sort_name.to_owned(), k, i })
            })
        } else {
            None
        };
        (rows, next)
    }
}

fn after_condition<E: EntityTrait>(keyset: &Keyset<E>, after: &CursorKey) -> Condition {
    let id_past = if keyset.desc { keyset.id.lt(after.i) } else { keyset.id.gt(after.i) };
    match (keyset.column, &after.k) {
        (Some(column), Some(key)) => {
            let key_past = if keyset.desc { column.lt(key.as_str()) } else { column.gt(key.as_str()) };
            Condition::any().add(key_past).add(Condition::all().add(column.eq(key.as_str())).add(id_past))
        }
        _ => Condition::all().add(id_past),
    }
}

fn encode(key: &CursorKey) -> String {
    let json = serde_json::to_vec(key).unwrap_or_default();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
}

fn decode(cursor: &str) -> Option<CursorKey> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(cursor).ok()?;
    serde_json::from_slice(&bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_above_the_maximum_is_refused_not_clamped() {
        assert!(PageRequest::parse(None, Some(MAX_PAGE_LIMIT + 1), "id").is_err());
        assert!(PageRequest::parse(None, Some(0), "id").is_err());
        assert!(PageRequest::parse(None, Some(MAX_PAGE_LIMIT), "id").is_ok());
    }

    #[test]
    fn a_cursor_round_trips_and_is_bound_to_its_sort() {
        let c = encode(&CursorKey { s: "name".into(), k: Some("缤纷社区".into()), i: 7 });
        assert!(PageRequest::parse(Some(&c), None, "name").is_ok());
        assert!(PageRequest::parse(Some(&c), None, "-name").is_err());
    }

    #[test]
    fn garbage_cursors_and_bad_limits_are_reported_together() {
        match PageRequest::parse(Some("%%%"), Some(0), "id") {
            Err(ApiError::Validation(errors)) => assert_eq!(errors.len(), 2),
            other => panic!("expected two field errors, got {other:?}"),
        }
    }
}
