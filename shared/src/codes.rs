//! `code_enum!`: an enum stored and sent as a snake_case code, with `ALL`, `as_str` and `parse` —
//! written once instead of by hand for every small vocabulary. The [`Code`] trait lets generic code
//! (the API's stored-value reader, the dashboard's selects) take any such enum.

/// A closed vocabulary whose values travel and are stored as fixed codes (`in_progress`).
///
/// Implemented by `code_enum!`; the enums also keep inherent `ALL`, `as_str` and `parse`, so callers
/// need not import the trait.
pub trait Code: Copy + Eq + std::fmt::Debug + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The type's name, for messages and logs (`NeedStatus`).
    const NAME: &'static str;

    /// The code of this value, as on the wire and in the database.
    fn as_str(self) -> &'static str;

    /// The value whose code is `s`; `None` for a code the vocabulary does not have.
    fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == s)
    }
}

#[macro_export]
macro_rules! code_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant,)+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$($code,)+].len()] = [$($name::$variant,)+];

            /// The code of this value, as on the wire and in the database.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The value whose code is `s`; `None` for a code the vocabulary does not have.
            pub fn parse(s: &str) -> Option<Self> {
                <Self as $crate::Code>::parse(s)
            }
        }

        impl $crate::Code for $name {
            const ALL: &'static [$name] = &$name::ALL;
            const NAME: &'static str = stringify!($name);

            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::Code;

    code_enum! {
        /// A vocabulary for the tests.
        pub enum Sample {
            First = "first",
            SecondOne = "second_one",
        }
    }

    #[test]
    fn every_code_parses_back_to_its_value() {
        for v in Sample::ALL {
            assert_eq!(Sample::parse(v.as_str()), Some(v));
        }
        assert_eq!(<Sample as Code>::ALL.len(), 2);
        assert_eq!(Sample::NAME, "Sample");
    }

    #[test]
    fn an_unknown_code_is_none() {
        assert_eq!(Sample::parse("third"), None);
        assert_eq!(Sample::parse("First"), None);
    }

    #[test]
    fn the_code_is_the_serde_name() {
        assert_eq!(serde_json::to_value(Sample::SecondOne).ok(), Some(serde_json::json!("second_one")));
    }
}
