//! 统计期: a year, a quarter or a month, chosen as kind + year (+ quarter or month). Only periods that
//! have begun are offered, since nothing can be known or reported about later ones.

use leptos::prelude::*;
use shared::PeriodKind;

use crate::common::i18n::{Locale, tr, use_i18n};
use crate::kpis::period::{FIRST_YEAR, Period, PeriodView, today};
use crate::messages::Key;

fn kind_key(kind: PeriodKind) -> Key {
    match kind {
        PeriodKind::Year => k!("kpi.period_year"),
        PeriodKind::Quarter => k!("kpi.period_quarter"),
        PeriodKind::Month => k!("kpi.period_month"),
    }
}

/// Three selects; `on_change` gets every new choice.
#[component]
pub fn PeriodPicker(period: Signal<Period>, on_change: Callback<Period>, #[prop(optional)] testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let now = today();
    let testid = if testid.is_empty() { "period-picker" } else { testid };
    let years = move || {
        let chosen = period.get().year;
        let mut years: Vec<i32> = (FIRST_YEAR.min(chosen)..=now.0.max(chosen)).rev().collect();
        years.dedup();
        years
    };
    let part_name = move |p: Period, index: u32| match (p.kind, i18n.locale()) {
        (PeriodKind::Quarter, Locale::Zh) => format!("第{index}季度"),
        (PeriodKind::Quarter, Locale::En) => format!("Q{index}"),
        (_, Locale::Zh) => format!("{index}月"),
        (_, Locale::En) => format!("{index:02}"),
    };
    view! {
        <div class="period-picker" role="group" aria-label=tr(k!("kpi.period")) data-testid=testid>
            <select data-testid="period-kind" aria-label=tr(k!("kpi.period_kind"))
                on:change=move |ev| { if let Some(k) = PeriodKind::parse(&event_target_value(&ev)) {
                    on_change.run(period.get_untracked().with_kind(k, now));
                } }>
                {PeriodKind::ALL.iter().map(|k| {
                    let k = *k;
                    view! { <option value=k.as_str() selected=move || period.get().kind == k>{tr(kind_key(k))}</option> }
                }).collect_view()}
            </select>
            <select data-testid="period-year" aria-label=tr(k!("kpi.period_year"))
                on:change=move |ev| { if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                    on_change.run(period.get_untracked().with_year(y, now));
                } }>
                {move || years().into_iter().map(|y| view! {
                    <option value=y.to_string() selected=move || period.get().year == y>
                        {move || if i18n.locale() == Locale::Zh { format!("{y}年") } else { y.to_string() }}
                    </option>
                }).collect_view()}
            </select>
            {move || {
                let p = period.get();
                (p.kind != PeriodKind::Year).then(|| view! {
                    <select data-testid="period-part" aria-label=tr(kind_key(p.kind))
                        on:change=move |ev| { if let Ok(i) = event_target_value(&ev).parse::<u32>() {
                            on_change.run(Period { index: i, ..period.get_untracked() });
                        } }>
                        {p.choices(now).into_iter().map(|i| view! {
                            <option value=i.to_string() selected=move || period.get().index == i>{move || part_name(p, i)}</option>
                        }).collect_view()}
                    </select>
                })
            }}
        </div>
    }
}
