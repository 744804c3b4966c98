//! What the lists' filters have in common: a keyword (`q`) matched as `#id` or as part of a text,
//! and a range of days counted in China. One rule for every list, so `%` is a percent sign and a
//! day ends at midnight in Beijing everywhere.

use chrono::NaiveDate;
use sea_orm::sea_query::{IntoCondition, LikeExpr};
use sea_orm::{ColumnTrait, Condition};
use shared::{FieldRule, Id};

use crate::clock::china_day_start;
use crate::domain::field_errors::FieldErrors;

/// A keyword as typed: trimmed, and read as an id too when it is `#37` or `37`.
pub struct Keyword {
    text: String,
}

impl Keyword {
    /// `None` for an absent or blank keyword: the list is not narrowed.
    pub fn parse(q: Option<&str>) -> Option<Self> {
        q.map(str::trim).filter(|q| !q.is_empty()).map(|q| Self { text: q.to_owned() })
    }

    /// The id this keyword names, if it is one.
    pub fn id(&self) -> Option<Id> {
        self.text.strip_prefix('#').unwrap_or(&self.text).parse::<Id>().ok()
    }

    /// Contains the keyword, its `%`, `_` and `\` taken literally.
    pub fn like(&self) -> LikeExpr {
        let escaped = self.text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        LikeExpr::new(format!("%{escaped}%")).escape('\\')
    }

    /// Any of `columns` contains the keyword, or `id_column` (a key, never NULL) is its id.
    pub fn condition<C: ColumnTrait>(&self, id_column: C, columns: &[C]) -> Condition {
        let mut any = Condition::any();
        if let Some(id) = self.id() {
            any = any.add(id_column.eq(id));
        }
        for column in columns {
            any = any.add(column.like(self.like()));
        }
        // Nothing to match on: no row, rather than all of them. (A key is never NULL; a constant
        // parameter would be typed by whichever search PostgreSQL prepared first.)
        if any.is_empty() { id_column.is_null().into_condition() } else { any }
    }
}

/// An inclusive range of days in China, checked: `to` before `from` is reported at `to_field`.
#[derive(Debug, Default, Clone, Copy)]
pub struct DayRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DayRange {
    pub fn check(self, from_field: &str, to_field: &str, errors: &mut FieldErrors) -> Self {
        if let (Some(from), Some(to)) = (self.from, self.to)
            && to < from
        {
            errors.add(to_field, FieldRule::Invalid, format!("{to_field} ({to}) is before {from_field} ({from})"));
        }
        self
    }

    /// `column` (an instant) falls on one of the days; `None` for a range without ends, so an
    /// unfiltered list sends no condition.
    pub fn condition<C: ColumnTrait>(&self, column: C) -> Option<Condition> {
        if self.from.is_none() && self.to.is_none() {
            return None;
        }
        let mut all = Condition::all();
        if let Some(from) = self.from {
            all = all.add(column.gte(china_day_start(from)));
        }
        if let Some(next) = self.to.and_then(|to| to.succ_opt()) {
            all = all.add(column.lt(china_day_start(next)));
        }
        Some(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_keyword_is_an_id_with_or_without_its_hash() {
        assert_eq!(Keyword::parse(Some(" #37 ")).and_then(|k| k.id()), Some(37));
        assert_eq!(Keyword::parse(Some("37")).and_then(|k| k.id()), Some(37));
        assert_eq!(Keyword::parse(Some("王阿姨")).and_then(|k| k.id()), None);
        assert!(Keyword::parse(Some("   ")).is_none());
    }

    #[test]
    fn wildcards_typed_by_the_user_are_taken_literally() {
        let like = Keyword::parse(Some("50%_a\\b")).map(|k| k.like()).map(|l| format!("{l:?}"));
        let shown = like.unwrap_or_default();
        assert!(shown.contains(r"%50\\%\\_a\\\\b%"), "{shown}");
    }

    #[test]
    fn a_range_ending_before_it_starts_names_its_end() {
        let mut errors = FieldErrors::default();
        let d = |day| NaiveDate::from_ymd_opt(2026, 6, day);
        DayRange { from: d(10), to: d(9) }.check("from", "to", &mut errors);
        let error = errors.finish().expect_err("refused");
        assert!(format!("{error:?}").contains("\"to\""), "{error:?}");
    }
}
