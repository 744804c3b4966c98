//! 用户: the users in the admin's scope — filters, pages, create and edit.

use leptos::prelude::*;
use shared::{Role, User};

use crate::admin::user_form::{UserCreateForm, UserEditForm};
use crate::common::api::{self, UserFilter};
use crate::common::format::local_time;
use crate::common::i18n::use_i18n;
use crate::common::paged::Paged;
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
        <h1 class="page-title">{move || i18n.t("nav.users")}</h1>
        <Show when=move || session.permissions().manage_users fallback=|| view! { <Empty key="error.forbidden"/> }>
            <UsersTable/>
        </Show>
    }
}

#[component]
fn UsersTable() -> impl IntoView {
    let i18n = use_i18n();
    let role = RwSignal::new(String::new());
    let q = RwSignal::new(String::new());
    let active = RwSignal::new(String::new());
    let panel = RwSignal::new(Panel::None);
    let users = Paged::<User>::new();

    let filter = move || UserFilter {
        role: Role::parse(&role.get_untracked()),
        q: q.get_untracked(),
        active: match active.get_untracked().as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        },
    };
    let reload = move || {
        let f = filter();
        users.reload(move |cursor| api::users(f, cursor));
    };
    reload();
    let more = Callback::new(move |()| {
        let f = filter();
        users.more(move |cursor| api::users(f, cursor));
    });
    let retry = Callback::new(move |()| reload());

    let on_created = Callback::new(move |user: User| {
        users.items.update(|list| list.insert(0, user));
        panel.set(Panel::None);
    });
    let on_saved = Callback::new(move |saved: User| {
        users.items.update(|list| {
            if let Some(row) = list.iter_mut().find(|u| u.id == saved.id) {
                *row = saved;
            }
        });
        panel.set(Panel::None);
    });
    let on_cancel = Callback::new(move |()| panel.set(Panel::None));

    view! {
        <form class="toolbar" data-testid="user-filters"
            on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); reload(); }>
            <input type="search" data-testid="user-filter-q" placeholder=move || i18n.t("user.search")
                aria-label=move || i18n.t("user.search")
                prop:value=q on:input=move |ev| q.set(event_target_value(&ev))/>
            <select data-testid="user-filter-role" aria-label=move || i18n.t("user.role")
                on:change=move |ev| { role.set(event_target_value(&ev)); reload(); }>
                <option value="">{move || i18n.t("user.all_roles")}</option>
                {Role::ALL.into_iter().map(|r| view! {
                    <option value=r.as_str()>{move || i18n.role(r)}</option>
                }).collect_view()}
            </select>
            <select data-testid="user-filter-active" aria-label=move || i18n.t("user.active")
                on:change=move |ev| { active.set(event_target_value(&ev)); reload(); }>
                <option value="">{move || i18n.t("user.any_status")}</option>
                <option value="true">{move || i18n.t("user.active_yes")}</option>
                <option value="false">{move || i18n.t("user.active_no")}</option>
            </select>
            <button type="submit" class="btn">{move || i18n.t("action.search")}</button>
            <div class="spacer"></div>
            <button type="button" class="btn btn-primary" data-testid="user-new"
                on:click=move |_| panel.set(Panel::Create)>
                {move || i18n.t("user.create")}
            </button>
        </form>
        {move || match panel.get() {
            Panel::None => ().into_any(),
            Panel::Create => view! { <UserCreateForm on_created on_cancel/> }.into_any(),
            Panel::Edit(user) => view! { <UserEditForm user on_saved on_cancel/> }.into_any(),
        }}
        <div class="table-wrap">
            <table class="table" data-testid="users-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t("user.username")}</th>
                        <th>{move || i18n.t("user.display_name")}</th>
                        <th>{move || i18n.t("user.role")}</th>
                        <th>{move || i18n.t("user.area")}</th>
                        <th>{move || i18n.t("user.active")}</th>
                        <th>{move || i18n.t("user.updated_at")}</th>
                        <th class="actions"></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || users.items.get() key=|u| (u.id, u.updated_at) let:user>
                        <UserRow user panel/>
                    </For>
                </tbody>
            </table>
        </div>
        {users.footer("state.no_users", more, retry)}
    }
}

#[component]
fn UserRow(user: User, panel: RwSignal<Panel>) -> impl IntoView {
    let i18n = use_i18n();
    let role = user.role;
    let active = user.active;
    let editing = user.clone();
    view! {
        <tr class:inactive=!active data-testid="user-row">
            <td class="mono">{user.username.clone()}</td>
            <td>{user.display_name.clone()}</td>
            <td>{move || i18n.role(role)}</td>
            <td>{user.area_name.clone()}</td>
            <td>
                <span class="status" class:status-off=!active>
                    {move || if active { i18n.t("user.active_yes") } else { i18n.t("user.active_no") }}
                </span>
            </td>
            <td class="muted nowrap">{local_time(&user.updated_at)}</td>
            <td class="actions">
                <button type="button" class="btn btn-small" data-testid="user-edit"
                    on:click=move |_| panel.set(Panel::Edit(editing.clone()))>
                    {move || i18n.t("action.edit")}
                </button>
            </td>
        </tr>
    }
}
