//! The small form behind each step button of a topic: the reason for 不予立案 (required), the days on
//! notice for 公示 and 结果公示, an optional note otherwise. Field errors show under their input; a
//! 409 says which steps are possible now and reloads the topic.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{FieldRule, Id, TopicAction, TopicActionRequest, TopicDetail};

use crate::common::api::{self, ApiError};
use crate::common::form::{Field, FormState, FormSummary, field_error};
use crate::common::i18n::{tr, use_i18n};
use crate::consultation::labels::{needs_reason, takes_notice_days};

const PLACED: [&str; 2] = ["/note", "/notice_days"];

#[component]
pub fn TopicStepForm(
    topic_id: Id,
    action: TopicAction,
    on_done: Callback<TopicDetail>,
    on_cancel: Callback<()>,
    on_stale: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let note = RwSignal::new(String::new());
    let days = RwSignal::new(String::new());
    let allowed = RwSignal::new(Vec::<String>::new());
    let required = needs_reason(action);
    let with_days = takes_notice_days(action);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        allowed.set(Vec::new());
        let text = note.get_untracked().trim().to_owned();
        let days_text = days.get_untracked().trim().to_owned();
        let notice_days = days_text.parse::<i64>().ok();
        let mut errors = Vec::new();
        if required && text.is_empty() {
            errors.push(field_error("/note", FieldRule::Required, "is required"));
        }
        if with_days && !days_text.is_empty() && !notice_days.is_some_and(|d| (1..=60).contains(&d)) {
            errors.push(field_error("/notice_days", FieldRule::OutOfRange, "1 to 60"));
        }
        if !errors.is_empty() {
            return form.invalid(errors);
        }
        let request =
            TopicActionRequest { action, note: (!text.is_empty()).then_some(text), notice_days: notice_days.filter(|_| with_days) };
        spawn_local(async move {
            match api::topic_action(topic_id, &request).await {
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
        <form class="form panel action-form" on:submit=submit novalidate data-testid="action-form" data-action=action.as_str()>
            <h3>{move || i18n.topic_action(action)}</h3>
            <FormSummary form placed=&PLACED/>
            {move || (!allowed.with(Vec::is_empty)).then(|| view! {
                <p class="form-summary" data-testid="action-allowed">
                    {tr(k!("error.not_allowed"))}" "
                    {move || allowed.get().iter()
                        .map(|a| TopicAction::parse(a).map_or_else(|| a.clone(), |a| i18n.topic_action(a)))
                        .collect::<Vec<_>>().join("、")}
                </p>
            })}
            {with_days.then(|| view! {
                <Field label=k!("topic.notice_days") pointer="/notice_days" form hint=k!("topic.notice_days_hint")>
                    <input type="number" min="1" max="60" step="1" data-testid="action-days"
                        prop:value=days on:input=move |ev| days.set(event_target_value(&ev))/>
                </Field>
            })}
            <Field label=note_label pointer="/note" form>
                <textarea rows="2" maxlength="2000" data-testid="action-note" required=required
                    prop:value=note on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </Field>
            <div class="form-buttons">
                <button type="submit" class="btn btn-primary" disabled=form.busy data-testid="action-confirm">
                    {move || if form.busy.get() { i18n.t(k!("state.saving")) } else { i18n.t(k!("form.confirm")) }}
                </button>
                <button type="button" class="btn btn-ghost" on:click=move |_| on_cancel.run(())>{tr(k!("action.cancel"))}</button>
            </div>
        </form>
    }
}
