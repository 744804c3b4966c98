//! One consultation topic (议题) as a resident reads it on `/m/topics/:id`: stage and category, the
//! text, the notice windows (公示), co-signers against the threshold with the co-sign button (once),
//! the decision and its meetings, the outcome's rating (评议, once) and the timeline. The stage and
//! category labels and the co-sign bar are shared with the signed-out 公示 pages.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{ErrorCode, Meeting, Topic, TopicAction, TopicCategory, TopicDetail, TopicEvent, TopicRating, TopicStatus};

use crate::common::api::ApiError;
use crate::common::format::local_time;
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::status::error_text;
use crate::common::widgets::Bar;
use crate::messages::Key;
use crate::mobile::topic_endpoints;

/// 公示联名中 / 落实中 … as a badge.
#[component]
pub fn StageBadge(status: TopicStatus) -> impl IntoView {
    view! { <span class="badge topic-stage" data-status=status.as_str() data-testid="topic-stage">{tr_word(words!("mtstatus"), status.as_str().to_owned())}</span> }
}

/// 公共空间管理 … as a chip.
#[component]
pub fn CategoryChip(category: TopicCategory) -> impl IntoView {
    view! { <span class="chip">{tr_word(words!("mtcat"), category.as_str().to_owned())}</span> }
}

/// `start – end` of a notice window, when it has one.
pub fn window_text(starts: Option<DateTime<Utc>>, ends: Option<DateTime<Utc>>) -> Option<String> {
    match (starts, ends) {
        (Some(s), Some(e)) => Some(format!("{} – {}", local_time(&s), local_time(&e))),
        (None, Some(e)) => Some(format!("– {}", local_time(&e))),
        _ => None,
    }
}

/// Co-signers against the threshold as a bar: `联名 3 / 10`.
#[component]
pub fn CosignBar(#[prop(into)] count: Signal<i32>, threshold: i32) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let n = count.get();
        let fraction = if threshold > 0 { f64::from(n) / f64::from(threshold) } else { 1.0 };
        let text = format!("{}{n} / {threshold}", i18n.t(k!("mtopic.cosigns")));
        let tone = if n >= threshold { "ok" } else { "" };
        view! { <Bar fraction text tone testid="cosign-bar"/> }
    }
}

/// The whole topic with what the resident may do now.
#[component]
pub fn TopicView(detail: TopicDetail) -> impl IntoView {
    let TopicDetail { topic, timeline, meetings, allowed_actions } = detail;
    let topic = RwSignal::new(topic);
    let t = topic.get_untracked();
    let notice = window_text(t.notice_starts_at, t.notice_ends_at);
    let result_notice = window_text(t.result_notice_starts_at, t.result_notice_ends_at);
    let proposer = match &t.proposer_org {
        Some(org) => format!(" · {org}"),
        None => String::new(),
    };
    let may_cosign = allowed_actions.contains(&TopicAction::Cosign);
    let may_rate = allowed_actions.contains(&TopicAction::Rate);
    let under_review = t.status == TopicStatus::Reviewed || t.status == TopicStatus::Closed || t.rating_count > 0;
    view! {
        <article class="topic" data-testid="topic" data-topic-id=t.id>
            <div class="m-card-head">
                <StageBadge status=t.status/>
                <CategoryChip category=t.category/>
            </div>
            <h1 class="m-title" data-testid="topic-title">{t.title.clone()}</h1>
            <p class="topic-text">{t.text.clone()}</p>
            <dl class="facts">
                <dt>{tr(k!("mtopic.community"))}</dt><dd>{t.community_name.clone()}</dd>
                {(t.area_id != t.community_id).then(|| view! { <dt>{tr(k!("mtopic.run_at"))}</dt><dd>{t.area_name.clone()}</dd> })}
                <dt>{tr(k!("mtopic.proposer"))}</dt>
                <dd>{tr_word(words!("mtproposer"), t.proposer_kind.as_str().to_owned())}{proposer}</dd>
                {notice.map(|w| view! { <dt>{tr(k!("mtopic.notice"))}</dt><dd data-testid="topic-notice">{w}</dd> })}
                {result_notice.map(|w| view! { <dt>{tr(k!("mtopic.result_notice"))}</dt><dd>{w}</dd> })}
                {t.decline_reason.clone().map(|r| view! { <dt>{tr(k!("mtopic.decline_reason"))}</dt><dd>{r}</dd> })}
                {t.program_id.map(|p| view! { <dt>{tr(k!("mtopic.program"))}</dt><dd>{format!("#{p}")}</dd> })}
                {(!t.need_ids.is_empty()).then(|| {
                    let ids = t.need_ids.iter().map(|n| format!("#{n}")).collect::<Vec<_>>().join("、");
                    view! { <dt>{tr(k!("mtopic.needs"))}</dt><dd>{ids}</dd> }
                })}
            </dl>
            <CosignSection topic may_cosign/>
            {t.decision.clone().map(|d| view! {
                <section class="m-card topic-decision" data-testid="topic-decision">
                    <strong>{tr(k!("mtopic.decision"))}</strong>
                    <span class="m-card-text">{d}</span>
                </section>
            })}
            {(!meetings.is_empty()).then(|| view! {
                <h2 class="m-subtitle">{tr(k!("mtopic.meetings"))}</h2>
                <ul class="m-cards">{meetings.into_iter().map(|m| view! { <MeetingCard meeting=m/> }).collect_view()}</ul>
            })}
            {(under_review || may_rate).then(|| view! { <RatingSection topic may_rate/> })}
            <h2 class="m-subtitle">{tr(k!("mtopic.timeline"))}</h2>
            <ol class="topic-timeline" data-testid="topic-timeline">
                {timeline.into_iter().map(|e| view! { <TimelineStep event=e/> }).collect_view()}
            </ol>
        </article>
    }
}

