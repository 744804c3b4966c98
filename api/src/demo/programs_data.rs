//! Demo co-building programs drawn from what seed 004 (完整社区建设案例集) says each pilot community did.
//! The data is `programs.json` beside this file, compiled into the binary and read at first use; this
//! module says what its fields mean and checks the figures (unit tests below).
//!
//! Figures (budgets, pledges) are plausible where the case book gives none; where it gives a number
//! (e.g. 加装电梯 N 部, 受益 N 人), the pledges and milestones use it. Each program's `source` names the
//! case-book lines it comes from.
//!
//! Partner names are descriptive ("某电梯安装企业") or government departments of the right city;
//! contacts are fictional and the phone numbers (137000000xx) are obviously fake.

use std::sync::LazyLock;

use serde::Deserialize;
use shared::{EvaluatorType, PartnerKind, ProgramStatus, ResourceKind};

use crate::error::ApiError;

/// The data file, as named in errors.
pub const PATH: &str = "api/src/demo/programs.json";

static PROGRAMS: LazyLock<Result<Vec<DemoProgram>, String>> = LazyLock::new(|| parse(include_str!("programs.json")));

/// The demo programs, parsed once; an error naming the file, line and column if it does not parse.
pub fn programs() -> Result<&'static [DemoProgram], ApiError> {
    PROGRAMS.as_deref().map_err(|e| ApiError::Unexpected(anyhow::anyhow!("{e}")))
}

