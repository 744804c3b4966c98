//! Deadlines (受理时限, 限时办结): the category defaults, overridden per district. Acceptance counts
//! from submission; response and completion from acceptance.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{AreaKind, DeadlineSetting, FieldRule, Id, NeedCategory, Urgency};
use shared::{AuditAction, AuditEntity};

use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::domain::need_categories::{CATEGORIES, find, urgency_index};
use crate::domain::scope::{Scope, path_ids};
use crate::entities::{area, need_deadline};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};

pub fn categories() -> Vec<NeedCategory> {
    CATEGORIES
        .iter()
        .map(|c| NeedCategory {
            code: c.code.into(),
            name_zh: c.name_zh.into(),
            name_en: c.name_en.into(),
            acceptance_hours: c.acceptance_hours.to_vec(),
            response_hours: c.response_hours.to_vec(),
            completion_hours: c.completion_hours.to_vec(),
        })
        .collect()
}

/// The district on an area's path, if any.
async fn district_of<C: ConnectionTrait>(db: &C, area_path: &str) -> Result<Option<Id>, ApiError> {
    let ids = path_ids(area_path);
    Ok(area::Entity::find()
        .filter(area::Column::Id.is_in(ids))
        .filter(area::Column::Kind.eq(AreaKind::District.as_str()))
        .one(db)
        .await?
        .map(|a| a.id))
}

/// Hours in force for one category and urgency in an area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hours {
    pub acceptance: i64,
    pub response: i64,
    pub completion: i64,
}

/// The category's defaults, replaced by the district's override when it has one (an override set
/// before acceptance deadlines existed keeps the default acceptance time).
async fn hours<C: ConnectionTrait>(db: &C, area_path: &str, category: &str, urgency: Urgency) -> Result<Hours, ApiError> {
    let i = urgency_index(urgency);
    let mut hours = find(category).map_or(Hours { acceptance: 24, response: 12, completion: 72 }, |c| Hours {
        acceptance: c.acceptance_hours[i],
        response: c.response_hours[i],
        completion: c.completion_hours[i],
    });
    if let Some(district) = district_of(db, area_path).await? {
        let custom = need_deadline::Entity::find()
            .filter(need_deadline::Column::DistrictId.eq(district))
            .filter(need_deadline::Column::Category.eq(category))
            .filter(need_deadline::Column::Urgency.eq(urgency.as_str()))
            .one(db)
            .await?;
        if let Some(custom) = custom {
            hours = Hours {
                acceptance: custom.acceptance_hours.unwrap_or(hours.acceptance),
                response: custom.response_hours,
                completion: custom.completion_hours,
            };
        }
    }
    Ok(hours)
}

/// (response due, completion due) for a need accepted at `now`.
pub(crate) async fn due_times<C: ConnectionTrait>(
    db: &C,
    area_path: &str,
    category: &str,
    urgency: Urgency,
    now: DateTime<Utc>,
) -> Result<(DateTime<Utc>, DateTime<Utc>), ApiError> {
    let h = hours(db, area_path, category, urgency).await?;
    Ok((now + Duration::hours(h.response), now + Duration::hours(h.completion)))
}

/// When a need submitted (or resubmitted) at `now` must be accepted by (受理时限).
pub(crate) async fn acceptance_due<C: ConnectionTrait>(
    db: &C,
    area_path: &str,
    category: &str,
    urgency: Urgency,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, ApiError> {
    Ok(now + Duration::hours(hours(db, area_path, category, urgency).await?.acceptance))
}

async fn district_in_scope<C: ConnectionTrait>(db: &C, scope: &Scope, district_id: Id) -> Result<area::Model, ApiError> {
    let district = crate::policy::load_within::<crate::entities::area::Entity, _>(db, scope, district_id).await?;
    if district.kind != AreaKind::District.as_str() {
        return Err(ApiError::field("district_id", FieldRule::WrongKind, "deadlines are set per district"));
    }
    Ok(district)
}

/// Every category × urgency deadline in force in a district.
pub async fn deadlines_of<C: ConnectionTrait>(db: &C, scope: &Scope, district_id: Id) -> Result<Vec<DeadlineSetting>, ApiError> {
    let district = district_in_scope(db, scope, district_id).await?;
    let mut settings = Vec::new();
    for c in CATEGORIES {
        for urgency in [Urgency::Normal, Urgency::Urgent, Urgency::Emergency] {
            let h = hours(db, &district.path, c.code, urgency).await?;
            settings.push(DeadlineSetting {
                category: c.code.into(),
                urgency,
                acceptance_hours: h.acceptance,
                response_hours: h.response,
                completion_hours: h.completion,
            });
        }
    }
    Ok(settings)
}

/// Sets one deadline of a district (district admins for their district, platform admins anywhere).
pub async fn set_deadline<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    district_id: Id,
    setting: &DeadlineSetting,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<DeadlineSetting, ApiError> {
    let district = district_in_scope(db, &policy::allow(caller, Action::SetNeedDeadlines)?, district_id).await?;
    let mut errors = FieldErrors::default();
    if find(&setting.category).is_none() {
        errors.add("/category", FieldRule::NotFound, "no such category");
    }
    if setting.response_hours > setting.completion_hours {
        errors.add("/response_hours", FieldRule::OutOfRange, "cannot be longer than the completion deadline");
    }
    errors.finish()?;
    let urgency = setting.urgency.as_str();
    let existing = need_deadline::Entity::find()
        .filter(need_deadline::Column::DistrictId.eq(district.id))
        .filter(need_deadline::Column::Category.eq(setting.category.as_str()))
        .filter(need_deadline::Column::Urgency.eq(urgency))
        .one(db)
        .await?;
    let saved = match existing {
        Some(row) => {
            let mut model: need_deadline::ActiveModel = row.into();
            model.acceptance_hours = Set(Some(setting.acceptance_hours));
            model.response_hours = Set(setting.response_hours);
            model.completion_hours = Set(setting.completion_hours);
            model.updated_at = Set(now);
            model.update(db).await?
        }
        None => {
            need_deadline::ActiveModel {
                district_id: Set(district.id),
                category: Set(setting.category.clone()),
                urgency: Set(urgency.into()),
                acceptance_hours: Set(Some(setting.acceptance_hours)),
                response_hours: Set(setting.response_hours),
                completion_hours: Set(setting.completion_hours),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?
        }
    };
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::Update,
            entity: AuditEntity::NeedDeadline,
            entity_id: saved.id,
            area: Some((district.id, &district.path)),
            before: None,
            after: Some(setting),
        },
    )
    .await?;
    Ok(setting.clone())
}
