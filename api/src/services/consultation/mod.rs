//! 民主协商 consultation: topics proposed, co-signed, filed or declined, referred up, consulted on
//! in meetings (协商会), decided, published, carried out (落实) and rated (评议). Every move goes
//! through the lifecycle table ([`crate::domain::topic_lifecycle`]) in [`step`], which writes the
//! timeline event and the audit entry in the caller's transaction.

mod act;
mod cosign;
pub mod kpi;
mod link;
mod meetings;
mod notices;
mod propose;
mod public;
mod read;
mod settings;

pub use act::act;
pub use cosign::{cosign, rate};
pub use link::link;
pub use meetings::{create_meeting, record_decision};
pub use propose::propose;
pub use public::{public_detail, public_list};
pub use read::{TopicFilter, counts, detail, list};
pub use settings::{get_settings, set_settings};

use shared::AuditEntity;
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{Id, Topic, TopicAction, TopicStatus};

use crate::domain::caller::Caller;
use crate::domain::masking::mask_name;
use crate::domain::topic_lifecycle::{allowed, next};
use crate::entities::stored::{StoredValueInvalid, stored};
use crate::entities::{area, topic, topic_cosign, topic_event, topic_need, topic_rating, user};
use crate::error::ApiError;
use crate::policy::topics::{parties, reveals_proposer};
use crate::services::audit::{self, Change};

/// The stored status of a topic; an unknown one is an error (see [`stored`]).
pub(crate) fn status_of(m: &topic::Model) -> Result<TopicStatus, StoredValueInvalid> {
    stored(&m.status, "topics", m.id)
}

/// The state `action` by `caller` leads `current` to, or 409 with the moves the caller may make.
pub(crate) fn ensure_move(caller: &Caller, current: &topic::Model, action: TopicAction) -> Result<TopicStatus, ApiError> {
    let from = status_of(current)?;
    let who = parties(caller, current);
    next(from, action, &who).ok_or_else(|| ApiError::InvalidTransition {
        detail: format!("cannot {} a topic that is {}", action.as_str(), from.as_str()),
        allowed: allowed(from, &who).iter().map(|a| a.as_str().to_owned()).collect(),
    })
}

/// One move asked of a topic: the action, the note for the timeline, when, and the request.
pub(crate) struct Move<'a> {
    pub action: TopicAction,
    pub note: Option<String>,
    pub now: DateTime<Utc>,
    pub request_id: Option<&'a str>,
}

/// Applies one move of the lifecycle table to `current` by `caller`: the state, whatever `change`
/// sets, the timeline event (co-signs and ratings are counted, not steps) and the audit entry.
pub(crate) async fn step<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    current: &topic::Model,
    Move { action, note, now, request_id }: Move<'_>,
    change: impl FnOnce(&mut topic::ActiveModel),
) -> Result<topic::Model, ApiError> {
    let from = status_of(current)?;
    let to = ensure_move(caller, current, action)?;
    let mut m: topic::ActiveModel = current.clone().into();
    m.status = Set(to.as_str().into());
    m.updated_at = Set(now);
    change(&mut m);
    let saved = m.update(db).await?;
    if !matches!(action, TopicAction::Cosign | TopicAction::Rate) {
        topic_event::ActiveModel {
            topic_id: Set(saved.id),
            at: Set(now),
            action: Set(action.as_str().into()),
            from_status: Set(from.as_str().into()),
            to_status: Set(to.as_str().into()),
            actor_id: Set(Some(caller.id)),
            note: Set(note.clone()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    let after = serde_json::json!({ "status": to, "area_id": saved.area_id, "note": note });
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: action.into(),
            entity: AuditEntity::Topic,
            entity_id: saved.id,
            area: Some((saved.area_id, &saved.area_path)),
            before: None,
            after: Some(&after),
        },
    )
    .await?;
    Ok(saved)
}

/// A trimmed note, or none when blank.
pub(crate) fn note_of(note: Option<&str>) -> Option<String> {
    note.map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned)
}

/// What the wire form of a page of topics needs besides the rows, loaded with a few queries.
pub(crate) struct Context {
    areas: HashMap<Id, area::Model>,
    users: HashMap<Id, String>,
    needs: HashMap<Id, Vec<Id>>,
    cosigned: Vec<Id>,
    my_ratings: HashMap<Id, i32>,
}

