//! The benchmark's survey: the district of `bench-kpis` (10 streets × 10 communities), a survey of 30
//! questions targeting it (single and multiple choice, scale, number, free text, two of them shown
//! only on an earlier answer), opened, and N paper responses entered through
//! `services::surveys::answer::enter_paper` (the service path that keeps the aggregates), a
//! transaction per 1 000 responses so the load is not a fsync per statement.

use std::time::{Duration, Instant};

use anyhow::Context as _;
use api::services::surveys as service;
use chrono::{DateTime, Utc};
use sea_orm::TransactionTrait;
use shared::{PaperResponse, QuestionCondition, QuestionKind, SurveyAnswer, SurveyAudience, SurveyDraft, SurveyQuestion, SurveyStep};

use crate::kpis::setup::{Fixture, Rng};

pub const QUESTIONS: usize = 30;

fn question(text: String, kind: QuestionKind, options: &[&str]) -> SurveyQuestion {
    SurveyQuestion {
        text,
        kind,
        required: false,
        options: options.iter().map(|o| (*o).to_owned()).collect(),
        min_picks: None,
        max_picks: None,
        min: None,
        max: None,
        max_length: None,
        condition: None,
        satisfied_options: Vec::new(),
    }
}

/// 12 single choice, 6 multiple choice, 6 scale, 3 number, 3 free text; questions 1 and 2 shown
/// only to those who picked option 3 (不满意) of question 0.
pub fn questions() -> Vec<SurveyQuestion> {
    let rating = ["非常满意", "满意", "一般", "不满意"];
    let services = ["助老服务", "托育服务", "文体活动", "便民维修", "法律咨询"];
    (0..QUESTIONS)
        .map(|i| {
            let mut q = match i % 10 {
                0..=3 => question(format!("第{}题：您对这项服务是否满意？", i + 1), QuestionKind::SingleChoice, &rating),
                4 | 5 => question(format!("第{}题：您用过哪些服务？", i + 1), QuestionKind::MultipleChoice, &services),
                6 | 7 => question(format!("第{}题：请为社区环境打分", i + 1), QuestionKind::Scale, &[]),
                8 => question(format!("第{}题：您家每月用几次这项服务？", i + 1), QuestionKind::Number, &[]),
                _ => question(format!("第{}题：还有什么建议？", i + 1), QuestionKind::Text, &[]),
            };
            if q.kind == QuestionKind::Number {
                (q.min, q.max) = (Some(0.0), Some(100.0));
            }
            if i == 1 || i == 2 {
                q.condition = Some(QuestionCondition { question: 0, options: vec![3] });
            }
            q
        })
        .collect()
}

/// One resident's answers: every visible question answered, free text by one in five.
fn answers(questions: &[SurveyQuestion], rng: &mut Rng) -> Vec<SurveyAnswer> {
    let mut out: Vec<SurveyAnswer> = Vec::new();
    let mut first_choice = 0u32;
    for (i, q) in questions.iter().enumerate() {
        if q.condition.is_some() && first_choice != 3 {
            continue;
        }
        let mut a = SurveyAnswer { question: i as u32, choices: None, value: None, text: None };
        match q.kind {
            QuestionKind::SingleChoice => {
                let pick = rng.below(q.options.len()) as u32;
                if i == 0 {
                    first_choice = pick;
                }
                a.choices = Some(vec![pick]);
            }
            QuestionKind::MultipleChoice => {
                let picks: Vec<u32> = (0..q.options.len() as u32).filter(|_| rng.unit() < 0.4).collect();
                a.choices = Some(if picks.is_empty() { vec![0] } else { picks });
            }
            QuestionKind::Scale => a.value = Some(1.0 + rng.below(5) as f64),
            QuestionKind::Number => a.value = Some(rng.below(31) as f64),
            QuestionKind::Text if rng.unit() < 0.2 => a.text = Some("希望增加夜间照明，楼道灯常坏。".into()),
            QuestionKind::Text => continue,
        }
        out.push(a);
    }
    out
}

/// The open survey and how long entering its responses took.
pub struct Loaded {
    pub survey_id: i64,
    took: Duration,
}

impl Loaded {
    pub fn entering(&self) -> Duration {
        self.took
    }
}

/// Creates and opens the survey, then enters `count` paper responses spread over the communities.
pub async fn load(f: &Fixture, count: usize, now: DateTime<Utc>) -> anyhow::Result<Loaded> {
    let draft = SurveyDraft {
        area_id: f.district.id,
        title: "2026年度居民满意度调查".into(),
        description: String::new(),
        audience: SurveyAudience::AllResidents,
        target_groups: vec![],
        anonymous: true,
        opens_at: now - chrono::Duration::days(1),
        closes_at: now + chrono::Duration::days(30),
        questions: questions(),
    };
    let survey = service::create(&f.db, &f.caller, &draft, now, None).await?;
    service::act(&f.db, &f.caller, survey.id, SurveyStep::Open, now, None).await?;
    let communities: Vec<i64> = f.places.iter().filter(|p| api::domain::scope::path_ids(&p.path).len() == 3).map(|p| p.id).collect();
    anyhow::ensure!(!communities.is_empty(), "the district has no communities");
    let questions = questions();
    let mut rng = Rng::new(0x5012_7E75);
    let started = Instant::now();
    let mut entered = 0;
    while entered < count {
        let txn = f.db.begin().await?;
        for _ in 0..1_000.min(count - entered) {
            let body = PaperResponse {
                resident_id: None,
                community_id: Some(communities[rng.below(communities.len())]),
                answers: answers(&questions, &mut rng),
            };
            service::enter_paper(&txn, &f.caller, survey.id, &body, now).await.context("entering a paper response")?;
            entered += 1;
        }
        txn.commit().await?;
    }
    Ok(Loaded { survey_id: survey.id, took: started.elapsed() })
}
