//! 按目标群体: a survey's responses per target group of the respondents (目标群体; one count in each
//! of a resident's groups, 未登记群体 for those in none) and, for groups the API breaks down (from 5
//! responses on), each choice question's counts and shares and each scale or number question's
//! mean. Narrow tables in collapsible sections, so the page reads at 390 px.

use leptos::prelude::*;
use shared::{QuestionKind, QuestionResult, TargetGroupResult};

use crate::common::i18n::{tr, use_i18n};

/// The group's label: a target group's, or 未登记群体.
fn group_label(i18n: crate::common::i18n::I18n, g: &TargetGroupResult) -> String {
    g.target_group.map_or_else(|| i18n.t(k!("survey.no_group")).to_owned(), |t| i18n.target_group(t))
}

#[component]
pub fn GroupResults(groups: Vec<TargetGroupResult>) -> impl IntoView {
    let i18n = use_i18n();
    if groups.is_empty() {
        return ().into_any();
    }
    let rows = groups.clone();
    view! {
        <h4>{tr(k!("survey.by_group"))}</h4>
        <p class="field-hint">{tr(k!("survey.by_group_hint"))}</p>
        <div class="table-wrap">
            <table class="table" data-testid="group-responses">
                <thead><tr><th>{tr(k!("survey.group"))}</th><th class="num">{tr(k!("survey.responses"))}</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|g| {
                        let code = g.target_group.map_or("none", |t| t.as_str());
                        let label = g.clone();
                        view! {
                            <tr data-testid="group-row" data-group=code>
                                <td>{move || group_label(i18n, &label)}
                                    {(!g.breakdown).then(|| view! { <span class="muted small">" · "{tr(k!("survey.too_few"))}</span> })}
                                </td>
                                <td class="num">{g.responses}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {groups.into_iter().filter(|g| g.breakdown).map(|g| {
            let code = g.target_group.map_or("none", |t| t.as_str());
            let label = g.clone();
            let responses = g.responses;
            view! {
                <details class="group-breakdown" data-testid="group-breakdown" data-group=code>
                    <summary>{move || group_label(i18n, &label)}" · "{tr(k!("survey.responses"))}": "{responses}</summary>
                    {g.questions.into_iter().filter(|q| q.kind != QuestionKind::Text).map(|q| view! { <GroupQuestion q/> }).collect_view()}
                </details>
            }
        }).collect_view()}
    }
    .into_any()
}

#[component]
fn GroupQuestion(q: QuestionResult) -> impl IntoView {
    let i18n = use_i18n();
    let mean = q.mean;
    let kind = q.kind;
    view! {
        <div class="group-question" data-testid="group-question" data-question=q.question>
            <p class="q-text">
                <span class="q-no">{q.question + 1}"."</span>" "{q.text.clone()}
                <span class="muted small">" · "{q.answered}" "{tr(k!("survey.answered"))}</span>
            </p>
            {(!q.options.is_empty()).then(|| view! {
                <div class="table-wrap">
                    <table class="table" data-testid="group-options">
                        <thead><tr>
                            <th>{tr(k!("survey.option"))}</th><th class="num">{tr(k!("survey.count"))}</th><th class="num">{tr(k!("survey.share"))}</th>
                        </tr></thead>
                        <tbody>
                            {q.options.iter().map(|o| view! {
                                <tr>
                                    <td style="overflow-wrap: anywhere;">{o.label.clone()}</td>
                                    <td class="num">{o.count}</td>
                                    <td class="num">{o.share_pct.map_or_else(|| "–".to_owned(), |s| format!("{s}%"))}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
            {matches!(kind, QuestionKind::Scale | QuestionKind::Number).then(|| view! {
                <p data-testid="group-mean">{tr(k!("survey.mean"))}": "
                    <strong>{move || mean.map_or_else(|| "–".to_owned(), |m| i18n.number(m, 2))}</strong>
                    {(kind == QuestionKind::Scale).then_some(" / 5")}
                </p>
            })}
        </div>
    }
}
