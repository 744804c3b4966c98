//! The app shell: header (product, user, language, logout) and the navigation, around the routed page.
//! It also makes sure someone is signed in before any page asks the API for data, and sends a
//! resident who opens a staff URL to their own pages under `/m`. Below 600 px the navigation folds
//! behind a menu button in the header (the stylesheet decides; the button only toggles `open`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_navigate};
use shared::Role;

use crate::common::i18n::use_i18n;
use crate::common::route_titles::RouteCrumbs;
use crate::common::session::{home_page, is_staff, require_session, sign_out, use_session};
use crate::common::status::{ErrorBox, Loading};
use crate::messages::Key;
use crate::notifications::bell::{Bell, Unread, provide_unread};
use crate::workbench::badges::{NavBadge, poll_work_counts, provide_work_counts};

/// Wraps every signed-in page.
#[component]
pub fn Shell() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    require_session(session, navigate);
    provide_unread();
    let menu = Menu(RwSignal::new(false));
    provide_context(menu);
    // The phone menu closes once a link in it has been followed.
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        menu.0.set(false);
    });
    // Residents have their own phone pages; the staff menu and its permission messages are not theirs.
    let resident = move || session.role() == Some(Role::Resident);
    let to_m = use_navigate();
    Effect::new(move |_| {
        if resident() {
            to_m("/m", NavigateOptions { replace: true, ..Default::default() });
        }
    });
    provide_work_counts();
    let retry = Callback::new(move |()| spawn_local(session.reload()));
    view! {
        <div class="app">
            <Header/>
            <div class="body">
                {move || match (session.me.with(Option::is_some), session.error.get()) {
                    (true, _) if resident() => view! { <main class="page"><Loading/></main> }.into_any(),
                    (true, _) => view! {
                        <Nav/>
                        <main class="page">
                            <RouteCrumbs/>
                            <Outlet/>
                        </main>
                    }.into_any(),
                    (false, Some(error)) => view! {
                        <main class="page"><ErrorBox error on_retry=retry/></main>
                    }.into_any(),
                    (false, None) => view! { <main class="page"><Loading/></main> }.into_any(),
                }}
            </div>
        </div>
    }
}

/// Whether the phone menu is unfolded (ignored above 600 px, where the menu always shows).
#[derive(Debug, Clone, Copy)]
struct Menu(RwSignal<bool>);

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let logout = move |_| sign_out(session, navigate.clone());
    let unread: Unread = expect_context();
    let Menu(open) = expect_context();
    let who = move || {
        session.me.with(|me| {
            me.as_ref().map(|me| {
                let role = i18n.role(me.user.role);
                view! {
                    <span class="who" data-testid="current-user">
                        <strong>{me.user.display_name.clone()}</strong>
                        <span class="badge">{role}</span>
                        <span class="muted">{me.area.name.clone()}</span>
                    </span>
                }
            })
        })
    };
    view! {
        <header class="topbar">
            {move || session.me.with(Option::is_some).then(|| view! {
                <button type="button" class="btn btn-ghost menu-button" data-testid="menu-button"
                    aria-controls="sidenav" aria-expanded=move || open.get().to_string()
                    title=move || i18n.t(if open.get() { k!("title.menu_close") } else { k!("title.menu_open") })
                    on:click=move |_| open.update(|o| *o = !*o)>
                    <span aria-hidden="true">{move || if open.get() { "✕" } else { "☰" }}</span>
                    <span class="menu-label">{move || i18n.t(k!("title.menu"))}</span>
                </button>
            })}
            <a class="brand" href=move || home_page(session.role())>
                <span class="brand-mark" aria-hidden="true">"福"</span>
                <span class="brand-name">{move || i18n.t(k!("app.name"))}</span>
            </a>
            <div class="topbar-right">
                {move || session.me.with(Option::is_some).then(|| view! { <Bell unread href="/notifications"/> })}
                {who}
                <button type="button" class="btn btn-ghost" data-testid="locale-switch"
                    title=move || i18n.t(k!("locale.switch_title"))
                    on:click=move |_| i18n.set_locale(i18n.locale().other())>
                    {move || i18n.t(k!("locale.other"))}
                </button>
                {move || session.me.with(Option::is_some).then(|| view! {
                    <button type="button" class="btn btn-ghost" data-testid="logout" data-leaves="" on:click=logout.clone()>
                        {move || i18n.t(k!("action.logout"))}
                    </button>
                })}
            </div>
        </header>
    }
}

