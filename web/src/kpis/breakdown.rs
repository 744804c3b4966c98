//! 按下级区域: one indicator in each child area — horizontal bars against the target, and a table with
//! the area's own total first (value, numerator and denominator for ratios, target, status). Each row
//! drills down: the same indicator one level lower, or that area's whole dashboard.

use leptos::prelude::*;
use shared::{BreakdownRow, KpiBreakdown, KpiRollup};

use crate::common::chart::{BarRow, HBarChart};
use crate::common::format::plain_number;
use crate::common::i18n::{tr, use_i18n};
use crate::common::status::Empty;
use crate::kpis::card::StatusBadge;
use crate::kpis::labels::status_colour;
use crate::kpis::period::{Period, kpi_url};

#[component]
pub fn BreakdownView(breakdown: KpiBreakdown, period: Period) -> impl IntoView {
    let i18n = use_i18n();
    let b = breakdown;
    let ratio = b.indicator.rollup == KpiRollup::Ratio;
    let unit = b.indicator.unit.clone();
    let code = b.indicator.code.clone();
    if b.rows.is_empty() {
        return view! { <Empty key=k!("kpi.no_breakdown")/> }.into_any();
    }
    let target = b.total.target.map(|t| t.value);
    let chart = {
        let (rows, unit) = (b.rows.clone(), unit.clone());
        move || {
            let bars = rows
                .iter()
                .map(|r| BarRow {
                    label: r.area.name.clone(),
                    value: r.value,
                    text: i18n.kpi_value(&unit, r.value),
                    colour: status_colour(r.status),
                })
                .collect();
            view! { <HBarChart rows=bars target label=i18n.t(k!("kpi.breakdown"))/> }
        }
    };
    let rows =
        b.rows.into_iter().map(|r| view! { <Row row=r unit=unit.clone() code=code.clone() period ratio total=false/> }).collect_view();
    view! {
        <div class="kpi-breakdown" data-testid="kpi-breakdown">
            {chart}
            <div class="table-wrap">
                <table class="table" data-testid="breakdown-table">
                    <thead>
                        <tr>
                            <th>{tr(k!("kpi.area"))}</th>
                            <th class="num">{tr(k!("kpi.value"))}</th>
                            {ratio.then(|| view! { <th class="num">{tr(k!("kpi.parts"))}</th> })}
                            <th>{tr(k!("kpi.target"))}</th>
                            <th>{tr(k!("kpi.status"))}</th>
                            <th></th>
                        </tr>
                    </thead>
                    <tbody>
                        <Row row=b.total unit=unit.clone() code=code.clone() period ratio total=true/>
                        {rows}
                    </tbody>
                </table>
            </div>
        </div>
    }
    .into_any()
}

/// `numerator / denominator`, or `—`.
fn parts(n: Option<f64>, d: Option<f64>) -> String {
    match (n, d) {
        (Some(n), Some(d)) => format!("{} / {}", plain_number(n), plain_number(d)),
        _ => "—".to_owned(),
    }
}

#[component]
fn Row(row: BreakdownRow, unit: String, code: String, period: Period, ratio: bool, total: bool) -> impl IntoView {
    let i18n = use_i18n();
    let (value, target, status) = (row.value, row.target, row.status);
    let (n, d) = (row.numerator, row.denominator);
    let id = row.area.id;
    let kind = row.area.kind;
    let unit2 = unit.clone();
    let drill = (!total).then(|| {
        let detail = kpi_url(&format!("/kpis/{code}"), id, period, None);
        let overview = kpi_url("/kpis", id, period, None);
        view! {
            <a href=detail data-testid="breakdown-drill">{tr(k!("kpi.drill"))}" ›"</a>
            " · "
            <a href=overview data-testid="breakdown-overview">{tr(k!("kpi.overview"))}</a>
        }
    });
    view! {
        <tr class:total-row=total data-testid=if total { "breakdown-total" } else { "breakdown-row" } data-area-id=id
            data-status=status.as_str()>
            <td>
                <span class="status-dot" style=format!("background: {}", status_colour(status)) aria-hidden="true"></span>
                {row.area.name}" "<span class="tree-kind">{move || if total { i18n.t(k!("kpi.total")).to_owned() } else { i18n.kind(kind).to_owned() }}</span>
            </td>
            <td class="num" data-testid="breakdown-value">{move || i18n.kpi_value(&unit, value)}</td>
            {ratio.then(|| view! { <td class="num small">{parts(n, d)}</td> })}
            <td class="nowrap">{move || i18n.target_text(&unit2, target)}</td>
            <td><StatusBadge status/></td>
            <td class="actions">{drill}</td>
        </tr>
    }
}
