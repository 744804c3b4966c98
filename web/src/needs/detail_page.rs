//! `/needs/:id`: one need for staff and for the provider or volunteer it is dispatched to, with the
//! actions they may take. A way back to the list they came from is always on screen.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::Id;

use crate::common::i18n::use_i18n;
use crate::common::session::{is_staff, use_session};
use crate::common::status::Empty;
use crate::needs::panel::NeedPanel;

#[component]
pub fn NeedDetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    // Staff came from the queue, everyone else from their tasks.
    let back = move || {
        if is_staff(session.role()) { ("/needs", k!("need.back_queue")) } else { ("/tasks", k!("need.back_tasks")) }
    };
    view! {
        <nav class="crumbs back-link">
            <a href=move || back().0 data-testid="need-back">"← "{move || i18n.t(back().1)}</a>
        </nav>
        {move || match id.get() {
            Some(id) => view! { <NeedPanel id/> }.into_any(),
            None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
        }}
    }
}
