//! The resident's bundle's root: sign-in, the phone pages under `/m` and the public pages. The whole
//! dashboard ([`crate::app::App`]) mounts the same [`ResidentRoutes`], so a page looks and behaves
//! the same whichever bundle started it. Any other path loads the whole dashboard afresh.

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{MatchNestedRoutes, path};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::common::i18n::{provide_i18n, use_i18n};
use crate::common::login_page::LoginPage;
use crate::common::not_found::NotFound;
use crate::common::route_titles::DocumentTitle;
use crate::common::session::{SessionGuard, provide_session};
use crate::mobile::community_page::CommunityPage;
use crate::mobile::me_page::ResidentMePage;
use crate::mobile::nearby_page::NearbyPage;
use crate::mobile::points_page::ResidentPointsPage;
use crate::mobile::resident_pages::{ResidentNeedPage, ResidentNeedsPage, ResidentSubmitPage};
use crate::mobile::shell::MobileShell;
use crate::mobile::shop_pages::{ResidentOrdersPage, ResidentShopPage};
use crate::mobile::sign_in_page::ResidentSignInPage;
use crate::mobile::survey_pages::{ResidentSurveyPage, ResidentSurveysPage};
use crate::mobile::topic_pages::{ResidentTopicNewPage, ResidentTopicPage, ResidentTopicsPage};
use crate::needs::labels::provide_categories;
use crate::notifications::pages::ResidentNotificationsPage;
use crate::programs::catalogue::provide_catalogue;
use crate::public::nearby_page::PublicNearbyPage;
use crate::public::programs_pages::{PublicProgramPage, PublicProgramsPage, PublicShell};
use crate::public::topics_pages::{PublicTopicPage, PublicTopicsPage};

/// Context both roots provide: locale, session, and the need categories and program catalogue
/// (each fetched when first used).
pub fn provide_app_context() {
    provide_i18n();
    provide_session();
    provide_categories();
    provide_catalogue();
}

/// The resident's bundle.
#[component]
pub fn ResidentApp() -> impl IntoView {
    provide_app_context();
    view! {
        <Router>
            <SessionGuard/>
            <DocumentTitle/>
            <Routes fallback=ElsewhereOrNotFound>
                <ResidentRoutes/>
            </Routes>
        </Router>
    }
}

/// The routes of the resident's bundle, also the first routes of the whole dashboard.
#[component(transparent)]
pub fn ResidentRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("") view=Outlet>
        <Route path=path!("/login") view=LoginPage/>
        <Route path=path!("/m/sign-in") view=ResidentSignInPage/>
        <ParentRoute path=path!("/public") view=PublicShell>
            <Route path=path!("/programs") view=PublicProgramsPage/>
            <Route path=path!("/programs/:id") view=PublicProgramPage/>
            <Route path=path!("/nearby") view=PublicNearbyPage/>
            <Route path=path!("/topics") view=PublicTopicsPage/>
            <Route path=path!("/topics/:id") view=PublicTopicPage/>
        </ParentRoute>
        <ParentRoute path=path!("/m") view=MobileShell>
            <Route path=path!("") view=ResidentSubmitPage/>
            <Route path=path!("/needs") view=ResidentNeedsPage/>
            <Route path=path!("/needs/:id") view=ResidentNeedPage/>
            <Route path=path!("/community") view=CommunityPage/>
            <Route path=path!("/me") view=ResidentMePage/>
            <Route path=path!("/notifications") view=ResidentNotificationsPage/>
            <Route path=path!("/nearby") view=NearbyPage/>
            <Route path=path!("/topics") view=ResidentTopicsPage/>
            <Route path=path!("/topics/new") view=ResidentTopicNewPage/>
            <Route path=path!("/topics/:id") view=ResidentTopicPage/>
            <Route path=path!("/surveys") view=ResidentSurveysPage/>
            <Route path=path!("/surveys/:id") view=ResidentSurveyPage/>
            <Route path=path!("/points") view=ResidentPointsPage/>
            <Route path=path!("/shop") view=ResidentShopPage/>
            <Route path=path!("/shop/orders") view=ResidentOrdersPage/>
        </ParentRoute>
        </ParentRoute>
    }
    .into_inner()
}

#[wasm_bindgen]
extern "C" {
    /// `index.html`'s rule for which bundle starts a path: `"resident"` or `"staff"`.
    #[wasm_bindgen(js_name = hhBundleFor)]
    fn bundle_for(path: &str) -> String;
}

/// A path this bundle has no route for: when the whole dashboard owns it (a worker signing in, a
/// link to a staff page), load the page afresh so `index.html` starts that bundle; otherwise 404.
#[component]
fn ElsewhereOrNotFound() -> impl IntoView {
    let location = use_location();
    let path = location.pathname.get_untracked();
    if bundle_for(&path) == "resident" {
        return view! { <NotFound/> }.into_any();
    }
    let href = format!("{path}{}{}", location.search.get_untracked(), location.hash.get_untracked());
    if let Some(window) = web_sys::window() {
        // Replace, not assign: the router already pushed this URL onto the history.
        let _ = window.location().replace(&href);
    }
    let i18n = use_i18n();
    view! { <p class="boot" data-testid="loading-dashboard">{move || i18n.t("app.loading_dashboard")}</p> }.into_any()
}
