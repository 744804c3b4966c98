//! Words and numbers of the co-building vocabulary: program statuses and actions, partner kinds,
//! resource kinds, evaluator types, milestone statuses; money in fen shown as ¥ (万 when large) and
//! typed in yuan; a pledge's quantity in its kind's measure (资金/技术: 金额, 人才: 人日, 物资: 数量).

use shared::{EvaluatorType, PartnerKind, ProgramAction, Quantity, ResourceKind};

use crate::common::format::{money, plain_number};
use crate::common::i18n::{I18n, Locale};

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
        self.dynamic(words!("paction"), action.as_str())
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
                format!("{} {}", plain_number(value), self.t(k!("unit.person_days")))
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
            parts.push(format!("{people} {}", self.t(k!("unit.people"))));
        }
        if q.person_days.is_some() || q.quantity.is_some() || kind_is_money(kind) {
            parts.push(self.measure_text(kind, measure(kind, q), unit));
        }
        if let (ResourceKind::Materials, Some(value)) = (kind, q.amount_fen) {
            parts.push(format!("{} {}", self.t(k!("unit.value")), self.money_short(value)));
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
