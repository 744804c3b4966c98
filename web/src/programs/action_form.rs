//! The small form behind each program action button: a reason for 退回修改 / 暂停 / 终止, score,
//! evaluator and comments for 评估, an optional remark otherwise. Field errors show under their
//! input; a 409 says which actions are possible now and reloads the program.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Evaluation, EvaluatorType, Id, ProgramAction, ProgramActionRequest, ProgramDetail};

use crate::common::api::{self, ApiError};
use crate::common::form::{Field, FieldGroup, FormState, FormSummary, field_error};
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::programs::labels::EVALUATOR_TYPES;

const PLACED: [&str; 5] = ["/note", "/evaluation", "/evaluation/score", "/evaluation/evaluator_type", "/evaluation/comments"];

/// Actions whose note is a reason that must be given.
pub fn needs_reason(action: ProgramAction) -> bool {
    matches!(action, ProgramAction::SendBack | ProgramAction::Suspend | ProgramAction::Cancel)
}

/// One action's form; `on_done` gets the program afterwards, `on_stale` asks for a reload after a 409.
#[component]
pub fn ProgramActionForm(
    program_id: Id,
    action: ProgramAction,
    on_done: Callback<ProgramDetail>,
    on_cancel: Callback<()>,
    on_stale: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let note = RwSignal::new(String::new());
    let score = RwSignal::new(String::new());
    let evaluator = RwSignal::new(None::<EvaluatorType>);
    let comments = RwSignal::new(String::new());
    let allowed = RwSignal::new(Vec::<String>::new());
    let evaluate = action == ProgramAction::Evaluate;
    let required = needs_reason(action);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        allowed.set(Vec::new());
        let text = note.get_untracked().trim().to_owned();
        let mut errors = Vec::new();
        if required && text.is_empty() {
            errors.push(field_error("/note", shared::FieldRule::Required, "is required"));
        }
        let points = score.get_untracked().trim().parse::<i32>().ok();
        if evaluate && !points.is_some_and(|p| (0..=100).contains(&p)) {
            errors.push(field_error("/evaluation/score", shared::FieldRule::OutOfRange, "0 to 100"));
        }
        if evaluate && evaluator.get_untracked().is_none() {
            errors.push(field_error("/evaluation/evaluator_type", shared::FieldRule::Required, "is required"));
        }
        if !errors.is_empty() {
            return form.invalid(errors);
        }
        let remarks = comments.get_untracked().trim().to_owned();
        let evaluation = match (evaluate, points, evaluator.get_untracked()) {
            (true, Some(score), Some(evaluator_type)) => {
                Some(Evaluation { score, evaluator_type, comments: (!remarks.is_empty()).then_some(remarks) })
            }
            _ => None,
        };
        let request = ProgramActionRequest { action, note: (!text.is_empty()).then_some(text), evaluation };
        spawn_local(async move {
            match api::program_action(program_id, &request).await {
                Ok(detail) => {
                    form.done();
                    on_done.run(detail);
                }
                Err(e) => {
                    form.failed(i18n, &e);
                    if let ApiError::Problem(p) = &e
                        && p.status == 409
                    {
                        allowed.set(p.allowed.clone());
                        on_stale.run(());
                    }
                }
            }
        });
    };

    let note_label = if required { k!("form.reason") } else { k!("form.note") };
    view! {
        <form class="form panel action-form" on:submit=submit novalidate
            data-testid="action-form" data-action=action.as_str()>
            <h3>{tr_word(words!("paction"), action.as_str().to_owned())}</h3>
            <FormSummary form placed=&PLACED/>
            {move || (!allowed.with(Vec::is_empty)).then(|| view! {
                <p class="form-summary" data-testid="action-allowed">
                    {tr(k!("error.not_allowed"))}" "
                    {move || allowed.get().iter()
                        .map(|a| ProgramAction::parse(a).map_or_else(|| a.clone(), |a| i18n.program_action(a)))
                        .collect::<Vec<_>>().join("、")}
                </p>
            })}
            {evaluate.then(|| view! {
                <div class="grid-fields">
                    <Field label=k!("eval.score") pointer="/evaluation/score" form hint=k!("eval.score_hint")>
                        <input type="number" min="0" max="100" step="1" data-testid="eval-score"
                            prop:value=score on:input=move |ev| score.set(event_target_value(&ev))/>
                    </Field>
                    <FieldGroup label=k!("eval.evaluator") pointer="/evaluation/evaluator_type" form>
                        <div class="segmented" data-testid="eval-evaluator">
                            {EVALUATOR_TYPES.into_iter().map(|t| view! {
                                <label class:on=move || evaluator.get() == Some(t) data-evaluator=t.as_str()>
                                    <input type="radio" name="evaluator" prop:checked=move || evaluator.get() == Some(t)
                                        on:change=move |_| evaluator.set(Some(t))/>
                                    {tr_word(words!("evaluator"), t.as_str().into())}
                                </label>
                            }).collect_view()}
                        </div>
                    </FieldGroup>
                </div>
                <Field label=k!("eval.comments") pointer="/evaluation/comments" form>
                    <textarea rows="3" maxlength="2000" data-testid="eval-comments"
                        prop:value=comments on:input=move |ev| comments.set(event_target_value(&ev))></textarea>
                </Field>
            })}
            <Field label=note_label pointer="/note" form>
                <textarea rows="2" maxlength="1000" data-testid="action-note" required=required
                    prop:value=note on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </Field>
            <div class="form-buttons">
                <button type="submit" class="btn btn-primary" disabled=form.busy data-testid="action-confirm">
                    {move || if form.busy.get() { i18n.t(k!("state.saving")) } else { i18n.t(k!("form.confirm")) }}
                </button>
                <button type="button" class="btn btn-ghost" on:click=move |_| on_cancel.run(())>
                    {tr(k!("action.cancel"))}
                </button>
            </div>
        </form>
    }
}
