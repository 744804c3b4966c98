//! `/programs/rollup` 项目汇总: the programs of an area's subtree (the home area unless another is
//! chosen) — counts per status that open the filtered list, pledged against delivered per resource
//! kind, budget against spend, and overdue milestones; then the same for each child area
//! ([`crate::programs::rollup_children`]).

use leptos::prelude::*;
use shared::{Area, Id, ProgramRollup};

use crate::common::api::{self, ProgramFilter};
use crate::common::area_picker::AreaSearch;
use crate::common::i18n::{tr, tr_label, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::common::widgets::Bar;
use crate::programs::bits::{BudgetBar, Money, ProgramStatusBadge};
use crate::programs::filters::filter_url;
use crate::programs::labels::{RESOURCE_KINDS, measure};
use crate::programs::rollup_children::RollupByChild;

#[component]
pub fn ProgramRollupPage() -> impl IntoView {
    let session = use_session();
    view! {
        <nav class="crumbs back-link">
            <a href="/programs">"← "{tr(k!("program.back"))}</a>
        </nav>
        <h1 class="page-title">{tr(k!("nav.rollup"))}</h1>
        <Show when=move || session.permissions().read_programs fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <Rollup/>
        </Show>
    }
}

#[component]
fn Rollup() -> impl IntoView {
    let session = use_session();
    // The home area, or every program of the platform for the platform admin.
    let area = RwSignal::new(session.default_area());
    // Follows the chosen area; an answer for an area no longer chosen is dropped by the resource.
    let rollup = LocalResource::new(move || api::program_rollup(area.get().map(|(id, _)| id)));
    let retry = Callback::new(move |()| rollup.refetch());
    let on_pick = Callback::new(move |a: Area| area.set(Some((a.id, a.name))));
    let body = move || {
        rollup.get().map(|answer| match answer {
            Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
            Ok(r) => view! { <RollupView rollup=r/> }.into_any(),
        })
    };
    view! {
        <div class="toolbar">
            <span class="chosen" data-testid="rollup-area">
                {move || area.get().map_or_else(|| tr(k!("area.whole_platform"))().to_owned(), |(_, n)| n)}
            </span>
            <AreaSearch on_pick placeholder=k!("area.search") testid="rollup-area-search"/>
            <Show when=move || session.whole_platform()>
                <button type="button" class="btn btn-small" data-testid="rollup-whole-platform"
                    disabled=move || area.get().is_none() on:click=move |_| area.set(None)>
                    {tr(k!("area.whole_platform"))}
                </button>
            </Show>
        </div>
        <Suspense fallback=|| view! { <Loading/> }>{body}</Suspense>
    }
}

#[component]
fn RollupView(rollup: ProgramRollup) -> impl IntoView {
    let i18n = use_i18n();
    let area_id: Option<Id> = rollup.area_id;
    let list = move |edit: &dyn Fn(&mut ProgramFilter)| {
        let mut f = ProgramFilter { area_id, ..Default::default() };
        edit(&mut f);
        filter_url(&f)
    };
    let total: i64 = rollup.by_status.iter().map(|s| s.count).sum();
    let overdue = rollup.overdue_milestones;
    let by_child = rollup.by_child.clone();
    view! {
        <div class="rollup" data-testid="rollup">
            <section class="panel">
                <h3>{tr(k!("rollup.by_status"))}" · "<a href=list(&|_| {}) data-testid="rollup-all">{tr(k!("queue.all"))}" "{total}</a></h3>
                <div class="count-chips">
                    {rollup.by_status.iter().map(|s| {
                        let status = s.status;
                        view! {
                            <a class="count-chip" href=list(&|f| f.status = Some(status))
                                data-testid="rollup-status" data-status=status.as_str()>
                                <ProgramStatusBadge status/><b>{s.count}</b>
                            </a>
                        }
                    }).collect_view()}
                </div>
            </section>
            <section class="panel">
                <h3>{tr(k!("rollup.by_kind"))}</h3>
                {if rollup.by_kind.is_empty() {
                    view! { <Empty key=k!("pledge.none")/> }.into_any()
                } else {
                    RESOURCE_KINDS.into_iter().filter_map(|kind| rollup.by_kind.iter().find(|k| k.kind == kind)).map(|k| {
                        let kind = k.kind;
                        let (pledged, delivered) = (measure(kind, &k.pledged), measure(kind, &k.delivered));
                        let (qp, qd) = (k.pledged.clone(), k.delivered.clone());
                        view! {
                            <div class="kind-total" data-testid="rollup-kind" data-kind=kind.as_str()>
                                <span class="kind-name">{tr_label(kind)}</span>
                                <Bar fraction=k.fulfilment testid="kind-bar"/>
                                <span class="muted small" title=move || format!("{} / {}", i18n.quantity_text(kind, &qd, None), i18n.quantity_text(kind, &qp, None))>
                                    {move || i18n.measure_pair(kind, delivered, pledged, None)}
                                </span>
                            </div>
                        }
                    }).collect_view().into_any()
                }}
            </section>
            <section class="panel">
                <h3>{tr(k!("rollup.budget"))}</h3>
                <BudgetBar spent=rollup.spent_fen budget=rollup.budget_fen/>
                <p class="muted small">
                    {tr(k!("program.budget"))}" "<Money fen=rollup.budget_fen/>" · "
                    {tr(k!("spend.title"))}" "<Money fen=rollup.spent_fen/>
                </p>
            </section>
            <section class="panel">
                <h3>{tr(k!("rollup.overdue"))}</h3>
                <a class="kpi" href=list(&|f| f.overdue = true) data-testid="rollup-overdue">
                    <span class="kpi-value" class:due-over={overdue > 0}>{overdue}</span>
                    <span class="kpi-label">{tr(k!("rollup.overdue_hint"))}</span>
                </a>
            </section>
        </div>
        <RollupByChild rows=by_child/>
    }
}
