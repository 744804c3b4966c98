//! The root component: context (locale, session) and the client-side routes.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::components::shell::Shell;
use crate::i18n::{provide_i18n, use_i18n};
use crate::pages::{areas::AreasPage, audit::AuditPage, login::LoginPage, users::UsersPage};
use crate::session::{SessionGuard, provide_session};

/// The whole dashboard.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_session();
    view! {
        <Router>
            <SessionGuard/>
            <Routes fallback=NotFound>
                <Route path=path!("/login") view=LoginPage/>
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=|| view! { <Redirect path="/areas"/> }/>
                    <Route path=path!("/areas/:id?") view=AreasPage/>
                    <Route path=path!("/users") view=UsersPage/>
                    <Route path=path!("/audit") view=AuditPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// Unknown client route: say so and offer the way back.
#[component]
fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main class="centered" data-testid="not-found">
            <h1>"404"</h1>
            <p>{move || i18n.t("notfound.text")}</p>
            <a href="/areas">{move || i18n.t("notfound.back")}</a>
        </main>
    }
}