/// A sentence after a step: good news, or a refusal.
fn notice_class(ok: bool) -> &'static str {
    if ok { "notice" } else { "notice notice-warn" }
}

/// What a refusal of a once-only step (co-sign, rate) means, as a sentence.
fn once_only_text(i18n: crate::common::i18n::I18n, error: &ApiError, twice_key: Key) -> String {
    match error.code() {
        Some(ErrorCode::Conflict) => i18n.t(twice_key).to_owned(),
        Some(ErrorCode::Forbidden) => i18n.t(k!("mtopic.only_verified")).to_owned(),
        _ => error_text(i18n, error),
    }
}

#[component]
fn CosignSection(topic: RwSignal<Topic>, may_cosign: bool) -> impl IntoView {
    let i18n = use_i18n();
    let (id, threshold) = topic.with_untracked(|t| (t.id, t.cosign_threshold));
    let count = Signal::derive(move || topic.with(|t| t.cosign_count));
    let cosigned = move || topic.with(|t| t.cosigned);
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<(bool, String)>);
    let cosign = move |_| {
        busy.set(true);
        message.set(None);
        spawn_local(async move {
            match topic_endpoints::cosign(id).await {
                Ok(t) => {
                    topic.set(t);
                    message.set(Some((true, i18n.t(k!("mtopic.cosign_done")).to_owned())));
                }
                Err(e) => {
                    if e.code() == Some(ErrorCode::Conflict) {
                        topic.update(|t| t.cosigned = true);
                    }
                    message.set(Some((false, once_only_text(i18n, &e, k!("mtopic.cosign_twice")))));
                }
            }
            busy.set(false);
        });
    };
    let shown = may_cosign || topic.with_untracked(|t| t.cosigned || t.status == TopicStatus::Cosigning);
    shown.then(|| view! {
        <section class="m-card topic-cosign" data-testid="topic-cosign">
            <CosignBar count threshold/>
            {move || (count.get() >= threshold).then(|| view! { <span class="muted">{tr(k!("mtopic.reached"))}</span> })}
            {move || match (cosigned(), may_cosign) {
                (true, _) => view! { <span class="badge badge-best" data-testid="topic-cosigned">{tr(k!("mtopic.cosigned"))}</span> }.into_any(),
                (false, true) => view! {
                    <button type="button" class="btn btn-primary btn-block btn-large" disabled=busy data-testid="topic-cosign-button"
                        on:click=cosign>
                        {move || if busy.get() { i18n.t(k!("mtopic.cosigning")) } else { i18n.t(k!("mtopic.cosign")) }}
                    </button>
                }.into_any(),
                (false, false) => ().into_any(),
            }}
            {move || message.get().map(|(ok, text)| view! {
                <p class=notice_class(ok) role="status" data-testid="topic-cosign-message">{text}</p>
            })}
        </section>
    })
}

#[component]
fn MeetingCard(meeting: Meeting) -> impl IntoView {
    let i18n = use_i18n();
    let place = if meeting.online { i18n.t(k!("mtopic.online")).to_owned() } else { meeting.place.clone().unwrap_or_default() };
    let votes = match (meeting.votes_for, meeting.votes_against, meeting.votes_abstaining) {
        (Some(f), Some(a), Some(x)) => Some(move || {
            format!(
                "{}{}{f} · {}{a} · {}{x}",
                i18n.t(k!("mtopic.votes")),
                i18n.t(k!("mtopic.votes_for")),
                i18n.t(k!("mtopic.votes_against")),
                i18n.t(k!("mtopic.votes_abstaining"))
            )
        }),
        _ => None,
    };
    view! {
        <li class="m-card" data-testid="topic-meeting">
            <span class="m-card-head">
                <strong>{local_time(&meeting.held_at)}</strong>
                {match meeting.outcome {
                    Some(o) => view! { <span class="badge">{tr_word(words!("mtoutcome"), o.as_str().to_owned())}</span> }.into_any(),
                    None => view! { <span class="badge">{tr(k!("mtopic.waiting_decision"))}</span> }.into_any(),
                }}
            </span>
            <span class="m-card-text muted">{place}</span>
            {meeting.decision.clone().map(|d| view! { <span class="m-card-text">{d}</span> })}
            {votes.map(|v| view! { <span class="m-card-foot muted">{v}</span> })}
        </li>
    }
}

