//! The indicator catalogue: the 13 indicators of seed 003 专栏1 (2023 baseline, 2024 and 2025 targets,
//! 约束性/预期性), the numeric goals of seed 002 (sections 3 and 8), and the operational indicators the
//! platform computes from its own data. One table; everything else reads it.

use shared::{Comparator, Indicator, KpiAttribute, KpiDirection, KpiRollup, KpiSource, YearTarget};

/// How a computed indicator is worked out (see `services::kpis::computed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Computation {
    /// Hours from submission to the first claim, averaged (need counters).
    AverageResponse,
    /// The 90th percentile of the same (need counters' histogram).
    P90Response,
    /// Needs resolved by their completion deadline, of those resolved (need counters).
    OnTimeCompletion,
    /// Ratings of 4 or 5, of the needs rated (need counters).
    Satisfaction,
    /// Answers picking a satisfied option, of the answers to surveys' satisfaction questions
    /// (kept survey aggregates).
    SurveySatisfaction,
    /// Needs submitted per 1 000 residents (need counters ÷ community profiles).
    NeedsPer1000,
    /// Hours volunteers recorded when resolving needs (need counters).
    VolunteerHours,
    /// Communities with a party member who reported (党员报到), of all communities (resources).
    PartyReportCoverage,
    /// Service spaces open at least 8 h on every opening day (seed 003), of all spaces (resources).
    SpaceHoursCompliance,
    /// Grid centres within the 15-minute circle of an on-site or at-home service (resources).
    CircleCoverage,
    /// Service-facility m² per 100 households (community profiles).
    FacilityAreaPer100Households,
    /// Social organisations per community (resources).
    SocialOrganisationsPerCommunity,
    /// Delivered value of the pledges made to co-building programs, of the value pledged (programs).
    PledgeFulfilment,
    /// Communities with a topic filed (立案) in the period, of all communities (consultation).
    ConsultationCoverage,
    /// Residents who co-signed a topic, were named on a meeting's sign-in sheet, rated an outcome or
    /// answered a survey in the period, of resident accounts (consultation and surveys).
    DecisionParticipation,
    /// Volunteer accounts per 100 residents of the population, weighted by population like the
    /// figures reported before (activities and volunteers).
    VolunteerRegistration,
    /// Hours credited for service (activities and needs) per resident (ledger ÷ community profiles).
    VolunteerHoursPerCapita,
    /// People credited for service in the 90 days up to the period's end (ledger).
    ActiveVolunteers,
}

struct Row {
    code: &'static str,
    zh: &'static str,
    en: &'static str,
    unit: &'static str,
    direction: KpiDirection,
    attribute: KpiAttribute,
    rollup: KpiRollup,
    computed: Option<Computation>,
    scale: f64,
    parts: Option<(&'static str, &'static str)>,
    accumulates: bool,
    baseline: Option<(i32, f64)>,
    targets: &'static [(i32, Comparator, f64)],
    reference: &'static str,
}

use Comparator::{AtLeast as Ge, AtMost as Le, Equal as Eq};
use KpiAttribute::{Binding, Expected};
use KpiDirection::{Higher, Lower, Neutral};

// The source documents by their own titles: a reader is shown these, never a file name.
const S3: &str = "《徐州市城乡社区服务体系三年行动实施方案》专栏1";
const S2: &str = "《社区建设专项工作方案》第三、八部分";
const OPS: &str = "平台运行数据";

