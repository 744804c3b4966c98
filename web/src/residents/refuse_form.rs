//! Refusing a residence: the reason is required (checked in place before anything is sent), a note
//! is optional; the server's field errors show under their inputs.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Code, FieldRule, RefusalReason, RefuseResidence, Resident};

use crate::common::form::{Field, FormButtons, FormState, FormSummary, field_error};
use crate::common::i18n::use_i18n;
use crate::residents::endpoints;

/// The form under one resident's card; `on_done` gets the saved resident.
#[component]
pub fn RefuseForm(id: i64, on_done: Callback<Resident>, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let reason = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.busy.get_untracked() {
            return;
        }
        form.start();
        let Some(reason) = RefusalReason::parse(&reason.get_untracked()) else {
            form.invalid(vec![field_error("/reason", FieldRule::Required, i18n.t(k!("residents.reason_required")))]);
            return;
        };
        let note = Some(note.get_untracked().trim().to_owned()).filter(|n| !n.is_empty());
        spawn_local(async move {
            match endpoints::refuse(id, RefuseResidence { reason, note }).await {
                Ok(saved) => {
                    form.done();
                    on_done.run(saved);
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    view! {
        <form class="m-form" on:submit=submit data-testid="refuse-form" novalidate
            style="display: flex; flex-direction: column; gap: 8px;">
            <Field label=k!("residents.reason") pointer="/reason" form>
                <select data-testid="refuse-reason" prop:value=reason on:change=move |ev| reason.set(event_target_value(&ev))>
                    <option value="">{move || i18n.t(k!("residents.pick_reason"))}</option>
                    {<RefusalReason as Code>::ALL.iter().map(|r| view! {
                        <option value=r.as_str()>{move || i18n.dynamic(words!("refusal"), r.as_str())}</option>
                    }).collect_view()}
                </select>
            </Field>
            <Field label=k!("residents.note") pointer="/note" form>
                <textarea rows="2" maxlength="500" data-testid="refuse-note" prop:value=note
                    on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </Field>
            <FormSummary form placed=&["/reason", "/note"]/>
            <FormButtons form on_cancel submit_key=k!("residents.confirm_refuse")/>
        </form>
    }
}
