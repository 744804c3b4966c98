//! Reading topics: the list with filters, search, sort and keyset pages, totals per state (the
//! kanban's columns), and one topic with its timeline, meetings and the caller's next actions.

use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, QuerySelect, Select};
use shared::{
    Id, Meeting, MeetingOutcome, Page, Participants, TitleSort, Topic, TopicCategory, TopicCounts, TopicDetail, TopicEvent, TopicStatus,
    TopicStatusCount,
};

use super::settings::thresholds;
use super::{Context, status_of, to_dto};
use crate::domain::caller::Caller;
use crate::domain::masking::mask_name;
use crate::domain::scope::Scope;
use crate::domain::topic_lifecycle::allowed;
use crate::entities::stored::{StoredValueInvalid, stored, stored_opt};
use crate::entities::{area, consultation_meeting, meeting_attendee, meeting_participant, topic, topic_event, user};
use crate::error::ApiError;
use crate::policy::{self, topics::parties};
use crate::services::page::{Keyset, PageRequest};

/// Filters of the topic list.
#[derive(Debug, Default, Clone)]
pub struct TopicFilter {
    pub status: Option<TopicStatus>,
    /// Topics of communities in this area's subtree, or run at this area.
    pub area_id: Option<Id>,
    pub category: Option<TopicCategory>,
    /// Title or text contains.
    pub q: Option<String>,
}

fn keyset(sort: TitleSort) -> Keyset<topic::Entity> {
    let by_id = |desc| Keyset { name: sort.name(), column: None, desc, id: topic::Column::Id, key_of: |m: &topic::Model| (None, m.id) };
    match sort {
        TitleSort::Newest => by_id(true),
        TitleSort::Oldest => by_id(false),
        TitleSort::Title => Keyset {
            name: sort.name(),
            column: Some(topic::Column::Title),
            desc: false,
            id: topic::Column::Id,
            key_of: |m| (Some(m.title.clone()), m.id),
        },
    }
}

/// The caller's topics under the filters, state aside.
async fn filtered<C: ConnectionTrait>(db: &C, caller: &Caller, filter: &TopicFilter) -> Result<Select<topic::Entity>, ApiError> {
    let mut select = policy::visible::<topic::Entity>(caller)?;
    if let Some(area_id) = filter.area_id {
        let top = policy::load_within::<area::Entity, _>(db, &Scope::of(caller), area_id).await?;
        let under = Scope::subtree(&top.path);
        select =
            select.filter(Condition::any().add(under.path_condition(topic::Column::CommunityPath)).add(topic::Column::AreaId.eq(top.id)));
    }
    if let Some(category) = filter.category {
        select = select.filter(topic::Column::Category.eq(category.as_str()));
    }
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        select = select.filter(Condition::any().add(topic::Column::Title.contains(q)).add(topic::Column::Text.contains(q)));
    }
    Ok(select)
}

/// The wire form of a page of topics.
pub(crate) async fn summaries<C: ConnectionTrait>(db: &C, caller: &Caller, rows: Vec<topic::Model>) -> Result<Vec<Topic>, ApiError> {
    let cx = Context::load(db, Some(caller), &rows).await?;
    let thresholds = thresholds(db, &cx, &rows).await?;
    rows.into_iter()
        .map(|t| {
            let threshold = thresholds.get(&t.community_id).copied().unwrap_or(1);
            Ok(to_dto(t, &cx, caller, threshold)?)
        })
        .collect()
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    filter: TopicFilter,
    sort: TitleSort,
    page: PageRequest,
) -> Result<Page<Topic>, ApiError> {
    let mut select = filtered(db, caller, &filter).await?;
    if let Some(status) = filter.status {
        select = select.filter(topic::Column::Status.eq(status.as_str()));
    }
    let (rows, next_cursor) = page.fetch(db, select, &keyset(sort)).await?;
    Ok(Page { items: summaries(db, caller, rows).await?, next_cursor })
}

#[derive(FromQueryResult)]
struct StatusRow {
    status: String,
    n: i64,
}

/// Topics per state under the same filters (state aside), and their total.
pub async fn counts<C: ConnectionTrait>(db: &C, caller: &Caller, filter: TopicFilter) -> Result<TopicCounts, ApiError> {
    let rows = filtered(db, caller, &filter)
        .await?
        .select_only()
        .column(topic::Column::Status)
        .column_as(topic::Column::Id.count(), "n")
        .group_by(topic::Column::Status)
        .into_model::<StatusRow>()
        .all(db)
        .await?;
    let by_status: Vec<TopicStatusCount> = TopicStatus::ALL
        .into_iter()
        .map(|status| TopicStatusCount { status, count: rows.iter().find(|r| r.status == status.as_str()).map_or(0, |r| r.n) })
        .collect();
    Ok(TopicCounts { total: by_status.iter().map(|c| c.count).sum(), by_status })
}

