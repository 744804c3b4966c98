//! `/admin/webhooks/:id`: one endpoint — its facts, editing it, sending a test — and its delivery
//! log (paged, by status) where any delivery can be replayed as a new one.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use shared::{Id, Webhook};

use crate::admin::webhooks_deliveries::Deliveries;
use crate::admin::webhooks_endpoints as api;
use crate::admin::webhooks_form::WebhookForm;
use crate::admin::webhooks_page::EventList;
use crate::common::form::{FormState, FormSummary};
use crate::common::format::local_time;
use crate::common::i18n::{tr, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::messages::Key;

#[component]
pub fn WebhookDetailPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    view! {
        <nav class="crumbs back-link">
            <a href="/admin/webhooks" data-testid="webhook-back">{tr(k!("webhook.back"))}</a>
        </nav>
        <Show when=move || session.permissions().manage_webhooks fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            {move || match id.get() {
                Some(id) => view! { <WebhookLoader id/> }.into_any(),
                None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
            }}
        </Show>
    }
}

#[component]
fn WebhookLoader(id: Id) -> impl IntoView {
    let hook = LocalResource::new(move || api::webhook(id));
    let retry = Callback::new(move |()| hook.refetch());
    view! {
        <Transition fallback=|| view! { <Loading/> }>
            {move || hook.get().map(|result| match result {
                Ok(loaded) => view! { <WebhookView hook=loaded/> }.into_any(),
                Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn WebhookView(hook: Webhook) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let id = hook.id;
    let current = RwSignal::new(hook);
    let editing = RwSignal::new(false);
    let notice = RwSignal::new(None::<Key>);
    // Bumped after a test or a replay so the log shows the new delivery.
    let log_version = RwSignal::new(0_u32);

    let on_saved = Callback::new(move |saved: Webhook| {
        current.set(saved);
        editing.set(false);
    });
    let on_cancel = Callback::new(move |()| editing.set(false));
    let on_queued = Callback::new(move |key: Key| {
        notice.set(Some(key));
        log_version.update(|v| *v += 1);
    });
    let test = move |_| {
        form.start();
        notice.set(None);
        spawn_local(async move {
            match api::test_webhook(id).await {
                Ok(_) => {
                    form.done();
                    on_queued.run(k!("webhook.test_queued"));
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    let active = move || current.with(|w| w.active);

    view! {
        <div class="page-head">
            <h1 class="page-title mono" style="word-break: break-all; font-size: 18px" data-testid="webhook-title">
                {move || current.with(|w| w.url.clone())}
            </h1>
        </div>
        <section class="panel">
            <dl class="facts" data-testid="webhook-facts">
                <dt>{tr(k!("webhook.active"))}</dt>
                <dd>
                    <span class="status" class:status-off=move || !active()>
                        {move || if active() { i18n.t(k!("webhook.active_yes")) } else { i18n.t(k!("webhook.active_no")) }}
                    </span>
                </dd>
                <dt>{tr(k!("webhook.created_at"))}</dt><dd>{move || current.with(|w| local_time(&w.created_at))}</dd>
                <dt>{tr(k!("webhook.events"))}</dt><dd>{move || view! { <EventList events=current.with(|w| w.events.clone())/> }}</dd>
            </dl>
        </section>
        <div class="toolbar">
            <button type="button" class="btn" data-testid="webhook-edit" on:click=move |_| editing.set(true)>{tr(k!("action.edit"))}</button>
            <button type="button" class="btn" data-testid="webhook-test" disabled=move || !active() || form.busy.get() on:click=test>
                {tr(k!("webhook.test"))}
            </button>
        </div>
        {move || editing.get().then(|| view! { <WebhookForm existing=Some(current.get_untracked()) on_saved on_cancel/> })}
        {move || notice.get().map(|key| view! { <p class="notice" data-testid="webhook-notice">{move || i18n.t(key)}</p> })}
        <div class="action-form"><FormSummary form placed=&[]/></div>
        <Deliveries id log_version on_queued can_replay=Signal::derive(active)/>
    }
}
