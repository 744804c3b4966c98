//! `/resources` 服务资源: the service resource catalogue of the caller's scope — tabs for providers,
//! services, people and spaces (`?tab=`), each a filterable, paged table with Excel/CSV export;
//! "新建…" and 从 Excel 导入 for those who manage resources.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::{Provider, ResourceTable, Service, ServicePerson, ServiceSpace};

use crate::common::api;
use crate::common::i18n::tr;
use crate::common::paged::Paged;
use crate::common::session::use_session;
use crate::common::status::Empty;
use crate::resources::export::ResourceExport;
use crate::resources::filters::{ResourceFilterBar, ResourceQuery, ResourceTab};
use crate::resources::import::ImportPanel;
use crate::resources::tables::{PersonTable, ProviderTable, ServiceTable, SpaceTable};

#[component]
pub fn ResourcesPage() -> impl IntoView {
    let session = use_session();
    view! {
        <div class="page-head">
            <h1 class="page-title">{tr("nav.resources")}</h1>
        </div>
        <Show when=move || session.permissions().read_resources fallback=|| view! { <Empty key="error.forbidden"/> }>
            <Directory/>
        </Show>
    }
}

/// The "new" link and the empty-state key of a tab.
fn tab_texts(tab: ResourceTab) -> (&'static str, &'static str, &'static str) {
    match tab {
        ResourceTab::Providers => ("/resources/providers/new", "res.new_provider", "res.none_providers"),
        ResourceTab::Services => ("/resources/services/new", "res.new_service", "res.none_services"),
        ResourceTab::People => ("/resources/people/new", "res.new_person", "res.none_people"),
        ResourceTab::Spaces => ("/resources/spaces/new", "res.new_space", "res.none_spaces"),
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
    let export_table = Signal::derive(move || tab.get().table());
    let export_area = Signal::derive(move || query.with(|q| q.area_id));
    view! {
        <nav class="count-chips" role="tablist" aria-label=tr("nav.resources") data-testid="resource-tabs">
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
                        {tr("res.import_title")}
                    </button>
                    <a class="btn btn-primary" href=href data-testid="resource-new">"+ "{tr(key)}</a>
                }
            })}
        </nav>
        {move || (manage() && show_import.get()).then(|| view! { <ImportPanel on_imported/> })}
        <ResourceFilterBar query on_change/>
        <div class="toolbar list-tools">
            <ResourceExport table=export_table area_id=export_area/>
            {move || query.with(ResourceQuery::is_filtered).then(|| view! {
                <a class="btn btn-ghost" href=move || query.with(|q| ResourceQuery::default().on_tab(q.tab).url()) data-testid="filters-clear">
                    {tr("program.clear_filters")}
                </a>
            })}
        </div>
        {move || {
            refresh.track();
            match tab.get() {
                ResourceTab::Providers => view! { <ProviderList query/> }.into_any(),
                ResourceTab::Services => view! { <ServiceList query/> }.into_any(),
                ResourceTab::People => view! { <PersonList query/> }.into_any(),
                ResourceTab::Spaces => view! { <SpaceList query/> }.into_any(),
            }
        }}
    }
}

/// The empty-state key: "none yet, create or import" without filters, "no match" with them.
fn empty_key(query: Memo<ResourceQuery>) -> &'static str {
    let (_, _, none) = tab_texts(query.with_untracked(|q| q.tab));
    if query.with_untracked(ResourceQuery::is_filtered) { "res.no_match" } else { none }
}

#[component]
fn ProviderList(query: Memo<ResourceQuery>) -> impl IntoView {
    let rows = Paged::<Provider>::new();
    let filter = Memo::new(move |_| query.with(ResourceQuery::providers));
    let fetch = move |cursor| api::providers(filter.get_untracked(), cursor);
    Effect::new(move |_| {
        filter.track();
        rows.reload(fetch);
    });
    let on_more = Callback::new(move |()| rows.more(fetch));
    let on_retry = Callback::new(move |()| rows.reload(fetch));
    move || {
        filter.track();
        view! { <ProviderTable rows empty_key=empty_key(query) on_more on_retry/> }
    }
}

#[component]
fn ServiceList(query: Memo<ResourceQuery>) -> impl IntoView {
    let rows = Paged::<Service>::new();
    let filter = Memo::new(move |_| query.with(ResourceQuery::services));
    let fetch = move |cursor| api::services(filter.get_untracked(), cursor);
    Effect::new(move |_| {
        filter.track();
        rows.reload(fetch);
    });
    let on_more = Callback::new(move |()| rows.more(fetch));
    let on_retry = Callback::new(move |()| rows.reload(fetch));
    move || {
        filter.track();
        view! { <ServiceTable rows empty_key=empty_key(query) on_more on_retry/> }
    }
}

#[component]
fn PersonList(query: Memo<ResourceQuery>) -> impl IntoView {
    let rows = Paged::<ServicePerson>::new();
    let filter = Memo::new(move |_| query.with(ResourceQuery::people));
    let fetch = move |cursor| api::service_people(filter.get_untracked(), cursor);
    Effect::new(move |_| {
        filter.track();
        rows.reload(fetch);
    });
    let on_more = Callback::new(move |()| rows.more(fetch));
    let on_retry = Callback::new(move |()| rows.reload(fetch));
    move || {
        filter.track();
        view! { <PersonTable rows empty_key=empty_key(query) on_more on_retry/> }
    }
}

#[component]
fn SpaceList(query: Memo<ResourceQuery>) -> impl IntoView {
    let rows = Paged::<ServiceSpace>::new();
    let filter = Memo::new(move |_| query.with(ResourceQuery::spaces));
    let fetch = move |cursor| api::service_spaces(filter.get_untracked(), cursor);
    Effect::new(move |_| {
        filter.track();
        rows.reload(fetch);
    });
    let on_more = Callback::new(move |()| rows.more(fetch));
    let on_retry = Callback::new(move |()| rows.reload(fetch));
    move || {
        filter.track();
        view! { <SpaceTable rows empty_key=empty_key(query) on_more on_retry/> }
    }
}
