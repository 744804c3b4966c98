//! 协商会: staff schedule a meeting on a filed (or referred) topic with the participants invited by
//! kind, then record who attended (by kind, and the residents on the sign-in sheet by name), the minutes, the decision and the vote. The vote is judged under
//! the community's quorum rule (data, [`crate::domain::consultation_rules::outcome`]); a vote that
//! misses the quorum or the pass share is recorded as such and the topic stays in consultation.

use chrono::{DateTime, Utc};
use std::collections::HashSet;

use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use shared::{AuditAction, AuditEntity};
use shared::{
    FieldRule, Id, MeetingDecision, MeetingOutcome, NewMeeting, NotificationKind, ParticipantKind, TopicAction, TopicDetail, TopicStatus,
};

use super::notices::tell_proposer;
use super::read::detail_of;
use super::settings::settings_for;
use super::{Move, ensure_move, note_of, step};
use crate::domain::caller::Caller;
use crate::domain::consultation_rules::{Tally, outcome};
use crate::domain::field_errors::FieldErrors;
use crate::domain::scope::Scope;
use crate::entities::{area, consultation_meeting, meeting_attendee, meeting_participant, resident, topic, topic_event};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};

/// Schedules a meeting (召开协商会); the topic is then in consultation.
pub async fn create_meeting<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    topic_id: Id,
    new: &NewMeeting,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<TopicDetail, ApiError> {
    policy::require(caller, Action::RunConsultation)?;
    let current = policy::load::<topic::Entity, _>(db, caller, topic_id).await?;
    ensure_move(caller, &current, TopicAction::Convene)?;
    let mut errors = FieldErrors::default();
    let place = note_of(new.place.as_deref());
    if place.is_none() && !new.online {
        errors.add("/place", FieldRule::Required, "say where the meeting is held, or that it is online");
    }
    for (i, p) in new.participants.iter().enumerate() {
        if new.participants[..i].iter().any(|q| q.kind == p.kind) {
            errors.add(&format!("/participants/{i}/kind"), FieldRule::Duplicate, "each kind once");
        }
    }
    for (i, o) in new.options.iter().enumerate() {
        if o.trim().is_empty() {
            errors.add(&format!("/options/{i}"), FieldRule::Required, "an option says something");
        }
    }
    errors.finish()?;
    let options: Vec<&str> = new.options.iter().map(|o| o.trim()).collect();
    let meeting = consultation_meeting::ActiveModel {
        topic_id: Set(topic_id),
        held_at: Set(new.held_at),
        place: Set(place.clone()),
        online: Set(new.online),
        options: Set(serde_json::to_string(&options).map_err(anyhow::Error::from)?),
        created_by: Set(caller.id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for p in &new.participants {
        meeting_participant::ActiveModel {
            meeting_id: Set(meeting.id),
            kind: Set(p.kind.as_str().into()),
            invited: Set(p.invited),
            attended: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    // Written as residents read a notice: Beijing time, the place or 线上.
    let held = new.held_at.with_timezone(&crate::clock::china()).format("%Y-%m-%d %H:%M");
    let note = Some(format!("协商会 {held}（北京时间）{}", place.unwrap_or_else(|| "线上".into())));
    let saved = step(db, caller, &current, Move { action: TopicAction::Convene, note, now, request_id }, |_| {}).await?;
    detail_of(db, caller, saved).await
}

/// Checks a decision against the meeting's invitations and the community's residents: every bad
/// field at once.
async fn check<C: ConnectionTrait>(
    db: &C,
    decision: &MeetingDecision,
    invited: &[meeting_participant::Model],
    community_path: &str,
) -> Result<(), ApiError> {
    let mut errors = FieldErrors::default();
    let mut attended = 0i64;
    for (i, a) in decision.attended.iter().enumerate() {
        let pointer = format!("/attended/{i}");
        if decision.attended[..i].iter().any(|b| b.kind == a.kind) {
            errors.add(&format!("{pointer}/kind"), FieldRule::Duplicate, "each kind once");
            continue;
        }
        match invited.iter().find(|p| p.kind == a.kind.as_str()) {
            None => errors.add(&format!("{pointer}/kind"), FieldRule::NotApplicable, "this kind was not invited"),
            Some(p) if a.attended > p.invited => {
                errors.add(&format!("{pointer}/attended"), FieldRule::ExceedsDenominator, format!("more than the {} invited", p.invited))
            }
            Some(_) => attended += i64::from(a.attended),
        }
    }
    if decision.minutes.trim().is_empty() {
        errors.add("/minutes", FieldRule::Required, "record the minutes");
    }
    if decision.decision.trim().is_empty() {
        errors.add("/decision", FieldRule::Required, "say what was decided or put to the vote");
    }
    let cast = i64::from(decision.votes_for) + i64::from(decision.votes_against) + i64::from(decision.votes_abstaining);
    if cast > attended {
        errors.add("/votes_for", FieldRule::ExceedsDenominator, format!("{cast} votes from {attended} who attended"));
    }
    check_sheet(db, decision, cast, community_path, &mut errors).await?;
    Ok(errors.finish()?)
}

/// The sign-in sheet: residents of the topic's community, each once, no more than the residents
/// who attended, no more voters than votes cast.
async fn check_sheet<C: ConnectionTrait>(
    db: &C,
    decision: &MeetingDecision,
    cast: i64,
    community_path: &str,
    errors: &mut FieldErrors,
) -> Result<(), ApiError> {
    let sheet = &decision.signed_in;
    let ids: Vec<Id> = sheet.iter().map(|s| s.resident_id).collect();
    let of_community: HashSet<Id> = resident::Entity::find()
        .filter(policy::residents::reach(&Scope::subtree(community_path)))
        .filter(resident::Column::Id.is_in(ids))
        .select_only()
        .column(resident::Column::Id)
        .into_tuple::<Id>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    for (i, s) in sheet.iter().enumerate() {
        let pointer = format!("/signed_in/{i}/resident_id");
        if sheet[..i].iter().any(|t| t.resident_id == s.resident_id) {
            errors.add(&pointer, FieldRule::Duplicate, "each resident once");
        } else if !of_community.contains(&s.resident_id) {
            errors.add(&pointer, FieldRule::NotFound, format!("no resident {} in the topic's community", s.resident_id));
        }
    }
    let residents = decision.attended.iter().find(|a| a.kind == ParticipantKind::Residents).map_or(0, |a| i64::from(a.attended));
    if sheet.len() as i64 > residents {
        errors.add("/signed_in", FieldRule::ExceedsDenominator, format!("{} named, {residents} residents attended", sheet.len()));
    }
    let voters = sheet.iter().filter(|s| s.voted).count() as i64;
    if voters > cast {
        errors.add("/signed_in", FieldRule::ExceedsDenominator, format!("{voters} named voters, {cast} votes cast"));
    }
    Ok(())
}

/// Records who attended, the minutes, the decision and the vote; a passed vote decides the topic (备案).
pub async fn record_decision<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    topic_id: Id,
    meeting_id: Id,
    decision: &MeetingDecision,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<TopicDetail, ApiError> {
    policy::require(caller, Action::RunConsultation)?;
    let current = policy::load::<topic::Entity, _>(db, caller, topic_id).await?;
    let meeting = consultation_meeting::Entity::find_by_id(meeting_id)
        .filter(consultation_meeting::Column::TopicId.eq(topic_id))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("meeting"))?;
    ensure_move(caller, &current, TopicAction::Decide)?;
    if meeting.outcome.is_some() {
        return Err(ApiError::Conflict("this meeting's decision is already recorded".into()));
    }
    let invited = meeting_participant::Entity::find().filter(meeting_participant::Column::MeetingId.eq(meeting_id)).all(db).await?;
    let community = area::Entity::find_by_id(current.community_id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
    check(db, decision, &invited, &community.path).await?;
    let rule = settings_for(db, current.community_id).await?;
    let tally = Tally {
        invited: invited.iter().map(|p| i64::from(p.invited)).sum(),
        attended: decision.attended.iter().map(|a| i64::from(a.attended)).sum(),
        votes_for: decision.votes_for.into(),
        votes_against: decision.votes_against.into(),
        votes_abstaining: decision.votes_abstaining.into(),
    };
    let result = outcome(tally, rule.quorum_present_pct, rule.pass_pct);
    let text = decision.decision.trim().to_owned();
    for p in invited {
        let came = decision.attended.iter().find(|a| a.kind.as_str() == p.kind).map_or(0, |a| a.attended);
        let mut row: meeting_participant::ActiveModel = p.into();
        row.attended = Set(Some(came));
        row.update(db).await?;
    }
    let mut m: consultation_meeting::ActiveModel = meeting.into();
    m.minutes = Set(Some(decision.minutes.trim().to_owned()));
    m.decision = Set(Some(text.clone()));
    m.votes_for = Set(Some(decision.votes_for));
    m.votes_against = Set(Some(decision.votes_against));
    m.votes_abstaining = Set(Some(decision.votes_abstaining));
    m.outcome = Set(Some(result.as_str().into()));
    m.quorum_present_pct = Set(Some(rule.quorum_present_pct));
    m.pass_pct = Set(Some(rule.pass_pct));
    m.recorded_by = Set(Some(caller.id));
    m.recorded_at = Set(Some(now));
    let meeting = m.update(db).await?;
    for s in &decision.signed_in {
        meeting_attendee::ActiveModel {
            meeting_id: Set(meeting_id),
            resident_id: Set(s.resident_id),
            voted: Set(s.voted),
            held_at: Set(meeting.held_at),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    // The note is the record's own words, kept in the minutes' language: no code reaches a reader.
    let verdict = match result {
        MeetingOutcome::Passed => "表决通过",
        MeetingOutcome::Rejected => "表决未通过",
        MeetingOutcome::NoQuorum => "未达到法定到会人数，表决无效",
    };
    let note = format!("{verdict}：{text}");
    let saved = if result == MeetingOutcome::Passed {
        step(db, caller, &current, Move { action: TopicAction::Decide, note: Some(note.clone()), now, request_id }, |t| {
            t.decision = Set(Some(text.clone()));
            t.decided_meeting_id = Set(Some(meeting_id));
        })
        .await?
    } else {
        // Not passed: on the timeline and in the audit, the topic stays in consultation.
        let state = TopicStatus::InConsultation.as_str();
        topic_event::ActiveModel {
            topic_id: Set(topic_id),
            at: Set(now),
            action: Set(TopicAction::Decide.as_str().into()),
            from_status: Set(state.into()),
            to_status: Set(state.into()),
            actor_id: Set(Some(caller.id)),
            note: Set(Some(note.clone())),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let after = serde_json::json!({ "meeting_id": meeting_id, "outcome": result });
        let change = Change {
            action: AuditAction::RecordDecision,
            entity: AuditEntity::Topic,
            entity_id: topic_id,
            area: Some((current.area_id, current.area_path.as_str())),
            before: None,
            after: Some(&after),
        };
        audit::record(db, Some(caller), request_id, change).await?;
        current
    };
    tell_proposer(db, caller, &saved, NotificationKind::TopicDecided, Some(note), now).await?;
    detail_of(db, caller, saved).await
}
