//! 群众点单: a resident (or staff / a mini-program backend on their behalf) submits a need.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use shared::{AreaKind, Channel, FieldRule, NeedAction, NeedDetail, NeedStatus, NewNeed};
use shared::{AuditAction, AuditEntity};

use super::deadlines::acceptance_due;
use super::{Names, encode_tags, masked_dto, to_dto};
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::need_categories::find;
use crate::domain::scope::Scope;
use crate::entities::{area, need, need_event};
use crate::error::ApiError;
use crate::policy::{self, Action, may};
use crate::services::audit::{self, Change};
use crate::services::webhooks;

pub async fn submit<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    new: &NewNeed,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<NeedDetail, ApiError> {
    policy::require(caller, Action::SubmitNeeds)?;
    let mut errors = FieldErrors::default();
    if find(&new.category).is_none() {
        errors.add("/category", FieldRule::NotFound, "no such category; see GET /api/v1/need-categories");
    }
    if new.text.trim().is_empty() {
        errors.add("/text", FieldRule::Required, "describe the need");
    }
    // 上门: whoever serves it must find the home (one reached a volunteer with no address at all).
    if new.at_home && new.address.as_deref().is_none_or(|a| a.trim().is_empty()) {
        errors.add("/address", FieldRule::Required, "an at-home (上门) need gives the address");
    }
    if new.lat.is_some() != new.lng.is_some() {
        errors.add("/lng", FieldRule::Required, "give both latitude and longitude, or neither");
    }
    let resident = may(caller, Action::SubmitOwnNeeds);
    let channel_fits = match new.channel {
        Channel::MiniProgram => may(caller, Action::SubmitNeedsByMiniProgram),
        Channel::Web => true,
        Channel::Phone | Channel::Visit | Channel::GridPatrol => may(caller, Action::SubmitNeedsForResidents),
    };
    if !channel_fits {
        errors.add("/channel", FieldRule::NotAllowed, "this channel is not open to your role");
    }
    if !resident && new.contact_name.is_none() && new.contact_phone.is_none() {
        errors.add("/contact_phone", FieldRule::Required, "give the resident's phone or name when submitting on their behalf");
    }
    let place = match area::Entity::find_by_id(new.area_id).one(db).await? {
        Some(a) if Scope::of(caller).contains(&a.path) => {
            if a.kind != AreaKind::Community.as_str() && a.kind != AreaKind::Grid.as_str() {
                errors.add("/area_id", FieldRule::WrongKind, "a need belongs to a community or a grid");
            }
            Some(a)
        }
        _ => {
            errors.add("/area_id", FieldRule::NotFound, "no such community or grid in your scope");
            None
        }
    };
    errors.finish()?;
    let place = place.ok_or(ApiError::NotFound("area"))?;
    // Taken on a resident's behalf: the need belongs to whoever holds that mobile number.
    let resident_id = if resident {
        Some(caller.id)
    } else {
        crate::services::residents::link::resident_for_phone(db, new.contact_phone.as_deref(), new.contact_name.as_deref(), &place, now)
            .await?
    };

    let acceptance = acceptance_due(db, &place.path, &new.category, new.urgency, now).await?;
    let saved = need::ActiveModel {
        area_id: Set(place.id),
        area_path: Set(place.path.clone()),
        category: Set(new.category.clone()),
        text: Set(new.text.trim().to_owned()),
        address: Set(new.address.as_deref().map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned)),
        at_home: Set(new.at_home),
        lat: Set(new.lat),
        lng: Set(new.lng),
        tags: Set(encode_tags(&new.tags)),
        urgency: Set(new.urgency.as_str().into()),
        preferred_time: Set(new.preferred_time),
        channel: Set(new.channel.as_str().into()),
        contact_name: Set(new.contact_name.clone()),
        contact_phone: Set(new.contact_phone.clone()),
        resident_id: Set(resident_id),
        submitted_by: Set(caller.id),
        status: Set(shared::NeedStatus::Submitted.as_str().into()),
        acceptance_due_at: Set(Some(acceptance)),
        unclaimed: Set(false),
        reopen_count: Set(0),
        cosign_count: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    crate::services::kpis::counters::record(db, None, Some(&saved)).await?;
    // 提交 opens the timeline, so the waiting time before acceptance reads from it.
    need_event::ActiveModel {
        need_id: Set(saved.id),
        at: Set(now),
        action: Set(NeedAction::Submit.as_str().into()),
        from_status: Set(NeedStatus::Submitted.as_str().into()),
        to_status: Set(NeedStatus::Submitted.as_str().into()),
        actor_id: Set(Some(caller.id)),
        note: Set(None),
        service_id: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    super::notices::submitted(db, Some(caller.id), &saved, now).await?;
    let names = Names::load(db, std::slice::from_ref(&saved), now).await?;
    let path = saved.area_path.clone();
    let payload = serde_json::to_value(masked_dto(saved.clone(), &names)?).map_err(anyhow::Error::from)?;
    let dto = to_dto(saved.clone(), &names, caller)?;
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::Create,
            entity: AuditEntity::Need,
            entity_id: dto.id,
            area: Some((dto.area_id, &path)),
            before: None,
            after: Some(&dto),
        },
    )
    .await?;
    webhooks::enqueue(db, "need.created", &path, &payload, now).await?;
    super::read::detail_of(db, caller, saved, now).await
}
