//! 积分商城 on the phone: `/m/shop`, what the resident's community offers for points (price, stock,
//! limit per person, valid dates, pick-up place) with redemption after a confirmation; and
//! `/m/shop/orders`, their orders with the pick-up code shown large for the merchant, cancellable while
//! waiting to be collected. A retried redemption carries the same `Idempotency-Key`, so it is placed once.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::{ErrorCode, Id, LedgerUnit, Redeem, ShopItem, ShopOrder, ShopOrderStatus};

use crate::common::form::{AttemptKey, FormState, FormSummary};
use crate::common::format::local_time;
use crate::common::i18n::{tr, use_i18n};
use crate::common::paged::Paged;
use crate::common::status::error_text;
use crate::mobile::participate_tabs::{ParticipateTabs, Section};
use crate::mobile::points_endpoints;
use crate::shop::endpoints as shop_endpoints;

/// The resident's points balance, once loaded (none without a points account).
fn points_balance() -> RwSignal<Option<i64>> {
    let balance = RwSignal::new(None);
    spawn_local(async move {
        if let Ok(ledger) = points_endpoints::my_ledger().await {
            let points = ledger.accounts.iter().find(|a| a.unit == LedgerUnit::Points).map_or(0, |a| a.balance);
            balance.set(Some(points));
        }
    });
    balance
}

/// `/m/shop`.
#[component]
pub fn ResidentShopPage() -> impl IntoView {
    let i18n = use_i18n();
    let items = Paged::<ShopItem>::new();
    items.reload(points_endpoints::shop_items);
    let more = Callback::new(move |()| items.more(points_endpoints::shop_items));
    let retry = Callback::new(move |()| items.reload(points_endpoints::shop_items));
    let balance = points_balance();
    view! {
        <ParticipateTabs current=Section::Shop/>
        <h1 class="m-title">{tr(k!("mshop.title"))}</h1>
        {move || balance.get().map(|b| view! {
            <p class="m-hint" data-testid="shop-balance">{tr(k!("mshop.balance"))}<strong>{i18n.number(b as f64, 0)}</strong></p>
        })}
        <ul class="m-cards" data-testid="shop-items">
            <For each=move || items.items.get() key=|i| (i.id, i.updated_at) let:item>
                <ItemCard item/>
            </For>
        </ul>
        {items.footer(k!("mshop.none"), more, retry)}
    }
}

#[component]
fn ItemCard(item: ShopItem) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let (price, stock, limit) = (item.points_price, item.stock, item.limit_per_person);
    let valid = format!("{} – {}", local_time(&item.valid_from), local_time(&item.valid_to));
    let seller = item.provider_name.clone().unwrap_or_else(|| item.offered_by_name.clone());
    let (id, available) = (item.id, item.available);
    view! {
        <li class="m-card shop-item" data-testid="shop-item" data-item-id=id>
            <span class="m-card-head">
                <strong>{item.name.clone()}</strong>
                <strong class="shop-price">{move || format!("{}{}", i18n.number(price as f64, 0), i18n.t(k!("mshop.price_unit")))}</strong>
            </span>
            <span class="m-card-text muted">{seller}</span>
            {(!item.description.is_empty()).then(|| view! { <span class="m-card-text">{item.description.clone()}</span> })}
            <span class="m-card-foot muted">
                <span data-testid="shop-stock">{move || format!("{}{stock}", i18n.t(k!("mshop.stock")))}</span>" · "
                <span>{move || format!("{}{limit}", i18n.t(k!("mshop.limit")))}</span>
            </span>
            <span class="m-card-foot muted">{move || format!("{}{valid}", i18n.t(k!("mshop.valid")))}</span>
            <span class="m-card-foot muted">{tr(k!("mshop.pickup"))}{item.pickup_place.clone()}</span>
            {move || if open.get() {
                view! { <RedeemConfirm item=item.clone() on_cancel=Callback::new(move |()| open.set(false))/> }.into_any()
            } else {
                view! {
                    <button type="button" class="btn btn-primary btn-block btn-large" data-testid="shop-redeem"
                        disabled=!available on:click=move |_| open.set(true)>{tr(k!("mshop.redeem"))}</button>
                }.into_any()
            }}
        </li>
    }
}

const PLACED: [&str; 1] = ["/quantity"];

