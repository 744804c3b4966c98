//! 超时督办: the needs of an area (the user's own by default) that are overdue and/or escalated
//! (街镇吹哨), grouped by community with counts, each linking to its detail.

use std::collections::BTreeMap;

use leptos::prelude::*;
use shared::{Area, Id, Need};

use crate::common::api::{self, ApiResult, NeedFilter};
use crate::common::area_picker::AreaSearch;
use crate::common::i18n::use_i18n;
use crate::common::session::{is_staff, use_session};
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::needs::badges::{DueTime, NeedFlags, StatusBadge, excerpt};
use crate::needs::labels::use_categories;

/// Pages fetched at most per list; a board longer than this is a problem of its own.
const MAX_PAGES: usize = 20;

/// One need on the board and whether the overdue query returned it.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    need: Need,
    overdue: bool,
}

#[component]
pub fn OverduePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <h1 class="page-title">{move || i18n.t(k!("nav.overdue"))}</h1>
        <Show when=move || is_staff(session.role()) fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <Board/>
        </Show>
    }
}

#[component]
fn Board() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // Where the board starts: the home area, or every root for the platform admin.
    let home = session.default_area();
    let area = RwSignal::new(home.clone());
    // "both", "overdue" or "escalated".
    let mode = RwSignal::new("both".to_owned());
    // Follows the area and the mode; an answer to an earlier choice is dropped by the resource.
    let rows = LocalResource::new(move || {
        let (area_id, mode) = (area.get().map(|(id, _)| id), mode.get());
        async move { board(area_id, &mode).await }
    });
    let retry = Callback::new(move |()| rows.refetch());
    let on_pick = Callback::new(move |a: Area| area.set(Some((a.id, a.name))));

    view! {
        <div class="toolbar" data-testid="overdue-filters">
            <span class="field-label">{move || i18n.t(k!("overdue.area"))}</span>
            <span class="chip" data-testid="overdue-area">
                {move || area.get().map_or_else(|| i18n.t(k!("area.whole_platform")).to_owned(), |(_, name)| name)}
            </span>
            <div class="overdue-search">
                <AreaSearch on_pick placeholder=k!("area.search") testid="overdue-area-search"/>
            </div>
            <button type="button" class="btn btn-small" disabled={let home = home.clone(); move || area.get() == home}
                on:click=move |_| area.set(home.clone())>
                {move || if session.whole_platform() { i18n.t(k!("area.whole_platform")) } else { i18n.t(k!("overdue.home")) }}
            </button>
            <div class="spacer"></div>
            <select data-testid="overdue-mode" aria-label=move || i18n.t(k!("overdue.show"))
                on:change=move |ev| mode.set(event_target_value(&ev))>
                <option value="both">{move || i18n.t(k!("overdue.both"))}</option>
                <option value="overdue">{move || i18n.t(k!("overdue.overdue"))}</option>
                <option value="escalated">{move || i18n.t(k!("overdue.escalated"))}</option>
            </select>
        </div>
        <Suspense fallback=|| view! { <Loading/> }>
            {move || rows.get().map(|answer| match answer {
                Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
                Ok(list) if list.is_empty() => view! { <Empty key=k!("state.no_overdue")/> }.into_any(),
                Ok(list) => view! { <Groups rows=list/> }.into_any(),
            })}
        </Suspense>
    }
}

/// Every page of the overdue and/or escalated lists, merged by id, oldest first.
async fn board(area_id: Option<Id>, mode: &str) -> ApiResult<Vec<Row>> {
    let base = NeedFilter { area_id, oldest_first: true, ..Default::default() };
    let mut rows: Vec<Row> = Vec::new();
    if mode != "escalated" {
        let overdue = all_pages(NeedFilter { overdue: true, ..base.clone() }).await?;
        rows.extend(overdue.into_iter().map(|need| Row { need, overdue: true }));
    }
    if mode != "overdue" {
        for need in all_pages(NeedFilter { escalated: true, ..base }).await? {
            if !rows.iter().any(|r| r.need.id == need.id) {
                rows.push(Row { need, overdue: false });
            }
        }
    }
    rows.sort_by_key(|r| r.need.id);
    Ok(rows)
}

async fn all_pages(filter: NeedFilter) -> ApiResult<Vec<Need>> {
    let mut out = Vec::new();
    let mut cursor = None;
    for _ in 0..MAX_PAGES {
        let page = api::needs(filter.clone(), cursor).await?;
        out.extend(page.items);
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    Ok(out)
}

#[component]
fn Groups(rows: Vec<Row>) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    let mut groups: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for row in rows {
        groups.entry(row.need.area_name.clone()).or_default().push(row);
    }
    groups
        .into_iter()
        .map(|(name, rows)| {
            let overdue = rows.iter().filter(|r| r.overdue).count();
            let escalated = rows.iter().filter(|r| r.need.escalated).count();
            let total = rows.len();
            view! {
                <section class="panel overdue-group" data-testid="overdue-group" data-area=name.clone()>
                    <h3>
                        {name.clone()}
                        <span class="count-chip">{move || i18n.t(k!("overdue.total"))}<b data-testid="group-total">{total}</b></span>
                        <span class="count-chip chip-overdue">{move || i18n.t(k!("overdue.overdue"))}<b>{overdue}</b></span>
                        <span class="count-chip chip-escalated">{move || i18n.t(k!("overdue.escalated"))}<b>{escalated}</b></span>
                    </h3>
                    <ul class="overdue-list">
                        {rows.into_iter().map(|r| {
                            let n = r.need;
                            let category = n.category.clone();
                            view! {
                                <li data-testid="overdue-need">
                                    <a href=format!("/needs/{}", n.id) class="mono">{format!("#{}", n.id)}</a>
                                    <span class="nowrap">{move || categories.name(i18n, &category)}</span>
                                    <span class="need-text">{excerpt(&n.text, 30)}</span>
                                    <StatusBadge status=n.status/>
                                    <DueTime need=n.clone()/>
                                    <NeedFlags need=n.clone()/>
                                    <span class="muted nowrap">{n.assignee_name.clone().unwrap_or_default()}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view()
}
