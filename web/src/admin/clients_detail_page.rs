//! `/admin/clients/:id`: one integration client — its facts, rotating its secret (the new one shown
//! once, with until when the old one still works), revoking it after a confirmation, and its usage
//! per day as a table and a bar chart.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use shared::{Id, IntegrationClient, IntegrationClientSecret};

use crate::admin::clients_endpoints as api;
use crate::admin::clients_page::{ScopeLabels, StatusLabel};
use crate::admin::clients_secret::SecretBox;
use crate::admin::clients_usage::UsageSection;
use crate::common::api::area;
use crate::common::form::{FormState, FormSummary};
use crate::common::format::local_time;
use crate::common::i18n::{tr, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};

#[component]
pub fn ClientDetailPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    view! {
        <nav class="crumbs back-link">
            <a href="/admin/clients" data-testid="client-back">{tr(k!("client.back"))}</a>
        </nav>
        <Show when=move || session.permissions().manage_integration_clients fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            {move || match id.get() {
                Some(id) => view! { <ClientLoader id/> }.into_any(),
                None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
            }}
        </Show>
    }
}

#[component]
fn ClientLoader(id: Id) -> impl IntoView {
    let client = LocalResource::new(move || api::client(id));
    let retry = Callback::new(move |()| client.refetch());
    view! {
        <Transition fallback=|| view! { <Loading/> }>
            {move || client.get().map(|result| match result {
                Ok(loaded) => view! { <ClientView client=loaded/> <UsageSection id/> }.into_any(),
                Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
            })}
        </Transition>
    }
}

/// What the admin is asked to confirm, if anything.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Confirm {
    None,
    Rotate,
    Revoke,
}

#[component]
fn ClientView(client: IntegrationClient) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let id = client.id;
    let current = RwSignal::new(client);
    let confirm = RwSignal::new(Confirm::None);
    let secret = RwSignal::new(None::<IntegrationClientSecret>);
    let area_id = current.with_untracked(|c| c.area_id);
    let area_name =
        LocalResource::new(move || async move { area(area_id).await.map(|a| a.name).unwrap_or_else(|_| format!("#{area_id}")) });

    let rotate = move |_| {
        form.start();
        spawn_local(async move {
            match api::rotate_secret(id).await {
                Ok(rotated) => {
                    form.done();
                    current.set(rotated.client.clone());
                    secret.set(Some(rotated));
                    confirm.set(Confirm::None);
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    let revoke = move |_| {
        form.start();
        spawn_local(async move {
            match api::revoke_client(id).await {
                Ok(revoked) => {
                    form.done();
                    current.set(revoked);
                    confirm.set(Confirm::None);
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    let revoked = move || current.with(|c| c.revoked_at.is_some());
    let when = |at: Option<chrono::DateTime<chrono::Utc>>| at.map_or_else(|| "—".to_owned(), |t| local_time(&t));

    view! {
        <div class="page-head">
            <h1 class="page-title" data-testid="client-title">{move || current.with(|c| c.name.clone())}</h1>
            {move || view! { <StatusLabel revoked=revoked()/> }}
        </div>
        {move || secret.get().map(|s| view! {
            <SecretBox secret=s.client_secret grace_until=s.client.previous_secret_valid_until
                on_done=Callback::new(move |()| secret.set(None))/>
        })}
        <section class="panel">
            <dl class="facts" data-testid="client-facts">
                <dt>{tr(k!("client.client_id"))}</dt><dd class="mono" style="word-break: break-all">{move || current.with(|c| c.client_id.clone())}</dd>
                <dt>{tr(k!("client.area"))}</dt><dd>{move || area_name.get()}</dd>
                <dt>{tr(k!("client.rate_limit"))}</dt><dd>{move || current.with(|c| c.rate_limit_per_minute)}</dd>
                <dt>{tr(k!("client.created_at"))}</dt><dd>{move || current.with(|c| local_time(&c.created_at))}</dd>
                <dt>{tr(k!("client.previous_valid_until"))}</dt><dd>{move || current.with(|c| when(c.previous_secret_valid_until))}</dd>
                <dt>{tr(k!("client.revoked_at"))}</dt><dd>{move || current.with(|c| when(c.revoked_at))}</dd>
                <dt>{tr(k!("client.scopes"))}</dt><dd>{move || view! { <ScopeLabels scopes=current.with(|c| c.scopes.clone())/> }}</dd>
            </dl>
        </section>
        <Show when=move || !revoked()>
            <div class="toolbar">
                <button type="button" class="btn" data-testid="client-rotate" on:click=move |_| confirm.set(Confirm::Rotate)>
                    {tr(k!("client.rotate"))}
                </button>
                <button type="button" class="btn" data-testid="client-revoke" on:click=move |_| confirm.set(Confirm::Revoke)>
                    {tr(k!("client.revoke"))}
                </button>
            </div>
        </Show>
        {move || (confirm.get() != Confirm::None).then(|| {
            let rotating = confirm.get() == Confirm::Rotate;
            view! {
                <div class="panel action-form" role="alertdialog" aria-modal="false" data-testid="client-confirm-box">
                    <p style="margin: 0 0 10px">
                        {move || if rotating { i18n.t(k!("client.rotate_confirm")) } else { i18n.t(k!("client.revoke_confirm")) }}
                    </p>
                    <div class="form-buttons">
                        <button type="button" class="btn btn-primary" data-testid="client-confirm" disabled=form.busy
                            on:click=move |ev| if rotating { rotate(ev) } else { revoke(ev) }>
                            {move || if form.busy.get() { i18n.t(k!("state.saving")) } else { i18n.t(k!("form.confirm")) }}
                        </button>
                        <button type="button" class="btn" data-testid="client-confirm-cancel" on:click=move |_| confirm.set(Confirm::None)>
                            {tr(k!("action.cancel"))}
                        </button>
                    </div>
                </div>
            }
        })}
        <div class="action-form"><FormSummary form placed=&[]/></div>
    }
}
