//! Words and numbers of the KPI pages: attainment and trend labels, comparators (≥ ≤ =), units in
//! English, an indicator's name in the current language, and values formatted by unit — shares and
//! hours with one decimal, head counts as whole numbers, rates per 100/1 000/10 000 with one or two.

use shared::{Attainment, Comparator, Indicator, KpiSource, TargetValue, Trend};

use crate::common::i18n::{I18n, Locale, group_thousands};

/// Statuses in the order the summary lists them.
pub const STATUSES: [Attainment; 6] =
    [Attainment::Met, Attainment::OnTrack, Attainment::AtRisk, Attainment::Missed, Attainment::NoTarget, Attainment::NoData];

/// Decimals a value of `unit` is shown with.
pub fn decimals(unit: &str) -> usize {
    usize::from(shared::unit_decimals(unit))
}

/// `value` with the decimals its unit calls for and thousands separators; `—` when absent.
pub fn number_text(unit: &str, value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => group_thousands(&format!("{v:.prec$}", prec = decimals(unit))),
        _ => "—".to_owned(),
    }
}

/// ≥, ≤ or =.
pub fn comparator_symbol(c: Comparator) -> &'static str {
    match c {
        Comparator::AtLeast => "≥",
        Comparator::AtMost => "≤",
        Comparator::Equal => "=",
    }
}

/// ↑, ↓ or →.
pub fn trend_arrow(t: Trend) -> &'static str {
    match t {
        Trend::Up => "↑",
        Trend::Down => "↓",
        Trend::Flat => "→",
    }
}

/// The colour class of a status: `met` green, `on_track` blue, `at_risk` amber, `missed` red, grey else.
pub fn status_class(status: Attainment) -> String {
    format!("kpi-status st-kpi-{}", status.as_str())
}

/// The stroke/fill colour of a status in charts (the CSS variables of the dashboard).
pub fn status_colour(status: Attainment) -> &'static str {
    match status {
        Attainment::Met => "var(--ok)",
        Attainment::OnTrack => "var(--accent)",
        Attainment::AtRisk => "#d97706",
        Attainment::Missed => "var(--bad)",
        Attainment::NoTarget | Attainment::NoData => "#9aa5b1",
    }
}

impl I18n {
    /// 已达标 / Met. Tracked.
    pub fn attainment(&self, status: Attainment) -> String {
        self.label(status).to_owned()
    }

    /// 上升 / Up. Tracked.
    pub fn trend(&self, trend: Trend) -> String {
        self.dynamic(words!("kpi_trend"), trend.as_str())
    }

    /// The indicator's name in the current language. Tracked.
    pub fn indicator_name(&self, i: &Indicator) -> String {
        if self.locale() == Locale::Zh { i.name_zh.clone() } else { i.name_en.clone() }
    }

    /// The unit in the current language. Tracked.
    pub fn unit(&self, unit: &str) -> String {
        shared::unit_label(unit, self.locale().lang()).to_owned()
    }

    /// `86.4%`, `12.5 小时`, `2,650 人`, or `—` without a value. Tracked.
    pub fn kpi_value(&self, unit: &str, value: Option<f64>) -> String {
        match value {
            Some(_) if unit == "%" => format!("{}%", number_text(unit, value)),
            Some(_) => format!("{} {}", number_text(unit, value), self.unit(unit)),
            None => "—".to_owned(),
        }
    }

    /// `≥ 95.0%`, or `—` without a target. Tracked.
    pub fn target_text(&self, unit: &str, target: Option<TargetValue>) -> String {
        target.map_or_else(|| "—".to_owned(), |t| format!("{} {}", comparator_symbol(t.comparator), self.kpi_value(unit, Some(t.value))))
    }

    /// 平台计算 / Computed. Tracked.
    pub fn source(&self, source: KpiSource) -> String {
        self.dynamic(words!("kpi_source"), source.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_formatted_by_unit() {
        assert_eq!(number_text("%", Some(86.44)), "86.4");
        assert_eq!(number_text("小时", Some(12.46)), "12.5");
        assert_eq!(number_text("人", Some(2650.0)), "2,650");
        assert_eq!(number_text("m²/百户", Some(29.554)), "29.55");
        assert_eq!(number_text("个/千人", Some(2.34)), "2.3");
        assert_eq!(number_text("%", None), "—");
        assert_eq!(number_text("%", Some(f64::NAN)), "—");
    }

    #[test]
    fn comparators_and_trends_have_symbols() {
        assert_eq!(comparator_symbol(Comparator::AtLeast), "≥");
        assert_eq!(comparator_symbol(Comparator::AtMost), "≤");
        assert_eq!(trend_arrow(Trend::Down), "↓");
    }

    #[test]
    fn every_status_has_a_class_and_colour() {
        for s in STATUSES {
            assert!(status_class(s).ends_with(s.as_str()));
            assert!(!status_colour(s).is_empty());
        }
    }
}
