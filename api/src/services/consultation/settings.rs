//! Each community's consultation rules as data: the co-sign threshold (a count or a share of
//! households) and the quorum rule. Without a stored row the defaults apply.

use shared::{AuditAction, AuditEntity};
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use shared::{AreaKind, ConsultationSettings, FieldRule, Id, ThresholdKind};

use super::Context;
use crate::domain::caller::Caller;
use crate::domain::consultation_rules::{cosign_threshold, default_settings};
use crate::domain::field_errors::FieldErrors;
use crate::domain::scope::Scope;
use crate::entities::stored::stored;
use crate::entities::{area, consultation_setting, topic};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};

fn from_row(m: &consultation_setting::Model) -> Result<ConsultationSettings, ApiError> {
    Ok(ConsultationSettings {
        threshold_kind: stored(&m.threshold_kind, "consultation_settings", m.id)?,
        threshold_count: m.threshold_count,
        household_share_pct: m.household_share_pct,
        quorum_present_pct: m.quorum_present_pct,
        pass_pct: m.pass_pct,
    })
}

/// The settings in force in each of these communities.
pub(crate) async fn settings_of<C: ConnectionTrait>(db: &C, communities: &[Id]) -> Result<HashMap<Id, ConsultationSettings>, ApiError> {
    let rows =
        consultation_setting::Entity::find().filter(consultation_setting::Column::CommunityId.is_in(communities.to_vec())).all(db).await?;
    let mut found = HashMap::new();
    for r in &rows {
        found.insert(r.community_id, from_row(r)?);
    }
    for c in communities {
        found.entry(*c).or_insert_with(default_settings);
    }
    Ok(found)
}

/// The settings in force in one community.
pub(crate) async fn settings_for<C: ConnectionTrait>(db: &C, community: Id) -> Result<ConsultationSettings, ApiError> {
    Ok(settings_of(db, &[community]).await?.remove(&community).unwrap_or_else(default_settings))
}

/// The co-sign threshold of each topic's community, for a page of topics.
pub(crate) async fn thresholds<C: ConnectionTrait>(db: &C, cx: &Context, rows: &[topic::Model]) -> Result<HashMap<Id, i32>, ApiError> {
    let communities: Vec<Id> = rows.iter().map(|t| t.community_id).collect();
    let settings = settings_of(db, &communities).await?;
    Ok(settings.iter().map(|(c, s)| (*c, cosign_threshold(s, cx.households(*c)))).collect())
}

/// A community in the caller's scope, or 404.
async fn community<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<area::Model, ApiError> {
    let a = policy::load_within::<area::Entity, _>(db, &Scope::of(caller), id).await?;
    if a.kind != AreaKind::Community.as_str() {
        return Err(ApiError::NotFound("community"));
    }
    Ok(a)
}

/// The rules in force in a community of the caller's reach.
pub async fn get_settings<C: ConnectionTrait>(db: &C, caller: &Caller, id: Id) -> Result<ConsultationSettings, ApiError> {
    policy::require(caller, Action::ReadTopics)?;
    let c = community(db, caller, id).await?;
    settings_for(db, c.id).await
}

/// Sets a community's rules (community staff and those above it).
pub async fn set_settings<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    new: &ConsultationSettings,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<ConsultationSettings, ApiError> {
    policy::require(caller, Action::RunConsultation)?;
    let c = community(db, caller, id).await?;
    let mut errors = FieldErrors::default();
    if new.threshold_kind == ThresholdKind::HouseholdShare && new.household_share_pct.is_none() {
        errors.add("/household_share_pct", FieldRule::Required, "give the share of households for a household_share threshold");
    }
    if !(1..=100_000).contains(&new.threshold_count) {
        errors.add("/threshold_count", FieldRule::OutOfRange, "1 to 100000");
    }
    if new.household_share_pct.is_some_and(|p| !(0.01..=100.0).contains(&p)) {
        errors.add("/household_share_pct", FieldRule::OutOfRange, "0.01 to 100");
    }
    if !(1..=100).contains(&new.quorum_present_pct) {
        errors.add("/quorum_present_pct", FieldRule::OutOfRange, "1 to 100");
    }
    if !(1..=99).contains(&new.pass_pct) {
        errors.add("/pass_pct", FieldRule::OutOfRange, "1 to 99");
    }
    errors.finish()?;
    let existing = consultation_setting::Entity::find().filter(consultation_setting::Column::CommunityId.eq(c.id)).one(db).await?;
    let stored_before = existing.is_some();
    let mut m = match existing {
        Some(row) => row.into(),
        None => consultation_setting::ActiveModel { community_id: Set(c.id), ..Default::default() },
    };
    m.threshold_kind = Set(new.threshold_kind.as_str().into());
    m.threshold_count = Set(new.threshold_count);
    m.household_share_pct = Set(new.household_share_pct);
    m.quorum_present_pct = Set(new.quorum_present_pct);
    m.pass_pct = Set(new.pass_pct);
    m.updated_at = Set(now);
    let saved = if stored_before { m.update(db).await? } else { m.insert(db).await? };
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::Set,
            entity: AuditEntity::ConsultationSettings,
            entity_id: saved.id,
            area: Some((c.id, &c.path)),
            before: None,
            after: Some(new),
        },
    )
    .await?;
    Ok(new.clone())
}
