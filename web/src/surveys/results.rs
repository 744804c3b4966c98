//! A survey's live results: per question the count and share of each option as bars (the KPI pages'
//! bar chart), the mean of scale and number questions, the responses per community with a breakdown
//! of those the API allows (`breakdown`, from 5 responses on), the breakdown by target group
//! ([`crate::surveys::group_results`]), the free-text answers and the two Excel exports.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Id, QuestionKind, QuestionResult, SurveyResults, TextAnswer};

use crate::common::api;
use crate::common::chart::{BarRow, HBarChart};
use crate::common::download::save_file;
use crate::common::i18n::{tr, tr_label, use_i18n};
use crate::common::paged::Paged;
use crate::common::status::{Empty, ErrorBox, Loading, error_text};
use crate::surveys::group_results::GroupResults;

/// The bars of one choice question: share of those who answered it, with `count · share%`.
pub fn option_bars(q: &QuestionResult) -> Vec<BarRow> {
    q.options
        .iter()
        .map(|o| BarRow {
            label: o.label.clone(),
            value: Some(o.share_pct.unwrap_or(0.0)),
            text: format!("{} · {}", o.count, o.share_pct.map_or_else(|| "–".to_owned(), |s| format!("{s}%"))),
            colour: "var(--accent)",
        })
        .collect()
}

#[component]
pub fn ResultsSection(id: Id, version: RwSignal<u32>) -> impl IntoView {
    let community = RwSignal::new(None::<Id>);
    // Follows the community picked and each new answer (`version`), the results still shown meanwhile.
    let results = LocalResource::new(move || {
        version.track();
        api::survey_results(id, community.get())
    });
    let retry = Callback::new(move |()| results.refetch());
    view! {
        <section class="panel survey-results" data-testid="survey-results">
            <div class="page-head">
                <h3>{tr(k!("survey.results"))}</h3>
                <div class="spacer"></div>
                <Exports id/>
            </div>
            <Transition fallback=|| view! { <Loading/> }>
                {move || results.get().map(|answer| match answer {
                    Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
                    Ok(r) => view! { <ResultsBody results=r community/> }.into_any(),
                })}
            </Transition>
        </section>
        <TextAnswers id version/>
    }
}

