//! Staff steps on a topic through `POST /topics/{id}/actions`: publish for co-signing (公示), file
//! (立案) once the threshold is reached, decline with a reason, refer up (小事不出社区、大事不出街道),
//! publish the result (结果公示), open the review (评议) and close. The proposer hears of filing,
//! declining and decisions.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, EntityTrait, Set};
use shared::{AreaKind, FieldRule, NotificationKind, TopicAction, TopicActionRequest, TopicDetail};

use super::notices::tell_proposer;
use super::read::detail_of;
use super::settings::settings_for;
use super::{Move, ensure_move, note_of, step};
use crate::domain::caller::Caller;
use crate::domain::consultation_rules::cosign_threshold;
use crate::domain::field_errors::FieldErrors;
use crate::domain::topic_lifecycle::{has_own_endpoint, needs_note, takes_notice_days};
use crate::entities::{area, topic};
use crate::error::ApiError;
use crate::policy;

/// Days a notice stays up when the request does not say.
const DEFAULT_NOTICE_DAYS: i64 = 7;

/// The level a topic run at `current` is referred to: the street above a community, the district
/// above a street; nothing above a district.
async fn level_above<C: ConnectionTrait>(db: &C, current: &topic::Model) -> Result<area::Model, ApiError> {
    let here = area::Entity::find_by_id(current.area_id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
    let parent = match here.parent_id {
        Some(p) => area::Entity::find_by_id(p).one(db).await?,
        None => None,
    };
    match parent {
        Some(p) if p.kind == AreaKind::Street.as_str() || p.kind == AreaKind::District.as_str() => Ok(p),
        _ => Err(ApiError::Conflict("a topic run at a district cannot be referred further".into())),
    }
}

pub async fn act<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: i64,
    req: &TopicActionRequest,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<TopicDetail, ApiError> {
    let current = policy::load::<topic::Entity, _>(db, caller, id).await?;
    let note = note_of(req.note.as_deref());
    let mut errors = FieldErrors::default();
    if has_own_endpoint(req.action) {
        errors.add("/action", FieldRule::NotAllowed, "propose, co-sign, meetings, links and ratings have endpoints of their own");
    }
    if needs_note(req.action) && note.is_none() {
        errors.add("/note", FieldRule::Required, "give the reason for declining");
    }
    if req.notice_days.is_some() && !takes_notice_days(req.action) {
        errors.add("/notice_days", FieldRule::NotAllowed, "a notice window is given when publishing");
    }
    errors.finish()?;
    let days = Duration::days(req.notice_days.unwrap_or(DEFAULT_NOTICE_DAYS));

    let saved = match req.action {
        TopicAction::Publish => {
            step(db, caller, &current, Move { action: req.action, note, now, request_id }, |m| {
                m.notice_starts_at = Set(Some(now));
                m.notice_ends_at = Set(Some(now + days));
            })
            .await?
        }
        TopicAction::File => {
            // The lifecycle answers first: filing a topic that is not on notice is a wrong move, not a count.
            ensure_move(caller, &current, req.action)?;
            let settings = settings_for(db, current.community_id).await?;
            let households = area::Entity::find_by_id(current.community_id).one(db).await?.and_then(|a| a.households);
            let threshold = cosign_threshold(&settings, households);
            if current.cosign_count < threshold {
                return Err(ApiError::Conflict(format!(
                    "{} of {threshold} co-signers: the community's threshold is not reached yet",
                    current.cosign_count
                )));
            }
            let saved =
                step(db, caller, &current, Move { action: req.action, note, now, request_id }, |m| m.filed_at = Set(Some(now))).await?;
            tell_proposer(db, caller, &saved, NotificationKind::TopicFiled, None, now).await?;
            saved
        }
        TopicAction::Decline => {
            let reason = note.clone();
            let saved =
                step(db, caller, &current, Move { action: req.action, note, now, request_id }, |m| m.decline_reason = Set(reason.clone()))
                    .await?;
            tell_proposer(db, caller, &saved, NotificationKind::TopicDeclined, reason, now).await?;
            saved
        }
        TopicAction::Refer => {
            ensure_move(caller, &current, req.action)?;
            let up = level_above(db, &current).await?;
            step(db, caller, &current, Move { action: req.action, note, now, request_id }, |m| {
                m.area_id = Set(up.id);
                m.area_path = Set(up.path.clone());
            })
            .await?
        }
        TopicAction::PublishResult => {
            step(db, caller, &current, Move { action: req.action, note, now, request_id }, |m| {
                m.result_notice_starts_at = Set(Some(now));
                m.result_notice_ends_at = Set(Some(now + days));
            })
            .await?
        }
        _ => step(db, caller, &current, Move { action: req.action, note, now, request_id }, |_| {}).await?,
    };
    detail_of(db, caller, saved).await
}
