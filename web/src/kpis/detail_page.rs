//! `/kpis/:code?area=&period=`: one indicator in one area — what it is and where it comes from, the
//! value against the target, its course over the last periods (line chart, target dashed), its
//! breakdown by child areas (bars and a table that drills down), the reported values with their
//! provenance, and the targets set for the year.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::{Id, Indicator, KpiDirection, KpiSeries, KpiSource};

use crate::common::api::ApiResult;
use crate::common::chart::{ChartPoint, LineChart};
use crate::common::i18n::{I18n, tr, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading, reload_quietly};
use crate::kpis::breakdown::BreakdownView;
use crate::kpis::detail_head::IndicatorHead;
use crate::kpis::endpoints::{kpi_breakdown, kpi_series};
use crate::kpis::history::ValueHistory;
use crate::kpis::labels::status_colour;
use crate::kpis::overview_page::use_kpi_place;
use crate::kpis::period::{Period, PeriodView, kpi_url};
use crate::kpis::targets::TargetSection;

#[component]
pub fn KpiDetailPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let code = Memo::new(move |_| params.with(|p| p.get("code").unwrap_or_default()));
    let (_, area, period) = use_kpi_place();
    let back = move || area.get().map_or_else(|| "/kpis".to_owned(), |a| kpi_url("/kpis", a, period.get(), None));
    view! {
        <nav class="crumbs back-link">
            <a href=back data-testid="kpi-back">"← "{tr(k!("kpi.back"))}</a>
        </nav>
        <Show when=move || session.permissions().read_kpis fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            {move || match area.get() {
                Some(a) => view! { <Detail code=code.get() area=a period=period.get()/> }.into_any(),
                None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
            }}
        </Show>
    }
}

#[component]
fn Detail(code: String, area: Id, period: Period) -> impl IntoView {
    let navigate = use_navigate();
    let breakdown = LocalResource::new({
        let code = code.clone();
        move || kpi_breakdown(code.clone(), area, period)
    });
    let series = LocalResource::new({
        let code = code.clone();
        move || kpi_series(code.clone(), area, period)
    });
    // The first indicator read, kept: the sections that only depend on it are not redrawn by a reload.
    let indicator = Memo::new(move |kept: Option<&Option<Indicator>>| {
        kept.cloned().flatten().or_else(|| breakdown.with(|b| b.as_ref().and_then(|b| b.as_ref().ok()).map(|b| b.indicator.clone())))
    });
    let retry = Callback::new(move |()| {
        breakdown.refetch();
        series.refetch();
    });
    // After a target was set: what is shown stays until the fresh answers arrive.
    let reload = {
        let code = code.clone();
        Callback::new(move |()| {
            reload_quietly(breakdown, kpi_breakdown(code.clone(), area, period));
            reload_quietly(series, kpi_series(code.clone(), area, period));
        })
    };
    let on_period = {
        let code = code.clone();
        Callback::new(move |p: Period| navigate(&kpi_url(&format!("/kpis/{code}"), area, p, None), NavigateOptions::default()))
    };
    let head = move || {
        breakdown.get().and_then(Result::ok).map(|b| {
            view! { <IndicatorHead indicator=b.indicator total=b.total area_name=b.area_name area period on_period/> }
        })
    };
    let table = move || {
        breakdown.get().map(|answer| match answer {
            Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
            Ok(b) => view! { <BreakdownView breakdown=b period/> }.into_any(),
        })
    };
    move || match indicator.get() {
        None => match breakdown.get() {
            Some(Err(error)) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
            _ => view! { <Loading/> }.into_any(),
        },
        Some(i) => {
            let reported = i.source == KpiSource::Reported;
            let informational = i.direction == KpiDirection::Neutral;
            let (unit, code) = (i.unit.clone(), i.code.clone());
            let area_name =
                breakdown.with_untracked(|b| b.as_ref().and_then(|b| b.as_ref().ok()).map(|b| b.area_name.clone())).unwrap_or_default();
            view! {
                <article class="kpi-detail" data-testid="kpi-detail" data-code=code.clone() data-area-id=area>
                    {head}
                    <section class="panel kpi-section">
                        <h3>{tr(k!("kpi.trend_title"))}</h3>
                        <SeriesPanel series/>
                    </section>
                    <section class="panel kpi-section">
                        <h3>{tr(k!("kpi.breakdown"))}</h3>
                        <Suspense fallback=|| view! { <Loading/> }>{table}</Suspense>
                    </section>
                    {reported.then(|| view! {
                        <section class="panel kpi-section">
                            <h3>{tr(k!("kpi.history"))}</h3>
                            <ValueHistory indicator=code.clone() area period unit=unit.clone()/>
                        </section>
                    })}
                    {(!informational).then(|| view! {
                        <section class="panel kpi-section">
                            <h3>{tr(k!("kpi.targets"))}" · "{period.year}</h3>
                            <TargetSection indicator=i.clone() area area_name=area_name.clone() year=period.year on_saved=reload/>
                        </section>
                    })}
                </article>
            }
            .into_any()
        }
    }
}

/// The points of the chart with their tooltips, in the current language (tracked).
fn chart_points(i18n: I18n, s: &KpiSeries) -> Vec<ChartPoint> {
    let unit = &s.indicator.unit;
    s.points
        .iter()
        .map(|p| {
            let long = p.period.label(i18n.locale());
            let tip = format!(
                "{long}: {} · {} {} · {}",
                i18n.kpi_value(unit, p.value),
                i18n.t(k!("kpi.target")),
                i18n.target_text(unit, p.target),
                i18n.attainment(p.status)
            );
            ChartPoint {
                label: p.period.short(),
                value: p.value,
                target: p.target.map(|t| t.value),
                colour: status_colour(p.status),
                status: p.status.as_str(),
                tip,
            }
        })
        .collect()
}

#[component]
fn SeriesPanel(series: LocalResource<ApiResult<KpiSeries>>) -> impl IntoView {
    let i18n = use_i18n();
    let chart = move || {
        series.get().map(|answer| match answer {
            Err(error) => view! { <ErrorBox error/> }.into_any(),
            Ok(s) => {
                let empty = s.points.iter().all(|p| p.value.is_none());
                let label = format!("{} · {}", i18n.indicator_name(&s.indicator), s.area_name);
                view! {
                    <LineChart points=chart_points(i18n, &s) label target_label=k!("kpi.target_line")/>
                    {empty.then(|| view! { <Empty key=k!("kpi.no_series")/> })}
                }
                .into_any()
            }
        })
    };
    view! { <Suspense fallback=|| view! { <Loading/> }>{chart}</Suspense> }
}
