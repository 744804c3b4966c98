//! `/topics/:id`: one topic for staff — its heading and facts, the buttons of exactly the steps the
//! server allows (`allowed_actions`, in words) with the chosen step's form, the meetings with vote
//! entry, what carries the decision out (落实) and the timeline.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::{Id, TopicAction, TopicDetail};

use crate::common::api;
use crate::common::i18n::{tr, use_i18n};
use crate::common::status::{Empty, ErrorBox, Loading, reload_quietly};
use crate::consultation::action_form::TopicStepForm;
use crate::consultation::head::{TopicFacts, TopicHeading, TopicTimeline};
use crate::consultation::labels::{is_negative, is_step};
use crate::consultation::links::LinkSection;
use crate::consultation::meetings::MeetingSection;

#[component]
pub fn TopicPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<Id>().ok())));
    view! {
        <nav class="crumbs back-link">
            <a href="/topics" data-testid="topic-back">"← "{tr(k!("topic.back"))}</a>
        </nav>
        {move || match id.get() {
            Some(id) => view! { <TopicPanel id/> }.into_any(),
            None => view! { <Empty key=k!("error.not_found")/> }.into_any(),
        }}
    }
}

/// What the topic page holds open below the buttons: a step's form, or the new meeting's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    Step(TopicAction),
    Meeting,
}

#[component]
fn TopicPanel(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let detail = LocalResource::new(move || api::topic(id));
    let open = RwSignal::new(None::<Open>);
    let retry = Callback::new(move |()| detail.refetch());
    let on_done = Callback::new(move |fresh: TopicDetail| {
        open.set(None);
        detail.set(Some(Ok(fresh)));
    });
    let on_update = Callback::new(move |fresh: TopicDetail| detail.set(Some(Ok(fresh))));
    let on_cancel = Callback::new(move |()| open.set(None));
    let on_stale = Callback::new(move |()| reload_quietly(detail, api::topic(id)));

    let top = move || match detail.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => view! { <ErrorBox error on_retry=retry/> }.into_any(),
        Some(Ok(d)) => {
            let steps: Vec<TopicAction> = d.allowed_actions.iter().copied().filter(|a| is_step(*a)).collect();
            let convene = d.allowed_actions.contains(&TopicAction::Convene);
            let nothing = steps.is_empty() && !convene;
            let buttons = steps
                .into_iter()
                .map(|action| {
                    let class = if is_negative(action) { "btn" } else { "btn btn-primary" };
                    view! {
                        <button type="button" class=class class:active=move || open.get() == Some(Open::Step(action))
                            data-testid=format!("action-{}", action.as_str())
                            on:click=move |_| open.set(Some(Open::Step(action)))>
                            {move || i18n.topic_action(action)}
                        </button>
                    }
                })
                .collect_view();
            view! {
                <TopicHeading topic=d.topic.clone()/>
                <section class="need-actions" aria-label=tr(k!("topic.actions")) data-testid="topic-actions">
                    {buttons}
                    {convene.then(|| view! {
                        <button type="button" class="btn btn-primary" data-testid="action-convene"
                            class:active=move || open.get() == Some(Open::Meeting)
                            on:click=move |_| open.set(Some(Open::Meeting))>
                            {move || i18n.topic_action(TopicAction::Convene)}
                        </button>
                    })}
                    {nothing.then(|| view! { <span class="muted" data-testid="no-actions">{tr(k!("topic.no_actions"))}</span> })}
                </section>
            }
            .into_any()
        }
    };
    let form = move || {
        open.get().map(|o| match o {
            Open::Step(action) => view! { <TopicStepForm topic_id=id action on_done on_cancel on_stale/> }.into_any(),
            Open::Meeting => view! { <crate::consultation::meeting_form::MeetingForm topic_id=id on_done on_cancel on_stale/> }.into_any(),
        })
    };
    let body = move || match detail.get() {
        Some(Ok(d)) => Some(view! {
            <div class="topic-columns">
                <section class="panel"><TopicFacts topic=d.topic.clone()/></section>
                <section class="panel">
                    <h3>{tr(k!("topic.timeline"))}</h3>
                    <TopicTimeline events=d.timeline.clone()/>
                </section>
            </div>
            <MeetingSection detail=d.clone() on_update on_stale/>
            <LinkSection detail=d on_update on_stale/>
        }),
        _ => None,
    };
    let status = move || {
        detail.with(|d| match d {
            Some(Ok(d)) => d.topic.status.as_str(),
            _ => "",
        })
    };
    view! {
        <article class="topic-detail" data-testid="topic-detail" data-topic-id=id data-status=status>
            {top}
            {form}
            {body}
        </article>
    }
}