/// Only links that lead somewhere this user may go.
#[component]
fn Nav() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    let Menu(open) = expect_context();
    poll_work_counts();
    let link = move |href: &'static str, key: Key, testid: &'static str| {
        let current = move || {
            location
                .pathname
                // `/programs` is not current on `/programs/rollup`, nor `/shop` on `/shop/orders`: they have their own entries.
                .with(|p| {
                    p.starts_with(href)
                        && !(href == "/programs" && p.starts_with("/programs/rollup"))
                        && !(href == "/shop" && p.starts_with("/shop/orders"))
                })
                .then_some("page")
        };
        view! {
            <a href=href aria-current=current data-testid=testid>{move || i18n.t(key)}<NavBadge href/></a>
        }
    };
    view! {
        <nav id="sidenav" class="sidenav" class:open=move || open.get() data-testid="sidenav"
            aria-label=move || i18n.t(k!("nav.label"))>
            {move || {
                let p = session.permissions();
                let role = session.role();
                let staff = is_staff(role);
                let serves = matches!(role, Some(Role::Provider | Role::Volunteer | Role::GridWorker));
                let resident = role == Some(Role::Resident);
                view! {
                    {resident.then(|| link("/m", k!("nav.resident"), "nav-resident"))}
                    {(staff || serves).then(|| link("/workbench", k!("nav.workbench"), "nav-workbench"))}
                    {staff.then(|| link("/needs", k!("nav.needs"), "nav-needs"))}
                    {staff.then(|| link("/overdue", k!("nav.overdue"), "nav-overdue"))}
                    {p.match_needs.then(|| link("/matching/plans", k!("nav.matching_plans"), "nav-matching-plans"))}
                    {p.match_needs.then(|| link("/matching/gaps", k!("nav.matching_gaps"), "nav-matching-gaps"))}
                    {serves.then(|| link("/tasks", k!("nav.tasks"), "nav-tasks"))}
                    {p.read_programs.then(|| link("/programs", k!("nav.programs"), "nav-programs"))}
                    {p.read_programs.then(|| link("/programs/rollup", k!("nav.rollup"), "nav-rollup"))}
                    {p.read_programs.then(|| link("/catalogue", k!("nav.catalogue"), "nav-catalogue"))}
                    {p.read_topics.then(|| link("/topics", k!("nav.topics"), "nav-topics"))}
                    {p.read_surveys.then(|| link("/surveys", k!("nav.surveys"), "nav-surveys"))}
                    {p.read_resources.then(|| link("/resources", k!("nav.resources"), "nav-resources"))}
                    {(staff && p.read_activities).then(|| link("/activities", k!("nav.activities"), "nav-activities"))}
                    {(staff && p.read_volunteers).then(|| link("/volunteers", k!("nav.volunteers"), "nav-volunteers"))}
                    {p.read_ledger.then(|| link("/ledger", k!("nav.ledger"), "nav-ledger"))}
                    {p.set_ledger_rules.then(|| link("/ledger/rules", k!("nav.ledger_rules"), "nav-ledger-rules"))}
                    {p.offer_shop_items.then(|| link("/shop", k!("nav.shop"), "nav-shop"))}
                    {p.read_shop_orders.then(|| link("/shop/orders", k!("nav.shop_orders"), "nav-shop-orders"))}
                    {p.read_kpis.then(|| link("/kpis", k!("nav.kpis"), "nav-kpis"))}
                    {p.read_areas.then(|| link("/areas", k!("nav.areas"), "nav-areas"))}
                    {p.verify_residents.then(|| link("/residents", k!("nav.residents"), "nav-residents"))}
                    {p.manage_users.then(|| link("/users", k!("nav.users"), "nav-users"))}
                    {p.read_audit.then(|| link("/audit", k!("nav.audit"), "nav-audit"))}
                    {p.manage_integration_clients.then(|| link("/admin/clients", k!("nav.clients"), "nav-clients"))}
                    {p.manage_webhooks.then(|| link("/admin/webhooks", k!("nav.webhooks"), "nav-webhooks"))}
                }
            }}
            <a href="/docs" rel="external" target="_blank" data-testid="nav-docs">
                {move || i18n.t(k!("nav.docs"))}
                <span class="ext" aria-hidden="true">"↗"</span>
            </a>
        </nav>
    }
}
