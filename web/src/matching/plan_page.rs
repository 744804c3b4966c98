//! `/matching/plans/:id`: one matching plan. While it is queued or running, a progress bar (asked again
//! every second, until it is done or failed or the page is left); then the summary, the results, "应用
//! 方案（派单）" (after a confirmation; only for a finished plan) with the outcome of every row
//! afterwards, "重新优化" (a new plan, opened at once) and, for a re-plan, what changed.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::{Id, Plan, PlanDetail, PlanStatus};

use crate::common::api;
use crate::common::form::{FormState, FormSummary};
use crate::common::format::local_time;
use crate::common::i18n::{tr, use_i18n};
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::common::widgets::Bar;
use crate::matching::plan_bits::{PlanStatusBadge, is_pending};
use crate::matching::plan_changes::PlanChanges;
use crate::matching::plan_rows::PlanRows;
use crate::matching::score_bars::points_text;
use crate::messages::Key;
use crate::needs::badges::UrgencyBadge;
use crate::needs::labels::use_categories;

/// How often a plan being solved is asked for again.
const POLL: Duration = Duration::from_secs(1);

#[component]
pub fn MatchingPlanPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    view! {
        <nav class="crumbs back-link">
            <a href="/matching/plans" data-testid="plan-back">"← "{tr(k!("matching.back_plans"))}</a>
        </nav>
        <Show when=move || session.permissions().match_needs fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            // A new id (after 重新优化) builds a new view; the old one's polling stops with it.
            {move || match id.get() {
                Some(id) => view! { <PlanView id/> }.into_any(),
                None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
            }}
        </Show>
    }
}

