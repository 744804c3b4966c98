//! Reading a code stored in a `String` column (`role`, `status`, `kind`, …) back into its enum.
//!
//! Every read of a stored code goes through [`stored`]. A value the vocabulary does not know means the
//! database holds something this server never wrote (a hand edit, a newer server's code, a broken
//! migration); defaulting it would show or act on the wrong thing without anyone noticing, so it is an
//! error instead: logged here with the table, the row and the value, and answered as a 500 with the
//! stable code `stored_value_invalid` (see `ApiError`). Codes a *client* sends are parsed elsewhere and
//! answered 422 with the field.

use shared::Code;

/// A stored code its enum does not have. Shown to clients only as `stored_value_invalid`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{table} row {id}: {value:?} is not a {kind} code")]
pub struct StoredValueInvalid {
    pub table: &'static str,
    pub id: i64,
    /// The enum the column holds (`Role`).
    pub kind: &'static str,
    pub value: String,
}

/// The enum whose code `value` is, read from row `id` of `table`; an unknown code is logged and an error.
pub fn stored<T: Code>(value: &str, table: &'static str, id: i64) -> Result<T, StoredValueInvalid> {
    stored_with(value, table, id, T::NAME, T::parse)
}

/// [`stored`] for a value that is not a [`Code`] but has its own parser (a period `2026-Q3`).
pub fn stored_with<T>(
    value: &str,
    table: &'static str,
    id: i64,
    kind: &'static str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<T, StoredValueInvalid> {
    parse(value).ok_or_else(|| invalid(value, table, id, kind))
}

/// [`stored`] for a nullable column: `None` stays `None`.
pub fn stored_opt<T: Code>(value: Option<&str>, table: &'static str, id: i64) -> Result<Option<T>, StoredValueInvalid> {
    value.map(|v| stored(v, table, id)).transpose()
}

/// [`stored`] for a list kept as `,a,b,` (one code between commas, so one code is one `LIKE`); every code
/// must be known — dropping the unknown ones would hide them as surely as a default.
pub fn stored_list<T: Code>(value: &str, table: &'static str, id: i64) -> Result<Vec<T>, StoredValueInvalid> {
    value.split(',').filter(|c| !c.is_empty()).map(|c| stored(c, table, id)).collect()
}

fn invalid(value: &str, table: &'static str, id: i64, kind: &'static str) -> StoredValueInvalid {
    // Logged where it is found, so a background job (sweeper, deliveries) that drops the error still leaves a trace.
    tracing::error!(table, id, kind, value, "unknown code in a stored row");
    StoredValueInvalid { table, id, kind, value: value.to_owned() }
}

#[cfg(test)]
mod tests {
    use shared::{NeedStatus, Role, TargetGroup};

    use super::*;

    #[test]
    fn a_known_code_reads_as_its_value() {
        assert_eq!(stored::<Role>("grid_worker", "users", 7), Ok(Role::GridWorker));
        assert_eq!(stored_opt::<Role>(None, "users", 7), Ok(None));
    }

    #[test]
    fn an_unknown_code_is_an_error_naming_the_row_never_a_default() {
        let err = stored::<NeedStatus>("lost", "needs", 42).expect_err("unknown status");
        assert_eq!(err, StoredValueInvalid { table: "needs", id: 42, kind: "NeedStatus", value: "lost".into() });
        assert_eq!(err.to_string(), "needs row 42: \"lost\" is not a NeedStatus code");
    }

    #[test]
    fn a_list_with_one_unknown_code_is_an_error_not_a_shorter_list() {
        assert_eq!(stored_list::<TargetGroup>(",elderly,infants,", "needs", 1), Ok(vec![TargetGroup::Elderly, TargetGroup::Infants]));
        assert_eq!(stored_list::<TargetGroup>(",", "needs", 1), Ok(vec![]));
        assert!(stored_list::<TargetGroup>(",elderly,aliens,", "needs", 1).is_err());
    }
}
