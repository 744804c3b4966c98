//! `/programs/:id`: one program for staff in its area's scope, with what they may do to it, and a way
//! back to the list.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::Id;

use crate::common::i18n::tr;
use crate::common::status::Empty;
use crate::programs::panel::ProgramPanel;

#[component]
pub fn ProgramDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    view! {
        <nav class="crumbs back-link">
            <a href="/programs" data-testid="program-back">"← "{tr(k!("program.back"))}</a>
        </nav>
        {move || match id.get() {
            Some(id) => view! { <ProgramPanel id/> }.into_any(),
            None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
        }}
    }
}
