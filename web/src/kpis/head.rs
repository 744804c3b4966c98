//! The overview's header pieces: the path of areas from the home area down to the one shown (each a
//! link back up), the counts by status (each a filter of the cards), and the Excel/CSV export.
//!
//! The path survives reloads and shared links: names and parents seen on dashboards are remembered,
//! and what is not known is asked from `/areas/{id}`.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Attainment, AttainmentCounts, Id, KpiDashboard};

use crate::common::api;
use crate::common::download::save_file;
use crate::common::i18n::{tr, use_i18n};
use crate::common::status::error_text;
use crate::kpis::endpoints::export_kpis;
use crate::kpis::labels::{STATUSES, status_class};
use crate::kpis::period::{Period, kpi_url};

thread_local! {
    /// Area id → (name, parent id when known).
    static KNOWN: RefCell<HashMap<Id, (String, Option<Id>)>> = RefCell::new(HashMap::new());
}

/// Remembers the area of a dashboard and its children, whose parent it is.
pub fn remember(d: &KpiDashboard) {
    KNOWN.with(|k| {
        let mut k = k.borrow_mut();
        let parent = k.get(&d.area_id).and_then(|(_, p)| *p);
        k.insert(d.area_id, (d.area_name.clone(), parent));
        for c in &d.children {
            k.insert(c.id, (c.name.clone(), Some(d.area_id)));
        }
    });
}

fn known(id: Id) -> Option<(String, Option<Id>)> {
    KNOWN.with(|k| k.borrow().get(&id).cloned())
}

/// Name and parent of `id`, remembered or fetched (`None` when it cannot be had).
async fn lookup(id: Id) -> Option<(String, Option<Id>)> {
    if let Some((name, Some(parent))) = known(id) {
        return Some((name, Some(parent)));
    }
    let area = api::area(id).await.ok()?;
    let found = (area.name.clone(), area.parent_id);
    KNOWN.with(|k| k.borrow_mut().insert(id, found.clone()));
    Some(found)
}

/// From `home` (the signed-in user's area) down to `area`; just `area` when it is not below home.
pub async fn trail(area: Id, name: String, home: Option<Id>) -> Vec<(Id, String)> {
    let mut chain = vec![(area, name)];
    let mut current = area;
    // Six levels at most (province to grid); the bound also guards against a cycle in bad data.
    for _ in 0..6 {
        if Some(current) == home {
            break;
        }
        let Some((_, Some(parent))) = lookup(current).await else { break };
        let parent_name = match known(parent) {
            Some((name, _)) => name,
            None => match lookup(parent).await {
                Some((name, _)) => name,
                None => break,
            },
        };
        chain.push((parent, parent_name));
        current = parent;
    }
    if home.is_some() && Some(current) != home {
        // Not below home (another root of the caller's scope): show the area alone.
        chain.truncate(1);
    }
    chain.reverse();
    chain
}

/// 滨江区 / 西兴街道 / 缤纷社区 — the last one is where we are.
#[component]
pub fn AreaTrail(trail: Signal<Vec<(Id, String)>>, period: Signal<Period>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="crumbs kpi-trail" aria-label=move || i18n.t(k!("kpi.trail")) data-testid="kpi-trail">
            {move || {
                let list = trail.get();
                let last = list.len().saturating_sub(1);
                list.into_iter().enumerate().map(|(i, (id, name))| view! {
                    {(i > 0).then(|| view! { <span class="crumb-sep" aria-hidden="true">"/"</span> })}
                    {if i == last {
                        view! { <strong data-testid="kpi-trail-current" data-area-id=id aria-current="page">{name}</strong> }.into_any()
                    } else {
                        view! { <a href=kpi_url("/kpis", id, period.get_untracked(), None) data-testid="kpi-trail-link" data-area-id=id>{name}</a> }.into_any()
                    }}
                }).collect_view()
            }}
        </nav>
    }
}

fn count_of(c: &AttainmentCounts, s: Attainment) -> u32 {
    match s {
        Attainment::Met => c.met,
        Attainment::OnTrack => c.on_track,
        Attainment::AtRisk => c.at_risk,
        Attainment::Missed => c.missed,
        Attainment::NoTarget => c.no_target,
        Attainment::NoData => c.no_data,
    }
}

/// 已达标 12 · 进度正常 3 …; a chip shows only the cards of its status, again for all of them.
#[component]
pub fn StatusSummary(counts: AttainmentCounts, filter: RwSignal<Option<Attainment>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="count-chips kpi-summary" data-testid="kpi-summary" role="group" aria-label=tr(k!("kpi.summary"))>
            {STATUSES.into_iter().map(|s| {
                let n = count_of(&counts, s);
                view! {
                    <button type="button" class="count-chip" class:on=move || filter.get() == Some(s)
                        aria-pressed=move || (filter.get() == Some(s)).to_string()
                        data-testid="kpi-count" data-status=s.as_str() data-count=n disabled=n == 0
                        on:click=move |_| filter.update(|f| *f = if *f == Some(s) { None } else { Some(s) })>
                        <span class=status_class(s)>{move || i18n.attainment(s)}</span><b>{n}</b>
                    </button>
                }
            }).collect_view()}
            {move || filter.get().is_some().then(|| view! {
                <button type="button" class="btn btn-ghost btn-small" data-testid="kpi-filter-clear" on:click=move |_| filter.set(None)>
                    {tr(k!("kpi.show_all"))}
                </button>
            })}
        </div>
    }
}

/// Excel and CSV of the dashboard of `area` in `period` (with its child areas).
#[component]
pub fn KpiExport(area: Signal<Option<Id>>, period: Signal<Period>) -> impl IntoView {
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let export = move |format: &'static str| {
        let Some(area) = area.get_untracked() else { return };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        let period = period.get_untracked();
        spawn_local(async move {
            match export_kpis(area, period, format).await {
                Ok(file) => {
                    if save_file(&file, &format!("kpis-{area}-{period}.{format}")).is_err() {
                        error.set(Some(i18n.t(k!("error.unexpected")).to_owned()));
                    }
                }
                Err(e) => error.set(Some(error_text(i18n, &e))),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="export-buttons" data-testid="kpi-export">
            <button type="button" class="btn" disabled=move || busy.get() || area.with(Option::is_none) data-testid="export-xlsx"
                on:click=move |_| export("xlsx")>
                {tr(k!("export.xlsx"))}
            </button>
            <button type="button" class="btn" disabled=move || busy.get() || area.with(Option::is_none) data-testid="export-csv"
                on:click=move |_| export("csv")>
                {tr(k!("export.csv"))}
            </button>
            {move || error.get().map(|e| view! { <span class="state-error" role="alert">{e}</span> })}
        </div>
    }
}
