//! 审计: who changed what and when, newest first, each change as the fields it changed (before → after).

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::{AuditEntity, AuditEntry, Id};

use super::audit_diff::AuditDiff;
use crate::common::api;
use crate::common::format::local_time;
use crate::common::i18n::use_i18n;
use crate::common::paged::Paged;
use crate::common::session::use_session;
use crate::common::status::Empty;

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <h1 class="page-title">{move || i18n.t("nav.audit")}</h1>
        <Show when=move || session.permissions().read_audit fallback=|| view! { <Empty key="error.forbidden"/> }>
            <AuditTable/>
        </Show>
    }
}

#[component]
fn AuditTable() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    // The filter lives in the URL (?entity=&entity_id=) so links from an area's page land filtered.
    let entity = Memo::new(move |_| query.with(|q| q.get("entity").and_then(|e| AuditEntity::parse(&e))));
    let entity_id = Memo::new(move |_| query.with(|q| q.get("entity_id").and_then(|v| v.parse::<Id>().ok())));
    let entries = Paged::<AuditEntry>::new();
    let fetch = move |cursor| api::audit(entity.get_untracked(), entity_id.get_untracked(), cursor);
    Effect::new(move |_| {
        entity.track();
        entity_id.track();
        entries.reload(fetch);
    });
    let more = Callback::new(move |()| entries.more(fetch));
    let retry = Callback::new(move |()| entries.reload(fetch));
    let set_entity = move |value: Option<AuditEntity>| {
        let url = value.map_or_else(|| "/audit".to_owned(), |e| format!("/audit?entity={}", e.as_str()));
        navigate(&url, NavigateOptions::default());
    };
    let clear = set_entity.clone();

    view! {
        <div class="toolbar">
            <select data-testid="audit-filter-entity" aria-label=move || i18n.t("audit.entity")
                prop:value=move || entity.get().map_or("", AuditEntity::as_str)
                on:change=move |ev| set_entity(AuditEntity::parse(&event_target_value(&ev)))>
                <option value="">{move || i18n.t("audit.all_entities")}</option>
                {AuditEntity::ALL.into_iter().map(|e| view! {
                    <option value=e.as_str() selected=move || entity.get() == Some(e)>{move || i18n.entity(e)}</option>
                }).collect_view()}
            </select>
            {move || entity_id.get().map(|id| {
                let clear = clear.clone();
                view! {
                    <span class="chip">
                        {move || i18n.t("audit.entity_id")}" #"{id}
                        <button type="button" class="chip-x" aria-label=move || i18n.t("action.clear")
                            on:click=move |_| clear(entity.get_untracked())>"×"</button>
                    </span>
                }
            })}
        </div>
        <div class="table-wrap">
            <table class="table" data-testid="audit-table">
                <thead>
                    <tr>
                        <th class="expander-col"></th>
                        <th>{move || i18n.t("audit.at")}</th>
                        <th>{move || i18n.t("audit.actor")}</th>
                        <th>{move || i18n.t("audit.action")}</th>
                        <th>{move || i18n.t("audit.entity")}</th>
                        <th>{move || i18n.t("audit.entity_id")}</th>
                    </tr>
                </thead>
                <For each=move || entries.items.get() key=|e| e.id let:entry>
                    <AuditRow entry/>
                </For>
            </table>
        </div>
        {entries.footer("state.no_audit", more, retry)}
    }
}

/// The dashboard page that shows a record of this kind, when there is one.
fn page_of(entity: AuditEntity) -> Option<&'static str> {
    use AuditEntity::*;
    Some(match entity {
        Area => "/areas",
        Need => "/needs",
        Program => "/programs",
        Plan => "/matching/plans",
        Provider => "/resources/providers",
        Service => "/resources/services",
        Person => "/resources/people",
        Space => "/resources/spaces",
        IntegrationClient => "/admin/clients",
        Webhook => "/admin/webhooks",
        Topic => "/topics",
        Survey => "/surveys",
        NeedDeadline
        | User
        | CatalogueEntry
        | KpiTarget
        | KpiReport
        | ConsultationSettings
        | LedgerTransfer
        | ShopItem
        | Notification
        | NotificationPreferences
        | ResidentBinding
        | Activity
        | LedgerRules
        | NeedTimePayment
        | GiftOffer => return None,
    })
}

/// One change; a click shows the record before and after.
#[component]
fn AuditRow(entry: AuditEntry) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let has_diff = entry.before.is_some() || entry.after.is_some();
    let (before, after) = (entry.before.clone(), entry.after.clone());
    let actor = entry.actor_username.clone();
    let (action, entity) = (entry.action, entry.entity);
    let link = page_of(entry.entity).map(|base| format!("{base}/{}", entry.entity_id));
    view! {
        <tbody class="audit-entry" data-testid="audit-row">
            <tr class="clickable" on:click=move |_| if has_diff { open.update(|o| *o = !*o) }>
                <td class="expander-col">
                    {has_diff.then(|| view! {
                        <button type="button" class="tree-toggle" aria-expanded=move || open.get().to_string()
                            aria-label=move || i18n.t("audit.show_diff")>
                            {move || if open.get() { "▾" } else { "▸" }}
                        </button>
                    })}
                </td>
                <td class="nowrap">{local_time(&entry.at)}</td>
                // The account name is an identifier (the API has no display name for the actor yet).
                <td>{move || match actor.clone() {
                    Some(username) => view! { <span class="mono">{username}</span> }.into_any(),
                    None => view! { <span>{i18n.t("audit.system")}</span> }.into_any(),
                }}</td>
                <td>{move || i18n.action(action)}</td>
                <td>{move || i18n.entity(entity)}</td>
                <td class="mono">
                    {match link {
                        Some(href) => view! { <a href=href on:click=|ev| ev.stop_propagation()>{entry.entity_id}</a> }.into_any(),
                        None => view! { <span>{entry.entity_id}</span> }.into_any(),
                    }}
                </td>
            </tr>
            {move || open.get().then(|| view! {
                <tr class="diff-row">
                    <td></td>
                    <td colspan="5">
                        <AuditDiff before=before.clone() after=after.clone()/>
                    </td>
                </tr>
            })}
        </tbody>
    }
}
