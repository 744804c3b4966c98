//! Translations: Chinese (zh-CN) first, English as the switch.
//!
//! `provide_i18n()` puts an [`I18n`] handle into context; components call `use_i18n()` and then
//! `i18n.t(k!("key"))` inside a reactive closure, so the text follows the locale signal. The choice is
//! kept in localStorage. Messages live in `web/locales/<language>.txt`, one file per language, made
//! into [`crate::messages`] when compiled. Placeholders are `{n}`-style names the caller replaces, so
//! each language orders its words around the number; a message that counts picks its plural form
//! through [`I18n::count`].

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use shared::{AreaKind, Labelled, Role};

pub use crate::messages::Locale;
use crate::messages::{Count, Key, Words};

const STORAGE_KEY: &str = "hh.locale";

/// The locale signal plus lookups. `Copy`, so closures can capture it freely.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    /// The current locale (tracked).
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// Switch language and remember the choice.
    pub fn set_locale(&self, locale: Locale) {
        // Failing to persist only costs the choice on the next visit.
        let _ = LocalStorage::set(STORAGE_KEY, locale.tag());
        set_document_lang(locale);
        self.locale.set(locale);
    }

    /// The label of a code of a shared vocabulary (status, kind, target group…) in the current
    /// locale (tracked); the words live in `shared::labels`, the same the server's exports use.
    pub fn label<T: Labelled>(&self, code: T) -> &'static str {
        code.label(self.locale.get().lang())
    }

    /// The message for `key` in the current locale (tracked). Never inlined, like [`Key::text`]: one
    /// call at each of the thousands of places that show a text.
    #[inline(never)]
    pub fn t(&self, key: Key) -> &'static str {
        key.text(self.locale.get())
    }

    /// A message that counts, in the plural form of `n`, `{n}` filled in (tracked). Counts are never
    /// negative; one that does not fit a `u64` would read as 0.
    pub fn count(&self, key: Count, n: impl TryInto<u64>) -> String {
        key.text(self.locale.get(), n.try_into().unwrap_or_default())
    }

    /// The name of a role, e.g. 街道工作人员 / Street staff.
    pub fn role(&self, role: Role) -> &'static str {
        let key = match role {
            Role::PlatformAdmin => k!("role.platform_admin"),
            Role::DistrictAdmin => k!("role.district_admin"),
            Role::StreetStaff => k!("role.street_staff"),
            Role::CommunityStaff => k!("role.community_staff"),
            Role::GridWorker => k!("role.grid_worker"),
            Role::Provider => k!("role.provider"),
            Role::Volunteer => k!("role.volunteer"),
            Role::Resident => k!("role.resident"),
            Role::Integration => k!("role.integration"),
            Role::Merchant => k!("role.merchant"),
        };
        self.t(key)
    }

    /// The name of an area level, e.g. 社区 / Community.
    pub fn kind(&self, kind: AreaKind) -> &'static str {
        let key = match kind {
            AreaKind::Province => k!("kind.province"),
            AreaKind::City => k!("kind.city"),
            AreaKind::District => k!("kind.district"),
            AreaKind::Street => k!("kind.street"),
            AreaKind::Community => k!("kind.community"),
            AreaKind::Grid => k!("kind.grid"),
        };
        self.t(key)
    }

    /// The name of a record's field in an audit diff (`display_name` → 姓名); unknown keys as sent.
    pub fn field_name(&self, key: &str) -> String {
        self.dynamic(words!("field"), key)
    }

    /// The message `word.name` for a name known only at run time; unknown names as sent (tracked).
    pub(crate) fn dynamic(&self, words: Words, name: &str) -> String {
        let locale = self.locale.get();
        words.find(name).map_or_else(|| name.to_owned(), |key| key.text(locale).to_owned())
    }

    /// The Chinese name of a field rule (`required`, `too_long`…); in English the server's message is
    /// used as is, so this returns `None` there and for unknown codes.
    pub fn field_rule(&self, code: shared::FieldRule) -> Option<&'static str> {
        if self.locale.get() == Locale::En {
            return None;
        }
        words!("rule").find(code.as_str()).map(|key| key.text(Locale::Zh))
    }

    /// A number formatted for the locale's reader (thousands separators).
    pub fn number(&self, value: f64, decimals: usize) -> String {
        group_thousands(&format!("{value:.decimals$}"))
    }
}

/// The message for `key` as reactive text (it follows the locale), for a view or an attribute. Every
/// call returns the same closure type, so the wasm holds one copy of the code that renders it instead
/// of one per call site.
pub fn tr(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(key)
}

/// Like [`tr`] for a word of a vocabulary (`words!("paction")` + `submit` → 提交审核); unknown names
/// show as sent.
pub fn tr_word(words: Words, name: String) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.dynamic(words, &name)
}

/// Like [`tr`] for the label of a code of a shared vocabulary (`ProgramStatus::Draft` → 草稿).
pub fn tr_label<T: Labelled + Send + Sync>(code: T) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.label(code)
}

/// The stored locale (Chinese by default), read outside any component: the file downloads send it
/// as `Accept-Language`, so an export is written in the language the dashboard shows.
pub fn stored_locale() -> Locale {
    LocalStorage::get::<String>(STORAGE_KEY).ok().and_then(|tag| Locale::from_tag(&tag)).unwrap_or(Locale::Zh)
}

/// Reads the stored locale (Chinese by default) and provides the handle to all descendants.
pub fn provide_i18n() -> I18n {
    let stored = stored_locale();
    set_document_lang(stored);
    let i18n = I18n { locale: RwSignal::new(stored) };
    provide_context(i18n);
    i18n
}

/// The handle provided by [`provide_i18n`]; falls back to a fresh Chinese one outside the app.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n { locale: RwSignal::new(Locale::Zh) })
}

fn set_document_lang(locale: Locale) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", locale.tag());
    }
}

pub(crate) fn group_thousands(formatted: &str) -> String {
    let (sign, rest) = match formatted.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", formatted),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut out = String::with_capacity(formatted.len() + int.len() / 3);
    out.push_str(sign);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_and_decimals_kept() {
        assert_eq!(group_thousands("1234567.50"), "1,234,567.50");
        assert_eq!(group_thousands("-1000"), "-1,000");
        assert_eq!(group_thousands("999"), "999");
    }
}
