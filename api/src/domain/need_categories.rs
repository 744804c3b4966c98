//! The service categories of resident needs (seed 003 专栏3) with their default deadlines (限时办结).
//! Districts may override the deadlines (`need_deadlines` table); the defaults live here only.

use shared::Urgency;

/// One category: stable code, names, and default (acceptance, response, completion) hours per urgency.
pub struct Category {
    pub code: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// Hours to accept (受理) after submission: normal, urgent, emergency.
    pub acceptance_hours: [i64; 3],
    /// Hours to respond (claimed by someone who serves it) after acceptance: normal, urgent, emergency.
    pub response_hours: [i64; 3],
    /// Hours to resolve after acceptance: normal, urgent, emergency.
    pub completion_hours: [i64; 3],
}

// A need waiting in 已提交 is looked at within a working day, urgent ones within four hours and
// emergencies within the hour: the response goal of seed 002 (12 h) counts from submission too.
const ACCEPTANCE: [i64; 3] = [24, 4, 1];
// Seed 002 sets the average response goal at 12 h; emergencies are answered within the hour.
const RESPONSE: [i64; 3] = [12, 4, 1];
const COMPLETION: [i64; 3] = [72, 24, 8];

const fn category(code: &'static str, name_zh: &'static str, name_en: &'static str, completion_normal: i64) -> Category {
    Category {
        code,
        name_zh,
        name_en,
        acceptance_hours: ACCEPTANCE,
        response_hours: RESPONSE,
        completion_hours: [completion_normal, COMPLETION[1], COMPLETION[2]],
    }
}

pub const CATEGORIES: &[Category] = &[
    category("elderly_care", "养老服务", "Elderly care", 72),
    category("childcare", "托育服务", "Childcare", 72),
    category("minors", "未成年人关爱", "Care for minors", 72),
    category("disability", "助残服务", "Disability support", 72),
    category("employment", "就业服务", "Employment services", 120),
    category("health", "卫生健康", "Health", 48),
    category("mental_health", "心理服务", "Mental health", 72),
    category("education", "社区教育", "Community education", 120),
    category("culture_sports", "文体服务", "Culture and sports", 120),
    category("legal", "法律服务", "Legal services", 120),
    category("emergency", "应急服务", "Emergency response", 24),
    category("property", "物业服务", "Property management", 48),
    category("housekeeping", "家政服务", "Housekeeping", 72),
    category("convenience", "便民服务", "Convenience services", 48),
    category("social_assistance", "社会救助", "Social assistance", 120),
    category("veterans", "优军服务", "Services for veterans", 120),
    category("safety", "平安建设", "Community safety", 48),
    category("dispute", "矛盾调解", "Dispute mediation", 120),
];

pub fn find(code: &str) -> Option<&'static Category> {
    CATEGORIES.iter().find(|c| c.code == code)
}

pub fn urgency_index(urgency: Urgency) -> usize {
    match urgency {
        Urgency::Normal => 0,
        Urgency::Urgent => 1,
        Urgency::Emergency => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<&str> = CATEGORIES.iter().map(|c| c.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), CATEGORIES.len());
    }

    #[test]
    fn more_urgent_needs_never_get_longer_deadlines() {
        for c in CATEGORIES {
            assert!(c.acceptance_hours.windows(2).all(|w| w[0] >= w[1]), "{}", c.code);
            assert!(c.response_hours.windows(2).all(|w| w[0] >= w[1]), "{}", c.code);
            assert!(c.completion_hours.windows(2).all(|w| w[0] >= w[1]), "{}", c.code);
            for i in 0..3 {
                assert!(c.response_hours[i] <= c.completion_hours[i], "{}", c.code);
            }
        }
    }
}
