//! A client's usage per China day over the last 30 days: a bar chart of requests and a table of
//! requests, errors and last use, with totals.

use leptos::prelude::*;
use shared::{ClientUsage, Id};

use crate::admin::clients_endpoints as api;
use crate::common::chart::{BarRow, HBarChart};
use crate::common::format::local_time;
use crate::common::i18n::{tr, use_i18n};
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::common::widgets::HeadRow;
use crate::messages::Key;

const HEAD: [Key; 4] = [k!("client.day"), k!("client.requests"), k!("client.errors"), k!("client.last_used")];

#[component]
pub fn UsageSection(id: Id) -> impl IntoView {
    let usage = LocalResource::new(move || api::client_usage(id, None, None));
    let retry = Callback::new(move |()| usage.refetch());
    view! {
        <section class="detail" data-testid="client-usage">
            <h3>{tr(k!("client.usage"))}</h3>
            <Transition fallback=|| view! { <Loading/> }>
                {move || usage.get().map(|result| match result {
                    Ok(u) if u.days.is_empty() => view! { <Empty key=k!("state.no_usage")/> }.into_any(),
                    Ok(u) => view! { <UsageView usage=u/> }.into_any(),
                    Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn UsageView(usage: ClientUsage) -> impl IntoView {
    let i18n = use_i18n();
    // Oldest day at the top of the chart, as a reader follows time downwards.
    let rows: Vec<BarRow> = usage
        .days
        .iter()
        .rev()
        .map(|d| BarRow {
            label: d.day.format("%m-%d").to_string(),
            value: Some(d.requests as f64),
            text: if d.errors > 0 { format!("{} ({} ✗)", d.requests, d.errors) } else { d.requests.to_string() },
            colour: if d.errors > 0 { "#b45309" } else { "#2563eb" },
        })
        .collect();
    let total_requests = usage.requests;
    let total_errors = usage.errors;
    view! {
        <HBarChart rows target=None label=i18n.t(k!("client.usage_chart"))/>
        <div class="table-wrap">
            <table class="table" data-testid="client-usage-table">
                <HeadRow keys=&HEAD/>
                <tbody>
                    {usage.days.into_iter().map(|d| view! {
                        <tr data-testid="client-usage-row">
                            <td class="nowrap">{d.day.to_string()}</td>
                            <td class="num">{d.requests}</td>
                            <td class="num">{d.errors}</td>
                            <td class="muted nowrap">{local_time(&d.last_used_at)}</td>
                        </tr>
                    }).collect_view()}
                    <tr>
                        <th>{tr(k!("client.usage_total"))}</th>
                        <th class="num" data-testid="client-usage-total">{total_requests}</th>
                        <th class="num">{total_errors}</th>
                        <th></th>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}
