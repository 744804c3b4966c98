//! Reversing a transfer (冲正): a reason, then a second click that says what will happen, because a
//! reversal is a new transfer of negated postings and cannot itself be undone from here.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{FieldRule, Id};

use crate::common::form::{Field, FormState, FormSummary, field_error};
use crate::common::i18n::{tr, use_i18n};
use crate::ledger::endpoints::reverse_transfer;

const PLACED: [&str; 1] = ["/reason"];

/// The reason box and the two-step confirmation; `on_done` once the reversal is written.
#[component]
pub fn ReverseForm(transfer: Id, on_done: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let reason = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = reason.get_untracked().trim().to_owned();
        if text.is_empty() {
            form.invalid(vec![field_error("/reason", FieldRule::Required, "a reason is required")]);
            confirming.set(false);
            return;
        }
        if !confirming.get_untracked() {
            form.errors.set(Vec::new());
            confirming.set(true);
            return;
        }
        form.start();
        spawn_local(async move {
            match reverse_transfer(transfer, text).await {
                Ok(_) => {
                    form.done();
                    on_done.run(());
                }
                Err(e) => {
                    confirming.set(false);
                    form.failed(i18n, &e);
                }
            }
        });
    };
    view! {
        <form class="form reverse-form" data-testid="reverse-form" on:submit=submit novalidate>
            <FormSummary form placed=&PLACED/>
            <Field label=k!("ledger.reverse_reason") pointer="/reason" form>
                <input type="text" maxlength="500" data-testid="reverse-reason" prop:value=reason
                    on:input=move |ev| { reason.set(event_target_value(&ev)); confirming.set(false); }/>
            </Field>
            {move || confirming.get().then(|| view! {
                <p class="notice notice-warn" role="status" data-testid="reverse-confirm-text">{tr(k!("ledger.reverse_confirm"))}</p>
            })}
            <div class="form-buttons">
                <button type="submit" class="btn btn-primary" disabled=form.busy data-testid="reverse-submit">
                    {move || i18n.t(if form.busy.get() { k!("state.saving") } else if confirming.get() { k!("ledger.reverse_yes") } else { k!("ledger.reverse") })}
                </button>
                <button type="button" class="btn btn-ghost" on:click=move |_| on_cancel.run(())>{tr(k!("action.cancel"))}</button>
            </div>
        </form>
    }
}