impl Context {
    pub async fn load<C: ConnectionTrait>(db: &C, caller: Option<&Caller>, rows: &[topic::Model]) -> Result<Self, ApiError> {
        let ids: Vec<Id> = rows.iter().map(|t| t.id).collect();
        let area_ids: Vec<Id> = rows.iter().flat_map(|t| [t.community_id, t.area_id]).collect();
        let areas = area::Entity::find().filter(area::Column::Id.is_in(area_ids)).all(db).await?.into_iter().map(|a| (a.id, a)).collect();
        let mut needs: HashMap<Id, Vec<Id>> = HashMap::new();
        for n in topic_need::Entity::find().filter(topic_need::Column::TopicId.is_in(ids.clone())).all(db).await? {
            needs.entry(n.topic_id).or_default().push(n.need_id);
        }
        let (mut users, mut cosigned, mut my_ratings) = (HashMap::new(), Vec::new(), HashMap::new());
        if let Some(caller) = caller {
            let proposers: Vec<Id> = rows.iter().map(|t| t.proposer_id).collect();
            users = user::Entity::find()
                .filter(user::Column::Id.is_in(proposers))
                .all(db)
                .await?
                .into_iter()
                .map(|u| (u.id, u.display_name))
                .collect();
            cosigned = topic_cosign::Entity::find()
                .filter(topic_cosign::Column::UserId.eq(caller.id))
                .filter(topic_cosign::Column::TopicId.is_in(ids.clone()))
                .all(db)
                .await?
                .into_iter()
                .map(|c| c.topic_id)
                .collect();
            my_ratings = topic_rating::Entity::find()
                .filter(topic_rating::Column::UserId.eq(caller.id))
                .filter(topic_rating::Column::TopicId.is_in(ids))
                .all(db)
                .await?
                .into_iter()
                .map(|r| (r.topic_id, r.rating))
                .collect();
        }
        Ok(Self { areas, users, needs, cosigned, my_ratings })
    }

    pub fn area_name(&self, id: Id) -> String {
        self.areas.get(&id).map(|a| a.name.clone()).unwrap_or_default()
    }

    pub fn households(&self, id: Id) -> Option<i64> {
        self.areas.get(&id).and_then(|a| a.households)
    }
}

/// The average rating, to one decimal; none before the first rating.
pub(crate) fn average(m: &topic::Model) -> Option<f64> {
    (m.rating_count > 0).then(|| (f64::from(m.rating_sum) / f64::from(m.rating_count) * 10.0).round() / 10.0)
}

/// The wire form of a topic as `caller` may see it; `threshold` is the community's co-sign threshold.
pub(crate) fn to_dto(m: topic::Model, cx: &Context, caller: &Caller, threshold: i32) -> Result<Topic, StoredValueInvalid> {
    let proposer_name = cx.users.get(&m.proposer_id).map(|n| if reveals_proposer(caller, &m) { n.clone() } else { mask_name(n) });
    Ok(Topic {
        id: m.id,
        status: status_of(&m)?,
        category: stored(&m.category, "topics", m.id)?,
        title: m.title.clone(),
        text: m.text.clone(),
        community_id: m.community_id,
        community_name: cx.area_name(m.community_id),
        area_id: m.area_id,
        area_name: cx.area_name(m.area_id),
        proposer_kind: stored(&m.proposer_kind, "topics", m.id)?,
        proposer_org: m.proposer_org.clone(),
        proposer_name,
        cosign_count: m.cosign_count,
        cosign_threshold: threshold,
        cosigned: cx.cosigned.contains(&m.id),
        notice_starts_at: m.notice_starts_at,
        notice_ends_at: m.notice_ends_at,
        result_notice_starts_at: m.result_notice_starts_at,
        result_notice_ends_at: m.result_notice_ends_at,
        decline_reason: m.decline_reason.clone(),
        decision: m.decision.clone(),
        program_id: m.program_id,
        need_ids: cx.needs.get(&m.id).cloned().unwrap_or_default(),
        rating_count: m.rating_count,
        rating_average: average(&m),
        my_rating: cx.my_ratings.get(&m.id).copied(),
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}
