//! 议题 on the phone: `/m/topics`, the resident's community's topics with their stage; `/m/topics/:id`,
//! one topic ([`crate::mobile::topic_view`]); `/m/topics/new`, proposing one
//! ([`crate::mobile::topic_form`]).

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use shared::{Id, Topic, TopicDetail};

use crate::common::i18n::tr;
use crate::common::paged::Paged;
use crate::common::status::{Empty, ErrorBox, Loading};
use crate::mobile::participate_tabs::{ParticipateTabs, Section};
use crate::mobile::shell::SignedIn;
use crate::mobile::topic_endpoints;
use crate::mobile::topic_form::TopicForm;
use crate::mobile::topic_view::{CategoryChip, CosignBar, StageBadge, TopicView};
use crate::needs::badges::excerpt;

/// `/m/topics`.
#[component]
pub fn ResidentTopicsPage() -> impl IntoView {
    let topics = Paged::<Topic>::new();
    topics.reload(topic_endpoints::topics);
    let more = Callback::new(move |()| topics.more(topic_endpoints::topics));
    let retry = Callback::new(move |()| topics.reload(topic_endpoints::topics));
    view! {
        <ParticipateTabs current=Section::Topics/>
        <div class="m-card-head">
            <h1 class="m-title">{tr(k!("mtopic.title"))}</h1>
            <a class="btn btn-primary" href="/m/topics/new" data-testid="topic-propose">"＋ "{tr(k!("mtopic.propose"))}</a>
        </div>
        <ul class="m-cards" data-testid="my-topics">
            <For each=move || topics.items.get() key=|t| (t.id, t.updated_at) let:topic>
                <TopicCard topic/>
            </For>
        </ul>
        {topics.footer(k!("mtopic.none"), more, retry)}
    }
}

#[component]
fn TopicCard(topic: Topic) -> impl IntoView {
    let count = topic.cosign_count;
    view! {
        <li>
            <a class="m-card" href=format!("/m/topics/{}", topic.id) data-testid="topic-card" data-topic-id=topic.id>
                <span class="m-card-head">
                    <strong>{topic.title.clone()}</strong>
                    <StageBadge status=topic.status/>
                </span>
                <span class="m-card-text muted">{excerpt(&topic.text, 60)}</span>
                <span class="m-card-foot">
                    <CategoryChip category=topic.category/>
                    {(topic.status == shared::TopicStatus::Cosigning).then(|| view! { <CosignBar count threshold=topic.cosign_threshold/> })}
                </span>
            </a>
        </li>
    }
}

/// `/m/topics/:id`.
#[component]
pub fn ResidentTopicPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    let just_proposed = move || query.with(|q| q.get("proposed").is_some());
    let loaded = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => Some(topic_endpoints::topic(id).await),
                None => None,
            }
        }
    });
    let retry = Callback::new(move |()| loaded.refetch());
    view! {
        <nav class="back-link">
            <a href="/m/topics" data-testid="topic-back">"← "{tr(k!("mtopic.back"))}</a>
        </nav>
        {move || just_proposed().then(|| view! {
            <p class="notice" role="status" data-testid="topic-proposed">{tr(k!("mtopic.proposed"))}</p>
        })}
        <Transition fallback=|| view! { <Loading/> }>
            {move || loaded.get().map(|found| match found {
                None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
                Some(Err(error)) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
                Some(Ok(detail)) => view! { <TopicView detail/> }.into_any(),
            })}
        </Transition>
    }
}

/// `/m/topics/new`: the proposal form; a stored topic opens at once, with a confirmation.
#[component]
pub fn ResidentTopicNewPage() -> impl IntoView {
    let navigate = use_navigate();
    let on_proposed = Callback::new(move |detail: TopicDetail| {
        navigate(&format!("/m/topics/{}?proposed=1", detail.topic.id), NavigateOptions::default());
    });
    view! {
        <nav class="back-link">
            <a href="/m/topics" data-testid="topic-back">"← "{tr(k!("mtopic.back"))}</a>
        </nav>
        <h1 class="m-title">{tr(k!("mtopic.new_title"))}</h1>
        <p class="muted m-hint">{tr(k!("mtopic.new_hint"))}</p>
        <SignedIn><TopicForm on_proposed/></SignedIn>
    }
}
