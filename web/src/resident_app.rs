//! The resident's bundle's root: sign-in, the phone pages under `/m` and the public pages. The whole
//! dashboard ([`crate::app::App`]) mounts the same [`ResidentRoutes`], so a page looks and behaves
//! the same whichever bundle started it. Any other path loads its own bundle afresh.

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::common::bundle::{ElsewhereOrNotFound, provide_app_context};
use crate::common::login_page::LoginPage;
use crate::common::route_titles::DocumentTitle;
use crate::common::session::SessionGuard;
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
use crate::notifications::pages::ResidentNotificationsPage;
use crate::public::nearby_page::PublicNearbyPage;
use crate::public::programs_pages::{PublicProgramPage, PublicProgramsPage, PublicShell};
use crate::public::topics_pages::{PublicTopicPage, PublicTopicsPage};

/// The resident's bundle.
#[component]
pub fn ResidentApp() -> impl IntoView {
    provide_app_context();
    view! {
        <Router>
            <SessionGuard/>
            <DocumentTitle/>
            <Routes fallback=|| view! { <ElsewhereOrNotFound this="resident"/> }>
                <ResidentRoutes/>
            </Routes>
        </Router>
    }
}

/// The routes of the resident's bundle, also the first routes of the whole dashboard.
#[component(transparent)]
// The full path: with `erase_components` the macro replaces this return type by an erased route.
pub fn ResidentRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
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
