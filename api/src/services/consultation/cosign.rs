//! What residents of the topic's community do: co-sign it while it is on notice (联名) and rate
//! its outcome during the review (评议) — verified residents only, once each. Each earns the
//! district's points per consultation, in the same transaction (`ledger::points`).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use shared::{Id, Topic, TopicAction, TopicRating};

use super::read::summaries;
use super::{Move, ensure_move, note_of, step};
use crate::domain::caller::Caller;
use crate::entities::{topic, topic_cosign, topic_rating};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::ledger::points::{self, Taking};

/// The topic for a resident taking `action`: their role, the topic in their reach, their verified
/// residence, and a move the lifecycle allows — in that order (403, 404, 403, 409).
async fn for_resident<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    action: Action,
    move_: TopicAction,
) -> Result<topic::Model, ApiError> {
    policy::require(caller, action)?;
    let current = policy::load::<topic::Entity, _>(db, caller, id).await?;
    policy::residents::require_verified(db, caller, action).await?;
    ensure_move(caller, &current, move_)?;
    Ok(current)
}

/// Co-signs a topic on notice in the caller's community; once per resident, never one's own.
pub async fn cosign<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Topic, ApiError> {
    let current = for_resident(db, caller, id, Action::CosignTopics, TopicAction::Cosign).await?;
    let open = current.notice_starts_at.is_none_or(|s| s <= now) && current.notice_ends_at.is_none_or(|e| now < e);
    if !open {
        let window = |t: Option<DateTime<Utc>>| t.map(|t| t.to_rfc3339()).unwrap_or_default();
        return Err(ApiError::Conflict(format!(
            "co-signing is open from {} to {}",
            window(current.notice_starts_at),
            window(current.notice_ends_at)
        )));
    }
    if current.proposer_id == caller.id {
        return Err(ApiError::Conflict("you cannot co-sign your own topic".into()));
    }
    let already = topic_cosign::Entity::find()
        .filter(topic_cosign::Column::TopicId.eq(id))
        .filter(topic_cosign::Column::UserId.eq(caller.id))
        .count(db)
        .await?;
    if already > 0 {
        return Err(ApiError::Conflict("you have already co-signed this topic".into()));
    }
    topic_cosign::ActiveModel { topic_id: Set(id), user_id: Set(caller.id), created_at: Set(now), ..Default::default() }.insert(db).await?;
    points::credit_taking_part(db, caller.id, Taking::CosignTopic, id, &current.title, now).await?;
    step(db, caller, &current, Move { action: TopicAction::Cosign, note: None, now, request_id }, |_| {}).await?;
    // Counted in SQL, so two co-signs at once both count.
    topic::Entity::update_many()
        .col_expr(topic::Column::CosignCount, Expr::col(topic::Column::CosignCount).add(1))
        .filter(topic::Column::Id.eq(id))
        .exec(db)
        .await?;
    let updated = topic::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("topic"))?;
    Ok(summaries(db, caller, vec![updated]).await?.remove(0))
}

/// Rates the outcome of a topic under review (评议), 1–5, once per resident.
pub async fn rate<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    rating: &TopicRating,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Topic, ApiError> {
    let current = for_resident(db, caller, id, Action::RateTopics, TopicAction::Rate).await?;
    let already = topic_rating::Entity::find()
        .filter(topic_rating::Column::TopicId.eq(id))
        .filter(topic_rating::Column::UserId.eq(caller.id))
        .count(db)
        .await?;
    if already > 0 {
        return Err(ApiError::Conflict("you have already rated this topic".into()));
    }
    topic_rating::ActiveModel {
        topic_id: Set(id),
        user_id: Set(caller.id),
        rating: Set(rating.rating),
        comment: Set(note_of(rating.comment.as_deref())),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    points::credit_taking_part(db, caller.id, Taking::RateTopic, id, &current.title, now).await?;
    step(db, caller, &current, Move { action: TopicAction::Rate, note: None, now, request_id }, |_| {}).await?;
    topic::Entity::update_many()
        .col_expr(topic::Column::RatingCount, Expr::col(topic::Column::RatingCount).add(1))
        .col_expr(topic::Column::RatingSum, Expr::col(topic::Column::RatingSum).add(rating.rating))
        .filter(topic::Column::Id.eq(id))
        .exec(db)
        .await?;
    let updated = topic::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound("topic"))?;
    Ok(summaries(db, caller, vec![updated]).await?.remove(0))
}
