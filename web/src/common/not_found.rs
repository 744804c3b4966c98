//! The page for an unknown client route, in either bundle.

use leptos::prelude::*;

use crate::common::i18n::use_i18n;
use crate::common::session::{home_page, use_session};

/// Unknown client route: say so and offer the way back to the visitor's start page (nothing to retry).
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <main class="centered" data-testid="not-found">
            <h1>"404"</h1>
            <p>{move || i18n.t(k!("notfound.text"))}</p>
            <a href=move || home_page(session.role()) data-testid="not-found-home">{move || i18n.t(k!("notfound.home"))}</a>
        </main>
    }
}
