//! 审计: who changed what and when, newest first, each change as the fields it changed (before → after);
//! filtered by operator, action, date range and object, paged with the total, exportable.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::{AuditEntity, AuditEntry};

use super::audit_diff::AuditDiff;
use super::audit_filters::{AuditFilter, AuditFilterBar};
use crate::common::data_table::{Column, DataTable, Export, RowFn, TableSpec};
use crate::common::format::local_time;
use crate::common::i18n::use_i18n;
use crate::common::session::use_session;
use crate::common::status::Empty;

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <h1 class="page-title">{move || i18n.t(k!("nav.audit"))}</h1>
        <Show when=move || session.permissions().read_audit fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <AuditTable/>
        </Show>
    }
}

#[component]
fn AuditTable() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let filter = Memo::new(move |_| query.with(AuditFilter::from_query));
    let on_change = Callback::new(move |f: AuditFilter| navigate(&f.url(), NavigateOptions { replace: true, ..Default::default() }));
    let filters = Signal::derive(move || filter.with(AuditFilter::pairs));
    // Entries whose before/after is shown.
    let open = RwSignal::new(Vec::<i64>::new());
    let spec = TableSpec {
        id: "audit",
        path: "/audit".into(),
        dates: Some(("from", "to")),
        export: Some(Export { path: "/audit/export".into(), extra: Vec::new(), file: "audit", csv_tables: Vec::new(), keep: None }),
        empty_key: k!("state.no_audit"),
        search_hint: Some(k!("table.search_audit")),
        class: "audit-table",
    };
    view! {
        <DataTable spec columns=audit_columns(open) filters row_key=|e: &AuditEntry| e.id.to_string() row=audit_row(open)>
            <AuditFilterBar filter on_change/>
        </DataTable>
    }
}

/// When, who (by display name), what, on which record (linked to its page where there is one).
fn audit_columns(open: RwSignal<Vec<i64>>) -> Vec<Column<AuditEntry>> {
    let i18n = use_i18n();
    vec![
        Column::new("expand", k!("audit.show_diff"), move |e: &AuditEntry| {
            let id = e.id;
            let has_diff = e.before.is_some() || e.after.is_some();
            let is_open = move || open.with(|o| o.contains(&id));
            has_diff.then(|| {
                view! {
                    <button type="button" class="tree-toggle" aria-expanded=move || is_open().to_string()
                        aria-label=move || i18n.t(k!("audit.show_diff"))>
                        {move || if is_open() { "▾" } else { "▸" }}
                    </button>
                }
            })
        })
        .fixed()
        .class("expander-col"),
        Column::new("at", k!("audit.at"), |e: &AuditEntry| local_time(&e.at)).fixed().class("nowrap"),
        Column::new("actor", k!("audit.actor"), move |e: &AuditEntry| {
            // The display name staff know; the account name when the API sends none.
            match e.actor_name.clone().or_else(|| e.actor_username.clone()) {
                Some(name) => view! { <span data-testid="audit-actor">{name}</span> }.into_any(),
                None => view! { <span data-testid="audit-actor">{move || i18n.t(k!("audit.system"))}</span> }.into_any(),
            }
        }),
        Column::new("action", k!("audit.action"), move |e: &AuditEntry| {
            let action = e.action;
            view! { <span data-action=action.as_str()>{move || i18n.label(action)}</span> }
        }),
        Column::new("entity", k!("audit.entity"), move |e: &AuditEntry| {
            let entity = e.entity;
            move || i18n.label(entity)
        }),
        Column::new("entity_id", k!("audit.entity_id"), |e: &AuditEntry| match page_of(e.entity) {
            Some(base) => view! { <a href=format!("{base}/{}", e.entity_id) data-testid="audit-link">{e.entity_id}</a> }.into_any(),
            None => view! { <span>{e.entity_id}</span> }.into_any(),
        })
        .class("mono"),
    ]
}

/// One change; a click shows the fields it changed, before and after.
fn audit_row(open: RwSignal<Vec<i64>>) -> RowFn<AuditEntry> {
    Arc::new(move |entry: AuditEntry, cells: AnyView| {
        let id = entry.id;
        let has_diff = entry.before.is_some() || entry.after.is_some();
        let (before, after) = (entry.before, entry.after);
        let toggle = move |ev: leptos::ev::MouseEvent| {
            let on_link = event_target::<web_sys::Element>(&ev).closest("a").ok().flatten().is_some();
            if has_diff && !on_link {
                open.update(|o| if o.contains(&id) { o.retain(|x| *x != id) } else { o.push(id) });
            }
        };
        view! {
            <tbody class="dt-row audit-entry" data-testid="audit-row" data-entry=id>
                <tr class="clickable" on:click=toggle>{cells}</tr>
                {move || open.with(|o| o.contains(&id)).then(|| view! {
                    <tr class="diff-row">
                        <td class="dt-diff" colspan="6">
                            <AuditDiff before=before.clone() after=after.clone()/>
                        </td>
                    </tr>
                })}
            </tbody>
        }
        .into_any()
    })
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
