//! The dashboard's texts in both languages. `web/build.rs` turns `web/locales/zh-CN.txt` and
//! `web/locales/en.txt` (one message per line, `key = text`) into one constant [`Msg`] per message and
//! the `k!` and `words!` macros: code names a message as `k!("table.total")`, which is a [`Key`] (or a
//! [`Count`], for a message with plural forms), so a key no message has is a compile error, not a key
//! shown on screen. A key points at its message, so a lookup is one read, and each bundle holds only
//! the messages its code names: sign-in's few, not the whole dashboard's two thousand.

use shared::Lang;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// A language the dashboard speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    Zh,
    En,
}

impl Locale {
    /// The BCP 47 tag, for `<html lang>` and localStorage (and [`Self::from_tag`] back).
    pub fn tag(self) -> &'static str {
        match self {
            Self::Zh => "zh-CN",
            Self::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        match tag {
            "zh-CN" => Some(Self::Zh),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The same language as the shared vocabularies (and the server's exports) name it.
    pub fn lang(self) -> Lang {
        match self {
            Self::Zh => Lang::Zh,
            Self::En => Lang::En,
        }
    }

    /// The other language, for the header's switch.
    pub fn other(self) -> Self {
        match self {
            Self::Zh => Self::En,
            Self::En => Self::Zh,
        }
    }
}

/// One message: its key and its text in each language.
#[derive(Debug)]
pub struct Msg {
    key: &'static str,
    zh: &'static str,
    /// The `other` form, for a count.
    en: &'static str,
    /// The `one` form of a count.
    en_one: Option<&'static str>,
}

/// A message, made by `k!("key")`, or found by a name known only at run time through [`Words`].
#[derive(Debug, Clone, Copy)]
pub struct Key(pub(crate) &'static Msg);

// By key: each `k!` is a constant, and two copies of one need not share an address.
impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.0.key == other.0.key
    }
}

impl Eq for Key {}

/// A message that counts something (`{n} questions`): each language picks its plural form by the
/// number ([`crate::common::i18n::I18n::count`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count(pub(crate) Key);

/// The messages whose keys start with one word (`status.…`), made by `words!("status")`: for names
/// the dashboard learns at run time, like a status code from the server. Only the tables code names
/// this way are in a bundle.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub(crate) word: &'static str,
    /// Sorted by key.
    pub(crate) messages: &'static [&'static Msg],
}

impl Words {
    /// The message `word.name`, if there is one.
    pub fn find(self, name: &str) -> Option<Key> {
        let rest = |m: &&Msg| m.key.get(self.word.len() + 1..).unwrap_or_default();
        self.messages.binary_search_by(|m| rest(m).cmp(name)).ok().map(|i| Key(self.messages[i]))
    }
}

impl Key {
    /// The key as written in the message files, for a `data-` attribute tests find an element by.
    pub fn name(self) -> &'static str {
        self.0.key
    }

    /// The text in `locale` (the `other` form, for a count). Never inlined: there are thousands of
    /// call sites, and the read inlined would repeat at each of them.
    #[inline(never)]
    pub fn text(self, locale: Locale) -> &'static str {
        match locale {
            Locale::Zh => self.0.zh,
            Locale::En => self.0.en,
        }
    }
}

impl Count {
    /// The text for `n` in `locale`, `{n}` filled in. The plural rules are CLDR's: Chinese has one
    /// form; English has `one` for exactly 1 and `other` for every other number.
    pub fn text(self, locale: Locale, n: u64) -> String {
        let form = match (locale, self.0.0.en_one) {
            (Locale::En, Some(one)) if n == 1 => one,
            _ => self.0.text(locale),
        };
        form.replace("{n}", &n.to_string())
    }
}

