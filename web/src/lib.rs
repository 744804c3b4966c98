//! The 幸福家园 dashboard (Leptos, client-side rendered WebAssembly), built as three bundles from this
//! one library: the whole dashboard (`src/main.rs`, its pages from [`staff_pages`]), the resident's
//! (`src/bin/resident.rs`, its pages from [`resident_pages`]) that starts `/m` and `/public` on a
//! phone without downloading the staff pages, and sign-in's (`src/bin/login.rs`,
//! [`login_app::LoginApp`]). The linker keeps only what each entry reaches; the two big entries
//! also fetch their pages a group at a time when first visited ([`lazy_page`]).
//!
//! Layout (see `web/README.md` for the URL → file table): one folder per feature ([`needs`],
//! [`mobile`], [`programs`], [`public`], [`resources`], [`matching`], [`kpis`], [`areas`], [`admin`],
//! [`consultation`], [`surveys`], [`ledger`], [`shop`], [`activities`]) holds its pages, components, API
//! calls and labels; [`common`] holds the API client, session, shell, i18n and the widgets several
//! features use. The texts of every page are in `web/locales/`, one file per language, made into
//! [`messages`] and its `k!("key")` macro when compiled.

// First, so that every module below can name a message with `k!`. Public, as its generated
// messages are: a bundle's linker drops those its code does not name, and the compiler need not
// warn of them.
#[macro_use]
pub mod messages;

mod activities;
mod admin;
mod areas;
mod common;
mod consultation;
mod kpis;
pub mod lazy_page;
mod ledger;
pub mod login_app;
mod matching;
mod mobile;
mod needs;
mod notifications;
mod programs;
mod public;
pub mod resident_pages;
mod residents;
mod resources;
mod shop;
pub mod staff_pages;
mod surveys;
mod workbench;

/// Starts a bundle: its app mounted on `<body>`. The panic hook that prints a panic's message to the
/// console is set only where a panic has a message: the size-optimised builds stop at a panic at
/// once (`web/build.sh`), so there the hook could never run and would only add its bytes.
pub fn start<N: leptos::prelude::IntoView + 'static>(app: fn() -> N) {
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app);
}
