//! The dashboard's texts in both languages. `web/build.rs` turns `web/locales/zh-CN.txt` and
//! `web/locales/en.txt` (one message per line, `key = text`) into the tables below and the `k!` macro:
//! code names a message as `k!("table.total")`, which is a [`Key`] (or a [`Count`], for a message with
//! plural forms), so a key no message has is a compile error, not a key shown on screen. A key is an
//! index, so a lookup is one array read.

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

/// A message: its place in the sorted table. Made by `k!("key")`, or by [`Key::named`] for a key
/// known only at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub(crate) u16);

/// A message that counts something (`{n} questions`): each language picks its plural form by the
/// number ([`crate::common::i18n::I18n::count`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count(pub(crate) Key);

impl Key {
    /// The key of a message named at run time (`status` + `.claimed`), if there is such a message.
    pub fn named(name: &str) -> Option<Self> {
        KEYS.binary_search(&name).ok().and_then(|i| u16::try_from(i).ok()).map(Key)
    }

    /// The key as written in the message files, for a `data-` attribute tests find an element by.
    pub fn name(self) -> &'static str {
        KEYS[usize::from(self.0)]
    }

    /// The text in `locale` (the `other` form, for a count). Never inlined: there are thousands of
    /// call sites, and an inlined table read with its bounds check would repeat at each of them.
    #[inline(never)]
    pub fn text(self, locale: Locale) -> &'static str {
        let table = match locale {
            Locale::Zh => &ZH,
            Locale::En => &EN,
        };
        table[usize::from(self.0)]
    }
}

impl Count {
    /// The text for `n` in `locale`, `{n}` filled in. The plural rules are CLDR's: Chinese has one
    /// form; English has `one` for exactly 1 and `other` for every other number.
    pub fn text(self, locale: Locale, n: u64) -> String {
        let one = || EN_ONE.binary_search_by_key(&self.0.0, |(key, _)| *key).ok().map(|i| EN_ONE[i].1);
        let form = match locale {
            Locale::En if n == 1 => one().unwrap_or_else(|| self.0.text(locale)),
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

    /// The first words of keys the code looks up by a name it gets at run time (`tr_word("paction",
    /// name)`, `i18n.dynamic("status", code)`), and `rule`, whose keys `I18n::field_rule` builds.
    fn looked_up_by_name(code: &[(String, String)]) -> BTreeSet<String> {
        let mut prefixes = BTreeSet::from(["rule".to_owned()]);
        for (_, text) in code {
            for call in ["tr_word(\"", "dynamic(\""] {
                for rest in text.split(call).skip(1) {
                    prefixes.insert(rest.split('"').next().unwrap_or_default().to_owned());
                }
            }
        }
        prefixes
    }

    #[test]
    fn every_message_is_named_by_the_code() {
        let code = crate::common::sources::dashboard_code();
        let named: BTreeSet<&str> = code.iter().flat_map(|(_, text)| named(text)).collect();
        let by_name = looked_up_by_name(&code);
        let dead: Vec<&str> =
            KEYS.iter().copied().filter(|k| !named.contains(k) && !by_name.contains(k.split('.').next().unwrap_or_default())).collect();
        assert!(dead.is_empty(), "messages no code names: {dead:?}");
    }

    /// The codes of `T` that have no message under `prefix`: those the dashboard would show as sent.
    fn unnamed<T: shared::Code>(prefix: &str) -> Vec<&'static str> {
        T::ALL.iter().map(|v| v.as_str()).filter(|code| Key::named(&format!("{prefix}.{code}")).is_none()).collect()
    }

    #[test]
    fn every_code_looked_up_by_name_has_a_message() {
        let none = Vec::<&str>::new();
        assert_eq!(unnamed::<shared::ActivityStatus>("astatus"), none);
        assert_eq!(unnamed::<shared::ActivityAction>("aaction"), none);
        assert_eq!(unnamed::<shared::SignupStatus>("signup"), none);
        assert_eq!(unnamed::<shared::HolderKind>("holder"), none);
        assert_eq!(unnamed::<shared::TransferKind>("mtransfer"), none);
        assert_eq!(unnamed::<shared::ShopOrderStatus>("morder"), none);
        assert_eq!(unnamed::<shared::NotificationKind>("nkind"), none);
        assert_eq!(unnamed::<shared::Verification>("ver"), none);
        assert_eq!(unnamed::<shared::RefusalReason>("refusal"), none);
        // `I18n::field_rule` names the server's field rules in Chinese.
        assert_eq!(unnamed::<shared::FieldRule>("rule"), none);
    }

    #[test]
    fn every_rule_message_is_a_rule_the_api_has() {
        let stale: Vec<&str> =
            KEYS.iter().filter_map(|k| k.strip_prefix("rule.")).filter(|code| shared::FieldRule::parse(code).is_none()).collect();
        assert!(stale.is_empty(), "messages for rules the API does not have: {stale:?}");
    }

    #[test]
    fn keys_are_found_by_name_and_read_in_both_languages() {
        let key = Key::named("action.save").expect("a message");
        assert_eq!(key, k!("action.save"));
        assert_eq!((key.text(Locale::Zh), key.text(Locale::En)), ("保存", "Save"));
        assert_eq!(Key::named("action.no_such_thing"), None);
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
        // build.rs refuses a key one language lacks; this guards the generated tables themselves.
        assert_eq!((KEYS.len(), ZH.len()), (EN.len(), EN.len()));
        let empty: Vec<&str> = (0..KEYS.len()).filter(|&i| ZH[i].trim().is_empty() || EN[i].trim().is_empty()).map(|i| KEYS[i]).collect();
        assert!(empty.is_empty(), "messages without Chinese or English: {empty:?}");
        assert!(KEYS.windows(2).all(|w| w[0] < w[1]), "keys sorted and unique");
    }
}
