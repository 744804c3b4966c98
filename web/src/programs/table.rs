//! The programs table: title, area, status, progress, budget against spend and overdue milestones, one
//! row per program; a click opens it. The staff list and the public 阳光社区 list both use it (the
//! public one links to the public detail).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use shared::Program;

use crate::common::data_table::{Column, RowFn};
use crate::common::i18n::use_i18n;
use crate::common::paged::Paged;
use crate::common::widgets::{Bar, HeadRow};
use crate::messages::Key;
use crate::programs::bits::{BudgetBar, ProgramStatusBadge};
use crate::programs::catalogue::entry_name;

const HEADS: [Key; 6] = [
    k!("program.title"),
    k!("program.area"),
    k!("program.status"),
    k!("program.progress"),
    k!("program.budget_spent"),
    k!("program.overdue"),
];

/// A paged table of programs with its loading/empty/error footer; rows link under `base`
/// (`/programs` or `/public/programs`).
#[component]
pub fn ProgramTable(
    programs: Paged<Program>,
    base: &'static str,
    empty_key: Key,
    on_more: Callback<()>,
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="table program-table" data-testid="programs-table">
                <HeadRow keys=&HEADS/>
                <tbody>
                    <For each=move || programs.items.get() key=|p| (p.id, p.updated_at) let:program>
                        <ProgramRow program base/>
                    </For>
                </tbody>
            </table>
        </div>
        {programs.footer(empty_key, on_more, on_retry)}
    }
}

#[component]
fn ProgramRow(program: Program, base: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let id = program.id;
    let href = format!("{base}/{id}");
    let open = {
        let href = href.clone();
        move |ev: leptos::ev::MouseEvent| {
            // The title link navigates by itself (through the router); don't do it twice.
            let on_link = event_target::<web_sys::Element>(&ev).closest("a").ok().flatten().is_some();
            if !on_link {
                navigate(&href, NavigateOptions::default());
            }
        }
    };
    let items = program.catalogue_items.clone();
    let overdue = program.overdue_milestones;
    view! {
        <tr class="clickable" class:overdue-row={overdue > 0} data-testid="program-row" data-program-id=id
            on:click=open>
            <td class="program-title-cell">
                <a href=href data-testid="program-link">{program.title.clone()}</a>
                <div class="muted small">
                    {move || items.iter()
                        .map(|c| format!("{} {}", c.code, entry_name(i18n, &c.name_zh, &c.name_en)))
                        .collect::<Vec<_>>().join("、")}
                </div>
            </td>
            <td class="nowrap">{program.area_name.clone()}</td>
            <td><ProgramStatusBadge status=program.status/></td>
            <td class="bar-cell"><Bar fraction=program.progress testid="progress-bar"/></td>
            <td class="bar-cell"><BudgetBar spent=program.spent_fen budget=program.budget_fen/></td>
            <td class="num">
                {if overdue > 0 {
                    view! { <span class="due-over" data-testid="overdue-count">{overdue}</span> }.into_any()
                } else {
                    view! { <span class="muted">"0"</span> }.into_any()
                }}
            </td>
        </tr>
    }
}

/// The staff list's columns for the common table (the public list keeps [`ProgramTable`]).
pub fn program_columns() -> Vec<Column<Program>> {
    let i18n = use_i18n();
    vec![
        Column::new("title", k!("program.title"), move |p: &Program| {
            let items = p.catalogue_items.clone();
            view! {
                <a href=format!("/programs/{}", p.id) data-testid="program-link">{p.title.clone()}</a>
                <div class="muted small">
                    {move || items.iter()
                        .map(|c| format!("{} {}", c.code, entry_name(i18n, &c.name_zh, &c.name_en)))
                        .collect::<Vec<_>>().join("、")}
                </div>
            }
        })
        .sort("title", "title")
        .fixed()
        .class("program-title-cell"),
        Column::new("area", k!("program.area"), |p: &Program| p.area_name.clone()).class("nowrap"),
        Column::new("status", k!("program.status"), |p: &Program| view! { <ProgramStatusBadge status=p.status/> }),
        Column::new("progress", k!("program.progress"), |p: &Program| view! { <Bar fraction=p.progress testid="progress-bar"/> })
            .class("bar-cell"),
        Column::new("budget", k!("program.budget_spent"), |p: &Program| view! { <BudgetBar spent=p.spent_fen budget=p.budget_fen/> })
            .class("bar-cell"),
        Column::new("overdue", k!("program.overdue"), |p: &Program| {
            let overdue = p.overdue_milestones;
            if overdue > 0 {
                view! { <span class="due-over" data-testid="overdue-count">{overdue}</span> }.into_any()
            } else {
                view! { <span class="muted">"0"</span> }.into_any()
            }
        })
        .class("num"),
    ]
}

/// A program's row: a click anywhere but its link opens it.
pub fn program_row() -> RowFn<Program> {
    Arc::new(|program: Program, cells: AnyView| {
        let navigate = use_navigate();
        let id = program.id;
        let open = move |ev: leptos::ev::MouseEvent| {
            let on_link = event_target::<web_sys::Element>(&ev).closest("a").ok().flatten().is_some();
            if !on_link {
                navigate(&format!("/programs/{id}"), NavigateOptions::default());
            }
        };
        view! {
            <tbody class="dt-row">
                <tr class="clickable" class:overdue-row={program.overdue_milestones > 0} data-testid="program-row"
                    data-program-id=id on:click=open>{cells}</tr>
            </tbody>
        }
        .into_any()
    })
}