#[component]
fn ResultsBody(results: SurveyResults, community: RwSignal<Option<Id>>) -> impl IntoView {
    if results.responses == 0 {
        return view! { <Empty key=k!("survey.no_results")/> }.into_any();
    }
    let choosable: Vec<(Id, String)> =
        results.communities.iter().filter(|c| c.breakdown).map(|c| (c.community_id, c.community_name.clone())).collect();
    let questions = match &results.community {
        Some(c) => c.questions.clone(),
        None => results.questions.clone(),
    };
    let shown_responses = results.community.as_ref().map_or(results.responses, |c| c.responses);
    view! {
        <p data-testid="results-responses">{tr(k!("survey.responses"))}": "{shown_responses}</p>
        <label class="field community-filter">
            <span class="field-label">{tr(k!("survey.breakdown"))}</span>
            <select data-testid="results-community"
                on:change=move |ev| community.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || community.get().is_none()>{tr(k!("survey.whole_target"))}</option>
                {choosable.into_iter().map(|(id, name)| view! {
                    <option value=id.to_string() selected=move || community.get() == Some(id)>{name}</option>
                }).collect_view()}
            </select>
            <span class="field-hint">{tr(k!("survey.breakdown_hint"))}</span>
        </label>
        <ol class="results-list">
            {questions.into_iter().map(|q| view! { <QuestionResultView q/> }).collect_view()}
        </ol>
        <h4>{tr(k!("survey.community_responses"))}</h4>
        <div class="table-wrap">
            <table class="table" data-testid="community-responses">
                <thead><tr><th>{tr(k!("topic.community"))}</th><th class="num">{tr(k!("survey.responses"))}</th></tr></thead>
                <tbody>
                    {results.communities.iter().map(|c| view! {
                        <tr><td>{c.community_name.clone()}</td><td class="num">{c.responses}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <GroupResults groups=results.by_target_group.clone()/>
    }
    .into_any()
}

#[component]
fn QuestionResultView(q: QuestionResult) -> impl IntoView {
    let i18n = use_i18n();
    let kind = q.kind;
    let bars = matches!(kind, QuestionKind::SingleChoice | QuestionKind::MultipleChoice).then(|| option_bars(&q));
    let mean = q.mean;
    let satisfied = q.satisfied_pct;
    let label = q.text.clone();
    view! {
        <li class="result-question" data-testid="result-question" data-question=q.question data-kind=kind.as_str()>
            <p class="q-text">
                <span class="q-no">{q.question + 1}"."</span>" "{q.text.clone()}
                <span class="muted small">" "{tr_label(kind)}" · "{q.answered}" "{tr(k!("survey.answered"))}</span>
            </p>
            {bars.map(|rows| view! { <div class="result-bars" data-testid="result-bars"><HBarChart rows target=None label/></div> })}
            {satisfied.map(|pct| view! {
                <p data-testid="result-satisfied">{tr(k!("survey.satisfied_share"))}": "<strong>{move || format!("{}%", i18n.number(pct, 1))}</strong></p>
            })}
            {matches!(kind, QuestionKind::Scale | QuestionKind::Number).then(|| view! {
                <p data-testid="result-mean">{tr(k!("survey.mean"))}": "
                    <strong>{move || mean.map_or_else(|| "–".to_owned(), |m| i18n.number(m, 2))}</strong>
                    {(kind == QuestionKind::Scale).then_some(" / 5")}
                </p>
            })}
        </li>
    }
}

#[component]
fn Exports(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let export = move |which: &'static str| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match api::survey_workbook(id, which).await {
                Ok(file) => {
                    if save_file(&file, &format!("survey-{id}-{which}.xlsx")).is_err() {
                        error.set(Some(i18n.t(k!("error.unexpected")).to_owned()));
                    }
                }
                Err(e) => error.set(Some(error_text(i18n, &e))),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="export-buttons" data-testid="survey-exports">
            <button type="button" class="btn" disabled=busy data-testid="export-responses" on:click=move |_| export("responses")>
                {tr(k!("survey.export_responses"))}
            </button>
            <button type="button" class="btn" disabled=busy data-testid="export-results" on:click=move |_| export("results")>
                {tr(k!("survey.export_results"))}
            </button>
            {move || error.get().map(|e| view! { <span class="state-error" role="alert">{e}</span> })}
        </div>
    }
}

#[component]
fn TextAnswers(id: Id, version: RwSignal<u32>) -> impl IntoView {
    let answers = Paged::<TextAnswer>::new();
    let fetch = move |cursor| api::text_answers(id, cursor);
    Effect::new(move |_| {
        version.track();
        answers.reload(fetch);
    });
    let more = Callback::new(move |()| answers.more(fetch));
    let retry = Callback::new(move |()| answers.reload(fetch));
    view! {
        <section class="panel" data-testid="text-answers">
            <h3>{tr(k!("survey.text_answers"))}</h3>
            <ul class="text-answers">
                <For each=move || answers.items.get() key=|a| a.id let:answer>
                    <li data-testid="text-answer"><span class="q-no">{answer.question + 1}"."</span>" "{answer.text.clone()}</li>
                </For>
            </ul>
            {answers.footer(k!("survey.no_text_answers"), more, retry)}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use shared::OptionResult;

    use super::*;

    #[test]
    fn each_option_is_a_bar_of_its_share_with_count_and_percent() {
        let q = QuestionResult {
            question: 0,
            text: "满意吗".into(),
            kind: QuestionKind::SingleChoice,
            answered: 4,
            options: vec![
                OptionResult { option: 0, label: "满意".into(), count: 3, share_pct: Some(75.0) },
                OptionResult { option: 1, label: "不满意".into(), count: 0, share_pct: None },
            ],
            mean: None,
            satisfied_pct: None,
        };
        let bars = option_bars(&q);
        assert_eq!(bars[0].value, Some(75.0));
        assert_eq!(bars[0].text, "3 · 75%");
        assert_eq!(bars[1].text, "0 · –");
    }
}
