//! 填报记录: the reported values of an indicator in an area's subtree and a period, newest first, with
//! who reported them, when and from what source. Replaced values stay listed, marked as superseded.

use leptos::prelude::*;
use shared::{Id, KpiReport};

use crate::common::format::{local_time, plain_number};
use crate::common::i18n::use_i18n;
use crate::common::paged::Paged;
use crate::common::widgets::HeadRow;
use crate::kpis::endpoints::{ValuesFilter, kpi_values};
use crate::kpis::period::{Period, PeriodView};
use crate::messages::Key;

const HEAD: [Key; 7] = [
    k!("kpi.period"),
    k!("kpi.area"),
    k!("kpi.value"),
    k!("kpi.source_note"),
    k!("kpi.reported_by"),
    k!("kpi.reported_at"),
    k!("kpi.record"),
];

#[component]
pub fn ValueHistory(indicator: String, area: Id, period: Period, unit: String) -> impl IntoView {
    let rows = Paged::<KpiReport>::new();
    let filter = ValuesFilter { area: Some(area), indicator, period: period.to_string(), current: false };
    let fetch = {
        let filter = filter.clone();
        move |cursor| kpi_values(filter.clone(), cursor)
    };
    rows.reload(fetch.clone());
    let on_more = {
        let fetch = fetch.clone();
        Callback::new(move |()| rows.more(fetch.clone()))
    };
    let on_retry = Callback::new(move |()| rows.reload(fetch.clone()));
    let unit = StoredValue::new(unit);
    view! {
        <div class="table-wrap">
            <table class="table kpi-history" data-testid="kpi-history">
                <HeadRow keys=&HEAD/>
                <tbody>
                    <For each=move || rows.items.get() key=|r| r.id let:r>
                        <HistoryRow report=r unit=unit.get_value()/>
                    </For>
                </tbody>
            </table>
            {rows.footer(k!("kpi.no_history"), on_more, on_retry)}
        </div>
    }
}

#[component]
fn HistoryRow(report: KpiReport, unit: String) -> impl IntoView {
    let i18n = use_i18n();
    let r = report;
    let value = r.value;
    let parts = match (r.numerator, r.denominator) {
        (Some(n), Some(d)) => Some(format!("{} / {}", plain_number(n), plain_number(d))),
        _ => None,
    };
    let period = r.period;
    let period_text = move || period.label(i18n.locale());
    let superseded = r.superseded_by;
    let replaces = r.replaces;
    let record = move || {
        let mut out = match superseded {
            Some(by) => i18n.t(k!("kpi.superseded_by")).replace("{id}", &by.to_string()),
            None => i18n.t(k!("kpi.current")).to_owned(),
        };
        if let Some(old) = replaces {
            out.push_str(" · ");
            out.push_str(&i18n.t(k!("kpi.replaces")).replace("{id}", &old.to_string()));
        }
        out
    };
    view! {
        <tr class:superseded=superseded.is_some() data-testid="history-row" data-id=r.id data-superseded=superseded.is_some().to_string()>
            <td class="nowrap">{period_text}</td>
            <td>{r.area_name}</td>
            <td class="num nowrap">
                {move || i18n.kpi_value(&unit, Some(value))}
                {parts.map(|p| view! { <div class="small muted">{p}</div> })}
            </td>
            <td class="kpi-note">{r.source_note}</td>
            <td class="nowrap">{r.reported_by}</td>
            <td class="nowrap small">{local_time(&r.reported_at)}</td>
            <td class="nowrap small">"#"{r.id}" · "{record}</td>
        </tr>
    }
}
