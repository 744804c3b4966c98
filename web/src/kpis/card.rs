//! One indicator on the overview: name, value with its unit, target with its comparator, the status
//! in its colour, 约束性 for binding indicators, the trend against the previous period, a sparkline
//! of the series, and where a reported value comes from. The whole card opens the indicator.

use leptos::prelude::*;
use shared::{Attainment, KpiAttribute, KpiCard, KpiDirection, Provenance, Trend};

use crate::common::chart::Sparkline;
use crate::common::format::local_time;
use crate::common::i18n::{tr, use_i18n};
use crate::kpis::labels::{status_class, status_colour, trend_arrow};

/// 已达标 / 进度正常 / 有风险 / 未达标 / 无目标 / 无数据, in the status's colour.
#[component]
pub fn StatusBadge(status: Attainment) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=status_class(status) data-testid="kpi-status" data-status=status.as_str()>
            {move || i18n.attainment(status)}
        </span>
    }
}

/// 约束性: a binding indicator of the plan.
#[component]
pub fn BindingBadge() -> impl IntoView {
    view! { <span class="kpi-binding" title=tr(k!("kpi.binding_hint")) data-testid="binding-badge">{tr(k!("kpi.binding"))}</span> }
}

/// Whether a move in `trend` is good news for an indicator going `direction`.
fn trend_tone(direction: KpiDirection, trend: Trend) -> &'static str {
    match (direction, trend) {
        (_, Trend::Flat) | (KpiDirection::Neutral, _) => "trend-flat",
        (KpiDirection::Higher, Trend::Up) | (KpiDirection::Lower, Trend::Down) => "trend-good",
        _ => "trend-bad",
    }
}

/// The card; `spark` is the series' values once loaded.
#[component]
pub fn KpiCardView(card: KpiCard, href: String, spark: Signal<Option<Vec<Option<f64>>>>) -> impl IntoView {
    let i18n = use_i18n();
    let i = card.indicator.clone();
    let status = card.status;
    let binding = i.attribute == KpiAttribute::Binding;
    let unit = i.unit.clone();
    let (value, target, previous, projected) = (card.value, card.target, card.previous, card.projected);
    let name = {
        let i = i.clone();
        move || i18n.indicator_name(&i)
    };
    let value_text = {
        let unit = unit.clone();
        move || i18n.kpi_value(&unit, value)
    };
    let target_text = {
        let unit = unit.clone();
        move || format!("{} {}", i18n.t(k!("kpi.target")), i18n.target_text(&unit, target))
    };
    let trend = card.trend.map(|t| {
        let unit = unit.clone();
        let tip = move || format!("{} {} · {}", i18n.t(k!("kpi.previous")), i18n.kpi_value(&unit, previous), i18n.trend(t));
        view! { <span class=format!("kpi-trend {}", trend_tone(i.direction, t)) title=tip data-testid="kpi-trend">{trend_arrow(t)}</span> }
    });
    let projection = projected.filter(|_| matches!(status, Attainment::OnTrack | Attainment::AtRisk)).map(|p| {
        let unit = unit.clone();
        view! { <span class="small muted" data-testid="kpi-projected">{move || format!("{} {}", i18n.t(k!("kpi.projected")), i18n.kpi_value(&unit, Some(p)))}</span> }
    });
    let footnote = match card.provenance {
        Some(p) => view! { <ProvenanceNote provenance=p/> }.into_any(),
        None => view! { <p class="kpi-foot small muted" data-testid="kpi-computed">{tr(k!("kpi.computed_note"))}</p> }.into_any(),
    };
    view! {
        <a class=format!("kpi-card kpi-edge-{}", status.as_str()) href=href data-testid="kpi-card"
            data-code=i.code.clone() data-status=status.as_str() data-binding=binding.to_string()>
            <div class="kpi-card-head">
                <span class="kpi-card-name" title=name.clone()>{name.clone()}</span>
                {binding.then(|| view! { <BindingBadge/> })}
            </div>
            <div class="kpi-card-main">
                <span class="kpi-card-value" data-testid="kpi-value">{value_text}</span>
                {trend}
                <span class="spacer"></span>
                {move || view! { <Sparkline values=spark.get() colour=status_colour(status)/> }}
            </div>
            <div class="kpi-card-meta">
                <StatusBadge status/>
                <span class="small muted" data-testid="kpi-target">{target_text}</span>
                {projection}
            </div>
            {footnote}
        </a>
    }
}

/// `3/10 个社区已填报 · 张三 2026-11-02`, or 尚未填报.
#[component]
pub fn ProvenanceNote(provenance: Provenance) -> impl IntoView {
    let i18n = use_i18n();
    let (done, expected) = (provenance.areas_reported, provenance.areas_expected);
    let latest =
        provenance.latest_report.map(|r| format!("{} {}", r.reported_by, local_time(&r.reported_at).get(..10).unwrap_or_default()));
    let text = move || {
        if done == 0 && latest.is_none() {
            return i18n.t(k!("kpi.not_reported")).to_owned();
        }
        let count = i18n.t(k!("kpi.areas_reported")).replace("{n}", &done.to_string()).replace("{m}", &expected.to_string());
        match &latest {
            Some(who) => format!("{count} · {who}"),
            None => count,
        }
    };
    view! { <p class="kpi-foot small muted" data-testid="kpi-provenance" data-reported=done data-expected=expected>{text}</p> }
}
