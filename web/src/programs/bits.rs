//! Small pieces every program page shows: the status badge, a sum of money (short, with the exact
//! amount on hover), the one bar used for progress, fulfilment and budget against spend, and the
//! "add …" toggle that opens a section's form.

use std::future::Future;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{ProgramDetail, ProgramStatus};

use crate::common::api::ApiResult;
use crate::common::form::FormState;
use crate::common::i18n::{I18n, tr, tr_word, use_i18n};
use crate::programs::labels::money;

/// 实施中, coloured by the status's stage.
#[component]
pub fn ProgramStatusBadge(status: ProgramStatus) -> impl IntoView {
    let class = format!("need-status ps-{}", status.as_str());
    view! {
        <span class=class data-testid="program-status" data-status=status.as_str()>
            {tr_word("pstatus", status.as_str().to_owned())}
        </span>
    }
}

/// `¥36.00万` with `¥360,000.00` as its title.
#[component]
pub fn Money(fen: i64) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class="money" title=money(fen)>{move || i18n.money_short(fen)}</span> }
}

/// A horizontal bar for a share (`fraction` 0–1; more than 1 is drawn full and marked), with a text
/// after it (the percentage unless `text` is given). `tone`: `ok`, `warn`, `bad` or empty (brand).
#[component]
pub fn Bar(
    fraction: f64,
    #[prop(optional, into)] text: Option<String>,
    #[prop(optional)] tone: &'static str,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let fraction = if fraction.is_finite() { fraction.max(0.0) } else { 0.0 };
    let percent = (fraction * 100.0).round();
    let width = percent.min(100.0);
    let over = fraction > 1.0;
    let label = text.unwrap_or_else(|| format!("{percent}%"));
    let testid = if testid.is_empty() { "bar" } else { testid };
    view! {
        <span class="bar-line">
            <span class=format!("bar {tone}") class:over=over role="progressbar"
                aria-valuemin="0" aria-valuemax="100" aria-valuenow=percent.to_string()
                data-testid=testid data-fraction=format!("{fraction:.4}")>
                <span class="bar-fill" style=format!("width: {width}%")></span>
            </span>
            <span class="bar-text">{label}</span>
        </span>
    }
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

/// A table's header row from message keys; `extra` blank cells after them (an actions column).
#[component]
pub fn HeadRow(keys: &'static [&'static str], #[prop(optional)] extra: usize) -> impl IntoView {
    view! {
        <thead>
            <tr>
                {keys.iter().map(|k| view! { <th>{tr(k)}</th> }).collect_view()}
                {(0..extra).map(|_| view! { <th></th> }).collect_view()}
            </tr>
        </thead>
    }
}

/// A section's "+ 添加…" button; the form (`children`) shows while open. `open` lets the form close
/// itself after saving.
#[component]
pub fn AddToggle(label: &'static str, open: RwSignal<bool>, #[prop(optional)] testid: &'static str, children: ChildrenFn) -> impl IntoView {
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

/// Today in the viewer's time zone as a date input wants it (`2026-05-01`).
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// A date input's value; `None` when empty or not a date.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    // By hand: chrono's format parser costs kilobytes of wasm for this one shape.
    let mut parts = value.trim().splitn(3, '-').map(str::parse::<u32>);
    let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// Deliveries and spending are recorded from approval until the program ends.
pub fn is_running(status: ProgramStatus) -> bool {
    matches!(status, ProgramStatus::Approved | ProgramStatus::InProgress | ProgramStatus::Suspended | ProgramStatus::Completed)
}