/// A reported rate over communities: the numerator is how many have it.
const COMMUNITIES: Option<(&str, &str)> = Some(("已覆盖的社区数", "社区总数"));

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // seed 003 专栏1, in its order
    Row { code: "commercial_facility_share", zh: "社区商业和综合服务设施面积占社区总建筑面积的比例", en: "Commercial and service facility area as a share of community floor area", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: None, scale: 100.0, parts: Some(("商业和综合服务设施面积 (m²)", "社区总建筑面积 (m²)")), accumulates: false, baseline: Some((2023, 8.5)), targets: &[(2024, Ge, 9.5), (2025, Ge, 10.0)], reference: S3 },
    Row { code: "facility_area_per_100_households", zh: "每百户居民拥有社区综合服务设施面积", en: "Community service-facility area per 100 households", unit: "m²/百户", direction: Higher, attribute: Binding, rollup: KpiRollup::Ratio, computed: Some(Computation::FacilityAreaPer100Households), scale: 100.0, parts: Some(("综合服务设施面积 (m²)", "户数")), accumulates: false, baseline: Some((2023, 29.55)), targets: &[(2024, Ge, 30.0), (2025, Ge, 30.0)], reference: S3 },
    Row { code: "activity_space_share", zh: "居民服务和活动空间面积占社区综合服务设施总建筑面积比例", en: "Resident service and activity space as a share of service-facility floor area", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: None, scale: 100.0, parts: Some(("服务和活动空间面积 (m²)", "综合服务设施总建筑面积 (m²)")), accumulates: false, baseline: Some((2023, 63.0)), targets: &[(2024, Ge, 65.0), (2025, Ge, 70.0)], reference: S3 },
    Row { code: "self_service_coverage", zh: "城市社区政务通用自助服务覆盖率", en: "Urban communities with government self-service terminals", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: None, scale: 100.0, parts: COMMUNITIES, accumulates: false, baseline: Some((2023, 90.0)), targets: &[(2024, Ge, 95.0), (2025, Ge, 100.0)], reference: S3 },
    Row { code: "consultation_platform_coverage", zh: "城乡社区民主协商机构(平台)覆盖率", en: "Communities with a democratic consultation body or platform", unit: "%", direction: Higher, attribute: Binding, rollup: KpiRollup::Ratio, computed: Some(Computation::ConsultationCoverage), scale: 100.0, parts: Some(("有立案议题的社区数", "社区总数")), accumulates: false, baseline: Some((2023, 89.5)), targets: &[(2024, Ge, 95.0), (2025, Ge, 100.0)], reference: S3 },
    Row { code: "certified_social_workers", zh: "取得社会工作职业资格证书的城乡社区工作者人数", en: "Community workers holding a social-work certificate", unit: "人", direction: Higher, attribute: Expected, rollup: KpiRollup::Sum, computed: None, scale: 1.0, parts: None, accumulates: false, baseline: Some((2023, 2298.0)), targets: &[(2024, Ge, 2650.0), (2025, Ge, 3000.0)], reference: S3 },
    Row { code: "community_workers_per_10k", zh: "每万名城镇常住人口拥有社区工作者", en: "Community workers per 10 000 urban residents", unit: "人/万人", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: None, scale: 10_000.0, parts: Some(("社区工作者人数", "城镇常住人口")), accumulates: false, baseline: Some((2023, 16.8)), targets: &[(2024, Ge, 18.0), (2025, Ge, 18.0)], reference: S3 },
    Row { code: "all_round_service_coverage", zh: "实行全科服务模式的城乡社区覆盖率", en: "Communities running all-round service", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: None, scale: 100.0, parts: COMMUNITIES, accumulates: false, baseline: Some((2023, 90.0)), targets: &[(2024, Ge, 95.0), (2025, Ge, 98.0)], reference: S3 },
    Row { code: "home_service_elderly_share", zh: "接受上门服务的居家老年人数占比", en: "Elderly people at home receiving at-home services", unit: "%", direction: Higher, attribute: Binding, rollup: KpiRollup::Ratio, computed: None, scale: 100.0, parts: Some(("接受上门服务的居家老年人数", "居家老年人数")), accumulates: false, baseline: Some((2023, 11.39)), targets: &[(2024, Ge, 16.0), (2025, Ge, 20.0)], reference: S3 },
    Row { code: "hardship_visit_mechanism", zh: "村(社区)困难群众走访发现机制建成率", en: "Communities with a mechanism to visit and find people in hardship", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: None, scale: 100.0, parts: COMMUNITIES, accumulates: false, baseline: Some((2023, 100.0)), targets: &[(2024, Eq, 100.0), (2025, Eq, 100.0)], reference: S3 },
    Row { code: "mental_rehab_county_coverage", zh: "开展精神障碍城乡社区康复服务的县(市、区)覆盖率", en: "Counties and districts running community mental-health rehabilitation", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: None, scale: 100.0, parts: Some(("已开展的县(市、区)数", "县(市、区)总数")), accumulates: false, baseline: Some((2023, 100.0)), targets: &[(2024, Eq, 100.0), (2025, Eq, 100.0)], reference: S3 },
    Row { code: "party_member_report_coverage", zh: "党员报到覆盖率", en: "Party-member reporting coverage", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: Some(Computation::PartyReportCoverage), scale: 100.0, parts: Some(("有党员报到的社区数", "社区总数")), accumulates: false, baseline: Some((2023, 100.0)), targets: &[(2024, Eq, 100.0), (2025, Eq, 100.0)], reference: S3 },
    Row { code: "five_social_linkage_coverage", zh: "五社联动覆盖率", en: "Five-party linkage coverage", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: None, scale: 100.0, parts: COMMUNITIES, accumulates: false, baseline: Some((2023, 75.0)), targets: &[(2024, Ge, 90.0), (2025, Eq, 100.0)], reference: S3 },
    // seed 002 goals
    // 居民满意度 is judged, as seed 002 says (每年开展第三方评估, 问卷调查), on the annual survey; the
    // ratings of needs handled stand beside it, without the target.
    Row { code: "survey_satisfaction_rate", zh: "居民满意度（问卷调查）", en: "Resident satisfaction (survey)", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: Some(Computation::SurveySatisfaction), scale: 100.0, parts: Some(("选择满意的答卷数", "回答满意度题的答卷数")), accumulates: false, baseline: Some((2023, 80.0)), targets: &[(2025, Ge, 90.0)], reference: S2 },
    Row { code: "satisfaction_rate", zh: "需求办理满意度（居民评价）", en: "Satisfaction with needs handled (ratings)", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: Some(Computation::Satisfaction), scale: 100.0, parts: Some(("评价 4–5 星的需求数", "已评价的需求数")), accumulates: false, baseline: None, targets: &[], reference: S2 },
    Row { code: "average_response_hours", zh: "平均响应时间（自提交起）", en: "Average response time (from submission)", unit: "小时", direction: Lower, attribute: Expected, rollup: KpiRollup::Ratio, computed: Some(Computation::AverageResponse), scale: 1.0 / 3600.0, parts: Some(("自提交至首次响应用时合计 (秒)", "已响应的需求数")), accumulates: false, baseline: Some((2023, 48.0)), targets: &[(2025, Le, 12.0)], reference: S2 },
    Row { code: "facility_coverage", zh: "社区综合服务设施覆盖率", en: "Communities with a comprehensive service facility", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: None, scale: 100.0, parts: COMMUNITIES, accumulates: false, baseline: Some((2022, 91.3)), targets: &[(2024, Ge, 85.0), (2025, Ge, 95.0)], reference: S2 },
    Row { code: "childcare_places_per_1000", zh: "每千人拥有托位数", en: "Childcare places per 1 000 residents", unit: "个/千人", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: None, scale: 1000.0, parts: Some(("托位数", "常住人口")), accumulates: false, baseline: Some((2022, 2.3)), targets: &[(2025, Ge, 4.5)], reference: S2 },
    Row { code: "social_organisations_per_community", zh: "每个社区的社区社会组织数", en: "Social organisations per community", unit: "个/社区", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: Some(Computation::SocialOrganisationsPerCommunity), scale: 1.0, parts: Some(("社区社会组织数", "社区数")), accumulates: false, baseline: Some((2022, 3.5)), targets: &[(2025, Ge, 5.0)], reference: S2 },
    Row { code: "volunteer_registration_rate", zh: "社区志愿者注册率", en: "Registered community volunteers", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::WeightedPopulation, computed: Some(Computation::VolunteerRegistration), scale: 1.0, parts: None, accumulates: false, baseline: Some((2022, 20.0)), targets: &[(2025, Ge, 50.0)], reference: S2 },
    Row { code: "decision_participation_rate", zh: "居民决策性参与比例", en: "Residents taking part in community decisions", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: Some(Computation::DecisionParticipation), scale: 100.0, parts: Some(("参与决策的居民数", "居民账户数")), accumulates: false, baseline: Some((2022, 20.0)), targets: &[(2025, Ge, 40.0)], reference: S2 },
    Row { code: "dispute_resolution_rate", zh: "矛盾纠纷化解率", en: "Disputes resolved", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: None, scale: 100.0, parts: Some(("化解的矛盾纠纷数", "受理的矛盾纠纷数")), accumulates: false, baseline: Some((2022, 85.0)), targets: &[(2025, Ge, 95.0)], reference: S2 },
    Row { code: "circle_coverage_15min", zh: "一刻钟服务圈覆盖率", en: "15-minute service circle coverage", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: Some(Computation::CircleCoverage), scale: 100.0, parts: Some(("服务圈内的网格数", "网格总数")), accumulates: false, baseline: None, targets: &[(2025, Eq, 100.0)], reference: S2 },
    Row { code: "space_hours_compliance", zh: "服务空间开放时长达标率 (每天不少于8小时)", en: "Service spaces open at least 8 hours a day", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: Some(Computation::SpaceHoursCompliance), scale: 100.0, parts: Some(("达标的服务空间数", "服务空间总数")), accumulates: false, baseline: None, targets: &[(2024, Eq, 100.0)], reference: "《徐州市城乡社区服务体系三年行动实施方案》第七部分" },
    // operational, computed from the platform's own data
    Row { code: "p90_response_hours", zh: "响应时间 P90（自提交起）", en: "Response time from submission, 90th percentile", unit: "小时", direction: Lower, attribute: Expected, rollup: KpiRollup::Distribution, computed: Some(Computation::P90Response), scale: 0.9, parts: None, accumulates: false, baseline: None, targets: &[], reference: OPS },
    Row { code: "on_time_completion_rate", zh: "限时办结率", en: "Needs completed on time", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: Some(Computation::OnTimeCompletion), scale: 100.0, parts: Some(("按时办结的需求数", "办结的需求数")), accumulates: false, baseline: None, targets: &[], reference: OPS },
    Row { code: "needs_per_1000_residents", zh: "每千名居民需求数", en: "Needs per 1 000 residents", unit: "件/千人", direction: Neutral, attribute: Expected, rollup: KpiRollup::Ratio, computed: Some(Computation::NeedsPer1000), scale: 1000.0, parts: Some(("提交的需求数", "常住人口")), accumulates: true, baseline: None, targets: &[], reference: OPS },
    Row { code: "volunteer_hours", zh: "志愿服务时长", en: "Volunteer hours", unit: "小时", direction: Higher, attribute: Expected, rollup: KpiRollup::Sum, computed: Some(Computation::VolunteerHours), scale: 1.0, parts: None, accumulates: true, baseline: None, targets: &[], reference: OPS },
    Row { code: "volunteer_hours_per_capita", zh: "人均志愿服务时长", en: "Volunteer hours per resident", unit: "小时/人", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: Some(Computation::VolunteerHoursPerCapita), scale: 1.0, parts: Some(("志愿服务时长 (小时)", "常住人口")), accumulates: true, baseline: None, targets: &[], reference: OPS },
    Row { code: "active_volunteers", zh: "活跃志愿者数（近90天有服务）", en: "Active volunteers (served in the last 90 days)", unit: "人", direction: Higher, attribute: Expected, rollup: KpiRollup::Sum, computed: Some(Computation::ActiveVolunteers), scale: 1.0, parts: None, accumulates: false, baseline: None, targets: &[], reference: OPS },
    Row { code: "pledge_fulfilment", zh: "共建承诺兑现率", en: "Co-building pledges fulfilled (by value)", unit: "%", direction: Higher, attribute: Expected, rollup: KpiRollup::Ratio, computed: Some(Computation::PledgeFulfilment), scale: 100.0, parts: Some(("已兑现金额 (元)", "承诺金额 (元)")), accumulates: false, baseline: None, targets: &[], reference: OPS },
];

