//! 录入纸质问卷: staff type in a paper questionnaire — for a resident (by id) or anonymous with the
//! community it was collected in — on the same questionnaire residents see. Errors about one answer
//! show under its question; the entry is marked paper by the server.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Area, FieldError, Id, PaperResponse, Survey, SurveyAnswer};

use crate::common::api;
use crate::common::area_picker::AreaSearch;
use crate::common::form::{Field, FieldGroup, FormState, FormSummary, field_error};
use crate::common::i18n::{tr, use_i18n};
use crate::surveys::answers::{Draft, answers, missing_required};
use crate::surveys::questionnaire::Questionnaire;

const PLACED: [&str; 2] = ["/resident_id", "/community_id"];

/// Errors about `/answers/<i>…` as (question number, error), the rest left for the summary.
pub fn split_answer_errors(errors: &[FieldError], sent: &[SurveyAnswer]) -> (Vec<(u32, FieldError)>, Vec<FieldError>) {
    let mut placed = Vec::new();
    let mut rest = Vec::new();
    for e in errors {
        let index = e.field.strip_prefix("/answers/").and_then(|r| r.split('/').next()).and_then(|i| i.parse::<usize>().ok());
        match index.and_then(|i| sent.get(i)) {
            Some(answer) => placed.push((answer.question, e.clone())),
            None => rest.push(e.clone()),
        }
    }
    (placed, rest)
}

#[component]
pub fn PaperForm(survey: Survey, on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let questions = survey.questions.clone();
    let drafts = RwSignal::new(vec![Draft::default(); questions.len()]);
    let answer_errors = RwSignal::new(Vec::<(u32, String)>::new());
    let resident = RwSignal::new(String::new());
    let community = RwSignal::new(None::<(Id, String)>);
    let saved = RwSignal::new(false);
    let id = survey.id;
    let stored = StoredValue::new(questions.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        saved.set(false);
        answer_errors.set(Vec::new());
        let (sent, missing) = stored.with_value(|qs| drafts.with_untracked(|d| (answers(qs, d), missing_required(qs, d))));
        let mut errors = Vec::new();
        let resident_text = resident.get_untracked().trim().to_owned();
        let resident_id = resident_text.parse::<Id>().ok();
        if !resident_text.is_empty() && resident_id.is_none() {
            errors.push(field_error("/resident_id", shared::FieldRule::Invalid, "a number"));
        }
        if !missing.is_empty() {
            let text = i18n.t(k!("survey.required_missing")).to_owned();
            answer_errors.set(missing.into_iter().map(|q| (q, text.clone())).collect());
        }
        if !errors.is_empty() || !answer_errors.with_untracked(Vec::is_empty) {
            return form.invalid(errors);
        }
        let paper = PaperResponse { resident_id, community_id: community.get_untracked().map(|(id, _)| id), answers: sent.clone() };
        spawn_local(async move {
            match api::paper_response(id, &paper).await {
                Ok(_) => {
                    form.done();
                    saved.set(true);
                    drafts.set(vec![Draft::default(); stored.try_with_value(Vec::len).unwrap_or_default()]);
                    resident.set(String::new());
                    on_saved.run(());
                }
                Err(e) => {
                    form.failed(i18n, &e);
                    let (placed, rest) = split_answer_errors(e.field_errors(), &sent);
                    // The rule's name in Chinese where there is one, else the server's words.
                    let say = |e: &FieldError| i18n.field_rule(e.code).map_or_else(|| e.message.clone(), str::to_owned);
                    answer_errors.set(placed.iter().map(|(q, e)| (*q, say(e))).collect());
                    form.errors.set(rest);
                }
            }
        });
    };
    let on_pick = Callback::new(move |area: Area| community.set(Some((area.id, area.name))));
    view! {
        <form class="form panel paper-form" on:submit=submit novalidate data-testid="paper-form">
            <h3>{tr(k!("survey.paper"))}</h3>
            <p class="muted small">{tr(k!("survey.paper_hint"))}</p>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("survey.paper_resident") pointer="/resident_id" form>
                    <input type="number" min="1" step="1" data-testid="paper-resident" prop:value=resident
                        on:input=move |ev| resident.set(event_target_value(&ev))/>
                </Field>
                <FieldGroup label=k!("survey.paper_community") pointer="/community_id" form>
                    {move || match community.get() {
                        Some((_, name)) => view! {
                            <span class="chip" data-testid="paper-community-chip">{name}
                                <button type="button" class="chip-x" aria-label=tr(k!("action.clear")) on:click=move |_| community.set(None)>"×"</button>
                            </span>
                        }.into_any(),
                        None => view! { <AreaSearch on_pick placeholder=k!("survey.area_search") testid="paper-community"/> }.into_any(),
                    }}
                </FieldGroup>
            </div>
            <Questionnaire questions drafts errors=Signal::from(answer_errors) name="paper"/>
            {move || saved.get().then(|| view! { <p class="state-ok" role="status" data-testid="paper-saved">{tr(k!("survey.paper_saved"))}</p> })}
            <div class="form-buttons">
                <button type="submit" class="btn btn-primary" disabled=form.busy data-testid="paper-submit">
                    {move || if form.busy.get() { i18n.t(k!("state.saving")) } else { i18n.t(k!("survey.paper_submit")) }}
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answers_error_lands_on_the_question_it_was_sent_for() {
        let sent = vec![
            SurveyAnswer { question: 0, choices: Some(vec![1]), value: None, text: None },
            SurveyAnswer { question: 3, choices: None, value: Some(9.0), text: None },
        ];
        let errors = vec![
            field_error("/answers/1/value", shared::FieldRule::OutOfRange, "1 to 5"),
            field_error("/community_id", shared::FieldRule::Required, "is required"),
        ];
        let (placed, rest) = split_answer_errors(&errors, &sent);
        assert_eq!(placed.len(), 1);
        assert_eq!((placed[0].0, placed[0].1.message.as_str()), (3, "1 to 5"));
        assert_eq!(rest.len(), 1);
    }
}
