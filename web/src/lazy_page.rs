//! Pages whose code is downloaded when first visited, in the whole dashboard (`src/main.rs`) and the
//! resident bundle (`src/bin/resident.rs`).
//!
//! [`lazy_pages!`](crate::lazy_pages) puts a group of pages behind one split point: `web/build.sh`
//! cuts the wasm there (wasm-split) and moves the code only those pages reach into chunks of their
//! own, which the router fetches the first time one of the pages matches, before it renders. What
//! every page needs (router, shells, session, i18n) stays in the first download.
//!
//! Groups, not a split point per page: the splitter gives every set of split points that share code
//! a chunk of its own, so a group's first visit needs its module and many small chunks (22 to 43 in
//! the resident bundle's seven groups). `index.html` fetches those of the page a URL opens as one
//! pack (`web/assemble.mjs`), since each file is a round trip on a phone's link; a group visited
//! later fetches its files side by side. The whole dashboard keeps three groups. The macro is used
//! in the entries, never in this library: a split point here would be exported, and so kept whole,
//! by every bundle, the sign-in bundle too. On the host (tests) a split point is a plain call.
//!
//! While a chunk is on its way the old page stays, so [`PageFetchBar`] shows a thin bar at the top:
//! a tap on a phone's slow link is answered at once.

use leptos::prelude::*;

use crate::common::i18n::tr;

thread_local! {
    /// How many page chunks are being fetched (the router may start one before the last ends).
    static FETCHING: ArcRwSignal<usize> = ArcRwSignal::new(0);
}

/// Marks a page's chunk as being fetched until dropped; used by [`lazy_pages!`](crate::lazy_pages).
#[derive(Debug)]
pub struct Fetching(());

impl Fetching {
    pub fn start() -> Self {
        FETCHING.with(|n| n.update(|n| *n += 1));
        Self(())
    }
}

impl Drop for Fetching {
    fn drop(&mut self) {
        FETCHING.with(|n| n.update(|n| *n = n.saturating_sub(1)));
    }
}

/// The bar at the top of the screen while a page's chunk is fetched. It fades in after a moment
/// (in CSS), so a chunk already here or quick to come shows nothing.
#[component]
pub fn PageFetchBar() -> impl IntoView {
    let fetching = FETCHING.with(Clone::clone);
    view! {
        <Show when=move || { fetching.get() > 0 }>
            <div class="page-fetch" role="progressbar" aria-label=tr(k!("state.loading")) data-testid="page-fetch"></div>
        </Show>
    }
}

/// `lazy_pages! { staff_work { NeedsRoute => NeedsPage, … } }` declares, per page, a route type
/// for `<Route path=… view={Lazy::<NeedsRoute>::new()}/>`, and one split point (a module named
/// after the group, holding the split function `page`, named after the group) that renders any page
/// of the group. Group names name the split points, so they are unique within the crate.
#[macro_export]
macro_rules! lazy_pages {
    ($group:ident { $($route:ident => $page:ident),* $(,)? }) => {
        pub mod $group {
            use super::*;

            /// The pages of this group.
            #[derive(Debug, Clone, Copy)]
            pub enum Page {
                $($route),*
            }

            /// The split point, named after the group: renders one page of the group once its
            /// chunk is here. `#[lazy]` also makes `__preload_page`, which only fetches the chunk.
            #[leptos::lazy($group)]
            pub fn page(page: Page) -> leptos::prelude::AnyView {
                match page {
                    $(Page::$route => leptos::prelude::IntoAny::into_any($page())),*
                }
            }
        }

        $(
            #[derive(Debug)]
            pub struct $route;

            impl leptos_router::LazyRoute for $route {
                fn data() -> Self {
                    Self
                }

                // The router preloads every route it matches, at once, before any shell around the
                // page renders it: the resident's shell waits for the session before it shows its
                // page, and the chunk's download need not wait with it.
                async fn preload() {
                    let _fetching = $crate::lazy_page::Fetching::start();
                    $group::__preload_page().await
                }

                async fn view(_: Self) -> leptos::prelude::AnyView {
                    $group::page($group::Page::$route).await
                }
            }
        )*
    };
}
