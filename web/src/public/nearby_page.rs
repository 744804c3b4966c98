//! 社区服务与场所 (`/public/nearby`): the services and spaces of a community for visitors, signed in
//! or not. The community is kept in the URL (`?community=5`) so a link shows the same list.

use leptos::prelude::*;

use super::community_filter::{CommunityFilter, picked_community};
use super::nearby::{NearbyList, Whose};
use crate::common::i18n::tr;

/// `/public/nearby`.
#[component]
pub fn PublicNearbyPage() -> impl IntoView {
    let picked = picked_community();
    let whose = Signal::derive(move || picked.get().map(Whose::Community));
    view! {
        <h1 class="page-title">{tr(k!("nearby.public_title"))}</h1>
        <p class="muted public-intro">{tr(k!("nearby.public_intro"))}</p>
        <CommunityFilter picked all_key=k!("nearby.pick_community")/>
        {move || picked.get().is_none().then(|| view! { <p class="muted" data-testid="nearby-pick-first">{tr(k!("nearby.pick_first"))}</p> })}
        <NearbyList whose/>
    }
}
