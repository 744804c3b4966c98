//! One question row of the builder: text, kind, required, the kind's own fields (options, picks,
//! range, length) and the show-condition (an earlier choice question and which of its options show
//! this one); move up or remove. The row's errors, the builder's or the server's, show under it.

use leptos::prelude::*;
use shared::{FieldError, QuestionKind};

use crate::common::i18n::{tr, tr_label, use_i18n};
use crate::messages::Key;
use crate::surveys::draft::{QuestionForm, errors_of};

#[component]
pub fn QuestionEditor(key: u32, questions: RwSignal<Vec<QuestionForm>>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    let index = move || questions.with(|qs| qs.iter().position(|q| q.key == key));
    let get =
        move |f: fn(&QuestionForm) -> String| move || questions.with(|qs| qs.iter().find(|q| q.key == key).map(f).unwrap_or_default());
    let kind = move || questions.with(|qs| qs.iter().find(|q| q.key == key).map_or(QuestionKind::Text, |q| q.kind));
    let edit = move |f: Box<dyn Fn(&mut QuestionForm)>| {
        questions.update(|qs| {
            if let Some(q) = qs.iter_mut().find(|q| q.key == key) {
                f(q);
            }
        })
    };
    let input = move |field: fn(&mut QuestionForm) -> &mut String| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            edit(Box::new(move |q| *field(q) = v.clone()));
        }
    };
    let move_up = move |_| {
        questions.update(|qs| {
            if let Some(i) = qs.iter().position(|q| q.key == key).filter(|i| *i > 0) {
                qs.swap(i, i - 1);
            }
        })
    };
    let remove = move |_| questions.update(|qs| qs.retain(|q| q.key != key));
    let row_errors = move || {
        let i = index()?;
        let found = errors.with(|e| errors_of(e, i));
        (!found.is_empty()).then(|| {
            found
                .iter()
                .map(|e| {
                    // `/questions/{i}/{field}/…`: the question's own field names the label.
                    let field = field_key(e.field.split('/').nth(3).unwrap_or_default()).map_or("", |k| i18n.t(k));
                    let rule = i18n.field_rule(e.code).map_or_else(|| e.message.clone(), str::to_owned);
                    if field.is_empty() { rule } else { format!("{field}: {rule}") }
                })
                .collect::<Vec<_>>()
                .join("；")
        })
    };
    // Earlier choice questions a condition may name: (key, number, text, options).
    let earlier = move || {
        questions.with(|qs| {
            let at = qs.iter().position(|q| q.key == key).unwrap_or(0);
            qs[..at]
                .iter()
                .enumerate()
                .filter(|(_, q)| q.is_choice())
                .map(|(n, q)| (q.key, n, q.text.clone(), q.option_list()))
                .collect::<Vec<_>>()
        })
    };
    let condition = move || questions.with(|qs| qs.iter().find(|q| q.key == key).and_then(|q| q.condition.clone()));
    view! {
        <li class="panel question-editor" class:invalid=move || row_errors().is_some() data-testid="question-editor" data-key=key>
            <div class="question-editor-head">
                <strong>{move || index().map(|i| format!("{}.", i + 1))}</strong>
                <div class="spacer"></div>
                <button type="button" class="btn btn-small btn-ghost" on:click=move_up disabled=move || index() == Some(0)>{tr(k!("survey.move_up"))}</button>
                <button type="button" class="btn btn-small btn-ghost" data-testid="question-remove" on:click=remove>{tr(k!("survey.remove_question"))}</button>
            </div>
            <div class="grid-fields">
                <label class="field">
                    <span class="field-label">{tr(k!("survey.question_text"))}</span>
                    <input type="text" maxlength="300" data-testid="question-text" prop:value=get(|q| q.text.clone()) on:input=input(|q| &mut q.text)/>
                </label>
                <label class="field">
                    <span class="field-label">{tr(k!("survey.kind"))}</span>
                    <select data-testid="question-kind" on:change=move |ev| {
                        if let Some(k) = QuestionKind::parse(&event_target_value(&ev)) { edit(Box::new(move |q| q.kind = k)) }
                    }>
                        {QuestionKind::ALL.into_iter().map(|k| view! {
                            <option value=k.as_str() selected=move || kind() == k>{tr_label(k)}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <label class="checkbox">
                <input type="checkbox" data-testid="question-required"
                    prop:checked=move || questions.with(|qs| qs.iter().any(|q| q.key == key && q.required))
                    on:change=move |ev| { let on = event_target_checked(&ev); edit(Box::new(move |q| q.required = on)) }/>
                {tr(k!("survey.required"))}
            </label>
            {move || match kind() {
                QuestionKind::SingleChoice | QuestionKind::MultipleChoice => view! {
                    <label class="field">
                        <span class="field-label">{tr(k!("survey.options"))}</span>
                        <textarea rows="3" data-testid="question-options" prop:value=get(|q| q.options.clone()) on:input=input(|q| &mut q.options)></textarea>
                    </label>
                    {(kind() == QuestionKind::SingleChoice).then(|| view! { <SatisfiedOptions key questions/> })}
                    {(kind() == QuestionKind::MultipleChoice).then(|| view! {
                        <div class="grid-fields">
                            <label class="field"><span class="field-label">{tr(k!("survey.min_picks"))}</span>
                                <input type="number" min="1" max="30" prop:value=get(|q| q.min_picks.clone()) on:input=input(|q| &mut q.min_picks)/></label>
                            <label class="field"><span class="field-label">{tr(k!("survey.max_picks"))}</span>
                                <input type="number" min="1" max="30" prop:value=get(|q| q.max_picks.clone()) on:input=input(|q| &mut q.max_picks)/></label>
                        </div>
                    })}
                }.into_any(),
                QuestionKind::Number => view! {
                    <div class="grid-fields">
                        <label class="field"><span class="field-label">{tr(k!("survey.min"))}</span>
                            <input type="number" data-testid="question-min" prop:value=get(|q| q.min.clone()) on:input=input(|q| &mut q.min)/></label>
                        <label class="field"><span class="field-label">{tr(k!("survey.max"))}</span>
                            <input type="number" data-testid="question-max" prop:value=get(|q| q.max.clone()) on:input=input(|q| &mut q.max)/></label>
                    </div>
                }.into_any(),
                QuestionKind::Text => view! {
                    <label class="field"><span class="field-label">{tr(k!("survey.max_length"))}</span>
                        <input type="number" min="1" max="2000" placeholder="500" prop:value=get(|q| q.max_length.clone()) on:input=input(|q| &mut q.max_length)/></label>
                }.into_any(),
                QuestionKind::Scale => ().into_any(),
            }}
            <label class="field">
                <span class="field-label">{tr(k!("survey.condition"))}</span>
                <select data-testid="question-condition" on:change=move |ev| {
                    let picked = event_target_value(&ev).parse::<u32>().ok();
                    edit(Box::new(move |q| q.condition = picked.map(|k| (k, Vec::new()))));
                }>
                    <option value="" selected=move || condition().is_none()>{tr(k!("survey.condition_none"))}</option>
                    {move || earlier().into_iter().map(|(k, n, text, _)| view! {
                        <option value=k.to_string() selected=move || condition().is_some_and(|(c, _)| c == k)>{format!("{}. {text}", n + 1)}</option>
                    }).collect_view()}
                </select>
            </label>
            {move || condition().and_then(|(target, _)| earlier().into_iter().find(|(k, ..)| *k == target)).map(|(_, _, _, options)| view! {
                <div class="field" role="group">
                    <span class="field-label">{tr(k!("survey.condition_options"))}</span>
                    <div class="chips">
                        {options.into_iter().enumerate().map(|(o, label)| {
                            let o = o as u32;
                            view! {
                                <label class="checkbox">
                                    <input type="checkbox" data-testid="condition-option" data-option=o
                                        prop:checked=move || condition().is_some_and(|(_, picked)| picked.contains(&o))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            edit(Box::new(move |q| if let Some((_, picked)) = q.condition.as_mut() {
                                                picked.retain(|p| *p != o);
                                                if on { picked.push(o); picked.sort_unstable(); }
                                            }));
                                        }/>
                                    {label}
                                </label>
                            }
                        }).collect_view()}
                    </div>
                </div>
            })}
            <span class="field-error" data-testid="field-error">{row_errors}</span>
        </li>
    }
}

/// 满意度题: the options of a single-choice question that count as satisfied. One question of a
/// survey may measure satisfaction; the server names a second.
#[component]
fn SatisfiedOptions(key: u32, questions: RwSignal<Vec<QuestionForm>>) -> impl IntoView {
    let row = move || questions.with(|qs| qs.iter().find(|q| q.key == key).map(|q| (q.option_list(), q.satisfied.clone())));
    let toggle = move |o: u32, on: bool| {
        questions.update(|qs| {
            if let Some(q) = qs.iter_mut().find(|q| q.key == key) {
                q.satisfied.retain(|p| *p != o);
                if on {
                    q.satisfied.push(o);
                    q.satisfied.sort_unstable();
                }
            }
        })
    };
    view! {
        <div class="field" role="group">
            <span class="field-label">{tr(k!("survey.satisfied"))}</span>
            <div class="chips" data-testid="satisfied-options">
                {move || row().map(|(options, satisfied)| options.into_iter().enumerate().map(|(o, label)| {
                    let o = o as u32;
                    view! {
                        <label class="checkbox">
                            <input type="checkbox" data-testid="satisfied-option" data-option=o prop:checked=satisfied.contains(&o)
                                on:change=move |ev| toggle(o, event_target_checked(&ev))/>
                            {label}
                        </label>
                    }
                }).collect_view())}
            </div>
            <span class="field-hint">{tr(k!("survey.satisfied_hint"))}</span>
        </div>
    }
}

/// The label of a question's field named in an error (`options` → 选项), so no code shows.
fn field_key(field: &str) -> Option<Key> {
    Some(match field {
        "text" => k!("survey.question_text"),
        "kind" => k!("survey.kind"),
        "options" => k!("survey.options"),
        "min_picks" => k!("survey.min_picks"),
        "max_picks" => k!("survey.max_picks"),
        "min" => k!("survey.min"),
        "max" => k!("survey.max"),
        "max_length" => k!("survey.max_length"),
        "condition" => k!("survey.condition"),
        "satisfied_options" => k!("survey.satisfied"),
        _ => return None,
    })
}
