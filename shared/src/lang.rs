//! The language a text is written in: Chinese unless the reader prefers English. Shared so the API
//! (exports, notifications) and the dashboard pick words by the same rule.

/// The languages the platform writes its own texts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The preferred language of an `Accept-Language` header (RFC 9110 §12.5.4: tags weighted by
    /// `q`, the first of equal weight wins); Chinese when absent or when neither is named.
    pub fn from_accept_language(header: Option<&str>) -> Self {
        let Some(header) = header else { return Lang::Zh };
        let mut best: Option<(f32, Lang)> = None;
        for range in header.split(',') {
            let mut parts = range.split(';');
            let tag = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
            let q = parts.filter_map(|p| p.trim().strip_prefix("q=").and_then(|v| v.trim().parse::<f32>().ok())).next().unwrap_or(1.0);
            let lang = match tag.split('-').next() {
                Some("zh") => Lang::Zh,
                Some("en") => Lang::En,
                _ => continue,
            };
            if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
                best = Some((q, lang));
            }
        }
        best.map_or(Lang::Zh, |(_, lang)| lang)
    }

    /// The BCP 47 tag, for `Accept-Language` and `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The text of a `(中文, English)` pair in this language.
    pub fn pick<T>(self, (zh, en): (T, T)) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_the_default() {
        assert_eq!(Lang::from_accept_language(None), Lang::Zh);
        assert_eq!(Lang::from_accept_language(Some("fr-FR")), Lang::Zh);
        assert_eq!(Lang::from_accept_language(Some("")), Lang::Zh);
    }

    #[test]
    fn english_is_chosen_when_preferred_by_weight_or_order() {
        assert_eq!(Lang::from_accept_language(Some("en-US,en;q=0.9")), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("zh-CN;q=0.5, en;q=0.8")), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("zh-CN,en;q=0.9")), Lang::Zh);
        assert_eq!(Lang::from_accept_language(Some("fr, EN-gb;q=0.3")), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("en;q=0")), Lang::Zh);
    }

    #[test]
    fn a_pair_is_picked_by_language() {
        assert_eq!(Lang::Zh.pick(("是", "Yes")), "是");
        assert_eq!(Lang::En.pick(("是", "Yes")), "Yes");
        assert_eq!(Lang::from_accept_language(Some(Lang::En.tag())), Lang::En);
    }
}
