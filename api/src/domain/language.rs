//! The language an answer is written in: Chinese unless the request's `Accept-Language` prefers
//! English (RFC 9110 §12.5.4: tags weighted by `q`, the first of equal weight wins).

/// The languages the platform writes its own texts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The preferred language of an `Accept-Language` header; Chinese when absent or when neither is named.
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
}