/// A topic with its timeline, meetings and what the caller may do next (through the actions endpoint
/// or the endpoints of their own).
pub(crate) async fn detail_of<C: ConnectionTrait>(db: &C, caller: &Caller, m: topic::Model) -> Result<TopicDetail, ApiError> {
    let events =
        topic_event::Entity::find().filter(topic_event::Column::TopicId.eq(m.id)).order_by_asc(topic_event::Column::Id).all(db).await?;
    let actor_ids: Vec<Id> = events.iter().filter_map(|e| e.actor_id).collect();
    let actors: std::collections::HashMap<Id, (String, bool)> = user::Entity::find()
        .filter(user::Column::Id.is_in(actor_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, (u.display_name, u.role == shared::Role::Resident.as_str())))
        .collect();
    let reveal = policy::topics::reveals_proposer(caller, &m);
    let timeline = events
        .into_iter()
        .map(|e| {
            // Residents' names on the timeline are personal data; staff act under their own names.
            let actor_name = e
                .actor_id
                .and_then(|id| actors.get(&id))
                .map(|(name, resident)| if *resident && !reveal && e.actor_id != Some(caller.id) { mask_name(name) } else { name.clone() });
            Ok::<_, ApiError>(TopicEvent {
                id: e.id,
                at: e.at,
                action: stored(&e.action, "topic_events", e.id)?,
                from_status: stored(&e.from_status, "topic_events", e.id)?,
                to_status: stored(&e.to_status, "topic_events", e.id)?,
                actor_id: e.actor_id,
                actor_name,
                note: e.note,
            })
        })
        .collect::<Result<_, _>>()?;
    let allowed_actions = allowed(status_of(&m)?, &parties(caller, &m));
    let meetings = meetings_of(db, m.id).await?;
    let topic = summaries(db, caller, vec![m]).await?.remove(0);
    Ok(TopicDetail { topic, timeline, meetings, allowed_actions })
}

pub async fn detail<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<TopicDetail, ApiError> {
    let m = policy::load::<topic::Entity, _>(db, caller, id).await?;
    detail_of(db, caller, m).await
}

/// The meetings of a topic, oldest first.
pub(crate) async fn meetings_of<C: ConnectionTrait>(db: &C, topic_id: Id) -> Result<Vec<Meeting>, ApiError> {
    let rows = consultation_meeting::Entity::find()
        .filter(consultation_meeting::Column::TopicId.eq(topic_id))
        .order_by_asc(consultation_meeting::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<Id> = rows.iter().map(|m| m.id).collect();
    let people = meeting_participant::Entity::find()
        .filter(meeting_participant::Column::MeetingId.is_in(ids))
        .order_by_asc(meeting_participant::Column::Id)
        .all(db)
        .await?;
    // (meeting, voted) of every named resident: counts only, the sheet's names stay with staff.
    let sheet: Vec<(Id, bool)> = meeting_attendee::Entity::find()
        .filter(meeting_attendee::Column::MeetingId.is_in(rows.iter().map(|m| m.id)))
        .select_only()
        .columns([meeting_attendee::Column::MeetingId, meeting_attendee::Column::Voted])
        .into_tuple()
        .all(db)
        .await?;
    rows.into_iter()
        .map(|m| {
            let participants = people
                .iter()
                .filter(|p| p.meeting_id == m.id)
                .map(|p| {
                    Ok(Participants { kind: stored(&p.kind, "meeting_participants", p.id)?, invited: p.invited, attended: p.attended })
                })
                .collect::<Result<_, ApiError>>()?;
            Ok(Meeting {
                id: m.id,
                topic_id: m.topic_id,
                held_at: m.held_at,
                place: m.place,
                online: m.online,
                participants,
                options: serde_json::from_str(&m.options).map_err(|_| {
                    tracing::error!(table = "consultation_meetings", id = m.id, "options are not a list of strings");
                    StoredValueInvalid { table: "consultation_meetings", id: m.id, kind: "meeting options", value: m.options.clone() }
                })?,
                minutes: m.minutes,
                decision: m.decision,
                votes_for: m.votes_for,
                votes_against: m.votes_against,
                votes_abstaining: m.votes_abstaining,
                outcome: stored_opt::<MeetingOutcome>(m.outcome.as_deref(), "consultation_meetings", m.id)?,
                quorum_present_pct: m.quorum_present_pct,
                pass_pct: m.pass_pct,
                recorded_at: m.recorded_at,
                signed_in: sheet.iter().filter(|(of, _)| *of == m.id).count() as i64,
                signed_in_voted: sheet.iter().filter(|(of, voted)| *of == m.id && *voted).count() as i64,
            })
        })
        .collect()
}
