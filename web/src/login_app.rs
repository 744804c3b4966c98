//! The sign-in bundle's root: `/login` alone, the smallest first download. Signing in leads to a
//! page of another bundle, which then loads afresh ([`ElsewhereOrNotFound`]).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::common::bundle::{ElsewhereOrNotFound, provide_app_context};
use crate::common::login_page::LoginPage;
use crate::common::route_titles::DocumentTitle;
use crate::common::session::SessionGuard;

/// The sign-in bundle.
#[component]
pub fn LoginApp() -> impl IntoView {
    provide_app_context();
    view! {
        <Router>
            <SessionGuard/>
            <DocumentTitle/>
            <Routes fallback=|| view! { <ElsewhereOrNotFound this="login"/> }>
                <Route path=path!("/login") view=LoginPage/>
            </Routes>
        </Router>
    }
}
