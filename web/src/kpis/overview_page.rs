//! `/kpis` 指标看板: every indicator of an area in a period (`?area=&period=`, the home area and this
//! year by default) as cards — value, target, status, trend, sparkline, provenance — with counts by
//! status, the export, and the child areas ranked on one indicator (above the cards) to drill down
//! into. The URL holds the state, so drilling down, going back and sharing a link all show the same
//! view.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::{Attainment, Id, KpiAttribute, KpiCard, KpiDashboard, KpiSource};

use crate::common::api::ApiError;
use crate::common::i18n::{tr, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::kpis::card::KpiCardView;
use crate::kpis::children::ChildRanking;
use crate::kpis::endpoints::{kpi_dashboard, kpi_series};
use crate::kpis::head::{AreaTrail, KpiExport, StatusSummary, remember, trail};
use crate::kpis::period::{KpiQuery, Period, PeriodView, kpi_url, today};
use crate::kpis::period_picker::PeriodPicker;
use crate::messages::Key;

/// Series asked for at once while the sparklines fill in.
const SPARK_BATCH: usize = 4;

/// The area and period of a KPI page: the URL's, else the home area and this year.
pub fn use_kpi_place() -> (Memo<KpiQuery>, Memo<Option<Id>>, Memo<Period>) {
    let session = use_session();
    let query_map = use_query_map();
    let query = Memo::new(move |_| query_map.with(KpiQuery::from_query));
    let home = session.me.with_untracked(|m| m.as_ref().map(|m| m.area.id));
    let area = Memo::new(move |_| query.with(|q| q.area).or(home));
    let period = Memo::new(move |_| query.with(|q| q.period).unwrap_or_else(|| Period::year(today().0)));
    (query, area, period)
}

#[component]
pub fn KpisPage() -> impl IntoView {
    let session = use_session();
    let (_, area, period) = use_kpi_place();
    let link =
        move |path: &'static str| move || area.get().map(|a| kpi_url(path, a, period.get(), None)).unwrap_or_else(|| path.to_owned());
    view! {
        <div class="page-head">
            <h1 class="page-title">{tr(k!("nav.kpis"))}</h1>
            <div class="spacer"></div>
            {move || session.permissions().report_kpis.then(|| view! {
                <a class="btn" href=link("/kpis/import") data-testid="kpi-to-import">{tr(k!("kpi.import"))}</a>
                <a class="btn btn-primary" href=link("/kpis/report") data-testid="kpi-to-report">"+ "{tr(k!("kpi.report"))}</a>
            })}
        </div>
        <Show when=move || session.permissions().read_kpis fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <Overview/>
        </Show>
    }
}

#[component]
fn Overview() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let (_, area, period) = use_kpi_place();
    let home = session.me.with_untracked(|m| m.as_ref().map(|m| m.area.id));
    let dashboard = RwSignal::new(None::<Result<KpiDashboard, ApiError>>);
    let sparks = RwSignal::new(HashMap::<String, Vec<Option<f64>>>::new());
    let path = RwSignal::new(Vec::<(Id, String)>::new());
    let filter = RwSignal::new(None::<Attainment>);
    // Bumped by every load, so answers to an earlier area or period are dropped.
    let generation = StoredValue::new(0_u64);
    let load = move || {
        let (Some(a), p) = (area.get_untracked(), period.get_untracked()) else {
            return;
        };
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        dashboard.set(None);
        sparks.set(HashMap::new());
        filter.set(None);
        spawn_local(async move {
            let answer = kpi_dashboard(a, p).await;
            if generation.try_get_value() != Some(mine) {
                return;
            }
            let shown = answer.as_ref().ok().map(|d| {
                remember(d);
                load_sparks(d, sparks, generation, mine);
                (d.area_id, d.area_name.clone())
            });
            dashboard.set(Some(answer));
            if let Some((id, name)) = shown {
                let chain = trail(id, name, home).await;
                if generation.try_get_value() == Some(mine) {
                    path.set(chain);
                }
            }
        });
    };
    Effect::new(move |_| {
        area.track();
        period.track();
        load();
    });
    let retry = Callback::new(move |()| load());
    let on_period = Callback::new(move |p: Period| {
        if let Some(a) = area.get_untracked() {
            navigate(&kpi_url("/kpis", a, p, None), NavigateOptions::default());
        }
    });
    let body = move || match dashboard.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
        Some(Ok(d)) => view! { <DashboardView dashboard=d sparks filter/> }.into_any(),
    };
    view! {
        <div class="toolbar kpi-toolbar">
            <AreaTrail trail=path.into() period=period.into()/>
            <div class="spacer"></div>
            <PeriodPicker period=period.into() on_change=on_period/>
            <KpiExport area=area.into() period=period.into()/>
        </div>
        {body}
    }
}

