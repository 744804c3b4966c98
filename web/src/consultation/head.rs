//! A topic's heading (title, state), its facts (category, community, who proposed it, co-signatures
//! against the threshold, notice periods, the decision, the residents' rating) and its timeline.

use leptos::prelude::*;
use shared::{Topic, TopicEvent, TopicStatus};

use crate::common::format::local_time;
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::status::Empty;
use crate::common::widgets::Bar;
use crate::messages::Key;

/// 协商中, coloured by stage.
#[component]
pub fn TopicStatusBadge(status: TopicStatus) -> impl IntoView {
    view! {
        <span class=format!("topic-status ts-{}", status.as_str()) data-testid="topic-status" data-status=status.as_str()>
            {tr_word(words!("tstatus"), status.as_str().to_owned())}
        </span>
    }
}

#[component]
pub fn TopicHeading(topic: Topic) -> impl IntoView {
    view! {
        <div class="detail-head">
            <h2 data-testid="topic-title">{topic.title.clone()}</h2>
            <TopicStatusBadge status=topic.status/>
            <span class="badge">{tr_word(words!("tcategory"), topic.category.as_str().to_owned())}</span>
        </div>
    }
}

fn period(from: Option<chrono::DateTime<chrono::Utc>>, to: Option<chrono::DateTime<chrono::Utc>>) -> Option<String> {
    match (from, to) {
        (Some(a), Some(b)) => Some(format!("{} – {}", local_time(&a), local_time(&b))),
        (Some(a), None) => Some(local_time(&a)),
        _ => None,
    }
}

#[component]
pub fn TopicFacts(topic: Topic) -> impl IntoView {
    let i18n = use_i18n();
    let row = |key: Key, value: Option<String>| value.map(|v| view! { <dt>{tr(key)}</dt><dd>{v}</dd> });
    let proposer = topic.proposer_kind;
    let who = [topic.proposer_org.clone(), topic.proposer_name.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    let threshold = topic.cosign_threshold.max(1);
    let fraction = f64::from(topic.cosign_count) / f64::from(threshold);
    let rating = topic.rating_average;
    let rating_count = topic.rating_count;
    view! {
        <p class="topic-text" data-testid="topic-text">{topic.text.clone()}</p>
        <dl class="facts topic-facts">
            {row(k!("topic.community"), Some(topic.community_name.clone()))}
            {(topic.area_id != topic.community_id).then(|| row(k!("topic.run_at"), Some(topic.area_name.clone())))}
            <dt>{tr(k!("topic.proposer"))}</dt>
            <dd data-testid="topic-proposer">
                {move || i18n.dynamic(words!("proposer"), proposer.as_str())}
                {(!who.is_empty()).then(|| format!(" · {who}"))}
            </dd>
            <dt>{tr(k!("topic.threshold"))}</dt>
            <dd data-testid="topic-cosigns">
                <Bar fraction text=format!("{} / {}", topic.cosign_count, topic.cosign_threshold) testid="cosign-bar"/>
            </dd>
            {row(k!("topic.notice"), period(topic.notice_starts_at, topic.notice_ends_at))}
            {row(k!("topic.result_notice"), period(topic.result_notice_starts_at, topic.result_notice_ends_at))}
            {row(k!("topic.decline_reason"), topic.decline_reason.clone())}
            {row(k!("topic.decision"), topic.decision.clone())}
            <dt>{tr(k!("topic.rating"))}</dt>
            <dd data-testid="topic-rating">
                {move || match rating {
                    Some(avg) => format!("{} / 5 · {} {}", i18n.number(avg, 1), rating_count, i18n.t(k!("topic.ratings_count"))),
                    None => i18n.t(k!("topic.no_rating")).to_owned(),
                }}
            </dd>
        </dl>
    }
}

/// The steps so far, oldest first: when, what (in words), the state it led to, who, and the note.
#[component]
pub fn TopicTimeline(events: Vec<TopicEvent>) -> impl IntoView {
    let i18n = use_i18n();
    if events.is_empty() {
        return view! { <Empty key=k!("topic.no_events")/> }.into_any();
    }
    view! {
        <ol class="timeline" data-testid="topic-timeline">
            {events.into_iter().map(|e| {
                let (action, to) = (e.action, e.to_status);
                let moved = e.from_status != e.to_status;
                let who = e.actor_name.clone();
                view! {
                    <li class="timeline-step" data-testid="timeline-step" data-action=action.as_str()>
                        <span class="timeline-at nowrap">{local_time(&e.at)}</span>
                        <span class="timeline-what">
                            <strong>{move || i18n.topic_action(action)}</strong>
                            {moved.then(|| view! { <span class="muted">" → "{move || i18n.topic_status(to)}</span> })}
                        </span>
                        <span class="timeline-who">{move || who.clone().unwrap_or_else(|| i18n.t(k!("topic.actor_system")).to_owned())}</span>
                        {e.note.clone().map(|n| view! { <p class="timeline-note">{n}</p> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}
