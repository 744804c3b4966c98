//! 区域: the area tree on the left, the selected area (or the user's home area) on the right.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::{Area, Id};

use crate::areas::detail::AreaDetail;
use crate::areas::tree::{AreaTree, TreeContext};
use crate::common::area_picker::AreaSearch;
use crate::common::i18n::use_i18n;
use crate::common::session::use_session;
use crate::common::status::Empty;

#[component]
pub fn AreasPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    let navigate = use_navigate();
    let home = move || session.me.with(|me| me.as_ref().map(|m| m.area.id));
    let selected: Memo<Option<Id>> = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse().ok())).or_else(home));
    TreeContext::provide(selected.into());
    let on_pick = Callback::new(move |area: Area| {
        navigate(&format!("/areas/{}", area.id), NavigateOptions::default());
    });

    view! {
        <h1 class="page-title">{move || i18n.t(k!("nav.areas"))}</h1>
        <Show when=move || session.permissions().read_areas fallback=|| view! { <Empty key=k!("error.forbidden")/> }>
            <div class="split">
                <section class="panel tree-panel" aria-label=move || i18n.t(k!("tree.title"))>
                    <AreaSearch on_pick placeholder=k!("area.search")/>
                    <AreaTree/>
                </section>
                <section class="panel detail-panel">
                    {move || match selected.get() {
                        Some(id) => view! { <AreaDetail id/> }.into_any(),
                        None => view! { <Empty key=k!("area.pick_hint")/> }.into_any(),
                    }}
                </section>
            </div>
        </Show>
    }
}
