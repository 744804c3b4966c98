//! Answering one survey (民意调查) on a phone: every question as one form — single and multiple
//! choice, scale 1–5, number, free text — with required marks, and questions shown or hidden as the
//! resident answers by the same rule the API checks ([`shared::question_shown`]). Field errors show
//! under their question (the server names answers by their place in the request; they are mapped back
//! to the question). The outcome — submitted, answered before (409), outside the window (409 with the
//! window), not for this resident (403) — is said as a sentence.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{ErrorCode, FieldRule, QuestionKind, Survey, SurveyAnswer, SurveyQuestion, TimeWindow};

use crate::common::api::ApiError;
use crate::common::form::{FormState, field_error, reveal_first_error};
use crate::common::format::local_time;
use crate::common::i18n::{tr, use_i18n};
use crate::mobile::survey_endpoints;

/// Selector of the form, for scrolling to its first error.
const FORM: &str = "[data-testid=survey-form]";

/// One question's answer as the resident builds it.
#[derive(Debug, Clone, Default, PartialEq)]
struct Draft {
    choices: Vec<u32>,
    value: String,
    text: String,
}

/// Why the form is no longer offered.
#[derive(Debug, Clone, PartialEq)]
pub enum Closed {
    /// Stored just now.
    Submitted,
    /// The API says this resident answered before.
    AnsweredBefore,
    /// Outside the survey's window.
    Outside(TimeWindow),
    /// The survey asks other residents.
    NotForMe,
}

/// Where the survey stands for the caller before they answer: answered, outside its window, or open.
pub fn closed_before_answering(survey: &Survey) -> Option<Closed> {
    let now = js_sys::Date::now() as i64;
    let window = TimeWindow { opens_at: survey.opens_at, closes_at: survey.closes_at };
    if survey.answered {
        Some(Closed::AnsweredBefore)
    } else if survey.status != shared::SurveyStatus::Open
        || now < survey.opens_at.timestamp_millis()
        || now >= survey.closes_at.timestamp_millis()
    {
        Some(Closed::Outside(window))
    } else {
        None
    }
}

/// The sentence for a closed form.
#[component]
pub fn ClosedNotice(closed: Closed) -> impl IntoView {
    let i18n = use_i18n();
    match closed {
        Closed::Submitted => view! {
            <p class="notice" role="status" data-testid="survey-submitted">{tr(k!("msurvey.submitted"))}</p>
        }
        .into_any(),
        Closed::AnsweredBefore => view! {
            <p class="notice" role="status" data-testid="survey-answered">{tr(k!("msurvey.answered_before"))}</p>
        }
        .into_any(),
        Closed::Outside(w) => {
            let (opens, closes) = (local_time(&w.opens_at), local_time(&w.closes_at));
            view! {
                <p class="notice notice-warn" role="status" data-testid="survey-window">
                    {move || format!("{}{opens}{}{closes}{}", i18n.t(k!("msurvey.window_before")), i18n.t(k!("msurvey.window_to")), i18n.t(k!("msurvey.window_after")))}
                </p>
            }
            .into_any()
        }
        Closed::NotForMe => view! {
            <p class="notice notice-warn" role="status" data-testid="survey-not-for-me">{tr(k!("msurvey.not_for_me"))}</p>
        }
        .into_any(),
    }
}

fn pointer(i: usize) -> String {
    format!("/questions/{i}")
}

/// Rewrites the server's `/answers/{k}/…` pointers to the question answer `k` was about.
fn to_questions(errors: &mut [shared::FieldError], sent: &[usize]) {
    for e in errors.iter_mut() {
        let k = e.field.strip_prefix("/answers/").and_then(|rest| rest.split('/').next()).and_then(|k| k.parse::<usize>().ok());
        if let Some(q) = k.and_then(|k| sent.get(k)) {
            e.field = pointer(*q);
        }
    }
}

/// What a refusal means for the form, if it closes it.
fn closing(error: &ApiError) -> Option<Closed> {
    let ApiError::Problem(p) = error else { return None };
    match (p.code, &p.window) {
        (ErrorCode::Conflict | ErrorCode::InvalidTransition, Some(w)) => Some(Closed::Outside(w.clone())),
        (ErrorCode::Conflict, None) => Some(Closed::AnsweredBefore),
        (ErrorCode::Forbidden, _) => Some(Closed::NotForMe),
        _ => None,
    }
}

