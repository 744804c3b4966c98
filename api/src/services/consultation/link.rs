//! 落实: a decided and published topic is carried out by a co-building program and/or needs; the
//! link shows its progress on the topic (the program's and needs' own pages say how far they are).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{FieldRule, Id, TopicAction, TopicDetail, TopicLink};

use super::propose::check_needs;
use super::read::detail_of;
use super::{Move, ensure_move, step};
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::entities::{program, topic, topic_need};
use crate::error::ApiError;
use crate::policy::{self, Action};

pub async fn link<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    link: &TopicLink,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<TopicDetail, ApiError> {
    policy::require(caller, Action::RunConsultation)?;
    let current = policy::load::<topic::Entity, _>(db, caller, id).await?;
    ensure_move(caller, &current, TopicAction::Implement)?;
    let mut errors = FieldErrors::default();
    if link.program_id.is_none() && link.need_ids.is_empty() {
        errors.add("/program_id", FieldRule::RequiredOne, "link a program, needs, or both");
    }
    if let Some(program_id) = link.program_id {
        let found = match policy::visible::<program::Entity>(caller) {
            Ok(select) => select.filter(program::Column::Id.eq(program_id)).one(db).await?,
            Err(_) => None,
        };
        if found.is_none() {
            errors.add("/program_id", FieldRule::NotFound, "no such program in your reach");
        }
    }
    check_needs(db, caller, Some(&current.community_path), &link.need_ids, &mut errors).await?;
    errors.finish()?;
    let linked: Vec<Id> =
        topic_need::Entity::find().filter(topic_need::Column::TopicId.eq(id)).all(db).await?.into_iter().map(|n| n.need_id).collect();
    for need_id in link.need_ids.iter().filter(|n| !linked.contains(n)) {
        topic_need::ActiveModel { topic_id: Set(id), need_id: Set(*need_id), created_at: Set(now), ..Default::default() }
            .insert(db)
            .await?;
    }
    let mut parts = Vec::new();
    if let Some(p) = link.program_id {
        parts.push(format!("共建项目 {p}"));
    }
    if !link.need_ids.is_empty() {
        parts.push(format!("需求 {}", link.need_ids.iter().map(Id::to_string).collect::<Vec<_>>().join("、")));
    }
    let saved = step(db, caller, &current, Move { action: TopicAction::Implement, note: Some(parts.join("；")), now, request_id }, |m| {
        if let Some(p) = link.program_id {
            m.program_id = Set(Some(p));
        }
    })
    .await?;
    detail_of(db, caller, saved).await
}
