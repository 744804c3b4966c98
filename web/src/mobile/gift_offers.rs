//! 时长转赠 on `/m/points`: the offers of hours the resident made and received, newest first. An
//! offer waiting for its answer shows 接受 / 谢绝 to its receiver and 撤回 to its giver, with the
//! day it expires; the others show how they ended.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{GiftOffer, GiftStatus, Id, LedgerUnit};

use crate::common::format::local_time;
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::paged::Paged;
use crate::common::session::use_session;
use crate::common::status::error_text;
use crate::ledger::amount::amount_text;
use crate::mobile::points_endpoints::{close_gift, my_gifts};

/// The list of the caller's offers.
#[component]
pub fn GiftOffers() -> impl IntoView {
    let offers = Paged::<GiftOffer>::new();
    offers.reload(my_gifts);
    let more = Callback::new(move |()| offers.more(my_gifts));
    let retry = Callback::new(move |()| offers.reload(my_gifts));
    view! {
        <h2 class="m-subtitle">{tr(k!("mgift.title"))}</h2>
        <ul class="m-cards" data-testid="gift-offers">
            <For each=move || offers.items.get() key=|o| (o.id, o.status.as_str()) let:offer>
                <GiftCard offer/>
            </For>
        </ul>
        {offers.footer(k!("mgift.none"), more, retry)}
    }
}

#[component]
fn GiftCard(offer: GiftOffer) -> impl IntoView {
    let i18n = use_i18n();
    let me: Id = use_session().user_id();
    let current = RwSignal::new(offer);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let step = move |what: &'static str| {
        let id = current.with_untracked(|o| o.id);
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match close_gift(id, what).await {
                Ok(saved) => current.set(saved),
                Err(e) => error.set(Some(error_text(i18n, &e))),
            }
            busy.set(false);
        });
    };
    let o = current.get_untracked();
    let given = o.giver_id == me;
    let other = if given { o.receiver_name.clone() } else { o.giver_name.clone() };
    let direction = if given { k!("mgift.to") } else { k!("mgift.from") };
    let minutes = o.minutes;
    let waiting = move || current.with(|o| o.status == GiftStatus::Offered);
    view! {
        <li class="m-card" data-testid="gift-offer" data-offer-id=o.id data-given=given.to_string()
            data-status=move || current.with(|o| o.status.as_str())>
            <span class="m-card-head">
                <strong>{move || i18n.t(direction).replace("{name}", &other)}</strong>
                <strong class={if given { "amount-out" } else { "amount-in" }}>{move || amount_text(i18n, LedgerUnit::Minutes, minutes, false)}</strong>
            </span>
            {o.note.clone().map(|n| view! { <span class="m-card-text muted">{n}</span> })}
            <span class="m-card-foot muted">
                <span class="badge" data-testid="gift-status">{move || tr_word(words!("mgift"), current.with(|o| o.status.as_str().to_owned()))()}</span>
                {local_time(&o.created_at)}
                {move || waiting().then(|| {
                    let until = current.with(|o| local_time(&o.expires_at));
                    view! { <span>{move || i18n.t(k!("mgift.expires")).replace("{at}", &until)}</span> }
                })}
            </span>
            {move || waiting().then(|| view! {
                <div class="form-buttons">
                    {if given {
                        view! {
                            <button type="button" class="btn" disabled=busy data-testid="gift-withdraw" on:click=move |_| step("withdraw")>
                                {tr(k!("mgift.withdraw"))}
                            </button>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" class="btn btn-primary" disabled=busy data-testid="gift-accept" on:click=move |_| step("accept")>
                                {tr(k!("mgift.accept"))}
                            </button>
                            <button type="button" class="btn" disabled=busy data-testid="gift-decline" on:click=move |_| step("decline")>
                                {tr(k!("mgift.decline"))}
                            </button>
                        }.into_any()
                    }}
                </div>
            })}
            {move || error.get().map(|e| view! { <p class="form-summary" role="alert" data-testid="gift-error">{e}</p> })}
        </li>
    }
}
