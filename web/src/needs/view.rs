//! A need's detail: heading with status and flags, every field, the deadlines and the timeline (who
//! did what, when, with which note). Shared by the staff detail page and the resident's phone view.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use shared::{Need, NeedEvent, NeedStatus};

use crate::common::format::local_time;
use crate::common::i18n::use_i18n;
use crate::common::status::Empty;
use crate::messages::Key;
use crate::needs::badges::{NeedFlags, StatusBadge, UrgencyBadge, awaiting_response, due_class, is_overdue, waited, waiting_since};
use crate::needs::contact::ContactRows;
use crate::needs::labels::use_categories;

/// Title line: category, number, status, urgency and flags.
#[component]
pub fn NeedHeading(need: Need) -> impl IntoView {
    let i18n = use_i18n();
    let categories = use_categories();
    let category = need.category.clone();
    view! {
        <div class="detail-head need-head">
            <h2 data-testid="need-title">
                {move || categories.name(i18n, &category)}
                <span class="muted mono">{format!(" #{}", need.id)}</span>
            </h2>
            <StatusBadge status=need.status/>
            <UrgencyBadge urgency=need.urgency/>
            {is_overdue(&need).then(|| view! {
                <span class="flag flag-escalated" data-testid="flag-overdue">{move || i18n.t(k!("need.overdue"))}</span>
            })}
            <NeedFlags need=need.clone()/>
        </div>
        <p class="need-body" data-testid="need-text">{need.text.clone()}</p>
    }
}

/// Every field of the need; absent ones are left out rather than shown empty.
#[component]
pub fn NeedFacts(need: Need) -> impl IntoView {
    let i18n = use_i18n();
    let row = move |key: Key, value: Option<String>| {
        value.filter(|v| !v.is_empty()).map(|v| {
            view! {
                <dt>{move || i18n.t(key)}</dt>
                <dd>{v}</dd>
            }
        })
    };
    let due = move |key: Key, at: Option<DateTime<Utc>>, running: bool| {
        at.map(|at| {
            let class = if running { due_class(&at) } else { "" };
            view! {
                <dt>{move || i18n.t(key)}</dt>
                <dd class=format!("due {class}") data-testid="need-deadline">{local_time(&at)}</dd>
            }
        })
    };
    let open = need.status.is_open();
    let waiting = need.status == NeedStatus::Submitted;
    let since = waiting_since(&need);
    let responding = open && awaiting_response(&need);
    let tags = need.tags.clone();
    let channel = need.channel;
    let stars = need.rating.map(|r| {
        let comment = need.rating_comment.clone().unwrap_or_default();
        format!("{}{} {comment}", "★".repeat(r.clamp(0, 5) as usize), "☆".repeat((5 - r).clamp(0, 5) as usize))
    });
    let missing = need.missing.clone();
    view! {
        <dl class="facts need-facts" data-testid="need-facts">
            {row(k!("need.area"), Some(need.area_name.clone()))}
            {need.at_home.then(|| view! {
                <dt>{move || i18n.t(k!("need.service_mode"))}</dt>
                <dd data-testid="need-at-home">{move || i18n.t(k!("need.at_home"))}</dd>
            })}
            {row(k!("need.address"), need.address.clone())}
            <ContactRows need_id=need.id name=need.contact_name.clone() phone=need.contact_phone.clone()/>
            <dt>{move || i18n.t(k!("need.channel"))}</dt>
            <dd>{move || i18n.channel(channel)}</dd>
            {(!tags.is_empty()).then(|| view! {
                <dt>{move || i18n.t(k!("need.tags"))}</dt>
                <dd>{move || tags.iter().map(|g| i18n.target_group(*g)).collect::<Vec<_>>().join("、")}</dd>
            })}
            {row(k!("need.created_at"), Some(local_time(&need.created_at)))}
            {since.map(|since| view! {
                <dt>{move || i18n.t(k!("need.waiting"))}</dt>
                <dd data-testid="need-waiting">{move || waited(i18n, &since)}</dd>
            })}
            {due(k!("need.acceptance_due"), need.acceptance_due_at.filter(|_| waiting), waiting)}
            {row(k!("need.preferred_time"), need.preferred_time.as_ref().map(local_time))}
            {due(k!("need.response_due"), need.response_due_at, responding)}
            {due(k!("need.completion_due"), need.completion_due_at, open)}
            {row(k!("need.owner"), need.owner_name.clone())}
            {row(k!("need.assignee"), need.assignee_name.clone())}
            {row(k!("need.service"), need.service_name.clone())}
            {row(k!("need.resolution"), need.resolution.clone())}
            {row(k!("need.reason"), need.reason.clone())}
            {row(k!("need.rating"), stars)}
            {(need.cosign_count > 0).then(|| row(k!("need.cosigns"), Some(need.cosign_count.to_string())))}
        </dl>
        {(!missing.is_empty()).then(|| view! {
            <div class="missing-box" data-testid="need-missing">
                <h4>{move || i18n.t(k!("need.missing"))}</h4>
                <ol>{missing.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ol>
            </div>
        })}
    }
}

/// The steps so far, oldest first: when, who, what (in words) and the note.
#[component]
pub fn NeedTimeline(events: Vec<NeedEvent>) -> impl IntoView {
    let i18n = use_i18n();
    if events.is_empty() {
        return view! { <Empty key=k!("state.no_timeline")/> }.into_any();
    }
    view! {
        <ol class="timeline" data-testid="need-timeline">
            {events.into_iter().map(|e| {
                let action = e.action;
                let to = e.to_status;
                let moved = e.from_status != e.to_status;
                let who = e.actor_name.clone();
                let service = e.service_name.clone();
                view! {
                    <li class="timeline-step" data-testid="timeline-step" data-action=action.as_str()>
                        <span class="timeline-at nowrap">{local_time(&e.at)}</span>
                        <span class="timeline-what">
                            <strong>{move || i18n.need_action(action)}</strong>
                            {moved.then(|| view! { <span class="muted">" → "{move || i18n.status(to)}</span> })}
                            {service.map(|s| view! {
                                <span class="timeline-service" data-testid="timeline-service">
                                    " · "{move || i18n.t(k!("need.service"))}" "{s.clone()}
                                </span>
                            })}
                        </span>
                        <span class="timeline-who">
                            {move || who.clone().unwrap_or_else(|| i18n.t(k!("need.system")).to_owned())}
                        </span>
                        {e.note.clone().map(|n| view! { <p class="timeline-note">{n}</p> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}
