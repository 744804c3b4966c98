//! Excel exports of a survey: every answer (one row per answer, options as their labels, no names),
//! and the results (counts, shares and means, for the whole target, per community and per target
//! group); headers and words in the reader's language, counts and shares as numbers.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use shared::{Id, Labelled, Lang, MIN_GROUP, QuestionResult, SurveyAnswer, SurveyQuestion, TargetGroup};

use super::questions_of;
use super::results::{for_results, results_of, tallies};
use crate::domain::caller::Caller;
use crate::entities::stored::stored_with;
use crate::entities::{area, survey_response};
use crate::error::ApiError;
use crate::services::spreadsheet::{Cell, Table, Words, xlsx};

/// A target group's label; `None`: in no group.
fn group_label(group: Option<TargetGroup>, lang: Lang) -> &'static str {
    group.map_or(lang.pick(("未登记群体", "Not in a registered group")), |g| g.label(lang))
}

/// `全部（12 份）` / `All (12 responses)`.
fn scope_text(name: &str, responses: impl std::fmt::Display, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{name}（{responses} 份）"),
        Lang::En => format!("{name} ({responses} responses)"),
    }
}

/// An answer as a reader sees it: option labels, the value, or the text.
fn answer_label(q: &SurveyQuestion, a: &SurveyAnswer, lang: Lang) -> Cell {
    if let Some(choices) = &a.choices {
        return choices.iter().filter_map(|o| q.options.get(*o as usize)).cloned().collect::<Vec<_>>().join(lang.pick(("；", "; "))).into();
    }
    if let Some(v) = a.value {
        return Cell::decimal(Some(v), if v.fract() == 0.0 { 0 } else { 2 });
    }
    a.text.clone().into()
}

/// Every answer of the survey as a workbook.
pub async fn export_responses<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id, lang: Lang) -> Result<Vec<u8>, ApiError> {
    let s = for_results(db, caller, id).await?;
    let questions = questions_of(&s)?;
    let responses = survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(s.id))
        .order_by_asc(survey_response::Column::Id)
        .all(db)
        .await?;
    let names: HashMap<Id, String> = area::Entity::find()
        .filter(area::Column::Id.is_in(responses.iter().map(|r| r.community_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    let mut rows = Vec::new();
    for r in &responses {
        let answers: Vec<SurveyAnswer> =
            stored_with(&r.answers, "survey_responses", r.id, "SurveyAnswers", |v| serde_json::from_str(v).ok())?;
        for a in &answers {
            let Some(q) = questions.get(a.question as usize) else { continue };
            rows.push(vec![
                r.id.into(),
                names.get(&r.community_id).cloned().into(),
                lang.pick(if r.paper { ("纸质问卷", "Paper") } else { ("线上填写", "Online") }).into(),
                Cell::DateTime(r.created_at),
                (a.question + 1).into(),
                q.text.clone().into(),
                q.kind.label(lang).into(),
                answer_label(q, a, lang),
            ]);
        }
    }
    let header = [
        ("答卷编号", "Response ID"),
        ("社区", "Community"),
        ("填写方式", "How answered"),
        ("提交时间", "Submitted at"),
        ("题号", "Question no."),
        ("题目", "Question"),
        ("题型", "Question kind"),
        ("答案", "Answer"),
    ];
    let mut table = Table::new(lang, ("答卷明细", "Responses"), &header);
    table.rows = rows;
    xlsx(&[table])
}

const RESULT_HEADER: [Words; 9] = [
    ("范围", "Scope"),
    ("题号", "Question no."),
    ("题目", "Question"),
    ("题型", "Question kind"),
    ("作答人数", "Answered"),
    ("选项", "Option"),
    ("人数", "Count"),
    ("占比", "Share"),
    ("平均值", "Mean"),
];

fn result_rows(scope: &str, questions: &[QuestionResult], lang: Lang, rows: &mut Vec<Vec<Cell>>) {
    for q in questions {
        let base = |option: Cell, count: Cell, share: Cell, mean: Cell| {
            vec![
                scope.into(),
                (q.question + 1).into(),
                q.text.clone().into(),
                q.kind.label(lang).into(),
                q.answered.into(),
                option,
                count,
                share,
                mean,
            ]
        };
        if q.options.is_empty() {
            rows.push(base(Cell::Empty, Cell::Empty, Cell::Empty, Cell::decimal(q.mean, 2)));
        }
        for o in &q.options {
            rows.push(base(
                o.label.clone().into(),
                o.count.into(),
                o.share_pct.map_or(Cell::Empty, |p| Cell::Percent(p / 100.0)),
                Cell::Empty,
            ));
        }
    }
}

/// The results as a workbook: one sheet for the whole target, rows per community (those with
/// enough responses to be shown on their own) in a second, and per target group in a third (a group
/// with too few responses shows only its count).
pub async fn export_results<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id, lang: Lang) -> Result<Vec<u8>, ApiError> {
    let s = for_results(db, caller, id).await?;
    let r = results_of(db, &s, None).await?;
    let questions = questions_of(&s)?;
    let mut total = Vec::new();
    result_rows(&scope_text(lang.pick(("全部", "All")), r.responses, lang), &r.questions, lang, &mut total);
    let mut by = tallies(db, id, None, true).await?;
    let mut by_community = Vec::new();
    for c in r.communities.iter().filter(|c| c.breakdown) {
        let answers = by.remove(&Some(c.community_id)).unwrap_or_default().questions(&questions);
        result_rows(&scope_text(&c.community_name, c.responses, lang), &answers, lang, &mut by_community);
    }
    let mut by_group = Vec::new();
    for g in &r.by_target_group {
        let scope = scope_text(group_label(g.target_group, lang), g.responses, lang);
        if g.breakdown {
            result_rows(&scope, &g.questions, lang, &mut by_group);
        } else {
            let note = match lang {
                Lang::Zh => format!("不足 {MIN_GROUP} 份，不单独列出"),
                Lang::En => format!("fewer than {MIN_GROUP} responses, not shown on its own"),
            };
            let mut row = vec![scope.into(), Cell::Empty, note.into()];
            row.resize(RESULT_HEADER.len(), Cell::Empty);
            by_group.push(row);
        }
    }
    let sheet = |name: Words, rows: Vec<Vec<Cell>>| {
        let mut table = Table::new(lang, name, &RESULT_HEADER);
        table.rows = rows;
        table
    };
    xlsx(&[
        sheet(("统计结果", "Results"), total),
        sheet(("分社区结果", "By community"), by_community),
        sheet(("分目标群体结果", "By target group"), by_group),
    ])
}
