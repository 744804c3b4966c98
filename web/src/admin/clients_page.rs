//! 对接应用 (`/admin/clients`): the integration clients of the admin's subtree — area, scopes, status,
//! last use and today's requests — and registering one, whose secret is then shown once.

use leptos::prelude::*;
use shared::{ApiScope, IntegrationClient, IntegrationClientSecret};

use crate::admin::clients_endpoints::{self as api, china_today};
use crate::admin::clients_form::ClientRegisterForm;
use crate::admin::clients_secret::SecretBox;
use crate::common::api::area;
use crate::common::format::local_time;
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::paged::Paged;
use crate::common::session::use_session;
use crate::common::status::Empty;
use crate::common::widgets::HeadRow;
use crate::messages::Key;

#[derive(Debug, Clone, PartialEq)]
enum Panel {
    None,
    Register,
    Secret(IntegrationClientSecret),
}

const HEAD: [Key; 6] =
    [k!("client.name"), k!("client.area"), k!("client.scopes"), k!("client.status"), k!("client.last_used"), k!("client.requests_today")];

#[component]
pub fn ClientsPage() -> impl IntoView {
    let session = use_session();
    view! {
        <h1 class="page-title">{tr(k!("nav.clients"))}</h1>
        <Show when=move || session.permissions().manage_integration_clients fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <ClientsTable/>
        </Show>
    }
}

#[component]
fn ClientsTable() -> impl IntoView {
    let panel = RwSignal::new(Panel::None);
    let clients = Paged::<IntegrationClient>::new();
    clients.reload(api::clients);
    let more = Callback::new(move |()| clients.more(api::clients));
    let retry = Callback::new(move |()| clients.reload(api::clients));
    let on_registered = Callback::new(move |created: IntegrationClientSecret| {
        clients.items.update(|list| list.insert(0, created.client.clone()));
        panel.set(Panel::Secret(created));
    });
    let close = Callback::new(move |()| panel.set(Panel::None));

    view! {
        <div class="toolbar">
            <div class="spacer"></div>
            <button type="button" class="btn btn-primary" data-testid="client-new" on:click=move |_| panel.set(Panel::Register)>
                {tr(k!("client.register"))}
            </button>
        </div>
        {move || match panel.get() {
            Panel::None => ().into_any(),
            Panel::Register => view! { <ClientRegisterForm on_registered on_cancel=close/> }.into_any(),
            Panel::Secret(created) => view! {
                <SecretBox secret=created.client_secret grace_until=None on_done=close/>
            }.into_any(),
        }}
        <div class="table-wrap">
            <table class="table" data-testid="clients-table">
                <HeadRow keys=&HEAD extra=1/>
                <tbody>
                    <For each=move || clients.items.get() key=|c| (c.id, c.updated_at) let:client>
                        <ClientRow client/>
                    </For>
                </tbody>
            </table>
        </div>
        {clients.footer(k!("state.no_clients"), more, retry)}
    }
}

#[component]
fn ClientRow(client: IntegrationClient) -> impl IntoView {
    let i18n = use_i18n();
    let id = client.id;
    let area_id = client.area_id;
    let area_name =
        LocalResource::new(move || async move { area(area_id).await.map(|a| a.name).unwrap_or_else(|_| format!("#{area_id}")) });
    let usage = LocalResource::new(move || api::client_usage(id, None, None));
    let today = china_today();
    let last_used = move || {
        usage
            .get()
            .and_then(|u| u.ok())
            .map(|u| u.last_used_at.map_or_else(|| i18n.t(k!("client.never_used")).to_owned(), |t| local_time(&t)))
    };
    let requests_today =
        move || usage.get().and_then(|u| u.ok()).map(|u| u.days.iter().find(|d| d.day == today).map_or(0, |d| d.requests).to_string());
    let revoked = client.revoked_at.is_some();
    view! {
        <tr class:inactive=revoked data-testid="client-row" data-client-id=id.to_string()>
            <td>
                <a href=format!("/admin/clients/{id}") data-testid="client-link">{client.name.clone()}</a>
                <br/><span class="mono small muted">{client.client_id.clone()}</span>
            </td>
            <td>{move || area_name.get()}</td>
            <td><ScopeLabels scopes=client.scopes.clone()/></td>
            <td><StatusLabel revoked/></td>
            <td class="muted nowrap">{last_used}</td>
            <td class="num" data-testid="client-requests-today">{requests_today}</td>
            <td class="actions">
                <a class="btn btn-small" href=format!("/admin/clients/{id}")>{move || i18n.t(k!("client.open"))}</a>
            </td>
        </tr>
    }
}

/// Scopes as labels, each with its code in small text.
#[component]
pub fn ScopeLabels(scopes: Vec<ApiScope>) -> impl IntoView {
    view! {
        <span class="chips">
            {scopes.into_iter().map(|s| view! {
                <span class="badge" title=s.as_str()>{tr_word(words!("scope"), s.as_str().to_owned())}" "<span class="mono small">{s.as_str()}</span></span>
            }).collect_view()}
        </span>
    }
}

/// 使用中 / 已吊销.
#[component]
pub fn StatusLabel(revoked: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="status" class:status-off=revoked data-testid="client-status">
            {move || if revoked { i18n.t(k!("client.revoked")) } else { i18n.t(k!("client.active")) }}
        </span>
    }
}