/// Quantity, the points it costs, and the button that redeems.
#[component]
fn RedeemConfirm(item: ShopItem, on_cancel: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let form = FormState::new();
    let most = item.limit_per_person.min(item.stock).max(1);
    let quantity = RwSignal::new(1_i64);
    let (id, price) = (item.id, item.points_price);
    let last_attempt = AttemptKey::<Redeem>::new();
    let error_at = move || form.error_at(i18n, "/quantity");
    let confirm = move |_| {
        if form.busy.get_untracked() {
            return;
        }
        form.start();
        let request = Redeem { item_id: id, quantity: quantity.get_untracked() };
        let key = last_attempt.key_for(&request);
        let navigate = navigate.clone();
        spawn_local(async move {
            match points_endpoints::redeem(&request, &key).await {
                Ok(order) => {
                    last_attempt.forget();
                    form.done();
                    navigate(&format!("/m/shop/orders?placed={}", order.id), NavigateOptions::default());
                }
                Err(e) if e.code() == Some(ErrorCode::Conflict) => {
                    form.failed(i18n, &e);
                    form.general.set(Some(i18n.t(k!("mshop.sold_out")).to_owned()));
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    view! {
        <div class="shop-confirm" data-testid="shop-confirm">
            <strong>{tr(k!("mshop.confirm_title"))}</strong>
            <FormSummary form placed=&PLACED/>
            <div class="field" class:invalid=move || error_at().is_some() data-field="/quantity">
                <span class="field-label">{tr(k!("mshop.quantity"))}</span>
                <div class="stepper">
                    <button type="button" class="btn" aria-label="-" disabled={move || quantity.get() <= 1}
                        on:click=move |_| quantity.update(|q| *q = (*q - 1).max(1))>"−"</button>
                    <output data-testid="shop-quantity">{quantity}</output>
                    <button type="button" class="btn" aria-label="+" disabled={move || quantity.get() >= most}
                        on:click=move |_| quantity.update(|q| *q = (*q + 1).min(most))>"＋"</button>
                </div>
                <span class="field-error" data-testid="field-error">{error_at}</span>
            </div>
            <p data-testid="shop-total">{tr(k!("mshop.total"))}<strong>{move || i18n.number((price * quantity.get()) as f64, 0)}</strong></p>
            <div class="form-buttons">
                <button type="button" class="btn btn-primary btn-large" disabled=form.busy data-testid="shop-confirm-button" on:click=confirm>
                    {move || if form.busy.get() { i18n.t(k!("mshop.redeeming")) } else { i18n.t(k!("mshop.confirm")) }}
                </button>
                <button type="button" class="btn btn-ghost" on:click=move |_| on_cancel.run(())>{tr(k!("action.cancel"))}</button>
            </div>
        </div>
    }
}

/// `/m/shop/orders`.
#[component]
pub fn ResidentOrdersPage() -> impl IntoView {
    let query = use_query_map();
    let placed = Memo::new(move |_| query.with(|q| q.get("placed").and_then(|v| v.parse::<Id>().ok())));
    let orders = Paged::<ShopOrder>::new();
    orders.reload(points_endpoints::my_orders);
    let more = Callback::new(move |()| orders.more(points_endpoints::my_orders));
    let retry = Callback::new(move |()| orders.reload(points_endpoints::my_orders));
    view! {
        <ParticipateTabs current=Section::Orders/>
        <h1 class="m-title">{tr(k!("mshop.orders"))}</h1>
        {move || placed.get().is_some().then(|| view! {
            <p class="notice" role="status" data-testid="shop-placed">{tr(k!("mshop.placed"))}</p>
        })}
        <ul class="m-cards" data-testid="my-orders">
            <For each=move || orders.items.get() key=|o| o.id let:order>
                <OrderCard order highlighted=placed/>
            </For>
        </ul>
        {orders.footer(k!("mshop.no_orders"), more, retry)}
    }
}

#[component]
fn OrderCard(order: ShopOrder, highlighted: Memo<Option<Id>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = order.id;
    let current = RwSignal::new(order);
    let asking = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let cancel = move |_| {
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match shop_endpoints::cancel_order(id, None).await {
                Ok(o) => {
                    current.set(o);
                    asking.set(false);
                }
                Err(e) => error.set(Some(error_text(i18n, &e))),
            }
            busy.set(false);
        });
    };
    let reserved = move || current.with(|o| o.status == ShopOrderStatus::Reserved);
    view! {
        <li class="m-card shop-order" class:highlight=move || highlighted.get() == Some(id) data-testid="shop-order" data-order-id=id
            data-status=move || current.with(|o| o.status.as_str())>
            <span class="m-card-head">
                <strong>{move || current.with(|o| format!("{} × {}", o.item_name, o.quantity))}</strong>
                <span class="badge" data-testid="order-status">{move || i18n.dynamic(words!("morder"), current.with(|o| o.status.as_str()))}</span>
            </span>
            <span class="m-card-foot muted">
                {move || current.with(|o| format!("{}{}{}", i18n.t(k!("mshop.points_paid")), i18n.number(o.points as f64, 0), i18n.t(k!("mshop.price_unit"))))}
                " · "{move || current.with(|o| local_time(&o.created_at))}
            </span>
            {move || current.with(|o| o.pickup_code.clone()).filter(|_| reserved()).map(|code| view! {
                <div class="pickup" data-testid="pickup">
                    <span class="muted">{tr(k!("mshop.code"))}</span>
                    <strong class="pickup-code" data-testid="pickup-code">{code}</strong>
                    <span class="muted">{tr(k!("mshop.code_hint"))}</span>
                </div>
            })}
            <span class="m-card-text">{tr(k!("mshop.pickup"))}{move || current.with(|o| o.pickup_place.clone())}</span>
            {move || reserved().then(|| view! {
                <span class="m-card-foot muted">{tr(k!("mshop.expires"))}{move || current.with(|o| local_time(&o.expires_at))}</span>
            })}
            {move || (reserved() && !asking.get()).then(|| view! {
                <button type="button" class="btn btn-block" data-testid="order-cancel" on:click=move |_| asking.set(true)>{tr(k!("mshop.cancel"))}</button>
            })}
            {move || (reserved() && asking.get()).then(|| view! {
                <div class="shop-confirm" data-testid="order-cancel-confirm">
                    <span>{tr(k!("mshop.cancel_confirm"))}</span>
                    <div class="form-buttons">
                        <button type="button" class="btn btn-primary" disabled=busy data-testid="order-cancel-yes" on:click=cancel>
                            {move || if busy.get() { i18n.t(k!("mshop.cancelling")) } else { i18n.t(k!("mshop.cancel_yes")) }}
                        </button>
                        <button type="button" class="btn btn-ghost" on:click=move |_| asking.set(false)>{tr(k!("mshop.cancel_no"))}</button>
                    </div>
                </div>
            })}
            {move || error.get().map(|e| view! { <p class="form-summary" role="alert">{e}</p> })}
        </li>
    }
}
