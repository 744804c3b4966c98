//! 民主协商 · 议题公示 (`/public/topics`, `/public/topics/:id`), readable without signing in: topics on
//! notice for co-signing, and decided topics with their published result and rating, filtered by
//! community like the programs ([`super::community_filter`]). The API sends no names, phones or
//! addresses, and these pages show none.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::{Id, PublicTopic};

use crate::common::format::local_time;
use crate::common::i18n::{tr, use_i18n};
use crate::common::paged::Paged;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::mobile::topic_endpoints;
use crate::mobile::topic_view::{CategoryChip, CosignBar, StageBadge, window_text};
use crate::needs::badges::excerpt;
use crate::public::community_filter::{CommunityFilter, picked_community};

/// `/public/topics`: the notice board, newest first, of every community or of one.
#[component]
pub fn PublicTopicsPage() -> impl IntoView {
    let topics = Paged::<PublicTopic>::new();
    let community = picked_community();
    Effect::new(move |_| {
        let c = community.get();
        topics.reload(move |cursor| topic_endpoints::public_topics(c, cursor));
    });
    let more = Callback::new(move |()| {
        let c = community.get_untracked();
        topics.more(move |cursor| topic_endpoints::public_topics(c, cursor));
    });
    let retry = Callback::new(move |()| {
        let c = community.get_untracked();
        topics.reload(move |cursor| topic_endpoints::public_topics(c, cursor));
    });
    view! {
        <h1 class="page-title">{tr(k!("mtopic.public_title"))}</h1>
        <p class="muted public-intro">{tr(k!("mtopic.public_intro"))}</p>
        <div class="toolbar"><CommunityFilter picked=community all_key=k!("nearby.all_communities")/></div>
        <ul class="m-cards public-topics" data-testid="public-topics">
            <For each=move || topics.items.get() key=|t| t.id let:topic>
                <li>
                    <a class="m-card" href=format!("/public/topics/{}", topic.id) data-testid="public-topic" data-topic-id=topic.id>
                        <span class="m-card-head">
                            <strong>{topic.title.clone()}</strong>
                            <StageBadge status=topic.status/>
                        </span>
                        <span class="m-card-text muted">{excerpt(&topic.text, 80)}</span>
                        <span class="m-card-foot">
                            <CategoryChip category=topic.category/>
                            <span class="muted">{topic.community_name.clone()}</span>
                        </span>
                    </a>
                </li>
            </For>
        </ul>
        {topics.footer(k!("mtopic.public_none"), more, retry)}
    }
}

/// `/public/topics/:id`: one notice, with its result once decided.
#[component]
pub fn PublicTopicPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    let loaded = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => Some(topic_endpoints::public_topic(id).await),
                None => None,
            }
        }
    });
    let retry = Callback::new(move |()| loaded.refetch());
    view! {
        <nav class="crumbs back-link">
            <a href="/public/topics" data-testid="public-back">"← "{tr(k!("mtopic.public_back"))}</a>
        </nav>
        <Transition fallback=|| view! { <Loading/> }>
            {move || loaded.get().map(|found| match found {
                None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
                Some(Err(error)) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
                Some(Ok(topic)) => view! { <PublicTopicView topic/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn PublicTopicView(topic: PublicTopic) -> impl IntoView {
    let i18n = use_i18n();
    let notice = window_text(topic.notice_starts_at, topic.notice_ends_at);
    let on_notice = topic.status == shared::TopicStatus::Cosigning;
    let ratings = (topic.rating_count > 0).then(|| {
        let (avg, n) = (topic.rating_average.unwrap_or(0.0), topic.rating_count);
        move || {
            format!(
                "{}{avg:.1}{}{n}{}",
                i18n.t(k!("mtopic.ratings_before")),
                i18n.t(k!("mtopic.ratings_mid")),
                i18n.t(k!("mtopic.ratings_after"))
            )
        }
    });
    view! {
        <article class="panel public-topic" data-testid="public-topic-detail">
            <div class="m-card-head">
                <StageBadge status=topic.status/>
                <CategoryChip category=topic.category/>
            </div>
            <h1 class="page-title">{topic.title.clone()}</h1>
            <p class="topic-text">{topic.text.clone()}</p>
            <dl class="facts">
                <dt>{tr(k!("mtopic.community"))}</dt><dd>{topic.community_name.clone()}</dd>
                {notice.map(|w| view! { <dt>{tr(k!("mtopic.notice"))}</dt><dd>{w}</dd> })}
            </dl>
            {on_notice.then(|| view! {
                <section class="m-card">
                    <CosignBar count=topic.cosign_count threshold=topic.cosign_threshold/>
                    <a class="btn btn-block" href="/m/sign-in" data-testid="public-sign-in">{tr(k!("mtopic.public_sign_in"))}</a>
                </section>
            })}
            {topic.result.clone().map(|r| {
                let (f, a, x) = (r.votes_for, r.votes_against, r.votes_abstaining);
                let votes = move || {
                    format!(
                        "{}{}{f} · {}{a} · {}{x}",
                        i18n.t(k!("mtopic.votes")),
                        i18n.t(k!("mtopic.votes_for")),
                        i18n.t(k!("mtopic.votes_against")),
                        i18n.t(k!("mtopic.votes_abstaining"))
                    )
                };
                view! {
                    <section class="m-card topic-decision" data-testid="public-topic-result">
                        <strong>{tr(k!("mtopic.decision"))}</strong>
                        <span class="m-card-text">{r.decision}</span>
                        <span class="m-card-foot muted">{tr(k!("mtopic.held_at"))}" "{local_time(&r.held_at)}</span>
                        <span class="m-card-foot muted">{votes}</span>
                    </section>
                }
            })}
            {ratings.map(|text| view! {
                <section class="m-card">
                    <strong>{tr(k!("mtopic.rating"))}</strong>
                    <span class="m-card-text">{text}</span>
                </section>
            })}
        </article>
    }
}
