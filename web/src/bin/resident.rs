//! The resident's bundle: the phone pages under `/m` and the public pages, less than half the whole
//! dashboard. `index.html` starts it on `/m…` and `/public…`; a page it has no route for loads
//! afresh in the bundle that owns it.
//!
//! Its pages sit behind three split points ([`web::lazy_pages`]): a first visit downloads the shells
//! and the group of the page it opens, each other group when one of its pages is first visited.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, path};
use web::resident_pages::*;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ResidentApp);
}

// the resident's needs: 点单, my needs and one need, me, the inbox
web::lazy_pages! {
    resident_needs {
        ResidentSubmitRoute => ResidentSubmitPage,
        ResidentNeedsRoute => ResidentNeedsPage,
        ResidentNeedRoute => ResidentNeedPage,
        ResidentMeRoute => ResidentMePage,
        ResidentNotificationsRoute => ResidentNotificationsPage,
    }
}

// taking part: community, nearby, topics, surveys, points and the shop
web::lazy_pages! {
    resident_participation {
        CommunityRoute => CommunityPage,
        NearbyRoute => NearbyPage,
        ResidentTopicsRoute => ResidentTopicsPage,
        ResidentTopicNewRoute => ResidentTopicNewPage,
        ResidentTopicRoute => ResidentTopicPage,
        ResidentSurveysRoute => ResidentSurveysPage,
        ResidentSurveyRoute => ResidentSurveyPage,
        ResidentPointsRoute => ResidentPointsPage,
        ResidentShopRoute => ResidentShopPage,
        ResidentOrdersRoute => ResidentOrdersPage,
    }
}

// the public 阳光社区 pages
web::lazy_pages! {
    public_pages {
        PublicProgramsRoute => PublicProgramsPage,
        PublicProgramRoute => PublicProgramPage,
        PublicNearbyRoute => PublicNearbyPage,
        PublicTopicsRoute => PublicTopicsPage,
        PublicTopicRoute => PublicTopicPage,
    }
}

/// The resident's bundle.
#[component]
pub fn ResidentApp() -> impl IntoView {
    provide_app_context();
    view! {
        <PageFetchBar/>
        <Router>
            <SessionGuard/>
            <DocumentTitle/>
            <Routes fallback=|| view! { <ElsewhereOrNotFound this="resident"/> }>
                <Route path=path!("/login") view=LoginPage/>
                <Route path=path!("/m/sign-in") view=ResidentSignInPage/>
                <ParentRoute path=path!("/public") view=PublicShell>
                    <Route path=path!("/programs") view={Lazy::<PublicProgramsRoute>::new()}/>
                    <Route path=path!("/programs/:id") view={Lazy::<PublicProgramRoute>::new()}/>
                    <Route path=path!("/nearby") view={Lazy::<PublicNearbyRoute>::new()}/>
                    <Route path=path!("/topics") view={Lazy::<PublicTopicsRoute>::new()}/>
                    <Route path=path!("/topics/:id") view={Lazy::<PublicTopicRoute>::new()}/>
                </ParentRoute>
                <ParentRoute path=path!("/m") view=MobileShell>
                    <Route path=path!("") view={Lazy::<ResidentSubmitRoute>::new()}/>
                    <Route path=path!("/needs") view={Lazy::<ResidentNeedsRoute>::new()}/>
                    <Route path=path!("/needs/:id") view={Lazy::<ResidentNeedRoute>::new()}/>
                    <Route path=path!("/community") view={Lazy::<CommunityRoute>::new()}/>
                    <Route path=path!("/me") view={Lazy::<ResidentMeRoute>::new()}/>
                    <Route path=path!("/notifications") view={Lazy::<ResidentNotificationsRoute>::new()}/>
                    <Route path=path!("/nearby") view={Lazy::<NearbyRoute>::new()}/>
                    <Route path=path!("/topics") view={Lazy::<ResidentTopicsRoute>::new()}/>
                    <Route path=path!("/topics/new") view={Lazy::<ResidentTopicNewRoute>::new()}/>
                    <Route path=path!("/topics/:id") view={Lazy::<ResidentTopicRoute>::new()}/>
                    <Route path=path!("/surveys") view={Lazy::<ResidentSurveysRoute>::new()}/>
                    <Route path=path!("/surveys/:id") view={Lazy::<ResidentSurveyRoute>::new()}/>
                    <Route path=path!("/points") view={Lazy::<ResidentPointsRoute>::new()}/>
                    <Route path=path!("/shop") view={Lazy::<ResidentShopRoute>::new()}/>
                    <Route path=path!("/shop/orders") view={Lazy::<ResidentOrdersRoute>::new()}/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
