//! `/resources` 服务资源: the service resource catalogue of the caller's scope — tabs for providers,
//! services, people and spaces (`?tab=`), each the common table (name search,
//! filters, pages with the total; Excel/CSV of providers and services);
//! "新建…" and 从 Excel 导入 for those who manage resources.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::{Provider, ResourceTable, Service, ServicePerson, ServiceSpace};

use crate::common::data_table::{DataTable, Export, TableSpec};
use crate::common::i18n::tr;
use crate::common::session::use_session;
use crate::common::status::Empty;
use crate::messages::Key;
use crate::resources::filters::{ResourceFilterBar, ResourceQuery, ResourceTab};
use crate::resources::import::ImportPanel;
use crate::resources::tables::{
    person_columns, person_row, provider_columns, provider_row, service_columns, service_row, space_columns, space_row,
};

#[component]
pub fn ResourcesPage() -> impl IntoView {
    let session = use_session();
    view! {
        <div class="page-head">
            <h1 class="page-title">{tr(k!("nav.resources"))}</h1>
        </div>
        <Show when=move || session.permissions().read_resources fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <Directory/>
        </Show>
    }
}

/// The "new" link and the empty-state key of a tab.
fn tab_texts(tab: ResourceTab) -> (&'static str, Key, Key) {
    match tab {
        ResourceTab::Providers => ("/resources/providers/new", k!("res.new_provider"), k!("res.none_providers")),
        ResourceTab::Services => ("/resources/services/new", k!("res.new_service"), k!("res.none_services")),
        ResourceTab::People => ("/resources/people/new", k!("res.new_person"), k!("res.none_people")),
        ResourceTab::Spaces => ("/resources/spaces/new", k!("res.new_space"), k!("res.none_spaces")),
    }
}

#[component]
fn Directory() -> impl IntoView {
    let session = use_session();
    let query_map = use_query_map();
    let navigate = use_navigate();
    let query = Memo::new(move |_| query_map.with(ResourceQuery::from_query));
    let tab = Memo::new(move |_| query.with(|q| q.tab));
    let go = move |q: ResourceQuery| navigate(&q.url(), NavigateOptions { replace: true, ..Default::default() });
    let on_change = Callback::new(go.clone());
    let show_import = RwSignal::new(false);
    // Bumped after an import so the table shows the new rows.
    let refresh = RwSignal::new(0_u32);
    let on_imported = Callback::new(move |table: ResourceTable| {
        let tab = if table == ResourceTable::Providers { ResourceTab::Providers } else { ResourceTab::Services };
        if query.get_untracked().tab != tab {
            go(query.get_untracked().on_tab(tab));
        }
        refresh.update(|r| *r += 1);
    });
    let manage = move || session.permissions().manage_resources;
    view! {
        <nav class="count-chips" role="tablist" aria-label=tr(k!("nav.resources")) data-testid="resource-tabs">
            {ResourceTab::ALL.into_iter().map(|t| {
                let href = move || query.with(|q| q.on_tab(t).url());
                view! {
                    <a class="count-chip" class:on=move || tab.get() == t role="tab"
                        aria-selected=move || (tab.get() == t).to_string()
                        data-testid=format!("tab-{}", t.as_str()) href=href>
                        {tr(t.label())}
                    </a>
                }
            }).collect_view()}
            <div class="spacer"></div>
            {move || manage().then(|| {
                let (href, key, _) = tab_texts(tab.get());
                view! {
                    <button type="button" class="btn" data-testid="import-toggle" aria-expanded=move || show_import.get().to_string()
                        on:click=move |_| show_import.update(|s| *s = !*s)>
                        {tr(k!("res.import_title"))}
                    </button>
                    <a class="btn btn-primary" href=href data-testid="resource-new">"+ "{tr(key)}</a>
                }
            })}
        </nav>
        {move || (manage() && show_import.get()).then(|| view! { <ImportPanel on_imported/> })}
        <ResourceFilterBar query on_change/>
        {move || query.with(ResourceQuery::is_filtered).then(|| view! {
            <div class="toolbar list-tools">
                <a class="btn btn-ghost" href=move || query.with(|q| ResourceQuery::default().on_tab(q.tab).url()) data-testid="filters-clear">
                    {tr(k!("program.clear_filters"))}
                </a>
            </div>
        })}
        <TabTable query refresh/>
    }
}

/// The empty-state key: "none yet, create or import" without filters, "no match" with them.
fn empty_key(query: Memo<ResourceQuery>) -> Key {
    let (_, _, none) = tab_texts(query.with_untracked(|q| q.tab));
    if query.with_untracked(ResourceQuery::is_filtered) { k!("res.no_match") } else { none }
}

/// The common table's settings for a tab: its list, its export (providers and services only) and hints.
fn spec(tab: ResourceTab, query: Memo<ResourceQuery>) -> TableSpec {
    let path = match tab {
        ResourceTab::Providers => "/providers",
        ResourceTab::Services => "/services",
        ResourceTab::People => "/service-people",
        ResourceTab::Spaces => "/service-spaces",
    };
    let export = matches!(tab, ResourceTab::Providers | ResourceTab::Services).then(|| Export {
        path: "/resources/export".into(),
        extra: vec![("table".into(), tab.table().as_str().into())],
        file: tab.table().as_str(),
        csv_tables: Vec::new(),
        // The export narrows by area and name only.
        keep: Some(&["area_id", "q"]),
    });
    TableSpec {
        id: tab.as_str(),
        path: path.into(),
        dates: None,
        export,
        empty_key: empty_key(query),
        search_hint: Some(k!("table.search_name")),
        class: "program-table",
    }
}

/// The current tab's table; a new tab or an import (`refresh`) draws it afresh.
#[component]
fn TabTable(query: Memo<ResourceQuery>, refresh: RwSignal<u32>) -> impl IntoView {
    let tab = Memo::new(move |_| query.with(|q| q.tab));
    let filters = Signal::derive(move || query.with(ResourceQuery::pairs));
    move || {
        refresh.track();
        let t = tab.get();
        let spec = spec(t, query);
        let keyword = query.with_untracked(|q| q.q.clone());
        match t {
            ResourceTab::Providers => view! {
                <DataTable spec columns=provider_columns() filters row_key=|p: &Provider| format!("{}-{}", p.id, p.updated_at)
                    row=provider_row() sort="-id" keyword/>
            }
            .into_any(),
            ResourceTab::Services => view! {
                <DataTable spec columns=service_columns() filters row_key=|s: &Service| format!("{}-{}", s.id, s.updated_at)
                    row=service_row() sort="-id" keyword/>
            }
            .into_any(),
            ResourceTab::People => view! {
                <DataTable spec columns=person_columns() filters row_key=|p: &ServicePerson| format!("{}-{}", p.id, p.updated_at)
                    row=person_row() sort="-id" keyword/>
            }
            .into_any(),
            ResourceTab::Spaces => view! {
                <DataTable spec columns=space_columns() filters row_key=|s: &ServiceSpace| format!("{}-{}", s.id, s.updated_at)
                    row=space_row() sort="-id" keyword/>
            }
            .into_any(),
        }
    }
}
