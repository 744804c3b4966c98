//! Excel exports of a survey: every answer (one row per answer, options as their labels, no names),
//! and the results (counts, shares and means, for the whole target, per community and per target group).

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use shared::{Id, MIN_GROUP, QuestionKind, QuestionResult, SurveyAnswer, SurveyQuestion, TargetGroup};

use super::questions_of;
use super::results::{for_results, results_of, tallies};
use crate::domain::caller::Caller;
use crate::entities::stored::stored_with;
use crate::entities::{area, survey_response};
use crate::error::ApiError;
use crate::services::spreadsheet::{Table, xlsx};

/// The Chinese label of a question kind, as users see it.
fn kind_label(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::SingleChoice => "单选",
        QuestionKind::MultipleChoice => "多选",
        QuestionKind::Scale => "量表(1–5)",
        QuestionKind::Number => "数值",
        QuestionKind::Text => "文字",
    }
}

/// The Chinese label of a target group (目标群体), as the dashboard shows it; `None`: in no group.
fn group_label(group: Option<TargetGroup>) -> &'static str {
    match group {
        None => "未登记群体",
        Some(TargetGroup::Elderly) => "老年人",
        Some(TargetGroup::ElderlyLivingAlone) => "空巢独居老人",
        Some(TargetGroup::Disabled) => "残疾人",
        Some(TargetGroup::ChildrenInDifficulty) => "困境儿童",
        Some(TargetGroup::LeftBehindChildren) => "农村留守儿童",
        Some(TargetGroup::Infants) => "婴幼儿",
        Some(TargetGroup::LowIncome) => "低保对象",
        Some(TargetGroup::ExtremelyPoor) => "特困人员",
        Some(TargetGroup::Veterans) => "退役军人",
        Some(TargetGroup::CommunityCorrections) => "社区矫正对象",
    }
}

/// An answer as a reader sees it: option labels, the value, or the text.
fn answer_label(q: &SurveyQuestion, a: &SurveyAnswer) -> String {
    if let Some(choices) = &a.choices {
        return choices.iter().filter_map(|o| q.options.get(*o as usize)).cloned().collect::<Vec<_>>().join("；");
    }
    if let Some(v) = a.value {
        return v.to_string();
    }
    a.text.clone().unwrap_or_default()
}

/// Every answer of the survey as a workbook.
pub async fn export_responses<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<Vec<u8>, ApiError> {
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
                r.id.to_string(),
                names.get(&r.community_id).cloned().unwrap_or_default(),
                if r.paper { "纸质问卷".into() } else { "线上填写".into() },
                r.created_at.format("%Y-%m-%d %H:%M").to_string(),
                (a.question + 1).to_string(),
                q.text.clone(),
                kind_label(q.kind).into(),
                answer_label(q, a),
            ]);
        }
    }
    let header = vec!["答卷编号", "社区", "填写方式", "提交时间", "题号", "题目", "题型", "答案"];
    xlsx(&[Table { name: "答卷明细", header, rows }])
}

fn result_rows(scope: &str, questions: &[QuestionResult], rows: &mut Vec<Vec<String>>) {
    for q in questions {
        let base = |option: String, count: String, share: String, mean: String| {
            vec![
                scope.to_owned(),
                (q.question + 1).to_string(),
                q.text.clone(),
                kind_label(q.kind).into(),
                q.answered.to_string(),
                option,
                count,
                share,
                mean,
            ]
        };
        if q.options.is_empty() {
            rows.push(base(String::new(), String::new(), String::new(), q.mean.map(|m| m.to_string()).unwrap_or_default()));
        }
        for o in &q.options {
            rows.push(base(o.label.clone(), o.count.to_string(), o.share_pct.map(|p| format!("{p}%")).unwrap_or_default(), String::new()));
        }
    }
}

/// The results as a workbook: one sheet for the whole target, rows per community (those with
/// enough responses to be shown on their own) in a second, and per target group in a third (a group
/// with too few responses shows only its count).
pub async fn export_results<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<Vec<u8>, ApiError> {
    let s = for_results(db, caller, id).await?;
    let r = results_of(db, &s, None).await?;
    let questions = questions_of(&s)?;
    let header = vec!["范围", "题号", "题目", "题型", "作答人数", "选项", "人数", "占比", "平均值"];
    let mut total = Vec::new();
    result_rows(&format!("全部（{} 份）", r.responses), &r.questions, &mut total);
    let mut by = tallies(db, id, None, true).await?;
    let mut by_community = Vec::new();
    for c in r.communities.iter().filter(|c| c.breakdown) {
        let answers = by.remove(&Some(c.community_id)).unwrap_or_default().questions(&questions);
        result_rows(&format!("{}（{} 份）", c.community_name, c.responses), &answers, &mut by_community);
    }
    let mut by_group = Vec::new();
    for g in &r.by_target_group {
        let scope = format!("{}（{} 份）", group_label(g.target_group), g.responses);
        if g.breakdown {
            result_rows(&scope, &g.questions, &mut by_group);
        } else {
            let mut row = vec![scope, String::new(), format!("不足 {MIN_GROUP} 份，不单独列出")];
            row.resize(header.len(), String::new());
            by_group.push(row);
        }
    }
    xlsx(&[
        Table { name: "统计结果", header: header.clone(), rows: total },
        Table { name: "分社区结果", header: header.clone(), rows: by_community },
        Table { name: "分目标群体结果", header, rows: by_group },
    ])
}
