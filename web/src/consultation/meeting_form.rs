//! 召开协商会: a new meeting of a topic — when, where (or online), how many of each kind of
//! participant are invited, and the options put to it. Errors of one kind's row show under that row.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::{FieldError, FieldRule, Id, Invited, NewMeeting, ParticipantKind, TopicDetail};

use crate::common::api::{self, ApiError};
use crate::common::form::{Field, FieldGroup, FormButtons, FormState, FormSummary, field_error};
use crate::common::format::parse_local_time;
use crate::common::i18n::{tr, use_i18n};
use crate::consultation::labels::PARTICIPANT_KINDS;
use crate::messages::Key;

const PLACED: [&str; 10] = [
    "/held_at",
    "/place",
    "/participants",
    "/options",
    "/participants/residents",
    "/participants/resident_units",
    "/participants/property_company",
    "/participants/owners_committee",
    "/participants/experts",
    "/participants/party_members",
];

/// The pointer a kind's row shows errors for (the server's are by index; [`by_kind`] maps them).
pub fn kind_pointer(kind: ParticipantKind) -> &'static str {
    match kind {
        ParticipantKind::Residents => PLACED[4],
        ParticipantKind::ResidentUnits => PLACED[5],
        ParticipantKind::PropertyCompany => PLACED[6],
        ParticipantKind::OwnersCommittee => PLACED[7],
        ParticipantKind::Experts => PLACED[8],
        ParticipantKind::PartyMembers => PLACED[9],
    }
}

/// Rewrites `/<list>/3/...` errors to the pointer of the kind sent at index 3, so they show in place.
pub fn by_kind(errors: &mut [FieldError], list: &str, sent: &[ParticipantKind]) {
    for e in errors {
        let Some(rest) = e.field.strip_prefix(list).and_then(|r| r.strip_prefix('/')) else { continue };
        let index = rest.split('/').next().and_then(|i| i.parse::<usize>().ok());
        if let Some(kind) = index.and_then(|i| sent.get(i)) {
            e.field = kind_pointer(*kind).to_owned();
        }
    }
}

/// `2026-12-12T15:00`, the value a `datetime-local` input shows for now.
fn now_local() -> String {
    crate::common::format::local_input(&crate::common::format::now())
}

