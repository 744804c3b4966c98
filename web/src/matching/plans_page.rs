//! `/matching/plans` 匹配方案: the matching plans in the caller's scope, newest first, narrowed by
//! status, and "新建匹配方案" — a new plan opens its own page, where it is solved and applied.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use shared::{Plan, PlanStatus};

use crate::common::api;
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::paged::Paged;
use crate::common::session::use_session;
use crate::common::status::Empty;
use crate::matching::plan_form::NewPlanForm;
use crate::matching::plan_table::PlanTable;

#[component]
pub fn MatchingPlansPage() -> impl IntoView {
    let session = use_session();
    let creating = RwSignal::new(false);
    view! {
        <div class="page-head">
            <h1 class="page-title">{tr(k!("nav.matching_plans"))}</h1>
            <div class="spacer"></div>
            <a class="btn" href="/matching/gaps" data-testid="to-gaps">{tr(k!("nav.matching_gaps"))}</a>
            {move || (session.permissions().match_needs && !creating.get()).then(|| view! {
                <button type="button" class="btn btn-primary" data-testid="plan-new" on:click=move |_| creating.set(true)>
                    "+ "{tr(k!("matching.new_plan"))}
                </button>
            })}
        </div>
        <Show when=move || session.permissions().match_needs fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <PlanList creating/>
        </Show>
    }
}

#[component]
fn PlanList(creating: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let status = RwSignal::new(None::<PlanStatus>);
    let plans = Paged::<Plan>::new();
    let fetch = move |cursor| api::plans(status.get_untracked(), cursor);
    Effect::new(move |_| {
        status.track();
        plans.reload(fetch);
    });
    let more = Callback::new(move |()| plans.more(fetch));
    let retry = Callback::new(move |()| plans.reload(fetch));
    let on_created = Callback::new(move |plan: Plan| {
        creating.set(false);
        navigate(&format!("/matching/plans/{}", plan.id), NavigateOptions::default());
    });
    let on_cancel = Callback::new(move |()| creating.set(false));
    view! {
        <Show when=move || creating.get()>
            <NewPlanForm on_created on_cancel/>
        </Show>
        <div class="toolbar">
            <select data-testid="plans-status" aria-label=move || i18n.t(k!("matching.status"))
                on:change=move |ev| status.set(PlanStatus::parse(&event_target_value(&ev)))>
                <option value="">{tr(k!("matching.all_statuses"))}</option>
                {PlanStatus::ALL.iter().map(|s| view! {
                    <option value=s.as_str()>{tr_word(words!("plan_status"), s.as_str().to_owned())}</option>
                }).collect_view()}
            </select>
        </div>
        <PlanTable plans on_more=more on_retry=retry/>
    }
}
