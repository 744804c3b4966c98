//! The needs table of "my tasks": one row per need, a click opens its detail. (The queue, with its
//! bulk-dispatch checkboxes, uses the common table: `queue_table.rs`.)

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use shared::Need;

use crate::common::i18n::use_i18n;
use crate::common::paged::Paged;
use crate::messages::Key;
use crate::needs::badges::{DueTime, NeedFlags, StatusBadge, UrgencyBadge, WaitingTime, excerpt};
use crate::needs::labels::use_categories;

/// Characters of the request shown in the table.
const EXCERPT: usize = 36;

/// A paged table of needs with its loading/empty/error footer.
#[component]
pub fn NeedTable(needs: Paged<Need>, empty_key: Key, on_more: Callback<()>, on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="table need-table" data-testid="needs-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t(k!("need.id"))}</th>
                        <th>{move || i18n.t(k!("need.category"))}</th>
                        <th>{move || i18n.t(k!("need.text"))}</th>
                        <th>{move || i18n.t(k!("need.area"))}</th>
                        <th>{move || i18n.t(k!("need.urgency"))}</th>
                        <th>{move || i18n.t(k!("need.status"))}</th>
                        <th>{move || i18n.t(k!("need.waiting"))}</th>
                        <th>{move || i18n.t(k!("need.due"))}</th>
                        <th>{move || i18n.t(k!("need.assignee"))}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || needs.items.get() key=|n| (n.id, n.updated_at) let:need>
                        <NeedRow need/>
                    </For>
                </tbody>
            </table>
        </div>
        {needs.footer(empty_key, on_more, on_retry)}
    }
}

#[component]
fn NeedRow(need: Need) -> impl IntoView {
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
    view! {
        <tr class="clickable" class:overdue-row=need.escalated data-testid="need-row" data-need-id=id
            on:click=open>
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
