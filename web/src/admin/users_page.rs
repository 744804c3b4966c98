//! 用户: the users in the admin's scope — the common table (search, filters, pages with the total,
//! export), create and edit.

use std::sync::Arc;

use leptos::prelude::*;
use shared::{Role, User};

use crate::admin::user_form::{UserCreateForm, UserEditForm};
use crate::common::data_table::{Column, DataTable, Export, RowFn, TableSpec};
use crate::common::format::local_time;
use crate::common::i18n::use_i18n;
use crate::common::session::use_session;
use crate::common::status::Empty;

#[derive(Debug, Clone, PartialEq)]
enum Panel {
    None,
    Create,
    Edit(User),
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <h1 class="page-title">{move || i18n.t(k!("nav.users"))}</h1>
        <Show when=move || session.permissions().manage_users fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <UsersTable/>
        </Show>
    }
}

#[component]
fn UsersTable() -> impl IntoView {
    let i18n = use_i18n();
    let role = RwSignal::new(String::new());
    let active = RwSignal::new(String::new());
    let panel = RwSignal::new(Panel::None);
    // Bumped after a create or an edit so the page shown is read again.
    let refresh = RwSignal::new(0_u64);
    let filters = Signal::derive(move || {
        let mut pairs = Vec::new();
        if let Some(r) = Role::parse(&role.get()) {
            pairs.push(("role".to_owned(), r.as_str().to_owned()));
        }
        let a = active.get();
        if a == "true" || a == "false" {
            pairs.push(("active".to_owned(), a));
        }
        pairs
    });
    let done = move || {
        panel.set(Panel::None);
        refresh.update(|r| *r += 1);
    };
    let on_created = Callback::new(move |_: User| done());
    let on_saved = Callback::new(move |_: User| done());
    let on_cancel = Callback::new(move |()| panel.set(Panel::None));
    let spec = TableSpec {
        id: "users",
        path: "/users".into(),
        dates: None,
        export: Some(Export { path: "/users/export".into(), extra: Vec::new(), file: "users", csv_tables: Vec::new(), keep: None }),
        empty_key: k!("state.no_users"),
        search_hint: Some(k!("table.search_users")),
        class: "users-table",
    };
    let row: RowFn<User> = Arc::new(|user: User, cells: AnyView| {
        view! { <tbody class="dt-row"><tr class:inactive=!user.active data-testid="user-row">{cells}</tr></tbody> }.into_any()
    });

    view! {
        <div class="toolbar" data-testid="user-filters">
            <select data-testid="user-filter-role" aria-label=move || i18n.t(k!("user.role"))
                on:change=move |ev| role.set(event_target_value(&ev))>
                <option value="">{move || i18n.t(k!("user.all_roles"))}</option>
                {Role::ALL.into_iter().map(|r| view! {
                    <option value=r.as_str()>{move || i18n.role(r)}</option>
                }).collect_view()}
            </select>
            <select data-testid="user-filter-active" aria-label=move || i18n.t(k!("user.active"))
                on:change=move |ev| active.set(event_target_value(&ev))>
                <option value="">{move || i18n.t(k!("user.any_status"))}</option>
                <option value="true">{move || i18n.t(k!("user.active_yes"))}</option>
                <option value="false">{move || i18n.t(k!("user.active_no"))}</option>
            </select>
            <div class="spacer"></div>
            <button type="button" class="btn btn-primary" data-testid="user-new"
                on:click=move |_| panel.set(Panel::Create)>
                {move || i18n.t(k!("user.create"))}
            </button>
        </div>
        {move || match panel.get() {
            Panel::None => ().into_any(),
            Panel::Create => view! { <UserCreateForm on_created on_cancel/> }.into_any(),
            Panel::Edit(user) => view! { <UserEditForm user on_saved on_cancel/> }.into_any(),
        }}
        <DataTable spec columns=user_columns(panel) filters row_key=|u: &User| format!("{}-{}", u.id, u.updated_at)
            row=row sort="id" refresh=refresh/>
    }
}

/// Account, name, role, area, active, last change, and the edit button.
fn user_columns(panel: RwSignal<Panel>) -> Vec<Column<User>> {
    let i18n = use_i18n();
    vec![
        Column::new("username", k!("user.username"), |u: &User| u.username.clone()).sort("username", "username").fixed().class("mono"),
        Column::new("display_name", k!("user.display_name"), |u: &User| u.display_name.clone()),
        Column::new("role", k!("user.role"), move |u: &User| {
            let role = u.role;
            move || i18n.role(role)
        }),
        Column::new("area", k!("user.area"), |u: &User| u.area_name.clone()),
        Column::new("active", k!("user.active"), move |u: &User| {
            let active = u.active;
            view! {
                <span class="status" class:status-off=!active>
                    {move || if active { i18n.t(k!("user.active_yes")) } else { i18n.t(k!("user.active_no")) }}
                </span>
            }
        }),
        Column::new("updated_at", k!("user.updated_at"), |u: &User| local_time(&u.updated_at)).class("muted nowrap"),
        Column::new("edit", k!("action.edit"), move |u: &User| {
            let editing = u.clone();
            view! {
                <button type="button" class="btn btn-small" data-testid="user-edit"
                    on:click=move |_| panel.set(Panel::Edit(editing.clone()))>
                    {move || i18n.t(k!("action.edit"))}
                </button>
            }
        })
        .fixed()
        .class("actions"),
    ]
}