#[component]
fn PlanView(id: Id) -> impl IntoView {
    let detail = LocalResource::new(move || api::plan(id));
    // While the plan is being solved, each answer asks for the next one a second later, one timer at
    // a time. `waiting` goes with this view, so leaving the page (or 重新优化) ends the polling.
    let waiting = StoredValue::new(false);
    Effect::new(move |_| {
        if detail.with(|d| matches!(d, Some(Ok(d)) if is_pending(d.plan.status))) && !waiting.get_value() {
            waiting.set_value(true);
            set_timeout(
                move || {
                    if waiting.try_update_value(|w| *w = false).is_some() {
                        detail.refetch();
                    }
                },
                POLL,
            );
        }
    });
    let retry = Callback::new(move |()| detail.refetch());
    let on_changed = Callback::new(move |d| detail.set(Some(Ok(d))));
    view! {
        // A Transition: each poll keeps the bar shown until the next answer is in.
        <Transition fallback=|| view! { <Loading/> }>
            {move || detail.get().map(|answer| match answer {
                Ok(d) => view! { <PlanBody detail=d on_changed/> }.into_any(),
                Err(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn PlanBody(detail: PlanDetail, on_changed: Callback<PlanDetail>) -> impl IntoView {
    let PlanDetail { plan, rows, changes } = detail;
    let status = plan.status;
    let applied = status == PlanStatus::Applied || rows.iter().any(|r| r.outcome.is_some());
    let body = if is_pending(status) {
        view! { <Progress plan=plan.clone()/> }.into_any()
    } else if status == PlanStatus::Failed {
        view! {
            <div class="state state-error" role="alert" data-testid="plan-failed">
                {tr(k!("matching.failed"))}{plan.error.clone().map(|e| format!(": {e}"))}
            </div>
        }
        .into_any()
    } else {
        view! {
            <Summary plan=plan.clone()/>
            <PlanRows rows=rows.clone() outcomes=applied/>
        }
        .into_any()
    };
    let compare = plan.parent_id.filter(|_| !is_pending(status)).map(|parent_id| view! { <PlanChanges parent_id changes rows/> });
    view! {
        <article class="plan-detail" data-testid="plan-detail" data-plan-id=plan.id data-status=status.as_str()>
            <PlanHead plan=plan.clone()/>
            <PlanButtons plan=plan.clone() on_changed/>
            {body}
            {compare}
        </article>
    }
}

/// 匹配方案 #12, the status and the scope (area · category · urgency).
#[component]
fn PlanHead(plan: Plan) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    let category = plan.category.clone();
    let category = move || category.as_deref().map_or_else(|| i18n.t(k!("queue.all_categories")).to_owned(), |c| categories.name(i18n, c));
    view! {
        <div class="detail-head">
            <h2 data-testid="plan-title">{tr(k!("matching.plan"))}<span class="muted mono">{format!(" #{}", plan.id)}</span></h2>
            <PlanStatusBadge status=plan.status/>
            <span data-testid="plan-scope">{plan.area_name.clone()}" · "{category}</span>
            {plan.urgency.map(|u| view! { <UrgencyBadge urgency=u/> })}
            <span class="muted small">
                {tr(k!("matching.created"))}" "{local_time(&plan.created_at)}
                {plan.applied_at.map(|at| view! { " · "{tr(k!("matching.applied_at"))}" "{local_time(&at)} })}
            </span>
        </div>
    }
}

/// The bar of a plan being solved.
#[component]
fn Progress(plan: Plan) -> impl IntoView {
    let fraction = f64::from(plan.progress.clamp(0, 100)) / 100.0;
    view! {
        <section class="panel" data-testid="plan-progress" style="max-width: 520px">
            <p style="margin: 0 0 8px" class="state-loading"><span class="spinner" aria-hidden="true"></span>" "{tr(k!("matching.waiting"))}</p>
            <Bar fraction testid="plan-progress-bar"/>
        </section>
    }
}

/// Needs, assigned, unassigned, total and average score.
#[component]
fn Summary(plan: Plan) -> impl IntoView {
    let unassigned = (plan.need_count - plan.assigned_count).max(0);
    let average = (plan.assigned_count > 0).then(|| plan.total_score / f64::from(plan.assigned_count));
    let kpi = |key: Key, value: String, testid: &'static str| {
        view! {
            <div class="kpi" data-testid=testid style="margin-top: 0">
                <span class="kpi-value">{value}</span>
                <span class="kpi-label">{tr(key)}</span>
            </div>
        }
    };
    view! {
        <div class="plan-summary" data-testid="plan-summary" style="display: flex; flex-wrap: wrap; gap: 12px; margin: 0 0 12px">
            {kpi(k!("matching.needs"), plan.need_count.to_string(), "sum-needs")}
            {kpi(k!("matching.assigned"), plan.assigned_count.to_string(), "sum-assigned")}
            {kpi(k!("matching.unassigned"), unassigned.to_string(), "sum-unassigned")}
            {kpi(k!("matching.total_score"), points_text(plan.total_score), "sum-total")}
            {kpi(k!("matching.average"), average.map_or_else(|| "—".to_owned(), points_text), "sum-average")}
        </div>
    }
}

/// 应用方案（派单） with its confirmation, and 重新优化.
#[component]
fn PlanButtons(plan: Plan, on_changed: Callback<PlanDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let form = FormState::new();
    let confirming = RwSignal::new(false);
    let id = plan.id;
    // Nothing assigned: nothing to dispatch.
    let can_apply = plan.status == PlanStatus::Done && plan.assigned_count > 0;
    let can_replan = !is_pending(plan.status);
    let assigned = plan.assigned_count;
    let apply = move |_| {
        form.start();
        spawn_local(async move {
            match api::apply_plan(id).await {
                Ok(fresh) => {
                    form.done();
                    let _ = confirming.try_set(false);
                    on_changed.run(fresh);
                }
                Err(e) => {
                    form.failed(i18n, &e);
                    confirming.set(false);
                }
            }
        });
    };
    let replan = move |_| {
        form.start();
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::replan(id).await {
                Ok(fresh) => {
                    form.done();
                    navigate(&format!("/matching/plans/{}", fresh.id), NavigateOptions::default());
                }
                Err(e) => form.failed(i18n, &e),
            }
        });
    };
    view! {
        <section class="need-actions" aria-label=move || i18n.t(k!("need.actions"))>
            <button type="button" class="btn btn-primary" data-testid="plan-apply"
                disabled=move || !can_apply || form.busy.get() || confirming.get()
                on:click=move |_| confirming.set(true)>
                {tr(k!("matching.apply"))}
            </button>
            <button type="button" class="btn" data-testid="plan-replan" disabled=move || !can_replan || form.busy.get()
                title=move || i18n.t(k!("matching.replan_hint")) on:click=replan>
                {tr(k!("matching.replan"))}
            </button>
            {(is_pending(plan.status) || plan.status == PlanStatus::Failed).then(|| view! {
                <span class="muted small">{tr(k!("matching.apply_only_done"))}</span>
            })}
        </section>
        <Show when=move || confirming.get()>
            <div class="panel action-form" role="alertdialog" aria-modal="false" data-testid="apply-confirm-box">
                <p style="margin: 0 0 10px">
                    {tr(k!("matching.apply_confirm_a"))}<strong>{assigned}</strong>{tr(k!("matching.apply_confirm_b"))}
                </p>
                <div class="form-buttons">
                    <button type="button" class="btn btn-primary" data-testid="apply-confirm" disabled=form.busy on:click=apply>
                        {move || if form.busy.get() { i18n.t(k!("matching.applying")) } else { i18n.t(k!("form.confirm")) }}
                    </button>
                    <button type="button" class="btn" data-testid="apply-cancel" on:click=move |_| confirming.set(false)>
                        {tr(k!("action.cancel"))}
                    </button>
                </div>
            </div>
        </Show>
        <div class="action-form"><FormSummary form placed=&[]/></div>
    }
}
