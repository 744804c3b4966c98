//! One resource's page and the "new" pages: `/resources/{providers,services,people,spaces}/new` and
//! `/resources/…/:id`. A record shows its facts; those who manage resources get 编辑, which turns the
//! page into the form (only what changed is sent). Others read only.

use std::future::Future;

use futures::future::OptionFuture;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::{Id, Provider, Service, ServicePerson, ServiceSpace};

use crate::common::api::{self, ApiResult};
use crate::common::i18n::tr;
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::messages::Key;
use crate::resources::facts::{PersonFacts, ProviderFacts, ServiceFacts, SpaceFacts};
use crate::resources::filters::{ResourceQuery, ResourceTab};
use crate::resources::person_form::PersonForm;
use crate::resources::provider_form::ProviderForm;
use crate::resources::service_form::ServiceForm;
use crate::resources::space_form::SpaceForm;

/// The directory tab a record belongs to.
fn back_url(tab: ResourceTab) -> String {
    ResourceQuery::default().on_tab(tab).url()
}

fn back_link(tab: ResourceTab) -> impl IntoView {
    view! {
        <nav class="crumbs back-link">
            <a href=back_url(tab) data-testid="resource-back">"← "{tr(k!("res.back"))}</a>
        </nav>
    }
}

/// A "new" page: the form for those who manage resources; after saving, the record's page.
fn new_page<T, F>(tab: ResourceTab, title: Key, form: F, href: fn(&T) -> String) -> impl IntoView
where
    T: Send + Sync + 'static,
    F: Fn(Callback<T>, Callback<()>) -> AnyView + Clone + Send + Sync + 'static,
{
    let session = use_session();
    let navigate = use_navigate();
    let back = navigate.clone();
    let on_saved = Callback::new(move |saved: T| navigate(&href(&saved), NavigateOptions::default()));
    let on_cancel = Callback::new(move |()| back(&back_url(tab), NavigateOptions::default()));
    view! {
        {back_link(tab)}
        <h1 class="page-title">{tr(title)}</h1>
        <Show when=move || session.permissions().manage_resources fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            {form(on_saved, on_cancel)}
        </Show>
    }
}

/// A record's page: loaded by the `:id` of the route; facts, or the form while editing.
fn detail_page<T, L, Fut>(
    tab: ResourceTab,
    testid: &'static str,
    load: L,
    facts: fn(T, Option<Callback<()>>) -> AnyView,
    form: fn(T, Callback<T>, Callback<()>) -> AnyView,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    L: Fn(Id) -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = ApiResult<T>> + 'static,
{
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    let editing = RwSignal::new(false);
    // Another record's page opens on its facts.
    Effect::new(move |_| {
        id.track();
        editing.set(false);
    });
    // `None` (nothing to load) for a URL whose id is not a number.
    let record = LocalResource::new(move || OptionFuture::from(id.get().map(load)));
    let retry = Callback::new(move |()| record.refetch());
    let on_saved = Callback::new(move |saved: T| {
        record.set(Some(Some(Ok(saved))));
        editing.set(false);
    });
    let on_cancel = Callback::new(move |()| editing.set(false));
    let on_edit = Callback::new(move |()| editing.set(true));
    let body = move || {
        record.get().map(|answer| match answer {
            None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
            Some(Err(error)) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
            Some(Ok(r)) if editing.get() => form(r, on_saved, on_cancel),
            Some(Ok(r)) => facts(r, session.permissions().manage_resources.then_some(on_edit)),
        })
    };
    view! {
        {back_link(tab)}
        <article class="detail resource-detail" data-testid=testid data-id=move || id.get().map(|i| i.to_string())
            data-editing=move || editing.get().to_string()>
            <Suspense fallback=|| view! { <Loading/> }>{body}</Suspense>
        </article>
    }
}

#[component]
pub fn ProviderNewPage() -> impl IntoView {
    new_page(
        ResourceTab::Providers,
        k!("res.new_provider"),
        |on_saved, on_cancel| view! { <ProviderForm existing=None on_saved on_cancel/> }.into_any(),
        |p: &Provider| format!("/resources/providers/{}", p.id),
    )
}

#[component]
pub fn ProviderPage() -> impl IntoView {
    detail_page(
        ResourceTab::Providers,
        "provider-detail",
        api::provider,
        |p, on_edit| view! { <ProviderFacts p on_edit/> }.into_any(),
        |p, on_saved, on_cancel| view! { <ProviderForm existing=Some(p) on_saved on_cancel/> }.into_any(),
    )
}

#[component]
pub fn ServiceNewPage() -> impl IntoView {
    new_page(
        ResourceTab::Services,
        k!("res.new_service"),
        |on_saved, on_cancel| view! { <ServiceForm existing=None on_saved on_cancel/> }.into_any(),
        |s: &Service| format!("/resources/services/{}", s.id),
    )
}

#[component]
pub fn ServicePage() -> impl IntoView {
    detail_page(
        ResourceTab::Services,
        "service-detail",
        api::service,
        |s, on_edit| view! { <ServiceFacts s on_edit/> }.into_any(),
        |s, on_saved, on_cancel| view! { <ServiceForm existing=Some(s) on_saved on_cancel/> }.into_any(),
    )
}

#[component]
pub fn PersonNewPage() -> impl IntoView {
    new_page(
        ResourceTab::People,
        k!("res.new_person"),
        |on_saved, on_cancel| view! { <PersonForm existing=None on_saved on_cancel/> }.into_any(),
        |p: &ServicePerson| format!("/resources/people/{}", p.id),
    )
}

#[component]
pub fn PersonPage() -> impl IntoView {
    detail_page(
        ResourceTab::People,
        "person-detail",
        api::service_person,
        |p, on_edit| view! { <PersonFacts p on_edit/> }.into_any(),
        |p, on_saved, on_cancel| view! { <PersonForm existing=Some(p) on_saved on_cancel/> }.into_any(),
    )
}

#[component]
pub fn SpaceNewPage() -> impl IntoView {
    new_page(
        ResourceTab::Spaces,
        k!("res.new_space"),
        |on_saved, on_cancel| view! { <SpaceForm existing=None on_saved on_cancel/> }.into_any(),
        |s: &ServiceSpace| format!("/resources/spaces/{}", s.id),
    )
}

#[component]
pub fn SpacePage() -> impl IntoView {
    detail_page(
        ResourceTab::Spaces,
        "space-detail",
        api::service_space,
        |s, on_edit| view! { <SpaceFacts s on_edit/> }.into_any(),
        |s, on_saved, on_cancel| view! { <SpaceForm existing=Some(s) on_saved on_cancel/> }.into_any(),
    )
}
