//! `/workbench` (工作台): where community workers, grid workers, volunteers and street and district
//! staff land. Tiles count what waits at each step and open the queue filtered to exactly those
//! needs (the server counts with the queue's own filters); below, today's deadlines and my tasks.

use leptos::prelude::*;
use shared::{Need, Workbench, WorkbenchCounts};

use crate::common::i18n::use_i18n;
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::messages::Key;
use crate::needs::badges::{DueTime, StatusBadge, excerpt};
use crate::needs::labels::use_categories;
use crate::workbench::badges::WorkCounts;
use crate::workbench::endpoints;

/// Characters of a need's text shown in a list row.
const EXCERPT: usize = 30;

/// One tile: which count, its label, and the list it opens.
struct Tile {
    key: &'static str,
    label: Key,
    href: String,
    count: fn(&WorkbenchCounts) -> i64,
}

/// The tiles this caller gets: the queue's steps for those who work it, my tasks for those who serve.
fn tiles(work: bool, serve: bool) -> Vec<Tile> {
    let mut tiles = Vec::new();
    if work {
        tiles.push(Tile { key: "submitted", label: k!("wb.submitted"), href: "/needs?status=submitted".into(), count: |c| c.submitted });
        tiles.push(Tile { key: "accepted", label: k!("wb.accepted"), href: "/needs?status=accepted".into(), count: |c| c.accepted });
        tiles.push(Tile {
            key: "dispatched",
            label: k!("wb.dispatched"),
            href: "/needs?status=dispatched".into(),
            count: |c| c.dispatched,
        });
    }
    // Staff see every overdue need of their area in the queue; those who serve, in their tasks.
    let overdue = if work { "/needs?overdue=true".to_owned() } else { "/tasks".to_owned() };
    tiles.push(Tile { key: "overdue", label: k!("wb.overdue"), href: overdue, count: |c| c.overdue });
    tiles.push(Tile { key: "due_today", label: k!("wb.due_today"), href: "#wb-due-today".into(), count: |c| c.due_today });
    if serve {
        tiles.push(Tile { key: "my_tasks", label: k!("wb.my_tasks"), href: "/tasks".into(), count: |c| c.my_tasks });
    }
    tiles
}

#[component]
pub fn WorkbenchPage() -> impl IntoView {
    let i18n = use_i18n();
    let bench = LocalResource::new(endpoints::workbench);
    let retry = Callback::new(move |()| bench.refetch());
    view! {
        <h1 class="page-title">{move || i18n.t(k!("nav.workbench"))}</h1>
        <QuickActions/>
        <Transition fallback=|| view! { <Loading/> }>
            {move || bench.get().map(|answer| match answer {
                Ok(bench) => view! { <Board bench/> }.into_any(),
                Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Board(bench: Workbench) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let p = session.permissions();
    // The landing's numbers are the freshest: hand them to the menu badges too.
    if let Some(shell) = use_context::<WorkCounts>() {
        shell.value.set(Some(bench.counts));
    }
    let counts = bench.counts;
    let serve = p.serve_needs;
    view! {
        <div class="wb-tiles" data-testid="wb-tiles">
            {tiles(p.work_needs, serve).into_iter().map(|t| {
                let n = (t.count)(&counts);
                let alert = n > 0 && t.key == "overdue";
                view! {
                    <a class="kpi wb-tile" class:wb-alert=alert href=t.href
                        data-testid="wb-tile" data-key=t.key title=move || i18n.t(k!("wb.tile_hint"))>
                        <span class="kpi-value" data-testid="wb-count">{n}</span>
                        <span class="kpi-label">{move || i18n.t(t.label)}</span>
                    </a>
                }
            }).collect_view()}
        </div>
        <div class="wb-lists">
            <section class="panel" id="wb-due-today" data-testid="wb-due-today">
                <h3>{move || i18n.t(k!("wb.due_heading"))}</h3>
                <NeedList needs=bench.due_today empty=k!("wb.due_empty")/>
            </section>
            {serve.then(|| view! {
                <section class="panel" data-testid="wb-my-tasks">
                    <h3>{move || i18n.t(k!("wb.tasks_heading"))}</h3>
                    <NeedList needs=bench.my_tasks.clone() empty=k!("wb.tasks_empty")/>
                    {(counts.my_tasks > bench.my_tasks.len() as i64).then(|| view! {
                        <a href="/tasks" data-testid="wb-tasks-more">{move || i18n.t(k!("wb.more"))}</a>
                    })}
                </section>
            })}
        </div>
    }
}

/// A short list of needs: category, text, status and the deadline running, each opening the need.
#[component]
fn NeedList(needs: Vec<Need>, empty: Key) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    if needs.is_empty() {
        return view! { <Empty key=empty/> }.into_any();
    }
    view! {
        <ul class="wb-list">
            {needs.into_iter().map(|need| {
                let category = need.category.clone();
                view! {
                    <li data-testid="wb-need" data-need-id=need.id>
                        <a href=format!("/needs/{}", need.id)>
                            <strong>{move || categories.name(i18n, &category)}</strong>
                            <span class="muted mono">{format!(" #{}", need.id)}</span>
                        </a>
                        <span class="wb-text">{excerpt(&need.text, EXCERPT)}</span>
                        <span class="wb-meta">
                            <StatusBadge status=need.status/>
                            <DueTime need=need.clone()/>
                        </span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The ways on from here that do not depend on the counts.
#[component]
fn QuickActions() -> impl IntoView {
    let i18n = use_i18n();
    let p = use_session().permissions();
    view! {
        <div class="toolbar wb-actions" role="group" aria-label=move || i18n.t(k!("wb.actions"))>
            {p.work_needs.then(|| view! {
                <a class="btn" href="/needs" data-testid="wb-open-queue">{move || i18n.t(k!("wb.open_queue"))}</a>
                <a class="btn" href="/overdue" data-testid="wb-open-overdue">{move || i18n.t(k!("wb.open_overdue"))}</a>
            })}
            {p.serve_needs.then(|| view! {
                <a class="btn" href="/tasks" data-testid="wb-open-tasks">{move || i18n.t(k!("wb.open_tasks"))}</a>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn those_who_serve_only_get_their_tasks_and_deadlines() {
        let keys = |t: Vec<Tile>| t.into_iter().map(|t| t.key).collect::<Vec<_>>();
        assert_eq!(keys(tiles(false, true)), ["overdue", "due_today", "my_tasks"]);
        assert_eq!(keys(tiles(true, false)), ["submitted", "accepted", "dispatched", "overdue", "due_today"]);
        let volunteer = tiles(false, true);
        assert!(volunteer.iter().all(|t| !t.href.starts_with("/needs")), "the queue is staff work");
    }
}
