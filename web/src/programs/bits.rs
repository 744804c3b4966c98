//! Small pieces every program page shows: the status badge, a sum of money (short, with the exact
//! amount on hover), budget against spend as a bar, and the "add …" toggle that opens a section's form.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{ProgramDetail, ProgramStatus};

use crate::common::api::ApiResult;
use crate::common::form::FormState;
use crate::common::format::money;
use crate::common::i18n::{I18n, tr, tr_label, use_i18n};
use crate::common::widgets::Bar;
use crate::messages::Key;

/// 实施中, coloured by the status's stage.
#[component]
pub fn ProgramStatusBadge(status: ProgramStatus) -> impl IntoView {
    let class = format!("need-status ps-{}", status.as_str());
    view! {
        <span class=class data-testid="program-status" data-status=status.as_str()>
            {tr_label(status)}
        </span>
    }
}

/// `¥36.00万` with `¥360,000.00` as its title.
#[component]
pub fn Money(fen: i64) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class="money" title=money(fen)>{move || i18n.money_short(fen)}</span> }
}

/// Spent against budget: green while under 90 %, amber up to the budget, red beyond.
pub fn spend_tone(spent: i64, budget: i64) -> &'static str {
    if budget <= 0 {
        return if spent > 0 { "bad" } else { "" };
    }
    match spent as f64 / budget as f64 {
        f if f > 1.0 => "bad",
        f if f >= 0.9 => "warn",
        _ => "ok",
    }
}

/// `¥9.70万 / ¥36.00万` with a bar.
#[component]
pub fn BudgetBar(spent: i64, budget: i64) -> impl IntoView {
    let i18n = use_i18n();
    let fraction = if budget > 0 { spent as f64 / budget as f64 } else { 0.0 };
    let text = move || i18n.money_pair(spent, budget);
    view! {
        <span class="budget-bar" title=format!("{} / {}", money(spent), money(budget))>
            {move || view! { <Bar fraction text=text() tone=spend_tone(spent, budget) testid="budget-bar"/> }}
        </span>
    }
}

/// A section's "+ 添加…" button; the form (`children`) shows while open. `open` lets the form close
/// itself after saving.
#[component]
pub fn AddToggle(label: Key, open: RwSignal<bool>, #[prop(optional)] testid: &'static str, children: ChildrenFn) -> impl IntoView {
    view! {
        <Show when=move || open.get() fallback=move || view! {
            <button type="button" class="btn btn-small add-toggle" data-testid=testid
                on:click=move |_| open.set(true)>
                "+ "{tr(label)}
            </button>
        }>
            {children()}
        </Show>
    }
}

/// Runs a change that answers with the program as it is afterwards: `on_done` gets it, or the form
/// shows what went wrong (field errors in place, a 409 as its summary).
pub fn save_detail(
    form: FormState,
    i18n: I18n,
    call: impl Future<Output = ApiResult<ProgramDetail>> + 'static,
    on_done: Callback<ProgramDetail>,
) {
    spawn_local(async move {
        match call.await {
            Ok(detail) => {
                form.done();
                on_done.run(detail);
            }
            Err(e) => form.failed(i18n, &e),
        }
    });
}

/// Deliveries and spending are recorded from approval until the program ends.
pub fn is_running(status: ProgramStatus) -> bool {
    matches!(status, ProgramStatus::Approved | ProgramStatus::InProgress | ProgramStatus::Suspended | ProgramStatus::Completed)
}