/// One indicator with how it is computed, if it is.
#[derive(Debug, Clone)]
pub struct Definition {
    pub indicator: Indicator,
    pub computed: Option<Computation>,
}

fn to_definition(row: &Row) -> Definition {
    Definition {
        indicator: Indicator {
            code: row.code.into(),
            name_zh: row.zh.into(),
            name_en: row.en.into(),
            unit: row.unit.into(),
            direction: row.direction,
            attribute: row.attribute,
            rollup: row.rollup,
            source: if row.computed.is_some() { KpiSource::Computed } else { KpiSource::Reported },
            scale: row.scale,
            numerator_zh: row.parts.map(|p| p.0.into()),
            denominator_zh: row.parts.map(|p| p.1.into()),
            accumulates: row.accumulates,
            baseline: row.baseline.map(|b| b.1),
            baseline_year: row.baseline.map(|b| b.0),
            targets: row.targets.iter().map(|&(year, comparator, value)| YearTarget { year, comparator, value }).collect(),
            reference: row.reference.into(),
        },
        computed: row.computed,
    }
}

/// The catalogue, built once.
pub fn all() -> &'static [Definition] {
    static ALL: std::sync::OnceLock<Vec<Definition>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| ROWS.iter().map(to_definition).collect())
}

pub fn find(code: &str) -> Option<&'static Definition> {
    all().iter().find(|d| d.indicator.code == code)
}

