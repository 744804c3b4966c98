//! 社区服务与场所 (`/public/nearby`): the services and spaces of a community for visitors, signed in
//! or not. The community is kept in the URL (`?community=5`) so a link shows the same list.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::{CommunityChoice, Id};

use super::endpoints;
use super::nearby::{NearbyList, Whose};
use crate::common::api::ApiError;
use crate::common::i18n::tr;
use crate::common::status::{ErrorBox, Loading};

/// `/public/nearby`.
#[component]
pub fn PublicNearbyPage() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
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
    let picked = Memo::new(move |_| query.with(|q| q.get("community").and_then(|v| v.parse::<Id>().ok())));
    let whose = Signal::derive(move || picked.get().map(Whose::Community));
    let pick = move |ev| {
        let v = event_target_value(&ev);
        let to = if v.is_empty() { "/public/nearby".to_owned() } else { format!("/public/nearby?community={v}") };
        navigate(&to, Default::default());
    };
    view! {
        <h1 class="page-title">{tr("nearby.public_title")}</h1>
        <p class="muted public-intro">{tr("nearby.public_intro")}</p>
        {move || match (communities.get(), error.get()) {
            (_, Some(error)) => view! { <ErrorBox error on_retry=Callback::new(move |()| fetch())/> }.into_any(),
            (None, None) => view! { <Loading/> }.into_any(),
            (Some(list), None) => view! {
                <label class="field nearby-community">
                    <span>{tr("nearby.community")}</span>
                    <select data-testid="nearby-community" on:change=pick.clone()>
                        <option value="">{tr("nearby.pick_community")}</option>
                        {list.into_iter().map(|c| {
                            let label = match &c.street { Some(s) => format!("{} · {s}", c.name), None => c.name.clone() };
                            view! { <option value=c.id selected=move || picked.get() == Some(c.id)>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
            }.into_any(),
        }}
        {move || picked.get().is_none().then(|| view! { <p class="muted" data-testid="nearby-pick-first">{tr("nearby.pick_first")}</p> })}
        <NearbyList whose/>
    }
}
