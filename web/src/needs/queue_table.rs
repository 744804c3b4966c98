//! The queue's columns for the common [`DataTable`](crate::common::data_table::DataTable): one row
//! per need, a click opens it; accepted needs get a checkbox for bulk dispatch (批量派单).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use shared::{Id, Need, NeedStatus};

use crate::common::data_table::{Column, RowFn};
use crate::common::format::local_time;
use crate::common::i18n::use_i18n;
use crate::needs::badges::{DueTime, NeedFlags, StatusBadge, UrgencyBadge, WaitingTime, excerpt};
use crate::needs::labels::use_categories;

/// Characters of the request shown in the table.
const EXCERPT: usize = 36;

/// The queue's columns; with a selection, a first column of checkboxes for accepted needs.
pub fn need_columns(selection: Option<RwSignal<Vec<Id>>>) -> Vec<Column<Need>> {
    let i18n = use_i18n();
    let categories = use_categories();
    let mut columns = Vec::new();
    if let Some(selected) = selection {
        columns.push(
            Column::new("select", k!("queue.select"), move |need: &Need| {
                let id = need.id;
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
                (need.status == NeedStatus::Accepted).then(|| {
                    view! {
                        <input type="checkbox" data-testid="need-select" aria-label=move || i18n.t(k!("queue.select"))
                            prop:checked=checked on:change=toggle on:click=|ev| ev.stop_propagation()/>
                    }
                })
            })
            .fixed()
            .class("select-col"),
        );
    }
    columns.extend([
        Column::new("id", k!("need.id"), |need: &Need| {
            let id = need.id;
            view! { <a href=format!("/needs/{id}")>{format!("#{id}")}</a> }
        })
        .sort("id", "-id")
        .fixed()
        .class("mono"),
        Column::new("category", k!("need.category"), move |need: &Need| {
            let category = need.category.clone();
            move || categories.name(i18n, &category)
        }),
        Column::new("text", k!("need.text"), |need: &Need| {
            view! { {excerpt(&need.text, EXCERPT)}" "<NeedFlags need=need.clone()/> }
        })
        .fixed()
        .class("need-text"),
        Column::new("area", k!("need.area"), |need: &Need| need.area_name.clone()).class("nowrap"),
        Column::new("urgency", k!("need.urgency"), |need: &Need| view! { <UrgencyBadge urgency=need.urgency/> }),
        Column::new("status", k!("need.status"), |need: &Need| view! { <StatusBadge status=need.status/> }).fixed(),
        Column::new("submitted", k!("need.created_at"), |need: &Need| local_time(&need.created_at)).class("nowrap"),
        Column::new("waiting", k!("need.waiting"), |need: &Need| view! { <WaitingTime need=need.clone()/> }),
        Column::new("due", k!("need.due"), |need: &Need| view! { <DueTime need=need.clone()/> }),
        Column::new("assignee", k!("need.assignee"), |need: &Need| need.assignee_name.clone().unwrap_or_else(|| "—".into()))
            .class("nowrap"),
    ]);
    columns
}

/// A need's row: a click anywhere but a link or a checkbox opens the need.
pub fn need_row() -> RowFn<Need> {
    Arc::new(move |need: Need, cells: AnyView| {
        let id = need.id;
        // Rows render inside the router, so its context is at hand here.
        let navigate = use_navigate();
        let open = move |ev: leptos::ev::MouseEvent| {
            // The id link navigates by itself (through the router); don't do it twice.
            let on_link = event_target::<web_sys::Element>(&ev).closest("a, input").ok().flatten().is_some();
            if !on_link {
                navigate(&format!("/needs/{id}"), NavigateOptions::default());
            }
        };
        view! {
            <tbody class="dt-row">
                <tr class="clickable" class:overdue-row=need.escalated data-testid="need-row" data-need-id=id on:click=open>
                    {cells}
                </tr>
            </tbody>
        }
        .into_any()
    })
}