/// The catalogue's target for a year: that year's, or the latest one before it (targets stand until
/// changed); none before the first.
pub fn catalogue_target(indicator: &Indicator, year: i32) -> Option<shared::TargetValue> {
    indicator
        .targets
        .iter()
        .filter(|t| t.year <= year)
        .max_by_key(|t| t.year)
        .map(|t| shared::TargetValue { comparator: t.comparator, value: t.value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_003_table_is_complete() {
        let s3: Vec<_> = all().iter().filter(|d| d.indicator.reference == S3).collect();
        assert_eq!(s3.len(), 13);
        let binding: Vec<_> = s3.iter().filter(|d| d.indicator.attribute == Binding).map(|d| d.indicator.code.as_str()).collect();
        assert_eq!(binding, ["facility_area_per_100_households", "consultation_platform_coverage", "home_service_elderly_share"]);
        for d in s3 {
            assert_eq!(d.indicator.baseline_year, Some(2023), "{}", d.indicator.code);
            assert_eq!(d.indicator.targets.iter().map(|t| t.year).collect::<Vec<_>>(), [2024, 2025], "{}", d.indicator.code);
        }
    }

    #[test]
    fn codes_are_unique_and_ratios_name_their_parts() {
        let mut codes: Vec<_> = all().iter().map(|d| d.indicator.code.clone()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), all().len());
        for d in all() {
            let i = &d.indicator;
            assert_eq!(i.rollup == KpiRollup::Ratio, i.numerator_zh.is_some(), "{}", i.code);
            assert!(i.direction != Neutral || i.targets.is_empty(), "{}: an informational indicator has no target", i.code);
        }
    }

    #[test]
    fn targets_stand_until_changed() {
        let i = &find("facility_area_per_100_households").expect("in the catalogue").indicator;
        assert_eq!(catalogue_target(i, 2023), None);
        assert_eq!(catalogue_target(i, 2024).expect("a target").value, 30.0);
        assert_eq!(catalogue_target(i, 2026).expect("a target").value, 30.0);
        let s = &find("survey_satisfaction_rate").expect("in the catalogue").indicator;
        assert_eq!(catalogue_target(s, 2026).expect("a target").comparator, Ge);
        // The ratings of needs stand beside the survey without a target of their own.
        assert_eq!(catalogue_target(&find("satisfaction_rate").expect("in the catalogue").indicator, 2026), None);
    }
}
