//! The resident's bundle: the phone pages under `/m` and the public pages, less than half the whole
//! dashboard. `index.html` starts it on `/m…` and `/public…`; a page it has no route for loads
//! afresh in the bundle that owns it.
//!
//! Its pages sit behind seven split points ([`web::lazy_pages`]): a first visit downloads the shells
//! and the group of the page it opens, each other group when one of its pages is first visited.
//! The pages residents land on, `/m` and `/m/needs`, are groups of their own, and signing in is
//! one too, so the first download holds only the shells; with its group's pack, `/m` is under
//! 300 KB gzip.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, path};
use web::resident_pages::*;

fn main() {
    web::start(ResidentApp);
}

// signing in: with a password (after signing out; opened directly, `/login` is the sign-in bundle)
// and the resident's own, by text message, with the community picker a newcomer signs up with
web::lazy_pages! {
    resident_sign_in {
        LoginRoute => LoginPage,
        ResidentSignInRoute => ResidentSignInPage,
    }
}

// The resident's needs, a group per page: `/m` and `/m/needs` are where a resident lands, so each
// fetches only its own page's code. 点单 (the form, with its area choice):
web::lazy_pages! {
    resident_submit {
        ResidentSubmitRoute => ResidentSubmitPage,
    }
}

// my needs, the list:
web::lazy_pages! {
    resident_needs {
        ResidentNeedsRoute => ResidentNeedsPage,
    }
}

// one need, with its timeline and the resident's actions:
web::lazy_pages! {
    resident_need {
        ResidentNeedRoute => ResidentNeedPage,
    }
}

// me and the inbox:
web::lazy_pages! {
    resident_account {
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
                <Route path=path!("/login") view={Lazy::<LoginRoute>::new()}/>
                <Route path=path!("/m/sign-in") view={Lazy::<ResidentSignInRoute>::new()}/>
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
