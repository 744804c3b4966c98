//! Words and numbers of the co-building vocabulary: program statuses and actions, partner kinds,
//! resource kinds, evaluator types, milestone statuses; money in fen shown as ¥ (万 when large) and
//! typed in yuan; a pledge's quantity in its kind's measure (资金/技术: 金额, 人才: 人日, 物资: 数量).

use shared::{EvaluatorType, PartnerKind, ProgramAction, Quantity, ResourceKind};

use crate::common::i18n::{I18n, Locale, group_thousands};

pub const PARTNER_KINDS: [PartnerKind; 6] = [
    PartnerKind::ResidentUnit,
    PartnerKind::SocialOrganization,
    PartnerKind::Enterprise,
    PartnerKind::Expert,
    PartnerKind::Charity,
    PartnerKind::GovernmentDepartment,
];

/// 资金、人才、物资、技术, the order of the action plan.
pub const RESOURCE_KINDS: [ResourceKind; 4] =
    [ResourceKind::Funds, ResourceKind::Talent, ResourceKind::Materials, ResourceKind::Technology];

pub const EVALUATOR_TYPES: [EvaluatorType; 3] = [EvaluatorType::SelfAssessment, EvaluatorType::ThirdParty, EvaluatorType::Residents];

/// From 10万元 on, Chinese readers get 万; from 1,000,000 yuan English readers get M.
const WAN_FROM_FEN: i64 = 10_000_000;
const MILLION_FROM_FEN: i64 = 100_000_000;

impl I18n {
    /// 提交审核 / Submit. Tracked.
    pub fn program_action(&self, action: ProgramAction) -> String {
        self.dynamic("paction", action.as_str())
    }

    /// `¥36.00万` (zh) / `¥3.60M` (en) for large sums, else `¥1,234.56`. Tracked.
    pub fn money_short(&self, fen: i64) -> String {
        self.money_scaled(fen, fen)
    }

    /// `part / whole` (delivered / pledged, spent / budget) in the same style, chosen by the larger
    /// one, so `¥9.70万 / ¥36.00万` rather than `¥97,000.00 / ¥36.00万`. Tracked.
    pub fn money_pair(&self, part: i64, whole: i64) -> String {
        let scale = part.abs().max(whole.abs());
        format!("{} / {}", self.money_scaled(part, scale), self.money_scaled(whole, scale))
    }

    /// `fen` in the style `scale` calls for.
    fn money_scaled(&self, fen: i64, scale: i64) -> String {
        let abs = fen.unsigned_abs() as f64;
        let sign = if fen < 0 { "-" } else { "" };
        match self.locale() {
            Locale::Zh if scale.abs() >= WAN_FROM_FEN => {
                format!("{sign}¥{}万", self.number(abs / 1_000_000.0, 2))
            }
            Locale::En if scale.abs() >= MILLION_FROM_FEN => {
                format!("{sign}¥{}M", self.number(abs / 100_000_000.0, 2))
            }
            _ => money(fen),
        }
    }

    /// A measure in words: money for funds and technology, 人日 for talent, the unit for materials.
    pub fn measure_text(&self, kind: ResourceKind, value: f64, unit: Option<&str>) -> String {
        match kind {
            ResourceKind::Funds | ResourceKind::Technology => self.money_short(value as i64),
            ResourceKind::Talent => {
                format!("{} {}", plain_number(value), self.t("unit.person_days"))
            }
            ResourceKind::Materials => format!("{} {}", plain_number(value), unit.unwrap_or("")),
        }
    }

    /// `delivered / pledged` in the kind's measure, money in one style.
    pub fn measure_pair(&self, kind: ResourceKind, part: f64, whole: f64, unit: Option<&str>) -> String {
        if kind_is_money(kind) {
            return self.money_pair(part as i64, whole as i64);
        }
        format!("{} / {}", self.measure_text(kind, part, unit), self.measure_text(kind, whole, unit))
    }

    /// Everything a quantity says: `25 人 · 600 人日`, `20,000 份 · 价值 ¥30.00万`, `¥20.00万`.
    pub fn quantity_text(&self, kind: ResourceKind, q: &Quantity, unit: Option<&str>) -> String {
        let mut parts = Vec::new();
        if let (ResourceKind::Talent, Some(people)) = (kind, q.people) {
            parts.push(format!("{people} {}", self.t("unit.people")));
        }
        if q.person_days.is_some() || q.quantity.is_some() || kind_is_money(kind) {
            parts.push(self.measure_text(kind, measure(kind, q), unit));
        }
        if let (ResourceKind::Materials, Some(value)) = (kind, q.amount_fen) {
            parts.push(format!("{} {}", self.t("unit.value"), self.money_short(value)));
        }
        parts.join(" · ")
    }
}

/// Whether the kind is counted in money (资金, 技术).
pub fn kind_is_money(kind: ResourceKind) -> bool {
    matches!(kind, ResourceKind::Funds | ResourceKind::Technology)
}

/// The number fulfilment is computed in: fen, person-days or quantity.
pub fn measure(kind: ResourceKind, q: &Quantity) -> f64 {
    match kind {
        ResourceKind::Funds | ResourceKind::Technology => q.amount_fen.unwrap_or(0) as f64,
        ResourceKind::Talent => q.person_days.unwrap_or(0.0),
        ResourceKind::Materials => q.quantity.unwrap_or(0.0),
    }
}

/// `¥1,234.56`, exact (integer arithmetic on fen).
pub fn money(fen: i64) -> String {
    let abs = fen.unsigned_abs();
    let sign = if fen < 0 { "-" } else { "" };
    format!("{sign}¥{}.{:02}", group_thousands(&(abs / 100).to_string()), abs % 100)
}

/// `600`, `12.5`, `20,000`: no trailing zeros.
pub fn plain_number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    group_thousands(text)
}

/// Yuan as typed (`1234.5`, `1,234.56`, `¥100`) to fen; `None` when not a non-negative amount with at
/// most two decimals.
pub fn parse_yuan(text: &str) -> Option<i64> {
    let cleaned: String = text.trim().trim_start_matches('¥').chars().filter(|c| *c != ',' && *c != '，' && !c.is_whitespace()).collect();
    let (int, frac) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) || frac.len() > 2 {
        return None;
    }
    let yuan: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let cents: i64 = format!("{frac:0<2}").parse().ok()?;
    yuan.checked_mul(100)?.checked_add(cents)
}

/// Fen as an input's yuan text (`1234.5` → `1234.50`), for editing.
pub fn yuan_input(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, (fen % 100).abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_is_parsed_to_exact_fen() {
        assert_eq!(parse_yuan("1234.5"), Some(123_450));
        assert_eq!(parse_yuan("¥1,000"), Some(100_000));
        assert_eq!(parse_yuan(".07"), Some(7));
        assert_eq!(parse_yuan("0.123"), None);
        assert_eq!(parse_yuan("-5"), None);
        assert_eq!(parse_yuan(""), None);
    }

    #[test]
    fn money_is_shown_with_two_decimals() {
        assert_eq!(money(123_456), "¥1,234.56");
        assert_eq!(money(5), "¥0.05");
        assert_eq!(yuan_input(123_450), "1234.50");
        assert_eq!(plain_number(20000.0), "20,000");
        assert_eq!(plain_number(12.5), "12.5");
    }
}