/// Fetches each card's series a few at a time, so the cards are usable before the lines arrive.
fn load_sparks(d: &KpiDashboard, sparks: RwSignal<HashMap<String, Vec<Option<f64>>>>, generation: StoredValue<u64>, mine: u64) {
    let codes: Vec<String> = d.cards.iter().map(|c| c.indicator.code.clone()).collect();
    let (area, period) = (d.area_id, d.period);
    spawn_local(async move {
        for batch in codes.chunks(SPARK_BATCH) {
            let answers = futures::future::join_all(batch.iter().map(|code| kpi_series(code.clone(), area, period))).await;
            if generation.try_get_value() != Some(mine) {
                return;
            }
            sparks.update(|m| {
                for (code, answer) in batch.iter().zip(answers) {
                    // A failed series draws the empty line; the card itself is unaffected.
                    let values = answer.map(|s| s.points.into_iter().map(|p| p.value).collect()).unwrap_or_default();
                    m.insert(code.clone(), values);
                }
            });
        }
    });
}

#[component]
fn DashboardView(
    dashboard: KpiDashboard,
    sparks: RwSignal<HashMap<String, Vec<Option<f64>>>>,
    filter: RwSignal<Option<Attainment>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let d = dashboard;
    let period = d.period;
    let kind = d.area_kind;
    let state_key = if d.period_closed { k!("kpi.period_closed") } else { k!("kpi.period_running") };
    let elapsed = (d.year_elapsed * 100.0).round();
    let (computed, reported): (Vec<KpiCard>, Vec<KpiCard>) = d.cards.into_iter().partition(|c| c.indicator.source == KpiSource::Computed);
    let area = d.area_id;
    let indicators: Vec<_> = computed.iter().chain(&reported).map(|c| c.indicator.clone()).collect();
    view! {
        <p class="muted small kpi-context" data-testid="kpi-context" data-area-id=area data-period=d.period.to_string()>
            <strong>{d.area_name.clone()}</strong>" · "{move || i18n.kind(kind)}" · "{move || period.label(i18n.locale())}" · "
            {move || i18n.t(state_key).replace("{p}", &elapsed.to_string())}
        </p>
        <StatusSummary counts=d.counts filter/>
        <ChildRanking children=d.children indicators area period/>
        <CardGroup title=k!("kpi.group_computed") cards=computed area period sparks filter testid="kpi-group-computed"/>
        <CardGroup title=k!("kpi.group_reported") cards=reported area period sparks filter testid="kpi-group-reported"/>
    }
}

/// One group of cards (binding ones first), narrowed to the chosen status.
#[component]
fn CardGroup(
    title: Key,
    cards: Vec<KpiCard>,
    area: Id,
    period: Period,
    sparks: RwSignal<HashMap<String, Vec<Option<f64>>>>,
    filter: RwSignal<Option<Attainment>>,
    testid: &'static str,
) -> impl IntoView {
    let mut cards = cards;
    cards.sort_by_key(|c| c.indicator.attribute != KpiAttribute::Binding);
    let total = cards.len();
    let cards = StoredValue::new(cards);
    let shown = move || {
        let only = filter.get();
        cards.with_value(|all| all.iter().filter(|c| only.is_none_or(|s| c.status == s)).cloned().collect::<Vec<_>>())
    };
    view! {
        <section class="kpi-group" data-testid=testid>
            <h3>{tr(title)}" "<span class="muted small">{total}</span></h3>
            {move || {
                let list = shown();
                if list.is_empty() {
                    return view! { <Empty key=k!("kpi.none_in_filter")/> }.into_any();
                }
                view! {
                    <div class="kpi-grid">
                        {list.into_iter().map(|c| {
                            let code = c.indicator.code.clone();
                            let href = kpi_url(&format!("/kpis/{code}"), area, period, None);
                            let spark = Signal::derive(move || sparks.with(|m| m.get(&code).cloned()));
                            view! { <KpiCardView card=c href spark/> }
                        }).collect_view()}
                    </div>
                }.into_any()
            }}
        </section>
    }
}
