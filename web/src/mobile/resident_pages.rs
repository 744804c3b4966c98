//! The resident's phone pages under `/m`: 我要点单 (submit), 我的需求 (own needs, each opening its
//! timeline and the resident's actions: rate, object, cancel, resubmit).

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use shared::{Id, Need, NeedDetail};

use crate::common::api::{self, NeedFilter};
use crate::common::format::local_time;
use crate::common::i18n::use_i18n;
use crate::common::paged::Paged;
use crate::common::status::Empty;
use crate::mobile::need_form::NeedForm;
use crate::mobile::shell::SignedIn;
use crate::needs::badges::{NeedFlags, StatusBadge, excerpt};
use crate::needs::labels::use_categories;
use crate::needs::panel::NeedPanel;

/// `/m`: the submission form; a stored need opens at once, with a confirmation.
#[component]
pub fn ResidentSubmitPage() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let on_submitted = Callback::new(move |detail: NeedDetail| {
        navigate(&format!("/m/needs/{}?submitted=1", detail.need.id), NavigateOptions::default());
    });
    view! {
        <h1 class="m-title">{move || i18n.t(k!("m.submit"))}</h1>
        <SignedIn><NeedForm on_submitted/></SignedIn>
    }
}

/// `/m/needs`: the resident's own needs, newest first.
#[component]
pub fn ResidentNeedsPage() -> impl IntoView {
    let i18n = use_i18n();
    let needs = Paged::<Need>::new();
    let fetch = |cursor| api::needs(NeedFilter::default(), cursor);
    needs.reload(fetch);
    let more = Callback::new(move |()| needs.more(fetch));
    let retry = Callback::new(move |()| needs.reload(fetch));
    view! {
        <h1 class="m-title">{move || i18n.t(k!("m.mine"))}</h1>
        <ul class="m-cards" data-testid="my-needs">
            <For each=move || needs.items.get() key=|n| (n.id, n.updated_at) let:need>
                <NeedCard need/>
            </For>
        </ul>
        {needs.footer(k!("state.no_my_needs"), more, retry)}
    }
}

#[component]
fn NeedCard(need: Need) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    let category = need.category.clone();
    view! {
        <li>
            <a class="m-card" href=format!("/m/needs/{}", need.id) data-testid="my-need" data-need-id=need.id>
                <span class="m-card-head">
                    <strong>{move || categories.name(i18n, &category)}</strong>
                    <StatusBadge status=need.status/>
                </span>
                <span class="m-card-text">{excerpt(&need.text, 60)}</span>
                <span class="m-card-foot muted">
                    {local_time(&need.created_at)}" · #"{need.id}
                    <NeedFlags need=need.clone()/>
                </span>
            </a>
        </li>
    }
}

/// `/m/needs/:id`: one of the resident's needs with what they may do now.
#[component]
pub fn ResidentNeedPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    let just_submitted = move || query.with(|q| q.get("submitted").is_some());
    view! {
        <nav class="back-link">
            <a href="/m/needs" data-testid="need-back">"← "{move || i18n.t(k!("need.back_mine"))}</a>
        </nav>
        {move || just_submitted().then(|| view! {
            <p class="notice" role="status" data-testid="submitted-notice">{move || i18n.t(k!("m.submitted"))}</p>
        })}
        {move || match id.get() {
            Some(id) => view! { <NeedPanel id/> }.into_any(),
            None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
        }}
    }
}
