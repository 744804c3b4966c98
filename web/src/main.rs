//! Entry point of the 幸福家园 dashboard (Leptos, client-side rendered WebAssembly).
//!
//! Layout (see `web/README.md` for the URL → file table): [`app`] holds every route; one folder per
//! feature ([`needs`], [`mobile`], [`programs`], [`public`], [`resources`], [`matching`], [`kpis`],
//! [`areas`], [`admin`], [`consultation`], [`surveys`], [`ledger`], [`shop`], [`activities`]) holds its pages, components, API calls, labels and messages; [`common`] holds
//! the API client, session, shell, i18n and the widgets several features use.

mod activities;
mod admin;
mod app;
mod areas;
mod common;
mod consultation;
mod kpis;
mod ledger;
mod matching;
mod mobile;
mod needs;
mod notifications;
mod programs;
mod public;
mod residents;
mod resources;
mod shop;
mod surveys;
mod workbench;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
