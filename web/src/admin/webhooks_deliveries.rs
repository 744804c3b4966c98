//! An endpoint's delivery log: event, status, attempts, the receiver's answer and the time, newest
//! first and paged, filtered by status; each delivery can be replayed, and its body read.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{DeliveryStatus, Id, WebhookDelivery};

use crate::admin::webhooks_endpoints as api;
use crate::admin::webhooks_events::EventLabel;
use crate::admin::webhooks_page::DeliveryStatusLabel;
use crate::common::format::{local_time, pretty_json};
use crate::common::i18n::{tr, use_i18n};
use crate::common::paged::Paged;
use crate::common::status::error_text;
use crate::common::widgets::HeadRow;
use crate::messages::Key;

const HEAD: [Key; 5] = [k!("webhook.event"), k!("webhook.status"), k!("webhook.attempts"), k!("webhook.response"), k!("webhook.time")];

#[component]
pub fn Deliveries(id: Id, log_version: RwSignal<u32>, on_queued: Callback<Key>, can_replay: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let status = RwSignal::new(None::<DeliveryStatus>);
    let log = Paged::<WebhookDelivery>::new();
    let fetch = move |cursor| api::deliveries(id, status.get_untracked(), cursor, None);
    Effect::new(move |_| {
        status.track();
        log_version.track();
        log.reload(fetch);
    });
    let more = Callback::new(move |()| log.more(fetch));
    let retry = Callback::new(move |()| log.reload(fetch));
    let failure = RwSignal::new(None::<String>);
    let replay = Callback::new(move |delivery: Id| {
        failure.set(None);
        spawn_local(async move {
            match api::replay_delivery(id, delivery).await {
                Ok(_) => on_queued.run(k!("webhook.replay_queued")),
                Err(e) => failure.set(Some(error_text(i18n, &e))),
            }
        });
    });
    view! {
        <section class="detail" data-testid="webhook-deliveries">
            <h3>{tr(k!("webhook.deliveries"))}</h3>
            <div class="toolbar">
                <select aria-label=tr(k!("webhook.status")) data-testid="delivery-filter-status"
                    on:change=move |ev| status.set(DeliveryStatus::parse(&event_target_value(&ev)))>
                    <option value="">{tr(k!("webhook.all_statuses"))}</option>
                    {DeliveryStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str()>{move || i18n.dynamic(words!("delivery"), s.as_str())}</option>
                    }).collect_view()}
                </select>
                <button type="button" class="btn" data-testid="delivery-refresh" on:click=move |_| retry.run(())>
                    {tr(k!("webhook.refresh"))}
                </button>
            </div>
            {move || failure.get().map(|text| view! { <p class="form-summary" role="alert" data-testid="replay-error">{text}</p> })}
            <div class="table-wrap">
                <table class="table" data-testid="deliveries-table">
                    <HeadRow keys=&HEAD extra=1/>
                    <tbody>
                        <For each=move || log.items.get() key=|d| (d.id, d.attempts, d.status.as_str()) let:delivery>
                            <DeliveryRow delivery replay can_replay/>
                        </For>
                    </tbody>
                </table>
            </div>
            {log.footer(k!("state.no_deliveries"), more, retry)}
        </section>
    }
}

#[component]
fn DeliveryRow(delivery: WebhookDelivery, replay: Callback<Id>, can_replay: Signal<bool>) -> impl IntoView {
    let id = delivery.id;
    let body = pretty_json(&delivery.payload);
    view! {
        <tr data-testid="delivery-row" data-delivery-id=id.to_string()>
            <td>
                <EventLabel code=delivery.event.clone()/>
                <details class="small">
                    <summary>{tr(k!("webhook.payload"))}" #"{id}</summary>
                    <pre class="mono small" style="white-space: pre-wrap; word-break: break-all; max-width: 60ch">{body}</pre>
                </details>
            </td>
            <td>
                <DeliveryStatusLabel status=delivery.status/>
                {delivery.last_error.clone().map(|e| view! { <br/><span class="small muted" style="word-break: break-word">{e}</span> })}
            </td>
            <td class="num">{delivery.attempts}</td>
            <td class="num">{delivery.last_status.map(|s| s.to_string()).unwrap_or_else(|| "—".to_owned())}</td>
            <td class="muted nowrap">{local_time(&delivery.created_at)}</td>
            <td class="actions">
                <button type="button" class="btn btn-small" data-testid="delivery-replay" disabled=move || !can_replay.get()
                    on:click=move |_| replay.run(id)>
                    {tr(k!("webhook.replay"))}
                </button>
            </td>
        </tr>
    }
}
