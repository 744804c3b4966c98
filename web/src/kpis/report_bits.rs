//! The two outcomes of the reporting form besides field errors: "a current value exists" (409), with
//! the value in force and the offer to replace it — nothing is overwritten unknowingly — and the
//! saved report with the ways on (the dashboard, the indicator, another report).

use leptos::prelude::*;
use shared::{Id, KpiReport};

use crate::common::format::{local_time, plain_number};
use crate::common::i18n::{tr, use_i18n};
use crate::kpis::endpoints::{ValuesFilter, kpi_values};
use crate::kpis::period::{PeriodView, kpi_url};

/// The report in force for `indicator`, `area` and exactly `period`, from the history list.
pub async fn current_report(indicator: String, area: Id, period: String) -> Option<KpiReport> {
    let filter = ValuesFilter { area: Some(area), indicator, period: period.clone(), current: true };
    let page = kpi_values(filter, None).await.ok()?;
    page.items.into_iter().find(|r| r.area_id == area && r.period.to_string() == period && r.superseded_by.is_none())
}

/// The report id a 409's detail names (`… report 42 …`), when the list could not say.
pub fn report_id_in(detail: &str) -> Option<Id> {
    detail.split("report ").skip(1).find_map(|rest| {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    })
}

/// What the 409 said: the report in force when known, else its id, and the server's words.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub current: Option<KpiReport>,
    pub current_id: Option<Id>,
    pub detail: String,
}

/// "已有当前数值 …" with 替换当前数值 and 取消.
#[component]
pub fn ConflictBox(
    conflict: Conflict,
    unit: String,
    on_replace: Callback<Id>,
    on_cancel: Callback<()>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = conflict.current.as_ref().map(|r| r.id).or(conflict.current_id);
    let known = conflict.current.map(|r| {
        let when = local_time(&r.reported_at);
        let value = r.value;
        view! {
            <p data-testid="conflict-current" data-id=r.id>
                {move || i18n.kpi_value(&unit, Some(value))}" · "{r.reported_by}" · "{when}
                <br/><span class="small">{tr(k!("kpi.source_note"))}": "{r.source_note}</span>
            </p>
        }
    });
    view! {
        <div class="kpi-conflict" role="alert" data-testid="kpi-conflict">
            <p><strong>{tr(k!("kpi.conflict"))}</strong></p>
            {known}
            <p class="small muted" title=conflict.detail.clone()>{tr(k!("kpi.conflict_hint"))}</p>
            <div class="form-buttons">
                {id.map(|id| view! {
                    <button type="button" class="btn btn-primary" data-testid="kpi-replace" disabled=busy
                        on:click=move |_| on_replace.run(id)>
                        {tr(k!("kpi.replace"))}
                    </button>
                })}
                <button type="button" class="btn btn-ghost" data-testid="kpi-conflict-cancel" on:click=move |_| on_cancel.run(())>
                    {tr(k!("action.cancel"))}
                </button>
            </div>
        </div>
    }
}

/// The stored report and where to go next.
#[component]
pub fn SavedReport(report: KpiReport, indicator_name: String, unit: String, on_again: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let r = report;
    let period = r.period;
    let period_text = move || period.label(i18n.locale());
    let value = r.value;
    let parts = match (r.numerator, r.denominator) {
        (Some(n), Some(d)) => format!(" ({} / {})", plain_number(n), plain_number(d)),
        _ => String::new(),
    };
    let links = {
        let p = period;
        let overview = kpi_url("/kpis", r.area_id, p, None);
        let detail = kpi_url(&format!("/kpis/{}", r.indicator), r.area_id, p, None);
        view! {
            <a class="btn btn-primary" href=overview data-testid="saved-to-overview">{tr(k!("kpi.back"))}</a>
            <a class="btn" href=detail data-testid="saved-to-detail">{tr(k!("kpi.open_indicator"))}</a>
        }
    };
    view! {
        <section class="panel kpi-saved" data-testid="kpi-report-saved" data-id=r.id>
            <p class="notice" role="status">{tr(k!("kpi.saved"))}</p>
            <dl class="facts program-facts">
                <dt>{tr(k!("kpi.indicator"))}</dt><dd>{indicator_name}</dd>
                <dt>{tr(k!("kpi.area"))}</dt><dd>{r.area_name}</dd>
                <dt>{tr(k!("kpi.period"))}</dt><dd>{period_text}</dd>
                <dt>{tr(k!("kpi.value"))}</dt><dd data-testid="saved-value">{move || i18n.kpi_value(&unit, Some(value))}{parts}</dd>
                <dt>{tr(k!("kpi.source_note"))}</dt><dd>{r.source_note}</dd>
                <dt>{tr(k!("kpi.reported_by"))}</dt><dd>{r.reported_by}" · "{local_time(&r.reported_at)}</dd>
                <dt>{tr(k!("kpi.record"))}</dt>
                <dd>"#"{r.id}{r.replaces.map(|old| view! { " · "{move || i18n.t(k!("kpi.replaces")).replace("{id}", &old.to_string())} })}</dd>
            </dl>
            <div class="form-buttons">
                {links}
                <button type="button" class="btn" data-testid="saved-again" on:click=move |_| on_again.run(())>{tr(k!("kpi.report_again"))}</button>
            </div>
        </section>
    }
}
