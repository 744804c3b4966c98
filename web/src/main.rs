//! Entry point of the 幸福家园 dashboard (Leptos, client-side rendered WebAssembly).
//!
//! Layout: [`app`] holds the routes, [`api`]/[`endpoints`] the typed HTTP client, [`i18n`] and
//! [`messages`] the zh-CN/English texts, [`session`] the signed-in user, `pages/` one module per
//! route and `components/` the pieces they share.

mod admin;
mod app;
mod areas;
mod common;
mod components;
mod endpoints;
mod kpis;
mod matching;
mod mobile;
mod needs;
mod pages;
mod programs;
mod public;
mod resources;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
