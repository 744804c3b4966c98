//! What the roots of the dashboard's bundles share (`web/README.md`, "Three bundles from one
//! library"): the context they provide and their way out to the bundle that owns a path.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::common::i18n::{provide_i18n, use_i18n};
use crate::common::not_found::NotFound;
use crate::common::session::provide_session;
use crate::needs::labels::provide_categories;
use crate::programs::catalogue::provide_catalogue;

/// Context every root provides: locale, session, and the need categories and program catalogue
/// (each fetched when first used).
pub fn provide_app_context() {
    provide_i18n();
    provide_session();
    provide_categories();
    provide_catalogue();
}

#[wasm_bindgen]
extern "C" {
    /// `index.html`'s rule for which bundle starts a path: `"login"`, `"resident"` or `"staff"`.
    #[wasm_bindgen(js_name = hhBundleFor)]
    fn bundle_for(path: &str) -> String;
}

/// The fallback route of every bundle (`this`: its name in `index.html`). A path another bundle
/// owns (a worker who just signed in, a link to a staff page) is loaded afresh, so `index.html`
/// starts that bundle; a path of this bundle's own that matches no page is a 404.
#[component]
pub fn ElsewhereOrNotFound(this: &'static str) -> impl IntoView {
    let location = use_location();
    let path = location.pathname.get_untracked();
    if bundle_for(&path) == this {
        return view! { <NotFound/> }.into_any();
    }
    let href = format!("{path}{}{}", location.search.get_untracked(), location.hash.get_untracked());
    if let Some(window) = web_sys::window() {
        // Replace, not assign: the router already pushed this URL onto the history.
        let _ = window.location().replace(&href);
    }
    let i18n = use_i18n();
    view! { <p class="boot" data-testid="loading-bundle">{move || i18n.t(k!("app.loading_page"))}</p> }.into_any()
}
