//! 批量派单: dispatch the ticked accepted needs to one assignee, then say which went and which did
//! not (and why) — one failure does not stop the others.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{BulkDispatch, BulkDispatchResult, Id};

use crate::common::api;
use crate::common::form::{FormState, FormSummary, field_error};
use crate::common::i18n::use_i18n;
use crate::needs::assignee_picker::AssigneePicker;

/// The bar above the queue while needs are ticked, and the outcome of the last bulk dispatch.
#[component]
pub fn BulkDispatchBar(selection: RwSignal<Vec<Id>>, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let result = RwSignal::new(None::<BulkDispatchResult>);
    let finished = Callback::new(move |outcome: BulkDispatchResult| {
        selection.set(Vec::new());
        open.set(false);
        result.set(Some(outcome));
        on_done.run(());
    });
    view! {
        {move || (!selection.with(Vec::is_empty)).then(|| view! {
            <div class="bulk-bar" data-testid="bulk-bar">
                <span>{move || i18n.t(k!("queue.selected"))}" "<b>{move || selection.with(Vec::len)}</b></span>
                <button type="button" class="btn btn-primary" data-testid="bulk-dispatch"
                    on:click=move |_| open.set(true)>
                    {move || i18n.t(k!("queue.bulk_dispatch"))}
                </button>
                <button type="button" class="btn btn-ghost" on:click=move |_| { selection.set(Vec::new()); open.set(false); }>
                    {move || i18n.t(k!("queue.clear_selection"))}
                </button>
            </div>
        })}
        {move || {
            let first = selection.with(|s| s.first().copied());
            match (open.get(), first) {
                (true, Some(first)) => view! {
                    <BulkDispatchForm first ids=selection.get_untracked() on_done=finished
                        on_cancel=Callback::new(move |()| open.set(false))/>
                }.into_any(),
                _ => ().into_any(),
            }
        }}
        {move || result.get().map(|r| view! { <BulkResult result=r on_close=Callback::new(move |()| result.set(None))/> })}
    }
}

#[component]
fn BulkDispatchForm(first: Id, ids: Vec<Id>, on_done: Callback<BulkDispatchResult>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let assignee = RwSignal::new(None::<Id>);
    let note = RwSignal::new(String::new());
    let ids = StoredValue::new(ids);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let Some(assignee_id) = assignee.get_untracked() else {
            return form.invalid(vec![field_error("/assignee_id", shared::FieldRule::Required, "is required")]);
        };
        let note = note.get_untracked().trim().to_owned();
        let request = BulkDispatch { need_ids: ids.get_value(), assignee_id, note: (!note.is_empty()).then_some(note) };
        spawn_local(async move {
            match api::bulk_dispatch(&request).await {
                Ok(outcome) => {
                    form.done();
                    on_done.run(outcome);
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    view! {
        <form class="form panel" on:submit=submit data-testid="bulk-form" novalidate>
            <h3>{move || i18n.t(k!("queue.bulk_dispatch"))}" · "{ids.with_value(Vec::len)}</h3>
            <FormSummary form placed=&["/note"]/>
            <AssigneePicker need_id=first value=assignee/>
            <label class="field">
                <span class="field-label">{move || i18n.t(k!("queue.bulk_note"))}</span>
                <input type="text" maxlength="1000" prop:value=note on:input=move |ev| note.set(event_target_value(&ev))/>
            </label>
            <div class="form-buttons">
                <button type="submit" class="btn btn-primary" disabled=form.busy data-testid="bulk-confirm">
                    {move || if form.busy.get() { i18n.t(k!("state.saving")) } else { i18n.t(k!("form.confirm")) }}
                </button>
                <button type="button" class="btn btn-ghost" on:click=move |_| on_cancel.run(())>
                    {move || i18n.t(k!("action.cancel"))}
                </button>
            </div>
        </form>
    }
}

#[component]
fn BulkResult(result: BulkDispatchResult, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let done = result.dispatched.len();
    let failed = result.failed.len();
    view! {
        <div class="panel bulk-result" role="status" data-testid="bulk-result">
            <p>
                {move || i18n.t(k!("queue.bulk_done"))}" "<b data-testid="bulk-dispatched">{done}</b>
                " · "{move || i18n.t(k!("queue.bulk_failed"))}" "<b data-testid="bulk-failed">{failed}</b>
                <button type="button" class="chip-x" aria-label=move || i18n.t(k!("action.clear"))
                    on:click=move |_| on_close.run(())>"×"</button>
            </p>
            {(!result.dispatched.is_empty()).then(|| view! {
                <p class="muted">{result.dispatched.iter().map(|id| view! {
                    <a href=format!("/needs/{id}")>{format!("#{id}")}</a>" "
                }).collect_view()}</p>
            })}
            <ul class="bulk-failures">
                {result.failed.into_iter().map(|f| view! {
                    <li><a href=format!("/needs/{}", f.need_id)>{format!("#{}", f.need_id)}</a>": "{f.detail}</li>
                }).collect_view()}
            </ul>
        </div>
    }
}
