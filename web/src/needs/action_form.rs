//! The small form behind each action button: what the action needs and nothing more — missing items
//! for 退回 (all at once, 一次告知), an assignee for 派单, stars for 评价, a reason for 不予受理 / 拒单 /
//! 异议 / 撤销, what was done for 办结, an optional note otherwise. Problems show in place: field
//! errors under their input, a 409 with the actions that are possible instead.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Id, NeedAction, NeedActionRequest, NeedDetail};

use crate::common::api::{self, ApiError};
use crate::common::form::{Field, FieldGroup, FormState, FormSummary, field_error};
use crate::common::i18n::use_i18n;
use crate::messages::Key;
use crate::needs::assignee_picker::AssigneePicker;
use crate::needs::missing_editor::MissingEditor;

const PLACED: [&str; 4] = ["/note", "/missing", "/assignee_id", "/rating"];

/// What the note means for an action, and whether it must be given.
fn note_kind(action: NeedAction) -> (Key, bool) {
    match action {
        NeedAction::Reject | NeedAction::Decline | NeedAction::Object | NeedAction::Cancel => (k!("form.reason"), true),
        NeedAction::Resolve => (k!("form.what_done"), true),
        NeedAction::Rate | NeedAction::ReturnVisit => (k!("form.comment"), false),
        NeedAction::Resubmit => (k!("form.supplement"), false),
        _ => (k!("form.note"), false),
    }
}

/// One action's form; `on_done` gets the need as it is afterwards, `on_stale` asks the page to reload
/// after a 409 (someone else moved the need meanwhile).
#[component]
pub fn ActionForm(
    need_id: Id,
    action: NeedAction,
    on_done: Callback<NeedDetail>,
    on_cancel: Callback<()>,
    on_stale: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let note = RwSignal::new(String::new());
    let missing = RwSignal::new(vec![String::new()]);
    let assignee = RwSignal::new(None::<Id>);
    let rating = RwSignal::new(0_i32);
    let allowed = RwSignal::new(Vec::<String>::new());
    let (note_label, note_required) = note_kind(action);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        allowed.set(Vec::new());
        let text = note.get_untracked().trim().to_owned();
        let items: Vec<String> = missing.get_untracked().into_iter().map(|m| m.trim().to_owned()).filter(|m| !m.is_empty()).collect();
        let mut errors = Vec::new();
        if note_required && text.is_empty() {
            errors.push(field_error("/note", shared::FieldRule::Required, "is required"));
        }
        if action == NeedAction::Return && items.is_empty() {
            errors.push(field_error("/missing", shared::FieldRule::RequiredOne, "add at least one item"));
        }
        if action == NeedAction::Dispatch && assignee.get_untracked().is_none() {
            errors.push(field_error("/assignee_id", shared::FieldRule::Required, "is required"));
        }
        if matches!(action, NeedAction::Rate | NeedAction::ReturnVisit) && !(1..=5).contains(&rating.get_untracked()) {
            errors.push(field_error("/rating", shared::FieldRule::Required, "is required"));
        }
        if !errors.is_empty() {
            return form.invalid(errors);
        }
        let request = NeedActionRequest {
            action,
            note: (!text.is_empty()).then_some(text),
            missing: (action == NeedAction::Return).then_some(items),
            assignee_id: assignee.get_untracked().filter(|_| action == NeedAction::Dispatch),
            service_id: None,
            rating: (matches!(action, NeedAction::Rate | NeedAction::ReturnVisit)).then(|| rating.get_untracked()),
            hours: None,
        };
        spawn_local(async move {
            match api::need_action(need_id, &request).await {
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

    view! {
        <form class="form panel action-form" on:submit=submit novalidate
            data-testid="action-form" data-action=action.as_str()>
            <h3>{move || i18n.need_action(action)}</h3>
            <FormSummary form placed=&PLACED/>
            {move || (!allowed.with(Vec::is_empty)).then(|| view! {
                <p class="form-summary" data-testid="action-allowed">
                    {move || i18n.t(k!("error.not_allowed"))}" "
                    {move || allowed.get().iter()
                        .map(|a| NeedAction::parse(a).map_or_else(|| a.clone(), |a| i18n.need_action(a)))
                        .collect::<Vec<_>>().join("、")}
                </p>
            })}
            {(action == NeedAction::Return).then(|| view! { <MissingEditor items=missing form/> })}
            {(action == NeedAction::Dispatch).then(|| view! {
                <FieldGroup label=k!("form.assignee") pointer="/assignee_id" form>
                    <AssigneePicker need_id value=assignee/>
                </FieldGroup>
            })}
            {(matches!(action, NeedAction::Rate | NeedAction::ReturnVisit)).then(|| view! {
                <FieldGroup label=k!("form.stars") pointer="/rating" form hint=k!("form.low_rating_hint")>
                    <StarPicker value=rating/>
                </FieldGroup>
            })}
            <Field label=note_label pointer="/note" form>
                <textarea rows="3" maxlength="1000" data-testid="action-note" required=note_required
                    prop:value=note on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </Field>
            <div class="form-buttons">
                <button type="submit" class="btn btn-primary" disabled=form.busy data-testid="action-confirm">
                    {move || if form.busy.get() { i18n.t(k!("state.saving")) } else { i18n.t(k!("form.confirm")) }}
                </button>
                <button type="button" class="btn btn-ghost" on:click=move |_| on_cancel.run(())>
                    {move || i18n.t(k!("action.cancel"))}
                </button>
            </div>
        </form>
    }
}

/// Five star buttons; the chosen number is `value` (0 = none yet).
#[component]
pub fn StarPicker(value: RwSignal<i32>) -> impl IntoView {
    view! {
        <span class="stars" role="radiogroup" data-testid="star-picker">
            {(1..=5).map(|n| view! {
                <button type="button" class="star" class:lit={move || value.get() >= n}
                    role="radio" aria-checked=move || (value.get() == n).to_string()
                    aria-label=format!("{n}") data-testid=format!("star-{n}")
                    on:click=move |_| value.set(n)>
                    {move || if value.get() >= n { "★" } else { "☆" }}
                </button>
            }).collect_view()}
        </span>
    }
}