#[component]
fn RatingSection(topic: RwSignal<Topic>, may_rate: bool) -> impl IntoView {
    let i18n = use_i18n();
    let id = topic.with_untracked(|t| t.id);
    let stars = RwSignal::new(0);
    let comment = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<(bool, String)>);
    let summary = move || {
        topic.with(|t| match t.rating_average {
            Some(avg) if t.rating_count > 0 => format!(
                "{}{avg:.1}{}{}{}",
                i18n.t(k!("mtopic.ratings_before")),
                i18n.t(k!("mtopic.ratings_mid")),
                t.rating_count,
                i18n.t(k!("mtopic.ratings_after"))
            ),
            _ => i18n.t(k!("mtopic.no_ratings")).to_owned(),
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || stars.get_untracked() == 0 {
            return;
        }
        busy.set(true);
        message.set(None);
        let text = comment.get_untracked().trim().to_owned();
        let rating = TopicRating { rating: stars.get_untracked(), comment: (!text.is_empty()).then_some(text) };
        spawn_local(async move {
            match topic_endpoints::rate(id, &rating).await {
                Ok(t) => {
                    topic.set(t);
                    message.set(Some((true, i18n.t(k!("mtopic.rated")).to_owned())));
                }
                Err(e) => {
                    if e.code() == Some(ErrorCode::Conflict) {
                        topic.update(|t| t.my_rating = Some(rating.rating));
                    }
                    message.set(Some((false, once_only_text(i18n, &e, k!("mtopic.rate_twice")))));
                }
            }
            busy.set(false);
        });
    };
    view! {
        <section class="m-card topic-rating" data-testid="topic-rating">
            <strong>{tr(k!("mtopic.rating"))}</strong>
            <span class="m-card-text" data-testid="topic-rating-summary">{summary}</span>
            {move || match topic.with(|t| t.my_rating) {
                Some(r) => view! {
                    <span class="m-card-text" data-testid="topic-my-rating">{move || i18n.t(k!("mtopic.my_rating")).replace("{n}", &r.to_string())}</span>
                }.into_any(),
                None if may_rate => view! {
                    <form class="form topic-rate-form" on:submit=submit data-testid="topic-rate-form">
                        <span class="field-label">{tr(k!("mtopic.rate"))}</span>
                        <div class="segmented" role="group">
                            {(1..=5).map(|v| view! {
                                <label class:on=move || stars.get() == v data-value=v>
                                    <input type="radio" name="topic-rating" prop:checked=move || stars.get() == v on:change=move |_| stars.set(v)/>
                                    {v}
                                </label>
                            }).collect_view()}
                        </div>
                        <span class="field-hint">{tr(k!("mtopic.rate_hint"))}</span>
                        <label class="field">
                            <span class="field-label">{tr(k!("mtopic.comment"))}</span>
                            <textarea rows="2" maxlength="500" prop:value=comment on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                        </label>
                        <button type="submit" class="btn btn-primary btn-block btn-large" data-testid="topic-rate-submit"
                            disabled=move || busy.get() || stars.get() == 0>{tr(k!("mtopic.rate_submit"))}</button>
                    </form>
                }.into_any(),
                None => ().into_any(),
            }}
            {move || message.get().map(|(ok, text)| view! {
                <p class=notice_class(ok) role="status" data-testid="topic-rate-message">{text}</p>
            })}
        </section>
    }
}

/// Steps whose note is what staff wrote (a reason, a remark); the platform's own notes on the other
/// steps repeat what the page shows above (the meeting, the decision, the program) in its log wording.
fn note_is_written(action: TopicAction) -> bool {
    !matches!(action, TopicAction::Convene | TopicAction::Decide | TopicAction::Implement | TopicAction::Cosign | TopicAction::Rate)
}

#[component]
fn TimelineStep(event: TopicEvent) -> impl IntoView {
    let note = event.note.clone().filter(|_| note_is_written(event.action));
    view! {
        <li class="topic-step">
            <strong>{tr_word(words!("mtaction"), event.action.as_str().to_owned())}</strong>
            <span class="muted">{local_time(&event.at)}</span>
            {note.map(|n| view! { <span class="m-card-text">{n}</span> })}
        </li>
    }
}
