//! A score in words, zh and en, part by part: only for the pairs shown, so ranking never formats.

use shared::{ScorePart, ServiceMode};

use super::facts::{NeedFacts, ServiceFacts};
use super::points::Assessment;
use super::{PARTS, WEIGHTS};
use crate::domain::matching::categories::Fit;
use crate::domain::matching::geo::Walking;

/// The parts of an assessment in words, zh and en.
pub fn explain(need: &NeedFacts, s: &ServiceFacts, a: &Assessment, walking: &Walking) -> Vec<ScorePart> {
    let circle = walking.circle_minutes;
    let words: [(String, String); 6] = [
        match a.fit {
            Fit::Exact => ("服务类别与需求一致".into(), "Same category as the need".into()),
            _ => ("相关类别的服务，可兼顾".into(), "A related category that can help".into()),
        },
        if s.groups == 0 {
            ("面向所有居民".into(), "Open to every resident".into())
        } else {
            ("专门服务该需求的对象人群".into(), "Meant for the need's target group".into())
        },
        match (s.mode, a.minutes) {
            (ServiceMode::Online, _) => ("线上服务，不受距离限制".into(), "Online: distance does not matter".into()),
            (_, Some(m)) if m <= circle => (
                format!("步行约 {m:.0} 分钟，在 {circle:.0} 分钟服务圈内"),
                format!("About {m:.0} min on foot, inside the {circle:.0}-minute circle"),
            ),
            (_, Some(m)) => (
                format!("步行约 {m:.0} 分钟，超出 {circle:.0} 分钟服务圈"),
                format!("About {m:.0} min on foot, outside the {circle:.0}-minute circle"),
            ),
            (_, None) => ("位置未知，距离按中等计".into(), "Location unknown: distance counted as average".into()),
        },
        (
            format!("本周剩余名额 {}/{}", a.capacity_left, s.capacity),
            format!("{} of {} places left this week", a.capacity_left, s.capacity),
        ),
        match (&need.preferred, s.schedule.is_empty(), a.points[4] > 0.0) {
            (_, true, _) => ("未公布服务时间，需预约".into(), "No published hours: by appointment".into()),
            (Some(_), false, true) => ("居民期望时间可提供服务".into(), "Open at the resident's preferred time".into()),
            (Some(_), false, false) => ("居民期望时间不在服务时间内".into(), "Closed at the resident's preferred time".into()),
            (None, false, _) => ("居民未指定时间，按服务时间安排".into(), "No preferred time: served in opening hours".into()),
        },
        if s.finished == 0 {
            ("暂无服务记录".into(), "No track record yet".into())
        } else {
            let rate = 100.0 * f64::from(s.on_time) / f64::from(s.finished);
            match s.rated {
                0 => (format!("按时办结率 {rate:.0}%"), format!("{rate:.0}% finished on time")),
                n => {
                    let avg = f64::from(s.rating_sum) / f64::from(n);
                    (format!("按时办结率 {rate:.0}%，平均评分 {avg:.1}"), format!("{rate:.0}% on time, average rating {avg:.1}"))
                }
            }
        },
    ];
    PARTS
        .iter()
        .zip(words)
        .enumerate()
        .map(|(i, (part, (zh, en)))| ScorePart { part: *part, points: a.points[i], max: WEIGHTS[i], reason_zh: zh, reason_en: en })
        .collect()
}
