//! The needs table of the queue and of "my tasks": one row per need, a click opens its detail.
//! With a selection signal, accepted needs get a checkbox for bulk dispatch (批量派单).

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use shared::{Id, Need, NeedStatus};

use crate::common::i18n::use_i18n;
use crate::common::paged::Paged;
use crate::needs::badges::{DueTime, NeedFlags, StatusBadge, UrgencyBadge, WaitingTime, excerpt};
use crate::needs::labels::use_categories;

/// Characters of the request shown in the table.
const EXCERPT: usize = 36;

/// A paged table of needs with its loading/empty/error footer.
#[component]
pub fn NeedTable(
    needs: Paged<Need>,
    empty_key: &'static str,
    on_more: Callback<()>,
    on_retry: Callback<()>,
    /// Ids ticked for bulk dispatch; without it there are no checkboxes.
    #[prop(optional)]
    selection: Option<RwSignal<Vec<Id>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let selectable = selection.is_some();
    view! {
        <div class="table-wrap">
            <table class="table need-table" data-testid="needs-table">
                <thead>
                    <tr>
                        {selectable.then(|| view! {
                            <th class="select-col" title=move || i18n.t("queue.select_hint")>
                                {move || i18n.t("queue.select")}
                            </th>
                        })}
                        <th>{move || i18n.t("need.id")}</th>
                        <th>{move || i18n.t("need.category")}</th>
                        <th>{move || i18n.t("need.text")}</th>
                        <th>{move || i18n.t("need.area")}</th>
                        <th>{move || i18n.t("need.urgency")}</th>
                        <th>{move || i18n.t("need.status")}</th>
                        <th>{move || i18n.t("need.waiting")}</th>
                        <th>{move || i18n.t("need.due")}</th>
                        <th>{move || i18n.t("need.assignee")}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || needs.items.get() key=|n| (n.id, n.updated_at) let:need>
                        <NeedRow need selection/>
                    </For>
                </tbody>
            </table>
        </div>
        {needs.footer(empty_key, on_more, on_retry)}
    }
}

#[component]
fn NeedRow(need: Need, selection: Option<RwSignal<Vec<Id>>>) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    let navigate = use_navigate();
    let id = need.id;
    let href = format!("/needs/{id}");
    let open = {
        let href = href.clone();
        move |ev: leptos::ev::MouseEvent| {
            // The id link navigates by itself (through the router); don't do it twice.
            let on_link = event_target::<web_sys::Element>(&ev).closest("a").ok().flatten().is_some();
            if !on_link {
                navigate(&href, NavigateOptions::default());
            }
        }
    };
    let category = need.category.clone();
    let can_select = need.status == NeedStatus::Accepted;
    let checkbox = selection.map(|selected| {
        let checked = move || selected.with(|s| s.contains(&id));
        let toggle = move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            selected.update(|s| {
                s.retain(|x| *x != id);
                if on {
                    s.push(id);
                }
            });
        };
        view! {
            <td class="select-col" on:click=|ev| ev.stop_propagation()>
                {can_select.then(|| view! {
                    <input type="checkbox" data-testid="need-select" aria-label=move || i18n.t("queue.select")
                        prop:checked=checked on:change=toggle/>
                })}
            </td>
        }
    });
    view! {
        <tr class="clickable" class:overdue-row=need.escalated data-testid="need-row" data-need-id=id
            on:click=open>
            {checkbox}
            <td class="mono">
                <a href=href>{format!("#{id}")}</a>
            </td>
            <td>{move || categories.name(i18n, &category)}</td>
            <td class="need-text">
                {excerpt(&need.text, EXCERPT)}
                " "<NeedFlags need=need.clone()/>
            </td>
            <td class="nowrap">{need.area_name.clone()}</td>
            <td><UrgencyBadge urgency=need.urgency/></td>
            <td><StatusBadge status=need.status/></td>
            <td><WaitingTime need=need.clone()/></td>
            <td><DueTime need=need.clone()/></td>
            <td class="nowrap">{need.assignee_name.clone().unwrap_or_else(|| "—".into())}</td>
        </tr>
    }
}
