//! `/catalogue` 共建内容: the co-building catalogue of a chosen year (newest first), as a collapsible
//! tree whose items lead to the programs working on them. Platform admins correct entries in place.

use futures::future::OptionFuture;
use leptos::prelude::*;
use shared::{CatalogueEntry, Role};

use crate::common::api;
use crate::common::i18n::tr;
use crate::common::session::use_session;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::programs::catalogue::{group, use_catalogue};
use crate::programs::catalogue_tree::CatalogueTree;

#[component]
pub fn CataloguePage() -> impl IntoView {
    let session = use_session();
    view! {
        <h1 class="page-title">{tr(k!("nav.catalogue"))}</h1>
        <Show when=move || session.permissions().read_programs fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <CatalogueBrowser/>
        </Show>
    }
}

#[component]
fn CatalogueBrowser() -> impl IntoView {
    let session = use_session();
    let shared_catalogue = use_catalogue();
    let year = RwSignal::new(None::<i32>);
    // The newest year is chosen once the list arrives.
    let years = LocalResource::new(move || async move {
        let answer = api::catalogue_years().await;
        if let Ok(list) = &answer {
            year.set(list.first().copied());
        }
        answer
    });
    // Nothing to read until a year is chosen; an answer for a year no longer chosen is dropped.
    let entries = LocalResource::new(move || OptionFuture::from(year.get().map(|y| api::catalogue(Some(y)))));
    let retry_years = Callback::new(move |()| years.refetch());
    let retry_entries = Callback::new(move |()| entries.refetch());
    // The corrected line shows its new text itself; redrawing the tree would close the other folds.
    let on_saved = Callback::new(move |_: CatalogueEntry| shared_catalogue.invalidate());
    let editable = move || session.role() == Some(Role::PlatformAdmin);

    let picker = move || {
        years.get().map(|answer| match answer {
            Err(error) => view! { <ErrorBox error on_retry=retry_years/> }.into_any(),
            Ok(list) if list.is_empty() => view! { <Empty key=k!("catalogue.none")/> }.into_any(),
            Ok(list) => view! {
                <div class="toolbar">
                    <label class="checkbox">
                        {tr(k!("catalogue.year"))}
                        <select data-testid="catalogue-year"
                            on:change=move |ev| year.set(event_target_value(&ev).parse().ok())>
                            {list.into_iter().map(|y| view! {
                                <option value=y.to_string() selected=move || year.get() == Some(y)>{y}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <span class="muted">{tr(k!("catalogue.hint"))}</span>
                </div>
            }
            .into_any(),
        })
    };
    let tree = move || {
        entries.get().flatten().map(|answer| match answer {
            Err(error) => view! { <ErrorBox error on_retry=retry_entries/> }.into_any(),
            Ok(list) if list.is_empty() => view! { <Empty key=k!("catalogue.none")/> }.into_any(),
            Ok(list) => {
                let tree = group(&list);
                view! { <CatalogueTree tree editable=editable() on_saved/> }.into_any()
            }
        })
    };
    view! {
        <Suspense fallback=|| view! { <Loading/> }>{picker}</Suspense>
        <Suspense fallback=|| view! { <Loading/> }>{tree}</Suspense>
    }
}
