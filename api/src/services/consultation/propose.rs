//! 议题提出: verified residents propose topics of their community; staff propose their own or a
//! resident unit's or organisation's. A topic may gather needs of its community.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{AreaKind, FieldRule, Id, NewTopic, ProposerKind, TopicAction, TopicDetail, TopicStatus};
use shared::{AuditAction, AuditEntity};

use super::read::detail_of;
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::scope::Scope;
use crate::domain::topic_lifecycle::names_organisation;
use crate::entities::{area, need, topic, topic_event, topic_need};
use crate::error::ApiError;
use crate::policy::{self, Action, may};
use crate::services::audit::{self, Change};

/// The community of an area in the caller's scope: the area itself, or the community of a grid.
async fn community_of_area<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    errors: &mut FieldErrors,
) -> Result<Option<area::Model>, ApiError> {
    let found = area::Entity::find_by_id(id).one(db).await?.filter(|a| Scope::of(caller).contains(&a.path));
    let Some(place) = found else {
        errors.add("/area_id", FieldRule::NotFound, "no such community or grid in your scope");
        return Ok(None);
    };
    if place.kind == AreaKind::Community.as_str() {
        return Ok(Some(place));
    }
    if place.kind != AreaKind::Grid.as_str() {
        errors.add("/area_id", FieldRule::WrongKind, "a topic belongs to a community (or one of its grids)");
        return Ok(None);
    }
    let parent = match place.parent_id {
        Some(p) => area::Entity::find_by_id(p).one(db).await?,
        None => None,
    };
    Ok(parent)
}

/// Checks the needs a topic gathers: each visible to the caller and of the same community, once.
pub(crate) async fn check_needs<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    community_path: Option<&str>,
    ids: &[Id],
    errors: &mut FieldErrors,
) -> Result<(), ApiError> {
    for (i, id) in ids.iter().enumerate() {
        let pointer = format!("/need_ids/{i}");
        if ids[..i].contains(id) {
            errors.add(&pointer, FieldRule::Duplicate, "the same need twice");
            continue;
        }
        let visible = policy::visible::<need::Entity>(caller)?.filter(need::Column::Id.eq(*id)).one(db).await?;
        match (visible, community_path) {
            (Some(n), Some(path)) if !n.area_path.starts_with(path) => {
                errors.add(&pointer, FieldRule::OutOfArea, "this need is of another community")
            }
            (Some(_), _) => {}
            (None, _) => errors.add(&pointer, FieldRule::NotFound, "no such need in your reach"),
        }
    }
    Ok(())
}

pub async fn propose<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    new: &NewTopic,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<TopicDetail, ApiError> {
    policy::require(caller, Action::ProposeTopics)?;
    let resident = may(caller, Action::CosignTopics);
    if resident {
        policy::residents::require_verified(db, caller, Action::ProposeTopics).await?;
    }
    let mut errors = FieldErrors::default();
    if new.title.trim().is_empty() {
        errors.add("/title", FieldRule::Required, "give the topic a title");
    }
    if new.text.trim().is_empty() {
        errors.add("/text", FieldRule::Required, "describe the topic");
    }
    match (resident, new.proposer_kind) {
        (true, ProposerKind::Resident) | (false, ProposerKind::Staff) => {}
        (false, kind) if names_organisation(kind) => {
            if new.proposer_org.as_deref().is_none_or(|o| o.trim().is_empty()) {
                errors.add("/proposer_org", FieldRule::Required, "name the resident unit or organisation");
            }
        }
        _ => errors.add(
            "/proposer_kind",
            FieldRule::NotAllowed,
            "residents propose as residents; staff as staff, or for a unit or organisation",
        ),
    }
    let community = community_of_area(db, caller, new.area_id, &mut errors).await?;
    check_needs(db, caller, community.as_ref().map(|c| c.path.as_str()), &new.need_ids, &mut errors).await?;
    errors.finish()?;
    let community = community.ok_or(ApiError::NotFound("area"))?;

    let saved = topic::ActiveModel {
        community_id: Set(community.id),
        community_path: Set(community.path.clone()),
        area_id: Set(community.id),
        area_path: Set(community.path.clone()),
        category: Set(new.category.as_str().into()),
        title: Set(new.title.trim().to_owned()),
        text: Set(new.text.trim().to_owned()),
        proposer_id: Set(caller.id),
        proposer_kind: Set(new.proposer_kind.as_str().into()),
        proposer_org: Set(super::note_of(new.proposer_org.as_deref())),
        status: Set(TopicStatus::Proposed.as_str().into()),
        cosign_count: Set(0),
        rating_count: Set(0),
        rating_sum: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for need_id in &new.need_ids {
        topic_need::ActiveModel { topic_id: Set(saved.id), need_id: Set(*need_id), created_at: Set(now), ..Default::default() }
            .insert(db)
            .await?;
    }
    topic_event::ActiveModel {
        topic_id: Set(saved.id),
        at: Set(now),
        action: Set(TopicAction::Propose.as_str().into()),
        from_status: Set(TopicStatus::Proposed.as_str().into()),
        to_status: Set(TopicStatus::Proposed.as_str().into()),
        actor_id: Set(Some(caller.id)),
        note: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let detail = detail_of(db, caller, saved.clone()).await?;
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::Create,
            entity: AuditEntity::Topic,
            entity_id: saved.id,
            area: Some((saved.area_id, &saved.area_path)),
            before: None,
            after: Some(&detail.topic),
        },
    )
    .await?;
    Ok(detail)
}
