//! Words and numbers of the service resource catalogue: provider, person, space kinds, cost kinds,
//! service modes and weekdays (the words of `shared::labels`, the same as the exports'); a week's
//! opening hours in a few characters; shares and ratings.

use shared::{CostKind, PersonKind, ProviderKind, ServiceMode, SpaceKind, TimeSlot};

use crate::common::format::{money, plain_number};
use crate::common::i18n::{I18n, Locale};

impl I18n {
    /// 社会组织 / Social organisation. Tracked.
    pub fn provider_kind(&self, kind: ProviderKind) -> String {
        self.label(kind).to_owned()
    }

    /// 报到党员 / Party member. Tracked.
    pub fn person_kind(&self, kind: PersonKind) -> String {
        self.label(kind).to_owned()
    }

    /// 低偿 / Low cost. Tracked.
    pub fn cost_kind(&self, cost: CostKind) -> String {
        self.label(cost).to_owned()
    }

    /// 上门服务 / At home. Tracked.
    pub fn service_mode(&self, mode: ServiceMode) -> String {
        self.label(mode).to_owned()
    }

    /// 养老服务空间 / Elderly care. Tracked.
    pub fn space_kind(&self, kind: SpaceKind) -> String {
        self.label(kind).to_owned()
    }

    /// 周一 / Mon for 1–7 (Monday first). Tracked.
    pub fn weekday(&self, day: u8) -> String {
        shared::weekday_label(day, self.locale().lang())
    }

    /// 免费, or `低偿 ¥10.00` with the price per use. Tracked.
    pub fn cost_text(&self, cost: CostKind, price_fen: Option<i64>) -> String {
        match (cost, price_fen) {
            (CostKind::Free, _) | (_, None) => self.cost_kind(cost),
            (_, Some(fen)) => format!("{} {}", self.cost_kind(cost), money(fen)),
        }
    }

    /// A week's hours per day in a few characters: equal neighbouring days share one entry,
    /// `一至五 9h · 六 4h · 日 休` / `Mon–Fri 9h · Sat 4h · Sun closed`. Tracked.
    pub fn hours_compact(&self, hours: &[f64]) -> String {
        let zh = self.locale() == Locale::Zh;
        let day = |d: usize| -> String {
            if zh {
                ["一", "二", "三", "四", "五", "六", "日"].get(d).copied().unwrap_or("?").to_owned()
            } else {
                ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].get(d).copied().unwrap_or("?").to_owned()
            }
        };
        let closed = self.t(k!("res.closed"));
        let mut parts = Vec::new();
        let mut start = 0;
        while start < hours.len() {
            let mut end = start;
            while end + 1 < hours.len() && (hours[end + 1] - hours[start]).abs() < 0.01 {
                end += 1;
            }
            let days = match end - start {
                0 => day(start),
                1 if zh => format!("{}{}", day(start), day(end)),
                1 => format!("{}, {}", day(start), day(end)),
                _ if zh => format!("{}至{}", day(start), day(end)),
                _ => format!("{}–{}", day(start), day(end)),
            };
            let value = if hours[start] <= 0.0 { closed.to_owned() } else { format!("{}h", plain_number(hours[start])) };
            parts.push(format!("{days} {value}"));
            start = end + 1;
        }
        parts.join(" · ")
    }

    /// The weekly slots as text; neighbouring days with the same hours share one entry:
    /// `周一至周五 08:30–17:30；周六 09:00–12:00`. Tracked.
    pub fn schedule_text(&self, slots: &[TimeSlot]) -> String {
        shared::schedule_text(slots, self.locale().lang())
    }
}

/// `87%` for a share 0–1; `—` when unknown.
pub fn percent(share: Option<f64>) -> String {
    share.filter(|s| s.is_finite()).map_or_else(|| "—".to_owned(), |s| format!("{}%", (s * 100.0).round()))
}

/// `4.6` for an average rating; `—` when nobody has rated yet.
pub fn rating(average: Option<f64>) -> String {
    average.filter(|r| r.is_finite()).map_or_else(|| "—".to_owned(), |r| format!("{r:.1}"))
}

/// Whether a text is a time of day as the API takes it: `HH:MM`, or `24:00` for an end.
pub fn is_time(text: &str, end: bool) -> bool {
    if end && text == "24:00" {
        return true;
    }
    let b = text.as_bytes();
    b.len() == 5
        && b[2] == b':'
        && b.iter().enumerate().all(|(i, c)| i == 2 || c.is_ascii_digit())
        && text[..2].parse::<u8>().is_ok_and(|h| h < 24)
        && text[3..].parse::<u8>().is_ok_and(|m| m < 60)
}

/// `8:30` or `0830` as typed, to `08:30`; anything else unchanged (the check reports it).
pub fn normalise_time(text: &str) -> String {
    let t = text.trim().replace('：', ":");
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    match (t.split_once(':'), digits.len()) {
        (Some((h, m)), _) if !h.is_empty() && h.len() <= 2 && m.len() == 2 => format!("{h:0>2}:{m}"),
        (None, 4) => format!("{}:{}", &digits[..2], &digits[2..]),
        (None, 1 | 2) => format!("{digits:0>2}:00"),
        _ => t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_checked_and_normalised() {
        assert!(is_time("08:30", false));
        assert!(is_time("24:00", true));
        assert!(!is_time("24:00", false));
        assert!(!is_time("8:30", false));
        assert!(!is_time("12:60", false));
        assert_eq!(normalise_time("8:30"), "08:30");
        assert_eq!(normalise_time("0830"), "08:30");
        assert_eq!(normalise_time("9"), "09:00");
        assert_eq!(normalise_time("17：30"), "17:30");
    }

    #[test]
    fn shares_and_ratings_read_well() {
        assert_eq!(percent(Some(0.874)), "87%");
        assert_eq!(percent(None), "—");
        assert_eq!(rating(Some(4.56)), "4.6");
    }
}