/// The form; `closed` is set once it is answered or refused for good.
#[component]
pub fn SurveyForm(survey: Survey, closed: RwSignal<Option<Closed>>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let id = survey.id;
    let count = survey.questions.len();
    let questions = StoredValue::new(survey.questions);
    let drafts = RwSignal::new(vec![Draft::default(); count]);
    let shown =
        move |i: usize| drafts.with(|d| questions.with_value(|qs| shared::question_shown(qs, i, &|q, o| d[q].choices.contains(&o))));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.busy.get_untracked() {
            return;
        }
        form.start();
        let mut errors = Vec::new();
        let mut answers = Vec::new();
        let mut sent = Vec::new();
        let all = drafts.get_untracked();
        questions.with_value(|qs| {
            for (i, q) in qs.iter().enumerate() {
                if !shared::question_shown(qs, i, &|p, o| all[p].choices.contains(&o)) {
                    continue;
                }
                let d = &all[i];
                let base = SurveyAnswer { question: i as u32, choices: None, value: None, text: None };
                let answer = match q.kind {
                    QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
                        let mut picked = d.choices.clone();
                        picked.sort_unstable();
                        (!picked.is_empty()).then_some(SurveyAnswer { choices: Some(picked), ..base })
                    }
                    QuestionKind::Scale | QuestionKind::Number => match d.value.trim() {
                        "" => None,
                        v => match v.parse::<f64>() {
                            Ok(n) if n.is_finite() => Some(SurveyAnswer { value: Some(n), ..base }),
                            _ => {
                                errors.push(field_error(&pointer(i), FieldRule::Type, "not a number"));
                                continue;
                            }
                        },
                    },
                    QuestionKind::Text => {
                        let t = d.text.trim();
                        (!t.is_empty()).then(|| SurveyAnswer { text: Some(t.to_owned()), ..base })
                    }
                };
                match answer {
                    Some(a) => {
                        sent.push(i);
                        answers.push(a);
                    }
                    None if q.required => errors.push(field_error(&pointer(i), FieldRule::Required, "is required")),
                    None => {}
                }
            }
        });
        if !errors.is_empty() {
            form.invalid(errors);
            return reveal_first_error(FORM);
        }
        spawn_local(async move {
            match survey_endpoints::answer(id, answers).await {
                Ok(_) => {
                    form.done();
                    closed.set(Some(Closed::Submitted));
                }
                Err(e) => match closing(&e) {
                    Some(c) => {
                        form.done();
                        closed.set(Some(c));
                    }
                    None => {
                        form.failed(i18n, &e);
                        form.errors.update(|errs| to_questions(errs, &sent));
                        reveal_first_error(FORM);
                    }
                },
            }
        });
    };

    let placed: Vec<String> = (0..count).map(pointer).collect();
    let summary = move || {
        let general = form.general.get();
        let rest: Vec<String> = form.errors.with(|errs| {
            errs.iter()
                .filter(|e| !placed.contains(&e.field))
                .map(|e| i18n.field_rule(e.code).unwrap_or(e.message.as_str()).to_owned())
                .collect()
        });
        (general.is_some() || !rest.is_empty()).then(|| {
            view! {
                <div class="form-summary" role="alert" data-testid="form-error">
                    {general.map(|g| view! { <p>{g}</p> })}
                    <ul>{rest.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                </div>
            }
        })
    };

    view! {
        <form class="form m-form survey-form" on:submit=submit data-testid="survey-form" novalidate>
            {summary}
            {(0..count).map(|i| {
                let q = questions.with_value(|qs| qs[i].clone());
                view! { <Show when=move || shown(i)><QuestionField i q=q.clone() drafts form/></Show> }
            }).collect_view()}
            <button type="submit" class="btn btn-primary btn-block btn-large" disabled=form.busy data-testid="survey-submit">
                {move || if form.busy.get() { i18n.t(k!("msurvey.submitting")) } else { i18n.t(k!("msurvey.submit")) }}
            </button>
        </form>
    }
}

