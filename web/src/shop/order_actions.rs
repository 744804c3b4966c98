//! What staff and merchants do with a reserved order: hand it over (核销) once the resident's pick-up
//! code is typed in — a wrong code is named on the code box — or cancel it, saying why, after a
//! confirmation (the points go back to the resident).

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{FieldRule, ShopOrder, ShopOrderStatus};

use crate::common::form::{Field, FormState, FormSummary, field_error};
use crate::common::i18n::{tr, use_i18n};
use crate::common::session::use_session;
use crate::shop::endpoints::{cancel_order, fulfil_order};

const FULFIL_PLACED: [&str; 1] = ["/code"];
const CANCEL_PLACED: [&str; 1] = ["/reason"];

/// Which of the two is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    Fulfil,
    Cancel,
}

/// The buttons of one order, updating `order` with the server's answer.
#[component]
pub fn OrderActions(order: RwSignal<ShopOrder>) -> impl IntoView {
    let session = use_session();
    let open = RwSignal::new(Open::None);
    let reserved = move || order.with(|o| o.status == ShopOrderStatus::Reserved);
    let close = Callback::new(move |()| open.set(Open::None));
    view! {
        {move || (reserved() && open.get() == Open::None).then(|| view! {
            {session.permissions().fulfil_shop_orders.then(|| view! {
                <button type="button" class="btn btn-small btn-primary" data-testid="order-fulfil" on:click=move |_| open.set(Open::Fulfil)>
                    {tr(k!("shop.fulfil"))}
                </button>
            })}
            {session.permissions().cancel_shop_orders.then(|| view! {
                <button type="button" class="btn btn-small btn-ghost" data-testid="order-cancel" on:click=move |_| open.set(Open::Cancel)>
                    {tr(k!("shop.cancel"))}
                </button>
            })}
        })}
        {move || match (reserved(), open.get()) {
            (true, Open::Fulfil) => view! { <FulfilForm order on_close=close/> }.into_any(),
            (true, Open::Cancel) => view! { <CancelForm order on_close=close/> }.into_any(),
            _ => ().into_any(),
        }}
    }
}

#[component]
fn FulfilForm(order: RwSignal<ShopOrder>, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let code = RwSignal::new(String::new());
    let id = order.with_untracked(|o| o.id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed: String = code.get_untracked().chars().filter(|c| !c.is_whitespace()).collect();
        if typed.len() != 6 || !typed.chars().all(|c| c.is_ascii_digit()) {
            form.invalid(vec![field_error("/code", FieldRule::InvalidFormat, "six digits")]);
            return;
        }
        form.start();
        spawn_local(async move {
            match fulfil_order(id, typed).await {
                Ok(saved) => {
                    form.done();
                    order.set(saved);
                    on_close.run(());
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    view! {
        <form class="form inline-form" data-testid="fulfil-form" on:submit=submit novalidate>
            <FormSummary form placed=&FULFIL_PLACED/>
            <Field label=k!("shop.pickup_code") pointer="/code" form hint=k!("shop.pickup_code_hint")>
                <input type="text" inputmode="numeric" maxlength="6" autocomplete="off" data-testid="fulfil-code"
                    prop:value=code on:input=move |ev| code.set(event_target_value(&ev))/>
            </Field>
            <div class="form-buttons">
                <button type="submit" class="btn btn-primary" disabled=form.busy data-testid="fulfil-submit">
                    {move || i18n.t(if form.busy.get() { k!("state.saving") } else { k!("shop.fulfil_yes") })}
                </button>
                <button type="button" class="btn btn-ghost" on:click=move |_| on_close.run(())>{tr(k!("action.cancel"))}</button>
            </div>
        </form>
    }
}

#[component]
fn CancelForm(order: RwSignal<ShopOrder>, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let reason = RwSignal::new(String::new());
    let id = order.with_untracked(|o| o.id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = reason.get_untracked().trim().to_owned();
        if text.is_empty() {
            form.invalid(vec![field_error("/reason", FieldRule::Required, "a reason is required")]);
            return;
        }
        form.start();
        spawn_local(async move {
            match cancel_order(id, Some(text)).await {
                Ok(saved) => {
                    form.done();
                    order.set(saved);
                    on_close.run(());
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    view! {
        <form class="form inline-form" data-testid="cancel-form" on:submit=submit novalidate>
            <FormSummary form placed=&CANCEL_PLACED/>
            <p class="notice notice-warn">{tr(k!("shop.cancel_confirm"))}</p>
            <Field label=k!("shop.cancel_reason") pointer="/reason" form>
                <input type="text" maxlength="500" data-testid="cancel-reason" prop:value=reason on:input=move |ev| reason.set(event_target_value(&ev))/>
            </Field>
            <div class="form-buttons">
                <button type="submit" class="btn btn-primary" disabled=form.busy data-testid="cancel-submit">
                    {move || i18n.t(if form.busy.get() { k!("state.saving") } else { k!("shop.cancel_yes") })}
                </button>
                <button type="button" class="btn btn-ghost" on:click=move |_| on_close.run(())>{tr(k!("shop.cancel_no"))}</button>
            </div>
        </form>
    }
}