#[component]
pub fn MeetingForm(topic_id: Id, on_done: Callback<TopicDetail>, on_cancel: Callback<()>, on_stale: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let held_at = RwSignal::new(now_local());
    let place = RwSignal::new(String::new());
    let online = RwSignal::new(false);
    let options = RwSignal::new(String::new());
    let invited: Vec<(ParticipantKind, RwSignal<String>)> =
        PARTICIPANT_KINDS.into_iter().map(|k| (k, RwSignal::new(String::new()))).collect();
    let rows = invited.clone();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.start();
        let mut errors = Vec::new();
        let when = parse_local_time(&held_at.get_untracked());
        if when.is_none() {
            errors.push(field_error("/held_at", FieldRule::Required, "is required"));
        }
        let where_ = place.get_untracked().trim().to_owned();
        let is_online = online.get_untracked();
        if !is_online && where_.is_empty() {
            errors.push(field_error("/place", FieldRule::Required, "is required unless online"));
        }
        let mut participants = Vec::new();
        for (kind, value) in &invited {
            let text = value.get_untracked().trim().to_owned();
            if text.is_empty() {
                continue;
            }
            match text.parse::<i32>() {
                Ok(n) if (1..=100_000).contains(&n) => participants.push(Invited { kind: *kind, invited: n }),
                _ => errors.push(field_error(kind_pointer(*kind), FieldRule::OutOfRange, "1 to 100000")),
            }
        }
        if participants.is_empty() && errors.iter().all(|e| !e.field.starts_with("/participants/")) {
            errors.push(field_error("/participants", FieldRule::Required, "at least one kind"));
        }
        let opts: Vec<String> = options.get_untracked().lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
        if opts.len() > 10 {
            errors.push(field_error("/options", FieldRule::TooMany, "at most 10"));
        }
        let (Some(held_at), true) = (when, errors.is_empty()) else {
            return form.invalid(errors);
        };
        let sent: Vec<ParticipantKind> = participants.iter().map(|p| p.kind).collect();
        let new = NewMeeting { held_at, place: (!where_.is_empty()).then_some(where_), online: is_online, participants, options: opts };
        spawn_local(async move {
            match api::create_meeting(topic_id, &new).await {
                Ok(detail) => {
                    form.done();
                    on_done.run(detail);
                }
                Err(e) => {
                    form.failed(i18n, &e);
                    form.errors.update(|errs| by_kind(errs, "/participants", &sent));
                    if matches!(&e, ApiError::Problem(p) if p.status == 409) {
                        on_stale.run(());
                    }
                }
            }
        });
    };
    view! {
        <form class="form panel action-form" on:submit=submit novalidate data-testid="meeting-form">
            <h3>{tr(k!("meeting.new"))}</h3>
            <FormSummary form placed=&PLACED/>
            <div class="grid-fields">
                <Field label=k!("meeting.held_at") pointer="/held_at" form>
                    <input type="datetime-local" data-testid="meeting-held-at" prop:value=held_at
                        on:input=move |ev| held_at.set(event_target_value(&ev))/>
                </Field>
                <Field label=k!("meeting.place") pointer="/place" form>
                    <input type="text" maxlength="200" data-testid="meeting-place" prop:value=place
                        on:input=move |ev| place.set(event_target_value(&ev))/>
                </Field>
            </div>
            <label class="checkbox">
                <input type="checkbox" data-testid="meeting-online" prop:checked=online
                    on:change=move |ev| online.set(event_target_checked(&ev))/>
                {tr(k!("meeting.online"))}
            </label>
            <FieldGroup label=k!("meeting.participants") pointer="/participants" form>
                <div class="grid-fields participant-fields">
                    {rows.into_iter().map(|(kind, value)| view! {
                        <Field label=participant_key(kind) pointer=kind_pointer(kind) form>
                            <input type="number" min="1" max="100000" step="1" placeholder=tr(k!("meeting.invited"))
                                data-testid="meeting-invited" data-kind=kind.as_str()
                                prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
                        </Field>
                    }).collect_view()}
                </div>
            </FieldGroup>
            <Field label=k!("meeting.options") pointer="/options" form hint=k!("meeting.options_hint")>
                <textarea rows="3" data-testid="meeting-options" prop:value=options
                    on:input=move |ev| options.set(event_target_value(&ev))></textarea>
            </Field>
            <FormButtons form on_cancel submit_key=k!("meeting.new")/>
        </form>
    }
}

/// The message key of a participant kind (`participant.residents`).
pub fn participant_key(kind: ParticipantKind) -> Key {
    match kind {
        ParticipantKind::Residents => k!("participant.residents"),
        ParticipantKind::ResidentUnits => k!("participant.resident_units"),
        ParticipantKind::PropertyCompany => k!("participant.property_company"),
        ParticipantKind::OwnersCommittee => k!("participant.owners_committee"),
        ParticipantKind::Experts => k!("participant.experts"),
        ParticipantKind::PartyMembers => k!("participant.party_members"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_servers_error_by_index_lands_on_the_kind_that_was_sent_there() {
        let mut errors = vec![
            field_error("/participants/1/invited", FieldRule::OutOfRange, "x"),
            field_error("/minutes", FieldRule::Required, "x"),
            field_error("/participants/9/invited", FieldRule::OutOfRange, "x"),
        ];
        by_kind(&mut errors, "/participants", &[ParticipantKind::Residents, ParticipantKind::Experts]);
        assert_eq!(errors[0].field, "/participants/experts");
        assert_eq!(errors[1].field, "/minutes");
        assert_eq!(errors[2].field, "/participants/9/invited", "an index not sent stays as it was");
    }
}