/// One question: its text with the required mark, the input its kind takes, and its error.
#[component]
fn QuestionField(i: usize, q: SurveyQuestion, drafts: RwSignal<Vec<Draft>>, form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let at = pointer(i);
    let error = {
        let at = at.clone();
        move || {
            form.errors.with(|errs| {
                let found: Vec<String> = errs
                    .iter()
                    .filter(|e| e.field == at)
                    .map(|e| i18n.field_rule(e.code).unwrap_or(e.message.as_str()).to_owned())
                    .collect();
                (!found.is_empty()).then(|| found.join("；"))
            })
        }
    };
    let invalid = {
        let error = error.clone();
        move || error().is_some()
    };
    let input = match q.kind {
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice => choices(i, &q, drafts).into_any(),
        QuestionKind::Scale => scale(i, drafts).into_any(),
        QuestionKind::Number => {
            let hint = match (q.min, q.max) {
                (Some(a), Some(b)) => format!("{a} – {b}"),
                (Some(a), None) => format!("≥ {a}"),
                (None, Some(b)) => format!("≤ {b}"),
                (None, None) => String::new(),
            };
            view! {
                <input type="number" inputmode="decimal" step="any" placeholder=hint data-testid="survey-number"
                    prop:value=move || drafts.with(|d| d[i].value.clone())
                    on:input=move |ev| drafts.update(|d| d[i].value = event_target_value(&ev))/>
            }
            .into_any()
        }
        QuestionKind::Text => {
            let max = q.max_length.unwrap_or(500).to_string();
            view! {
                <textarea rows="3" maxlength=max data-testid="survey-text"
                    prop:value=move || drafts.with(|d| d[i].text.clone())
                    on:input=move |ev| drafts.update(|d| d[i].text = event_target_value(&ev))></textarea>
            }
            .into_any()
        }
    };
    let hint = match q.kind {
        QuestionKind::MultipleChoice => Some(k!("msurvey.pick_several")),
        QuestionKind::Scale => Some(k!("msurvey.scale_hint")),
        _ => None,
    };
    view! {
        <fieldset class="field survey-question" class:invalid=invalid data-field=at data-testid="survey-question" data-question=i
            data-kind=q.kind.as_str()>
            <legend class="field-label">
                <span class="muted">{format!("{}. ", i + 1)}</span>{q.text.clone()}
                {q.required.then(|| view! { <span class="required-mark" title=tr(k!("msurvey.required"))>" *"</span> })}
            </legend>
            {hint.map(|h| view! { <span class="field-hint">{tr(h)}</span> })}
            {input}
            <span class="field-error" data-testid="field-error">{error}</span>
        </fieldset>
    }
}

/// Single choice as radio buttons, multiple choice as check boxes, one big row each.
fn choices(i: usize, q: &SurveyQuestion, drafts: RwSignal<Vec<Draft>>) -> impl IntoView {
    let multiple = q.kind == QuestionKind::MultipleChoice;
    let max = if multiple { q.max_picks.map_or(q.options.len(), |m| m as usize) } else { 1 };
    let name = format!("q{i}");
    let kind = if multiple { "checkbox" } else { "radio" };
    view! {
        <div class="survey-options">
            {q.options.iter().enumerate().map(|(o, label)| {
                let o = o as u32;
                let on = move || drafts.with(|d| d[i].choices.contains(&o));
                let full = move || multiple && !on() && drafts.with(|d| d[i].choices.len() >= max);
                let toggle = move |ev: leptos::ev::Event| {
                    let checked = event_target_checked(&ev);
                    drafts.update(|d| {
                        if !multiple {
                            d[i].choices.clear();
                        }
                        d[i].choices.retain(|x| *x != o);
                        if checked {
                            d[i].choices.push(o);
                        }
                    });
                };
                view! {
                    <label class="survey-option" class:on=on data-option=o>
                        <input type=kind name=name.clone()
                            prop:checked=on disabled=full on:change=toggle/>
                        <span>{label.clone()}</span>
                    </label>
                }
            }).collect_view()}
        </div>
    }
}

/// Scale 1–5 as five buttons in a row.
fn scale(i: usize, drafts: RwSignal<Vec<Draft>>) -> impl IntoView {
    view! {
        <div class="segmented survey-scale" data-testid="survey-scale">
            {(1..=5).map(|v| {
                let value = v.to_string();
                let on = {
                    let value = value.clone();
                    move || drafts.with(|d| d[i].value == value)
                };
                let checked = on.clone();
                view! {
                    <label class:on=on data-value=v>
                        <input type="radio" name=format!("scale{i}") prop:checked=checked
                            on:change=move |_| drafts.update(|d| d[i].value = value.clone())/>
                        {v}
                    </label>
                }
            }).collect_view()}
        </div>
    }
}