/// Every message's key named by the dashboard's code, checked against the code that names them:
/// a message no code names is dead weight in every bundle.
#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The keys the code names: `k!("…")` literals.
    fn named(code: &str) -> impl Iterator<Item = &str> {
        code.split("k!(\"").skip(1).filter_map(|rest| rest.split('"').next())
    }

    /// The first words of keys the code looks up by a name it gets at run time: `words!("status")`.
    fn looked_up_by_name(code: &[(String, String)]) -> BTreeSet<String> {
        let mut prefixes = BTreeSet::new();
        for (_, text) in code {
            for rest in text.split("words!(\"").skip(1) {
                prefixes.insert(rest.split('"').next().unwrap_or_default().to_owned());
            }
        }
        prefixes
    }

    #[test]
    fn every_message_is_named_by_the_code() {
        let code = crate::common::sources::dashboard_code();
        let named: BTreeSet<&str> = code.iter().flat_map(|(_, text)| named(text)).collect();
        let by_name = looked_up_by_name(&code);
        let dead: Vec<&str> = ALL
            .iter()
            .map(|m| m.key)
            .filter(|k| !named.contains(k) && !by_name.contains(k.split('.').next().unwrap_or_default()))
            .collect();
        assert!(dead.is_empty(), "messages no code names: {dead:?}");
    }

    /// The codes of `T` that have no message among `words`: those the dashboard would show as sent.
    fn unnamed<T: shared::Code>(words: Words) -> Vec<&'static str> {
        T::ALL.iter().map(|v| v.as_str()).filter(|code| words.find(code).is_none()).collect()
    }

    #[test]
    fn every_code_looked_up_by_name_has_a_message() {
        let none = Vec::<&str>::new();
        assert_eq!(unnamed::<shared::ActivityStatus>(words!("astatus")), none);
        assert_eq!(unnamed::<shared::ActivityAction>(words!("aaction")), none);
        assert_eq!(unnamed::<shared::SignupStatus>(words!("signup")), none);
        assert_eq!(unnamed::<shared::HolderKind>(words!("holder")), none);
        assert_eq!(unnamed::<shared::TransferKind>(words!("mtransfer")), none);
        assert_eq!(unnamed::<shared::ShopOrderStatus>(words!("morder")), none);
        assert_eq!(unnamed::<shared::NotificationKind>(words!("nkind")), none);
        assert_eq!(unnamed::<shared::Verification>(words!("ver")), none);
        assert_eq!(unnamed::<shared::RefusalReason>(words!("refusal")), none);
        // `I18n::field_rule` names the server's field rules in Chinese.
        assert_eq!(unnamed::<shared::FieldRule>(words!("rule")), none);
    }

    #[test]
    fn every_rule_message_is_a_rule_the_api_has() {
        let stale: Vec<&str> =
            ALL.iter().filter_map(|m| m.key.strip_prefix("rule.")).filter(|code| shared::FieldRule::parse(code).is_none()).collect();
        assert!(stale.is_empty(), "messages for rules the API does not have: {stale:?}");
    }

    #[test]
    fn keys_are_found_by_name_and_read_in_both_languages() {
        let key = words!("action").find("save").expect("a message");
        assert_eq!(key, k!("action.save"));
        assert_ne!(key, k!("action.cancel"));
        assert_eq!((key.name(), key.text(Locale::Zh), key.text(Locale::En)), ("action.save", "保存", "Save"));
        assert_eq!(words!("action").find("no_such_thing"), None);
        assert_eq!(words!("status").find("save"), None);
    }

    #[test]
    fn a_count_takes_the_plural_form_of_its_number() {
        let questions = k!("msurvey.questions");
        assert_eq!(questions.text(Locale::En, 1), "1 question");
        assert_eq!(questions.text(Locale::En, 0), "0 questions");
        assert_eq!(questions.text(Locale::En, 12), "12 questions");
        assert_eq!(questions.text(Locale::Zh, 1), "共 1 题");
    }

    #[test]
    fn every_message_has_text_in_both_languages() {
        // build.rs refuses a key one language lacks; this guards the generated messages themselves.
        let empty: Vec<&str> = ALL.iter().filter(|m| m.zh.trim().is_empty() || m.en.trim().is_empty()).map(|m| m.key).collect();
        assert!(empty.is_empty(), "messages without Chinese or English: {empty:?}");
        assert!(ALL.windows(2).all(|w| w[0].key < w[1].key), "keys sorted and unique");
    }

    #[test]
    fn each_word_table_holds_exactly_the_keys_under_its_word() {
        let status: Vec<&str> = words!("status").messages.iter().map(|m| m.key).collect();
        let expected: Vec<&str> = ALL.iter().map(|m| m.key).filter(|k| k.starts_with("status.")).collect();
        assert_eq!(status, expected);
        assert!(!expected.is_empty());
    }
}
