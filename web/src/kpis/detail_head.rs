//! The head of an indicator's page: its name, 约束性 when binding, whether the platform computes it or
//! staff report it, unit, baseline and reference; the period picker; "填报数值" for reported ones; and
//! the area's value against its target with the status (numerator and denominator for ratios).

use leptos::prelude::*;
use shared::{BreakdownRow, Id, Indicator, KpiAttribute, KpiRollup, KpiSource};

use crate::common::format::plain_number;
use crate::common::i18n::{Locale, tr, use_i18n};
use crate::common::session::use_session;
use crate::kpis::card::{BindingBadge, StatusBadge};
use crate::kpis::period::{Period, kpi_url};
use crate::kpis::period_picker::PeriodPicker;

#[component]
pub fn IndicatorHead(
    indicator: Indicator,
    total: BreakdownRow,
    area_name: String,
    area: Id,
    period: Period,
    on_period: Callback<Period>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let i = indicator;
    let binding = i.attribute == KpiAttribute::Binding;
    let reported = i.source == KpiSource::Reported;
    let source = i.source;
    let name = {
        let i = i.clone();
        move || i18n.indicator_name(&i)
    };
    let unit = i.unit.clone();
    let baseline = i.baseline.map(|b| {
        let (unit, year) = (unit.clone(), i.baseline_year);
        move || {
            let year = year.map(|y| y.to_string()).unwrap_or_default();
            format!("{} {year} · {}", i18n.t(k!("kpi.baseline")), i18n.kpi_value(&unit, Some(b)))
        }
    });
    let unit_text = {
        let unit = unit.clone();
        move || format!("{} {}", i18n.t(k!("kpi.unit")), i18n.unit(&unit))
    };
    let (value, target, status) = (total.value, total.target, total.status);
    let value_text = {
        let unit = unit.clone();
        move || i18n.kpi_value(&unit, value)
    };
    let target_text = {
        let unit = unit.clone();
        move || format!("{} {}", i18n.t(k!("kpi.target")), i18n.target_text(&unit, target))
    };
    let parts = match (i.rollup, total.numerator, total.denominator) {
        (KpiRollup::Ratio, Some(n), Some(d)) => {
            let (nl, dl) = (i.numerator_zh.clone().unwrap_or_default(), i.denominator_zh.clone().unwrap_or_default());
            Some(move || {
                let words = if i18n.locale() == Locale::Zh && !nl.is_empty() { format!("（{nl} / {dl}）") } else { String::new() };
                format!("{} / {}{words}", plain_number(n), plain_number(d))
            })
        }
        _ => None,
    };
    let report_href = kpi_url("/kpis/report", area, period, Some(&i.code));
    let reference = i.reference.clone();
    view! {
        <header class="kpi-detail-head">
            <div class="detail-head">
                <h2 data-testid="kpi-detail-name">{name}</h2>
                {binding.then(|| view! { <BindingBadge/> })}
                <span class="kind-chip" data-testid="kpi-source" data-source=source.as_str()>{move || i18n.source(source)}</span>
            </div>
            <p class="muted small kpi-meta">
                <strong>{area_name}</strong>" · "{unit_text}
                {baseline.map(|b| view! { " · "{b} })}
                " · "{tr(k!("kpi.reference"))}" "{reference}
            </p>
            <div class="toolbar">
                <PeriodPicker period=Signal::stored(period) on_change=on_period/>
                <div class="spacer"></div>
                {move || (reported && session.permissions().report_kpis).then(|| view! {
                    <a class="btn btn-primary" href=report_href.clone() data-testid="kpi-detail-report">"+ "{tr(k!("kpi.report"))}</a>
                })}
            </div>
            <div class="kpi-total" data-testid="kpi-detail-summary" data-status=status.as_str()
                data-value=value.map(|v| v.to_string()).unwrap_or_default()>
                <span class="kpi-big" data-testid="kpi-detail-value">{value_text}</span>
                <StatusBadge status/>
                <span class="muted">{target_text}</span>
                {parts.map(|p| view! { <span class="muted small" data-testid="kpi-detail-parts">{p}</span> })}
            </div>
        </header>
    }
}
