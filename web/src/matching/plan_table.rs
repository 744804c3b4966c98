//! The matching plans table: number, scope, status, progress, assigned of the needs, total score and
//! when it was made; a click opens the plan.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use shared::Plan;

use crate::common::format::local_time;
use crate::common::i18n::{tr, use_i18n};
use crate::common::paged::Paged;
use crate::common::widgets::{Bar, HeadRow};
use crate::matching::plan_bits::PlanStatusBadge;
use crate::matching::score_bars::points_text;
use crate::messages::Key;
use crate::needs::badges::UrgencyBadge;
use crate::needs::labels::use_categories;

const HEADS: [Key; 8] = [
    k!("matching.plan_id"),
    k!("matching.area"),
    k!("matching.category"),
    k!("matching.status"),
    k!("matching.progress"),
    k!("matching.assigned_of"),
    k!("matching.total_score"),
    k!("matching.created"),
];

/// A paged table of plans with its loading/empty/error footer.
#[component]
pub fn PlanTable(plans: Paged<Plan>, on_more: Callback<()>, on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="table plan-table" data-testid="plans-table">
                <HeadRow keys=&HEADS/>
                <tbody>
                    <For each=move || plans.items.get() key=|p| (p.id, p.status, p.progress) let:plan>
                        <PlanRow plan/>
                    </For>
                </tbody>
            </table>
        </div>
        {plans.footer(k!("matching.no_plans"), on_more, on_retry)}
    }
}

#[component]
fn PlanRow(plan: Plan) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    let navigate = use_navigate();
    let id = plan.id;
    let href = format!("/matching/plans/{id}");
    let open = {
        let href = href.clone();
        move |ev: leptos::ev::MouseEvent| {
            let on_link = event_target::<web_sys::Element>(&ev).closest("a").ok().flatten().is_some();
            if !on_link {
                navigate(&href, NavigateOptions::default());
            }
        }
    };
    let category = plan.category.clone();
    let category = move || category.as_deref().map_or_else(|| i18n.t(k!("queue.all_categories")).to_owned(), |c| categories.name(i18n, c));
    let progress = f64::from(plan.progress.clamp(0, 100)) / 100.0;
    view! {
        <tr class="clickable" data-testid="plan-row" data-plan-id=id data-status=plan.status.as_str() on:click=open>
            <td class="nowrap"><a href=href data-testid="plan-link">{format!("#{id}")}</a></td>
            <td class="nowrap">
                {plan.area_name.clone()}
                {plan.urgency.map(|u| view! { " " <UrgencyBadge urgency=u/> })}
            </td>
            <td class="nowrap">{category}</td>
            <td><PlanStatusBadge status=plan.status/></td>
            <td class="bar-cell"><Bar fraction=progress testid="plan-progress"/></td>
            <td class="num nowrap">{format!("{} / {}", plan.assigned_count, plan.need_count)}</td>
            <td class="num">{points_text(plan.total_score)}</td>
            <td class="nowrap muted">
                {local_time(&plan.created_at)}
                {plan.parent_id.map(|p| view! { <div class="small">{tr(k!("matching.parent"))}" #"{p}</div> })}
            </td>
        </tr>
    }
}
