//! The resident's phone layout (`/m`): a slim header, the page, and a tab bar at the bottom
//! (我要点单 · 我的需求 · 邻里需求 · 参与 (议题、问卷) · 积分 (积分、商城、兑换) · 身边服务 · 我的). Built for 375 px wide screens; the reference for the mini program.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_location, use_navigate};

use crate::common::i18n::use_i18n;
use crate::common::session::{require_session, sign_out, use_session};
use crate::common::status::{ErrorBox, Loading};
use crate::messages::Key;
use crate::needs::labels::use_categories;
use crate::notifications::bell::{Bell, provide_unread};

/// Wraps every `/m` page.
#[component]
pub fn MobileShell() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    require_session(session, navigate.clone());
    use_categories();
    let unread = provide_unread();
    let retry = Callback::new(move |()| spawn_local(session.reload()));
    let logout = move |_| sign_out(session, navigate.clone());
    // A memo, so the page is built once: not again when `/me` answers.
    let failed = Memo::new(move |_| session.me.with(Option::is_none) && session.error.with(Option::is_some));
    let name = move || session.me.with(|me| me.as_ref().map(|m| m.user.display_name.clone()));
    view! {
        <div class="m-app">
            <header class="m-top">
                <a class="brand" href="/m">
                    <span class="brand-mark" aria-hidden="true">"福"</span>
                    <span>{move || i18n.t(k!("title.product"))}</span>
                </a>
                <a class="m-who" href="/m/me" data-testid="current-user">{name}</a>
                {move || session.me.with(Option::is_some).then(|| view! { <Bell unread href="/m/notifications"/> })}
                <button type="button" class="btn btn-ghost btn-small" data-testid="locale-switch"
                    title=move || i18n.t(k!("locale.switch_title"))
                    on:click=move |_| i18n.set_locale(i18n.locale().other())>
                    {move || i18n.t(k!("locale.other"))}
                </button>
                <button type="button" class="btn btn-ghost btn-small" data-testid="logout" data-leaves="" on:click=logout>
                    {move || i18n.t(k!("action.logout"))}
                </button>
            </header>
            // The page renders while `/me` is on its way, so its own requests go out beside it; the
            // few parts that start from the resident's home wait inside [`SignedIn`].
            <main class="m-page">
                {move || match session.error.get_untracked().filter(|_| failed.get()) {
                    Some(error) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
                    None => view! { <Outlet/> }.into_any(),
                }}
            </main>
            <TabBar/>
        </div>
    }
}

/// Shows `children` once the signed-in resident is known (their home area, their id), "loading…"
/// until then: for the parts of a page that start from them.
#[component]
pub fn SignedIn(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    view! {
        <Show when=move || session.me.with(Option::is_some) fallback=|| view! { <Loading/> }>
            {children()}
        </Show>
    }
}

#[component]
fn TabBar() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    // A tab is current on its own pages and on the `also` pages it holds (参与: topics and surveys).
    let tab = move |href: &'static str, key: Key, icon: &'static str, testid: &'static str| {
        let also: &'static [&'static str] = match href {
            "/m/topics" => &["/m/surveys"],
            "/m/points" => &["/m/shop"],
            _ => &[],
        };
        let current = move || {
            location
                .pathname
                .with(|p| if href == "/m" { p == "/m" || p == "/m/" } else { p.starts_with(href) || also.iter().any(|a| p.starts_with(a)) })
                .then_some("page")
        };
        view! {
            <a href=href aria-current=current data-testid=testid>
                <span class="m-tab-icon" aria-hidden="true">{icon}</span>
                <span>{move || i18n.t(key)}</span>
            </a>
        }
    };
    view! {
        <nav class="m-tabs" aria-label=move || i18n.t(k!("nav.label"))>
            {tab("/m", k!("m.submit"), "＋", "tab-submit")}
            {tab("/m/needs", k!("m.mine"), "☰", "tab-mine")}
            {tab("/m/community", k!("m.community"), "♥", "tab-community")}
            {tab("/m/topics", k!("m.take_part"), "✋", "tab-take-part")}
            {tab("/m/points", k!("m.points"), "★", "tab-points")}
            {tab("/m/nearby", k!("nearby.title"), "⌖", "tab-nearby")}
            {tab("/m/me", k!("m.me"), "☺", "tab-me")}
        </nav>
    }
}
