//! A topic's meetings (协商会), newest last: when and where, participants by kind (invited, attended),
//! the options, minutes and decision, and the vote with its outcome under the quorum rule — whether
//! the quorum was met, the share for against the pass line. A meeting without its vote yet offers
//! the form to record it when the server allows 备案.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{Attended, FieldRule, Meeting, MeetingDecision, MeetingOutcome, ParticipantKind, TopicAction, TopicDetail};

use crate::common::api::{self, ApiError};
use crate::common::form::{Field, FieldGroup, FormButtons, FormState, FormSummary, field_error};
use crate::common::format::local_time;
use crate::common::i18n::{tr, tr_word, use_i18n};
use crate::common::status::Empty;
use crate::consultation::labels::{attendance, percent};
use crate::consultation::meeting_form::{by_kind, kind_pointer, participant_key};
use crate::consultation::sign_in_sheet::{SignInSheet, Signed, signed_in};
use crate::messages::Key;

#[component]
pub fn MeetingSection(detail: TopicDetail, on_update: Callback<TopicDetail>, on_stale: Callback<()>) -> impl IntoView {
    let may_decide = detail.allowed_actions.contains(&TopicAction::Decide);
    let topic_id = detail.topic.id;
    let meetings = detail.meetings;
    view! {
        <section class="panel topic-section" data-testid="meetings">
            <h3>{tr(k!("meeting.title"))}</h3>
            {if meetings.is_empty() {
                view! { <Empty key=k!("meeting.none")/> }.into_any()
            } else {
                meetings.into_iter().map(|meeting| view! {
                    <MeetingCard topic_id meeting may_decide on_update on_stale/>
                }).collect_view().into_any()
            }}
        </section>
    }
}

#[component]
fn MeetingCard(
    topic_id: shared::Id,
    meeting: Meeting,
    may_decide: bool,
    on_update: Callback<TopicDetail>,
    on_stale: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let recording = RwSignal::new(false);
    let (invited, attended) = attendance(&meeting);
    let open = meeting.outcome.is_none();
    let place = match (&meeting.place, meeting.online) {
        (Some(p), true) => format!("{p} · {}", i18n.t(k!("meeting.online"))),
        (Some(p), false) => p.clone(),
        (None, _) => i18n.t(k!("meeting.online")).to_owned(),
    };
    let rows = meeting
        .participants
        .iter()
        .map(|p| {
            view! {
                <tr>
                    <td>{tr(participant_key(p.kind))}</td>
                    <td class="num">{p.invited}</td>
                    <td class="num">{p.attended.map_or_else(|| "–".to_owned(), |a| a.to_string())}</td>
                </tr>
            }
        })
        .collect_view();
    let options = (!meeting.options.is_empty()).then(|| {
        view! {
            <dt>{tr(k!("meeting.options"))}</dt>
            <dd><ol class="meeting-options">{meeting.options.iter().map(|o| view! { <li>{o.clone()}</li> }).collect_view()}</ol></dd>
        }
    });
    let vote = meeting.outcome.map(|outcome| view! { <VoteResult meeting=meeting.clone() outcome/> });
    let kinds: Vec<ParticipantKind> = meeting.participants.iter().map(|p| p.kind).collect();
    let meeting_id = meeting.id;
    let on_recorded = Callback::new(move |fresh: TopicDetail| {
        recording.set(false);
        on_update.run(fresh);
    });
    view! {
        <article class="meeting" data-testid="meeting" data-meeting-id=meeting.id
            data-outcome=meeting.outcome.map(|o| o.as_str())>
            <h4>{local_time(&meeting.held_at)}" · "{place}</h4>
            <div class="table-wrap">
                <table class="table meeting-participants">
                    <thead><tr>
                        <th>{tr(k!("meeting.participants"))}</th>
                        <th class="num">{tr(k!("meeting.invited"))}</th>
                        <th class="num">{tr(k!("meeting.attended"))}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <dl class="facts">
                {options}
                {meeting.minutes.clone().map(|m| view! { <dt>{tr(k!("meeting.minutes"))}</dt><dd class="pre">{m}</dd> })}
                {meeting.decision.clone().map(|d| view! { <dt>{tr(k!("meeting.decision"))}</dt><dd>{d}</dd> })}
                {(meeting.signed_in > 0).then(|| view! {
                    <dt>{tr(k!("meeting.signed_in"))}</dt>
                    <dd data-testid="meeting-signed-in">{i18n.t(k!("meeting.sign_in_count"))
                        .replace("{n}", &meeting.signed_in.to_string()).replace("{v}", &meeting.signed_in_voted.to_string())}</dd>
                })}
                {attended.map(|a| view! {
                    <dt>{tr(k!("meeting.quorum"))}</dt>
                    <dd data-testid="meeting-attendance">{format!("{a} / {invited}")}
                        {percent(a, invited).map(|p| format!(" ({p}%)"))}</dd>
                })}
            </dl>
            {vote}
            {(open && !may_decide).then(|| view! { <p class="muted" data-testid="meeting-waiting">{tr(k!("meeting.waiting"))}</p> })}
            {(open && may_decide).then(|| view! {
                <Show when=move || recording.get() fallback=move || view! {
                    <button type="button" class="btn btn-primary" data-testid="meeting-record"
                        on:click=move |_| recording.set(true)>{tr(k!("meeting.record"))}</button>
                }>
                    <DecisionForm topic_id meeting_id kinds=kinds.clone() on_done=on_recorded
                        on_cancel=Callback::new(move |()| recording.set(false)) on_stale/>
                </Show>
            })}
        </article>
    }
}

