//! 阳光社区 · 项目公开 (`/public/programs`, `/public/programs/:id`): the disclosed programs for anyone,
//! signed in or not — what was pledged, delivered and spent, the milestones and the evaluation. No
//! sign-in check and no redirect to /login here; the API leaves out contacts and owners.

use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_params_map;
use shared::{Id, Program};

use crate::common::api;
use crate::common::i18n::{tr, use_i18n};
use crate::common::paged::Paged;
use crate::common::status::Empty;
use crate::programs::panel::ProgramPanel;
use crate::programs::table::ProgramTable;
use crate::public::community_filter::{CommunityFilter, picked_community};

/// Header with the product, the language switch and the way to sign in, around the public pages.
#[component]
pub fn PublicShell() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="app public-app">
            <header class="topbar">
                <a class="brand" href="/public/programs">
                    <span class="brand-mark" aria-hidden="true">"福"</span>
                    {tr(k!("public.title"))}
                </a>
                <div class="topbar-right">
                    <a class="btn btn-ghost" href="/public/topics" data-testid="public-topics-link">{tr(k!("mtopic.public_link"))}</a>
                    <a class="btn btn-ghost" href="/public/nearby" data-testid="public-nearby">{tr(k!("nearby.public_link"))}</a>
                    <button type="button" class="btn btn-ghost" data-testid="locale-switch"
                        title=tr(k!("locale.switch_title"))
                        on:click=move |_| i18n.set_locale(i18n.locale().other())>
                        {tr(k!("locale.other"))}
                    </button>
                    <a class="btn" href="/login" data-testid="public-login">{tr(k!("public.staff_login"))}</a>
                </div>
            </header>
            <main class="page public-page"><Outlet/></main>
        </div>
    }
}

/// `/public/programs`: the disclosed programs, newest first, of every community or of one.
#[component]
pub fn PublicProgramsPage() -> impl IntoView {
    let programs = Paged::<Program>::new();
    let community = picked_community();
    Effect::new(move |_| {
        let c = community.get();
        programs.reload(move |cursor| api::public_programs(c, cursor));
    });
    let more = Callback::new(move |()| {
        let c = community.get_untracked();
        programs.more(move |cursor| api::public_programs(c, cursor));
    });
    let retry = Callback::new(move |()| {
        let c = community.get_untracked();
        programs.reload(move |cursor| api::public_programs(c, cursor));
    });
    view! {
        <h1 class="page-title">{tr(k!("public.heading"))}</h1>
        <p class="muted public-intro">{tr(k!("public.intro"))}</p>
        <div class="toolbar"><CommunityFilter picked=community all_key=k!("nearby.all_communities")/></div>
        <ProgramTable programs base="/public/programs" empty_key=k!("public.none") on_more=more on_retry=retry/>
    }
}

/// `/public/programs/:id`: one disclosed program.
#[component]
pub fn PublicProgramPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    view! {
        <nav class="crumbs back-link">
            <a href="/public/programs" data-testid="public-back">"← "{tr(k!("public.back"))}</a>
        </nav>
        {move || match id.get() {
            Some(id) => view! { <ProgramPanel id public=true/> }.into_any(),
            None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
        }}
    }
}
