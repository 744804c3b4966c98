//! The questionnaire as a resident sees it: numbered questions, required ones marked, a question
//! with a condition shown only once an earlier answer calls for it. The builder's preview and the
//! paper-entry form both draw it; the answers live in the caller's signal.

use leptos::prelude::*;
use shared::{QuestionKind, SurveyQuestion};

use crate::common::i18n::{tr, tr_label, use_i18n};
use crate::surveys::answers::{Draft, visible};

/// Every question with its inputs; `errors` holds `(question number, message)` to show in place.
#[component]
pub fn Questionnaire(
    questions: Vec<SurveyQuestion>,
    drafts: RwSignal<Vec<Draft>>,
    #[prop(optional)] errors: Option<Signal<Vec<(u32, String)>>>,
    /// A name prefix for the radio groups, so two questionnaires on one page do not share them.
    #[prop(optional)]
    name: &'static str,
) -> impl IntoView {
    let questions = StoredValue::new(questions);
    let shown = Memo::new(move |_| questions.with_value(|qs| drafts.with(|d| visible(qs, d))));
    let items = questions.get_value().into_iter().enumerate().map(|(i, q)| {
        let error = move || errors.and_then(|e| e.with(|e| e.iter().find(|(n, _)| *n as usize == i).map(|(_, m)| m.clone())));
        view! {
            <li class="q" class:invalid=move || error().is_some() data-testid="q" data-question=i
                style:display=move || if shown.with(|s| s.get(i).copied().unwrap_or(true)) { "" } else { "none" }>
                <p class="q-text">
                    <span class="q-no">{i + 1}"."</span>" "{q.text.clone()}
                    {q.required.then(|| view! { <span class="q-required" title=tr(k!("survey.required"))>"*"</span> })}
                    <span class="muted small">" "{tr_label(q.kind)}</span>
                </p>
                <QuestionInput index=i question=q drafts name/>
                <span class="field-error" data-testid="field-error">{error}</span>
            </li>
        }
    });
    view! { <ol class="questionnaire" data-testid="questionnaire">{items.collect_view()}</ol> }
}

#[component]
fn QuestionInput(index: usize, question: SurveyQuestion, drafts: RwSignal<Vec<Draft>>, name: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let kind = question.kind;
    let get = move |f: fn(&Draft) -> String| move || drafts.with(|d| d.get(index).map(f).unwrap_or_default());
    let set = move |f: Box<dyn Fn(&mut Draft)>| {
        drafts.update(|d| {
            if let Some(draft) = d.get_mut(index) {
                f(draft);
            }
        })
    };
    match kind {
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
            let input_type = if kind == QuestionKind::SingleChoice { "radio" } else { "checkbox" };
            let group = format!("{name}q{index}");
            question
                .options
                .iter()
                .enumerate()
                .map(|(o, label)| {
                    let o = o as u32;
                    let checked = move || drafts.with(|d| d.get(index).is_some_and(|d| d.choices.contains(&o)));
                    view! {
                        <label class="checkbox q-option">
                            <input type=input_type name=group.clone() data-testid="q-option" data-option=o prop:checked=checked
                                on:change=move |_| set(Box::new(move |d| d.pick(kind, o)))/>
                            {label.clone()}
                        </label>
                    }
                })
                .collect_view()
                .into_any()
        }
        QuestionKind::Scale => {
            let group = format!("{name}q{index}");
            (1..=5)
                .map(|v| {
                    let text = v.to_string();
                    let checked = {
                        let text = text.clone();
                        move || drafts.with(|d| d.get(index).is_some_and(|d| d.value == text))
                    };
                    view! {
                        <label class="checkbox q-scale">
                            <input type="radio" name=group.clone() data-testid="q-scale" data-value=v prop:checked=checked
                                on:change=move |_| { let t = text.clone(); set(Box::new(move |d| d.value = t.clone())) }/>
                            {v}
                        </label>
                    }
                })
                .collect_view()
                .into_any()
        }
        QuestionKind::Number => {
            let (min, max) = (question.min, question.max);
            view! {
                <input type="number" data-testid="q-number" min=min.map(|m| m.to_string()) max=max.map(|m| m.to_string())
                    prop:value=get(|d| d.value.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |d| d.value = v.clone())) }/>
            }
            .into_any()
        }
        QuestionKind::Text => {
            let max = question.max_length.unwrap_or(500);
            view! {
                <textarea rows="2" maxlength=max data-testid="q-text" placeholder=move || i18n.t(k!("survey.text_placeholder"))
                    prop:value=get(|d| d.text.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |d| d.text = v.clone())) }></textarea>
            }
            .into_any()
        }
    }
}