/// The outcome, the attendance against the quorum rule and the share for against the pass line.
#[component]
fn VoteResult(meeting: Meeting, outcome: MeetingOutcome) -> impl IntoView {
    let (invited, attended) = attendance(&meeting);
    let (f, a, s) = (meeting.votes_for.unwrap_or(0), meeting.votes_against.unwrap_or(0), meeting.votes_abstaining.unwrap_or(0));
    let quorum_met = outcome != MeetingOutcome::NoQuorum;
    let present = attended.and_then(|a| percent(a, invited));
    let share_for = percent(f, f + a + s);
    let tone = match outcome {
        MeetingOutcome::Passed => "ok",
        MeetingOutcome::Rejected => "warn",
        MeetingOutcome::NoQuorum => "bad",
    };
    view! {
        <div class=format!("vote-result vote-{tone}") data-testid="vote-result" data-outcome=outcome.as_str()
            data-quorum=if quorum_met { "met" } else { "missed" }>
            <strong data-testid="vote-outcome">{tr_word(words!("outcome"), outcome.as_str().to_owned())}</strong>
            <span data-testid="quorum-state">{tr(if quorum_met { k!("meeting.quorum_met") } else { k!("meeting.quorum_missed") })}</span>
            <span>{tr(k!("meeting.for"))}" "{f}" · "{tr(k!("meeting.against"))}" "{a}" · "{tr(k!("meeting.abstaining"))}" "{s}</span>
            <span class="muted">
                {tr(k!("meeting.quorum"))}" "{present.map_or_else(|| "–".to_owned(), |p| format!("{p}%"))}
                {meeting.quorum_present_pct.map(|q| view! { " / "{tr(k!("meeting.quorum_rule"))}" ≥ "{q}"%" })}
            </span>
            <span class="muted">
                {tr(k!("meeting.for_share"))}" "{share_for.map_or_else(|| "–".to_owned(), |p| format!("{p}%"))}
                {meeting.pass_pct.map(|p| view! { " / "{tr(k!("meeting.pass_rule"))}" > "{p}"%" })}
            </span>
        </div>
    }
}

const PLACED: [&str; 13] = [
    "/signed_in",
    "/attended",
    "/minutes",
    "/decision",
    "/votes_for",
    "/votes_against",
    "/votes_abstaining",
    "/participants/residents",
    "/participants/resident_units",
    "/participants/property_company",
    "/participants/owners_committee",
    "/participants/experts",
    "/participants/party_members",
];

