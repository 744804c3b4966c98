//! `/kpis/report?area=&indicator=&period=` 填报数值 (the form, prefilled from the link that led here)
//! and `/kpis/import` 从 Excel 导入 (template, dry run, import), for staff who report KPI values.

use leptos::prelude::*;
use shared::{Id, Indicator, KpiSource};

use crate::common::api::{self, ApiError};
use crate::common::i18n::tr;
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::kpis::endpoints::kpi_indicators;
use crate::kpis::import::KpiImportPanel;
use crate::kpis::overview_page::use_kpi_place;
use crate::kpis::period::kpi_url;
use crate::kpis::report_form::KpiReportForm;

/// `← 指标看板`, back to the overview of the same area and period.
#[component]
fn BackToOverview() -> impl IntoView {
    let (_, area, period) = use_kpi_place();
    let href = move || area.get().map_or_else(|| "/kpis".to_owned(), |a| kpi_url("/kpis", a, period.get(), None));
    view! {
        <nav class="crumbs back-link">
            <a href=href data-testid="kpi-back">"← "{tr(k!("kpi.back"))}</a>
        </nav>
    }
}

#[component]
pub fn KpiReportPage() -> impl IntoView {
    let session = use_session();
    let (query, area, period) = use_kpi_place();
    let import_href = move || area.get().map_or_else(|| "/kpis/import".to_owned(), |a| kpi_url("/kpis/import", a, period.get(), None));
    view! {
        <BackToOverview/>
        <div class="page-head">
            <h1 class="page-title">{tr(k!("kpi.report_title"))}</h1>
            <div class="spacer"></div>
            <a class="btn" href=import_href data-testid="kpi-to-import">{tr(k!("kpi.import"))}</a>
        </div>
        <p class="muted small page-intro">{tr(k!("kpi.report_intro"))}</p>
        <Show when=move || session.permissions().report_kpis fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            {move || view! { <ReportLoader indicator=query.with(|q| q.indicator.clone()) area=area.get()/> }}
        </Show>
    }
}

/// Loads the catalogue (and the name of the area the link named), then shows the form.
#[component]
fn ReportLoader(indicator: String, area: Option<Id>) -> impl IntoView {
    let session = use_session();
    let (_, _, period) = use_kpi_place();
    let home = session.me.with_untracked(|m| m.as_ref().map(|m| (m.area.id, m.area.name.clone())));
    let loaded = LocalResource::new(move || {
        let home = home.clone();
        async move {
            let all = kpi_indicators().await?;
            let reported: Vec<Indicator> = all.into_iter().filter(|i| i.source == KpiSource::Reported).collect();
            let place = match area {
                Some(id) if home.as_ref().is_some_and(|(h, _)| *h == id) => home,
                // An area the caller cannot see falls back to the home area.
                Some(id) => api::area(id).await.ok().map(|a| (a.id, a.name)).or(home),
                None => home,
            };
            Ok::<_, ApiError>((reported, place))
        }
    });
    let retry = Callback::new(move |()| loaded.refetch());
    let body = move || {
        loaded.get().map(|answer| match answer {
            Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
            Ok((list, _)) if list.is_empty() => view! { <Empty key=k!("kpi.no_reported")/> }.into_any(),
            Ok((list, place)) => {
                view! { <KpiReportForm indicators=list indicator=indicator.clone() area=place period=period.get_untracked()/> }.into_any()
            }
        })
    };
    view! { <Suspense fallback=|| view! { <Loading/> }>{body}</Suspense> }
}

#[component]
pub fn KpiImportPage() -> impl IntoView {
    let session = use_session();
    let (_, area, period) = use_kpi_place();
    let report_href = move || area.get().map_or_else(|| "/kpis/report".to_owned(), |a| kpi_url("/kpis/report", a, period.get(), None));
    view! {
        <BackToOverview/>
        <div class="page-head">
            <h1 class="page-title">{tr(k!("kpi.import"))}</h1>
            <div class="spacer"></div>
            <a class="btn" href=report_href data-testid="kpi-to-report">"+ "{tr(k!("kpi.report"))}</a>
        </div>
        <Show when=move || session.permissions().report_kpis fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <KpiImportPanel/>
        </Show>
    }
}