/// Reads the programs from the text of [`PATH`].
fn parse(text: &str) -> Result<Vec<DemoProgram>, String> {
    serde_json::from_str(text).map_err(|e| format!("demo data {PATH} does not parse: {e}"))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoProgram {
    /// Exact community name from communities.rs.
    pub community: String,
    pub title: String,
    /// Where in seed 004 the program comes from, and which of its figures are made up.
    pub source: String,
    pub description: String,
    /// 牵头单位 (e.g. "缤纷社区党委", "长河街道办事处" — use the real street/community names).
    pub lead_org: String,
    /// Catalogue item codes from 2025.json, 1–3 each.
    pub items: Vec<String>,
    /// Offsets in days from "today" (negative = past) for start and end.
    pub start_offset_days: i64,
    pub end_offset_days: i64,
    pub budget_yuan: i64,
    /// Target status, reached through the real lifecycle — spread them over all six.
    pub status: ProgramStatus,
    pub partners: Vec<DemoPartner>,
    pub milestones: Vec<DemoMilestone>,
    /// Money spent so far; only for programs approved or later (absent = none).
    #[serde(default)]
    pub spends: Vec<DemoSpend>,
    /// For evaluated programs only.
    pub evaluation: Option<DemoEvaluation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoPartner {
    pub name: String,
    pub kind: PartnerKind,
    pub role: String,
    /// Fictional contact (e.g. "陈经理", "13700000001") — personal data, so obviously fake numbers.
    pub contact_name: String,
    pub contact_phone: String,
    pub pledges: Vec<DemoPledge>,
}

/// A pledge; the fields that do not belong to its kind are left out of the file (zero here).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoPledge {
    pub kind: ResourceKind,
    pub description: String,
    /// funds/technology: yuan; materials: value in yuan (may be 0 if unknown)
    #[serde(default)]
    pub amount_yuan: i64,
    /// talent only
    #[serde(default)]
    pub people: i64,
    #[serde(default)]
    pub person_days: f64,
    /// materials only
    #[serde(default)]
    pub quantity: f64,
    #[serde(default)]
    pub unit: String,
    /// Share of the pledge delivered so far, 0.0–1.0 (only used for programs approved or later).
    pub delivered_share: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoMilestone {
    pub title: String,
    /// Due date as days from "today": some in the past, some in the future.
    pub due_offset_days: i64,
    /// Share of the program's progress, in percent; a program's weights sum to 100.
    pub weight: i32,
    /// Marked done once the program is approved.
    pub done: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoSpend {
    pub purpose: String,
    pub amount_yuan: i64,
    /// Days from "today", in the past (a negative number).
    pub spent_offset_days: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoEvaluation {
    /// 0–100.
    pub score: i32,
    pub evaluator_type: EvaluatorType,
    pub comments: String,
}

#[cfg(test)]
mod tests {
    use super::super::communities::COMMUNITIES;
    use super::*;
    use std::collections::BTreeSet;

    fn all() -> &'static [DemoProgram] {
        match programs() {
            Ok(all) => all,
            Err(e) => panic!("{e}"),
        }
    }

    fn pledges() -> impl Iterator<Item = &'static DemoPledge> {
        all().iter().flat_map(|p| p.partners.iter()).flat_map(|x| x.pledges.iter())
    }

    /// Programs at or past approval: they have spending, deliveries and (maybe) overdue milestones.
    fn approved_or_later(p: &DemoProgram) -> bool {
        !matches!(p.status, ProgramStatus::Draft | ProgramStatus::Submitted)
    }

    /// The item codes (the third level) of the 2025 catalogue.
    fn catalogue_item_codes() -> BTreeSet<String> {
        let catalogue: serde_json::Value =
            serde_json::from_str(include_str!("../../data/catalogue/2025.json")).expect("the catalogue is JSON");
        let mut codes = BTreeSet::new();
        let directions = catalogue["directions"].as_array().expect("directions is a list");
        for direction in directions {
            let sections = direction["sections"].as_array().expect("sections is a list");
            for section in sections {
                let items = section["items"].as_array().expect("items is a list");
                for item in items {
                    codes.insert(item["code"].as_str().expect("code is text").to_string());
                }
            }
        }
        codes
    }

    #[test]
    fn the_data_file_parses_into_fifteen_programs() {
        assert_eq!(all().len(), 15);
    }

    #[test]
    fn a_data_file_that_does_not_parse_is_named_with_the_line() {
        let err = parse("[\n  {\"community\": \"缤纷社区\", \"titel\": \"x\"}\n]").expect_err("an unknown field");
        assert!(err.contains(PATH), "{err}");
        assert!(err.contains("titel") && err.contains("line 2"), "{err}");
    }

    #[test]
    fn every_community_name_exists_in_the_demo_communities() {
        for p in all() {
            assert!(COMMUNITIES.iter().any(|c| c.name == p.community), "{}: unknown community {}", p.title, p.community);
        }
    }

    #[test]
    fn every_community_has_one_or_two_programs() {
        for c in COMMUNITIES.iter() {
            let n = all().iter().filter(|p| p.community == c.name).count();
            assert!((1..=2).contains(&n), "{} has {n} programs", c.name);
        }
    }

    #[test]
    fn every_item_code_is_a_catalogue_item() {
        let codes = catalogue_item_codes();
        assert!(codes.contains("2.3.1"), "the catalogue parsed");
        for p in all() {
            assert!((1..=3).contains(&p.items.len()), "{}", p.title);
            for item in &p.items {
                assert!(codes.contains(item), "{}: no catalogue item {item}", p.title);
            }
            let distinct: BTreeSet<_> = p.items.iter().collect();
            assert_eq!(distinct.len(), p.items.len(), "{}: repeated item", p.title);
        }
    }

    #[test]
    fn titles_are_unique_and_texts_are_not_blank() {
        let titles: BTreeSet<_> = all().iter().map(|p| &p.title).collect();
        assert_eq!(titles.len(), all().len());
        for p in all() {
            assert!(!p.title.trim().is_empty());
            assert!(!p.source.trim().is_empty(), "{}", p.title);
            assert!(!p.description.trim().is_empty(), "{}", p.title);
            assert!(!p.lead_org.trim().is_empty(), "{}", p.title);
        }
    }

    #[test]
    fn dates_and_budgets_are_sensible() {
        for p in all() {
            assert!(p.start_offset_days < p.end_offset_days, "{}", p.title);
            assert!(p.budget_yuan > 0, "{}", p.title);
        }
    }

    #[test]
    fn milestone_weights_sum_to_one_hundred() {
        for p in all() {
            assert!((2..=5).contains(&p.milestones.len()), "{}", p.title);
            let total: i32 = p.milestones.iter().map(|m| m.weight).sum();
            assert_eq!(total, 100, "{}", p.title);
            assert!(p.milestones.iter().all(|m| m.weight > 0), "{}", p.title);
        }
    }

    #[test]
    fn milestones_are_done_only_once_work_has_begun_and_all_done_when_finished() {
        for p in all() {
            let any_done = p.milestones.iter().any(|m| m.done);
            let all_done = p.milestones.iter().all(|m| m.done);
            match p.status {
                ProgramStatus::Draft | ProgramStatus::Submitted | ProgramStatus::Approved => assert!(!any_done, "{}", p.title),
                ProgramStatus::Completed | ProgramStatus::Evaluated => assert!(all_done, "{}", p.title),
                _ => assert!(any_done && !all_done, "{}", p.title),
            }
            // Nothing is done in the future.
            for m in p.milestones.iter().filter(|m| m.done) {
                assert!(m.due_offset_days <= 0, "{}: {} done ahead of time", p.title, m.title);
            }
        }
    }

    #[test]
    fn some_milestones_are_overdue_and_some_are_still_ahead() {
        let milestones = || all().iter().flat_map(|p| p.milestones.iter());
        let overdue = milestones().filter(|m| !m.done && m.due_offset_days < 0).count();
        let ahead = milestones().filter(|m| m.due_offset_days > 0).count();
        assert!(overdue >= 3, "{overdue} overdue milestones");
        assert!(ahead >= 3, "{ahead} future milestones");
    }

    #[test]
    fn statuses_are_spread() {
        let count = |wanted: &[ProgramStatus]| all().iter().filter(|p| wanted.contains(&p.status)).count();
        assert!(count(&[ProgramStatus::Draft, ProgramStatus::Submitted]) >= 2);
        assert!(count(&[ProgramStatus::InProgress]) >= 3);
        assert!(count(&[ProgramStatus::Completed]) >= 2);
        assert!(count(&[ProgramStatus::Evaluated]) >= 2);
    }

    #[test]
    fn every_evaluated_program_has_an_evaluation_and_no_other_does() {
        for p in all() {
            match &p.evaluation {
                Some(evaluation) => {
                    assert_eq!(p.status, ProgramStatus::Evaluated, "{}", p.title);
                    assert!((0..=100).contains(&evaluation.score), "{}", p.title);
                    assert!(!evaluation.comments.trim().is_empty(), "{}", p.title);
                }
                None => assert_ne!(p.status, ProgramStatus::Evaluated, "{}", p.title),
            }
        }
    }

    #[test]
    fn partners_are_distinct_and_described() {
        for p in all() {
            assert!((2..=4).contains(&p.partners.len()), "{}", p.title);
            let names: BTreeSet<_> = p.partners.iter().map(|x| &x.name).collect();
            assert_eq!(names.len(), p.partners.len(), "{}: repeated partner", p.title);
            for partner in &p.partners {
                assert!(!partner.role.trim().is_empty(), "{}", partner.name);
                assert!(!partner.contact_name.is_empty(), "{}", partner.name);
                assert!((1..=2).contains(&partner.pledges.len()), "{}", partner.name);
                for pledge in &partner.pledges {
                    assert!(!pledge.description.trim().is_empty(), "{}", partner.name);
                }
            }
        }
    }

    #[test]
    fn contact_phones_are_obviously_fake() {
        for partner in all().iter().flat_map(|p| p.partners.iter()) {
            let phone = &partner.contact_phone;
            assert_eq!(phone.len(), 11, "{phone}");
            assert!(phone.starts_with("1370000"), "{phone}");
            assert!(phone.bytes().all(|b| b.is_ascii_digit()), "{phone}");
        }
    }

    #[test]
    fn pledge_quantities_fit_their_kind() {
        for pledge in pledges() {
            let d = &pledge.description;
            match pledge.kind {
                ResourceKind::Funds | ResourceKind::Technology => {
                    assert!(pledge.amount_yuan > 0, "{d}");
                    assert!(pledge.people == 0 && pledge.person_days == 0.0, "{d}");
                    assert!(pledge.quantity == 0.0 && pledge.unit.is_empty(), "{d}");
                }
                ResourceKind::Talent => {
                    assert!(pledge.people > 0 && pledge.person_days > 0.0, "{d}");
                    assert!(pledge.amount_yuan == 0 && pledge.quantity == 0.0, "{d}");
                    assert!(pledge.unit.is_empty(), "{d}");
                }
                ResourceKind::Materials => {
                    assert!(pledge.quantity > 0.0 && !pledge.unit.is_empty(), "{d}");
                    assert!(pledge.amount_yuan >= 0, "{d}");
                    assert!(pledge.people == 0 && pledge.person_days == 0.0, "{d}");
                }
            }
            assert!((0.0..=1.0).contains(&pledge.delivered_share), "{d}");
        }
    }

    #[test]
    fn all_four_resource_kinds_appear() {
        let kinds: BTreeSet<_> = pledges().map(|pledge| pledge.kind).collect();
        for kind in [ResourceKind::Funds, ResourceKind::Talent, ResourceKind::Materials, ResourceKind::Technology] {
            assert!(kinds.contains(&kind), "no {kind:?} pledge");
        }
    }

    #[test]
    fn nothing_is_delivered_or_spent_before_approval() {
        for p in all().iter().filter(|p| !approved_or_later(p)) {
            assert!(p.spends.is_empty(), "{}", p.title);
            for pledge in p.partners.iter().flat_map(|x| x.pledges.iter()) {
                assert_eq!(pledge.delivered_share, 0.0, "{}", p.title);
            }
        }
    }

    #[test]
    fn spending_is_in_the_past_within_the_program_and_below_budget() {
        for p in all() {
            assert!(p.spends.len() <= 3, "{}", p.title);
            let total: i64 = p.spends.iter().map(|s| s.amount_yuan).sum();
            assert!(total < p.budget_yuan, "{}: spent {total}", p.title);
            for spend in &p.spends {
                let purpose = &spend.purpose;
                assert!(spend.amount_yuan > 0, "{}: {purpose}", p.title);
                assert!(spend.spent_offset_days < 0, "{}: {purpose} is not in the past", p.title);
                assert!(spend.spent_offset_days >= p.start_offset_days, "{}: {purpose} before the start", p.title);
                assert!(!purpose.trim().is_empty(), "{}", p.title);
            }
        }
    }
}