/// 录入表决结果: attendance per invited kind, minutes, decision and the three vote counts.
#[component]
fn DecisionForm(
    topic_id: shared::Id,
    meeting_id: shared::Id,
    kinds: Vec<ParticipantKind>,
    on_done: Callback<TopicDetail>,
    on_cancel: Callback<()>,
    on_stale: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let attended: Vec<(ParticipantKind, RwSignal<String>)> = kinds.iter().map(|k| (*k, RwSignal::new(String::new()))).collect();
    let rows = attended.clone();
    let minutes = RwSignal::new(String::new());
    let decision = RwSignal::new(String::new());
    let votes = [RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new())];
    let sheet = RwSignal::new(Vec::<Signed>::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let mut errors = Vec::new();
        let count = |text: String, pointer: &str, errors: &mut Vec<shared::FieldError>| match text.trim().parse::<i32>() {
            Ok(n) if (0..=100_000).contains(&n) => n,
            _ => {
                errors.push(field_error(pointer, FieldRule::OutOfRange, "0 to 100000"));
                0
            }
        };
        let present: Vec<Attended> = attended
            .iter()
            .map(|(kind, v)| Attended { kind: *kind, attended: count(v.get_untracked(), kind_pointer(*kind), &mut errors) })
            .collect();
        let text = |s: RwSignal<String>| s.get_untracked().trim().to_owned();
        let (m, d) = (text(minutes), text(decision));
        if m.is_empty() {
            errors.push(field_error("/minutes", FieldRule::Required, "is required"));
        }
        if d.is_empty() {
            errors.push(field_error("/decision", FieldRule::Required, "is required"));
        }
        let votes_for = count(votes[0].get_untracked(), "/votes_for", &mut errors);
        let votes_against = count(votes[1].get_untracked(), "/votes_against", &mut errors);
        let votes_abstaining = count(votes[2].get_untracked(), "/votes_abstaining", &mut errors);
        if !errors.is_empty() {
            return form.invalid(errors);
        }
        let sent: Vec<ParticipantKind> = present.iter().map(|a| a.kind).collect();
        let body = MeetingDecision {
            attended: present,
            minutes: m,
            decision: d,
            votes_for,
            votes_against,
            votes_abstaining,
            signed_in: sheet.with_untracked(|s| signed_in(s)),
        };
        spawn_local(async move {
            match api::record_decision(topic_id, meeting_id, &body).await {
                Ok(detail) => {
                    form.done();
                    on_done.run(detail);
                }
                Err(e) => {
                    form.failed(i18n, &e);
                    form.errors.update(|errs| by_kind(errs, "/attended", &sent));
                    if matches!(&e, ApiError::Problem(p) if p.status == 409) {
                        on_stale.run(());
                    }
                }
            }
        });
    };
    let vote_field = |label: Key, pointer: &'static str, testid: &'static str, value: RwSignal<String>| {
        view! {
            <Field label pointer form>
                <input type="number" min="0" max="100000" step="1" data-testid=testid prop:value=value
                    on:input=move |ev| value.set(event_target_value(&ev))/>
            </Field>
        }
    };
    view! {
        <form class="form panel action-form" on:submit=submit novalidate data-testid="decision-form">
            <h4>{tr(k!("meeting.record"))}</h4>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                {rows.into_iter().map(|(kind, value)| view! {
                    <Field label=participant_key(kind) pointer=kind_pointer(kind) form hint=k!("meeting.attended")>
                        <input type="number" min="0" max="100000" step="1" data-testid="decision-attended" data-kind=kind.as_str()
                            prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
                    </Field>
                }).collect_view()}
            </div>
            <Field label=k!("meeting.minutes") pointer="/minutes" form>
                <textarea rows="3" maxlength="10000" data-testid="decision-minutes" prop:value=minutes
                    on:input=move |ev| minutes.set(event_target_value(&ev))></textarea>
            </Field>
            <Field label=k!("meeting.decision") pointer="/decision" form>
                <textarea rows="2" maxlength="2000" data-testid="decision-text" prop:value=decision
                    on:input=move |ev| decision.set(event_target_value(&ev))></textarea>
            </Field>
            <div class="grid-fields vote-fields">
                {vote_field(k!("meeting.for"), "/votes_for", "vote-for", votes[0])}
                {vote_field(k!("meeting.against"), "/votes_against", "vote-against", votes[1])}
                {vote_field(k!("meeting.abstaining"), "/votes_abstaining", "vote-abstaining", votes[2])}
            </div>
            <FieldGroup label=k!("meeting.sign_in") pointer="/signed_in" form hint=k!("meeting.sign_in_hint")>
                <SignInSheet sheet/>
            </FieldGroup>
            <FormButtons form on_cancel submit_key=k!("meeting.record")/>
        </form>
    }
}
