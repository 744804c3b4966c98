//! 事件推送 (`/admin/webhooks`): the caller's webhook endpoints (every one, for the platform admin) —
//! URL, events, active, the last delivery's status — and registering one.

use leptos::prelude::*;
use shared::{DeliveryStatus, Webhook};

use crate::admin::webhooks_endpoints as api;
use crate::admin::webhooks_events::EventLabel;
use crate::admin::webhooks_form::WebhookForm;
use crate::common::format::local_time;
use crate::common::i18n::{tr, use_i18n};
use crate::common::paged::Paged;
use crate::common::session::use_session;
use crate::common::status::Empty;
use crate::common::widgets::HeadRow;
use crate::messages::Key;

const HEAD: [Key; 4] = [k!("webhook.url"), k!("webhook.events"), k!("webhook.active"), k!("webhook.last_delivery")];

#[component]
pub fn WebhooksPage() -> impl IntoView {
    let session = use_session();
    view! {
        <h1 class="page-title">{tr(k!("nav.webhooks"))}</h1>
        <Show when=move || session.permissions().manage_webhooks fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <WebhooksTable/>
        </Show>
    }
}

#[component]
fn WebhooksTable() -> impl IntoView {
    let registering = RwSignal::new(false);
    let hooks = Paged::<Webhook>::new();
    hooks.reload(api::webhooks);
    let more = Callback::new(move |()| hooks.more(api::webhooks));
    let retry = Callback::new(move |()| hooks.reload(api::webhooks));
    let on_saved = Callback::new(move |saved: Webhook| {
        hooks.items.update(|list| list.insert(0, saved));
        registering.set(false);
    });
    let on_cancel = Callback::new(move |()| registering.set(false));
    view! {
        <div class="toolbar">
            <div class="spacer"></div>
            <button type="button" class="btn btn-primary" data-testid="webhook-new" on:click=move |_| registering.set(true)>
                {tr(k!("webhook.register"))}
            </button>
        </div>
        <Show when=move || registering.get()>
            <WebhookForm existing=None on_saved on_cancel/>
        </Show>
        <div class="table-wrap">
            <table class="table" data-testid="webhooks-table">
                <HeadRow keys=&HEAD extra=1/>
                <tbody>
                    <For each=move || hooks.items.get() key=|w| (w.id, w.updated_at) let:hook>
                        <WebhookRow hook/>
                    </For>
                </tbody>
            </table>
        </div>
        {hooks.footer(k!("state.no_webhooks"), more, retry)}
    }
}

#[component]
fn WebhookRow(hook: Webhook) -> impl IntoView {
    let i18n = use_i18n();
    let id = hook.id;
    let last = LocalResource::new(move || api::deliveries(id, None, None, Some(1)));
    let active = hook.active;
    let last_delivery = move || {
        last.get().and_then(Result::ok).map(|page| match page.items.into_iter().next() {
            Some(d) => view! {
                <DeliveryStatusLabel status=d.status/>
                <span class="muted small nowrap">" "{local_time(&d.created_at)}</span>
            }
            .into_any(),
            None => view! { <span class="muted">{move || i18n.t(k!("webhook.no_delivery"))}</span> }.into_any(),
        })
    };
    view! {
        <tr class:inactive=!active data-testid="webhook-row" data-webhook-id=id.to_string()>
            <td class="mono" style="word-break: break-all">
                <a href=format!("/admin/webhooks/{id}") data-testid="webhook-link">{hook.url.clone()}</a>
            </td>
            <td><EventList events=hook.events.clone()/></td>
            <td>
                <span class="status" class:status-off=!active>
                    {move || if active { i18n.t(k!("webhook.active_yes")) } else { i18n.t(k!("webhook.active_no")) }}
                </span>
            </td>
            <td data-testid="webhook-last-delivery">{last_delivery}</td>
            <td class="actions">
                <a class="btn btn-small" href=format!("/admin/webhooks/{id}")>{move || i18n.t(k!("webhook.open"))}</a>
            </td>
        </tr>
    }
}

/// The subscribed events as labels; "every event" when the list is empty.
#[component]
pub fn EventList(events: Vec<String>) -> impl IntoView {
    if events.is_empty() {
        return view! { <span class="badge">{tr(k!("webhook.all_events"))}</span> }.into_any();
    }
    view! {
        <span class="chips">{events.into_iter().map(|code| view! { <EventLabel code/> }).collect_view()}</span>
    }
    .into_any()
}

/// 待投递 / 已送达 / 失败, coloured.
#[component]
pub fn DeliveryStatusLabel(status: DeliveryStatus) -> impl IntoView {
    let i18n = use_i18n();
    let colour = match status {
        DeliveryStatus::Delivered => "var(--ok)",
        DeliveryStatus::Pending => "var(--warn)",
        DeliveryStatus::Failed => "var(--bad)",
    };
    view! {
        <span style=format!("color: {colour}") data-testid="delivery-status" data-status=status.as_str()>
            {move || i18n.dynamic(words!("delivery"), status.as_str())}
        </span>
    }
}
