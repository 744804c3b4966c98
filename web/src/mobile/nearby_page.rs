//! 身边服务 (`/m/nearby`): the services and spaces that serve the resident's community, nearest
//! first with walking minutes from the community's centre.

use leptos::prelude::*;

use crate::common::i18n::tr;
use crate::public::nearby::{NearbyList, Whose};

/// `/m/nearby`.
#[component]
pub fn NearbyPage() -> impl IntoView {
    view! {
        <h1 class="m-title">{tr(k!("nearby.title"))}</h1>
        <p class="muted m-hint">{tr(k!("nearby.hint"))}</p>
        <NearbyList whose=Signal::derive(|| Some(Whose::Mine))/>
    }
}
