//! Deleting the resident's account, behind a confirmation that says what goes and what stays: the
//! name, phone and address are cleared and the account is closed; the needs stay, anonymised,
//! because they count in the community's statistics.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use crate::common::api;
use crate::common::i18n::use_i18n;
use crate::common::session::use_session;
use crate::common::status::error_text;
use crate::mobile::account_endpoints;

#[component]
pub fn DeleteAccount() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let delete = move |_| {
        busy.set(true);
        error.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            match account_endpoints::delete_account().await {
                Ok(()) => {
                    api::clear_tokens();
                    session.me.set(None);
                    navigate("/m/sign-in", NavigateOptions { replace: true, ..Default::default() });
                }
                Err(e) => error.set(Some(error_text(i18n, &e))),
            }
            // Gone with the page after a deletion.
            busy.try_set(false);
        });
    };
    view! {
        <section style="margin-top: 24px;">
            {move || if confirming.get() {
                view! {
                    <div class="m-card" role="alertdialog" aria-labelledby="delete-title" data-testid="delete-confirm"
                        style="border-color: var(--bad);">
                        <strong id="delete-title">{move || i18n.t(k!("account.delete_title"))}</strong>
                        <p style="margin: 0;">{move || i18n.t(k!("account.delete_cleared"))}</p>
                        <p style="margin: 0;">{move || i18n.t(k!("account.delete_kept"))}</p>
                        <p style="margin: 0;" class="muted">{move || i18n.t(k!("account.delete_final"))}</p>
                        {move || error.get().map(|e| view! { <p class="form-summary" role="alert">{e}</p> })}
                        <span class="m-card-foot" style="gap: 8px;">
                            <button type="button" class="btn" data-testid="delete-confirm-yes" disabled=busy
                                style="background: var(--bad); border-color: var(--bad); color: #fff;" on:click=delete.clone()>
                                {move || i18n.t(k!("account.delete_yes"))}
                            </button>
                            <button type="button" class="btn btn-ghost" on:click=move |_| confirming.set(false)>
                                {move || i18n.t(k!("action.cancel"))}
                            </button>
                        </span>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="btn btn-ghost" data-testid="delete-account" style="color: var(--bad);"
                        on:click=move |_| confirming.set(true)>
                        {move || i18n.t(k!("account.delete"))}
                    </button>
                }.into_any()
            }}
        </section>
    }
}
