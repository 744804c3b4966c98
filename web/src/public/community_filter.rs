//! The community picker of the public 阳光社区 pages: every community by name (with its street),
//! the choice kept in the URL (`?community=5`) so a shared link shows the same list.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use shared::{CommunityChoice, Id};

use super::endpoints;
use crate::common::api::ApiError;
use crate::common::i18n::tr;
use crate::common::status::{ErrorBox, Loading};
use crate::messages::Key;

/// The community in the URL, if any.
pub fn picked_community() -> Memo<Option<Id>> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| q.get("community").and_then(|v| v.parse::<Id>().ok())))
}

/// A select of the communities; `all_key` names the empty choice ("all communities" or "pick one").
#[component]
pub fn CommunityFilter(picked: Memo<Option<Id>>, all_key: Key) -> impl IntoView {
    let navigate = use_navigate();
    let location = use_location();
    let communities = RwSignal::new(None::<Vec<CommunityChoice>>);
    let error = RwSignal::new(None::<ApiError>);
    let fetch = move || {
        error.set(None);
        spawn_local(async move {
            match endpoints::public_communities().await {
                Ok(list) => communities.set(Some(list)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    fetch();
    let pick = move |ev| {
        let v = event_target_value(&ev);
        let path = location.pathname.get_untracked();
        let to = if v.is_empty() { path } else { format!("{path}?community={v}") };
        navigate(&to, Default::default());
    };
    move || match (communities.get(), error.get()) {
        (_, Some(error)) => view! { <ErrorBox error on_retry=Callback::new(move |()| fetch())/> }.into_any(),
        (None, None) => view! { <Loading/> }.into_any(),
        (Some(list), None) => view! {
            <label class="field community-filter">
                <span class="field-label">{tr(k!("nearby.community"))}</span>
                <select data-testid="community-filter" on:change=pick.clone()>
                    <option value="">{tr(all_key)}</option>
                    {list.into_iter().map(|c| {
                        let label = match &c.street { Some(s) => format!("{} · {s}", c.name), None => c.name.clone() };
                        view! { <option value=c.id selected=move || picked.get() == Some(c.id)>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
        .into_any(),
    }
}
