//! 公示 on the signed-out pages: topics in their notice window, and decided topics with their
//! published result and rating. No names, phones or addresses — not even masked ones.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};
use shared::{Id, Page, PublicResult, PublicTopic, TopicStatus};

use super::settings::thresholds;
use super::{Context, average, status_of};
use crate::domain::scope::Scope;
use crate::entities::stored::stored;
use crate::entities::{area, consultation_meeting, topic};
use crate::error::ApiError;
use crate::services::page::{Keyset, PageRequest};

/// What the public may see now: on notice for co-signing, or with a published result.
fn on_notice(now: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(
            Condition::all()
                .add(topic::Column::Status.eq(TopicStatus::Cosigning.as_str()))
                .add(topic::Column::NoticeStartsAt.lte(now))
                .add(topic::Column::NoticeEndsAt.gt(now)),
        )
        .add(topic::Column::Status.is_in(TopicStatus::WITH_RESULT.map(|s| s.as_str())))
}

async fn to_public<C: ConnectionTrait>(db: &C, rows: Vec<topic::Model>) -> Result<Vec<PublicTopic>, ApiError> {
    let cx = Context::load(db, None, &rows).await?;
    let thresholds = thresholds(db, &cx, &rows).await?;
    let meeting_ids: Vec<Id> = rows.iter().filter_map(|t| t.decided_meeting_id).collect();
    let meetings: HashMap<Id, consultation_meeting::Model> = consultation_meeting::Entity::find()
        .filter(consultation_meeting::Column::Id.is_in(meeting_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    rows.into_iter()
        .map(|t| {
            let status = status_of(&t)?;
            let result =
                t.decided_meeting_id.and_then(|id| meetings.get(&id)).filter(|_| TopicStatus::WITH_RESULT.contains(&status)).map(|m| {
                    PublicResult {
                        decision: t.decision.clone().unwrap_or_default(),
                        held_at: m.held_at,
                        votes_for: m.votes_for.unwrap_or(0),
                        votes_against: m.votes_against.unwrap_or(0),
                        votes_abstaining: m.votes_abstaining.unwrap_or(0),
                        result_notice_ends_at: t.result_notice_ends_at,
                    }
                });
            Ok(PublicTopic {
                id: t.id,
                status,
                category: stored(&t.category, "topics", t.id)?,
                title: t.title.clone(),
                text: t.text.clone(),
                community_name: cx.area_name(t.community_id),
                cosign_count: t.cosign_count,
                cosign_threshold: thresholds.get(&t.community_id).copied().unwrap_or(1),
                notice_starts_at: t.notice_starts_at,
                notice_ends_at: t.notice_ends_at,
                result,
                rating_count: t.rating_count,
                rating_average: average(&t),
            })
        })
        .collect()
}

/// Topics on public notice and published results, newest first; with `within`, only those of the
/// communities in that area's subtree (a visitor's own community).
pub async fn public_list<C: ConnectionTrait>(
    db: &C,
    within: Option<Id>,
    page: PageRequest,
    now: DateTime<Utc>,
) -> Result<Page<PublicTopic>, ApiError> {
    let keyset = Keyset::<topic::Entity> { name: "-id", column: None, desc: true, id: topic::Column::Id, key_of: |m| (None, m.id) };
    let mut select = topic::Entity::find().filter(on_notice(now));
    if let Some(id) = within {
        let top = area::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
        select = select.filter(Scope::subtree(&top.path).path_condition(topic::Column::CommunityPath));
    }
    let (rows, next_cursor) = page.fetch(db, select, &keyset).await?;
    Ok(Page { items: to_public(db, rows).await?, next_cursor })
}

/// One topic on public notice or with a published result; 404 otherwise.
pub async fn public_detail<C: ConnectionTrait>(db: &C, id: Id, now: DateTime<Utc>) -> Result<PublicTopic, ApiError> {
    let row = topic::Entity::find_by_id(id).filter(on_notice(now)).one(db).await?.ok_or(ApiError::NotFound("topic"))?;
    Ok(to_public(db, vec![row]).await?.remove(0))
}
