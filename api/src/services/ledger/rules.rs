//! The ledger's rules as data per area (积分规则): read what applies at an area, and set an area's
//! own. Points and caps are a district's; the overdraft is a district's default or a community's.
//! A set replaces the area's own row whole (a rule left out is inherited again), audited with the
//! row before and after.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TryIntoModel};
use shared::{AreaKind, AuditAction, AuditEntity, EffectiveLedgerRules, FieldRule, Id, LedgerRules, SetLedgerRules};

use super::rules_at;
use crate::domain::caller::Caller;
use crate::domain::field_errors::FieldErrors;
use crate::entities::stored::stored;
use crate::entities::{area, ledger_rule};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};

fn own_of(row: Option<&ledger_rule::Model>) -> SetLedgerRules {
    let Some(r) = row else { return SetLedgerRules::default() };
    SetLedgerRules {
        overdraft_minutes: r.overdraft_minutes,
        points_per_hour: r.points_per_hour,
        points_per_good_rating: r.points_per_good_rating,
        points_per_activity: r.points_per_activity,
        points_per_consultation: r.points_per_consultation,
        points_per_survey: r.points_per_survey,
        daily_points_cap: r.daily_points_cap,
        monthly_points_cap: r.monthly_points_cap,
    }
}

async fn rules_of<C: ConnectionTrait>(db: &C, a: &area::Model) -> Result<LedgerRules, ApiError> {
    let row = ledger_rule::Entity::find().filter(ledger_rule::Column::AreaId.eq(a.id)).one(db).await?;
    let r = rules_at(db, &a.path).await?;
    Ok(LedgerRules {
        area_id: a.id,
        own: own_of(row.as_ref()),
        effective: EffectiveLedgerRules {
            overdraft_minutes: r.overdraft_minutes,
            points_per_hour: r.points.per_hour,
            points_per_good_rating: r.points.per_good_rating,
            points_per_activity: r.points.per_activity,
            points_per_consultation: r.points.per_consultation,
            points_per_survey: r.points.per_survey,
            daily_points_cap: r.caps.daily,
            monthly_points_cap: r.caps.monthly,
        },
    })
}

/// The rules of an area in the caller's reach: its own and what applies there.
pub async fn get<C: ConnectionTrait>(db: &C, caller: &Caller, area_id: Id) -> Result<LedgerRules, ApiError> {
    policy::require(caller, Action::ReadLedger)?;
    let a = policy::load::<area::Entity, _>(db, caller, area_id).await?;
    rules_of(db, &a).await
}

/// What a set may hold at an area of `kind`, every bad field at once.
fn check(kind: AreaKind, req: &SetLedgerRules) -> Result<(), ApiError> {
    let mut errors = FieldErrors::default();
    if kind == AreaKind::Community {
        let district_only = [
            ("/points_per_hour", req.points_per_hour),
            ("/points_per_good_rating", req.points_per_good_rating),
            ("/points_per_activity", req.points_per_activity),
            ("/points_per_consultation", req.points_per_consultation),
            ("/points_per_survey", req.points_per_survey),
            ("/daily_points_cap", req.daily_points_cap),
            ("/monthly_points_cap", req.monthly_points_cap),
        ];
        for (field, value) in district_only {
            if value.is_some() {
                errors.add(field, FieldRule::NotAllowed, "points and caps are set by the district; a community sets its overdraft");
            }
        }
    }
    if let (Some(daily), Some(monthly)) = (req.daily_points_cap, req.monthly_points_cap)
        && monthly < daily
    {
        errors.add("/monthly_points_cap", FieldRule::OutOfRange, "the monthly cap is at least the daily cap");
    }
    Ok(errors.finish()?)
}

/// Sets an area's own rules (district and platform admins; a district or a community).
pub async fn set<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    area_id: Id,
    req: &SetLedgerRules,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<LedgerRules, ApiError> {
    policy::require(caller, Action::SetLedgerRules)?;
    let a = policy::load::<area::Entity, _>(db, caller, area_id).await?;
    let kind: AreaKind = stored(&a.kind, "areas", a.id)?;
    if !matches!(kind, AreaKind::District | AreaKind::Community) {
        return Err(ApiError::Conflict(format!(
            "area {area_id} is a {}; ledger rules are set by a district or a community",
            kind.as_str()
        )));
    }
    check(kind, req)?;
    let before = ledger_rule::Entity::find().filter(ledger_rule::Column::AreaId.eq(a.id)).one(db).await?;
    let old = own_of(before.as_ref());
    let mut row: ledger_rule::ActiveModel = match before {
        Some(found) => found.into(),
        None => ledger_rule::ActiveModel { area_id: Set(a.id), area_path: Set(a.path.clone()), ..Default::default() },
    };
    row.overdraft_minutes = Set(req.overdraft_minutes);
    row.points_per_hour = Set(req.points_per_hour);
    row.points_per_good_rating = Set(req.points_per_good_rating);
    row.points_per_activity = Set(req.points_per_activity);
    row.points_per_consultation = Set(req.points_per_consultation);
    row.points_per_survey = Set(req.points_per_survey);
    row.daily_points_cap = Set(req.daily_points_cap);
    row.monthly_points_cap = Set(req.monthly_points_cap);
    row.updated_at = Set(now);
    let saved = row.save(db).await?.try_into_model()?;
    let change = Change {
        action: AuditAction::Set,
        entity: AuditEntity::LedgerRules,
        entity_id: saved.id,
        area: Some((a.id, &a.path)),
        before: Some(&old),
        after: Some(req),
    };
    audit::record(db, Some(caller), request_id, change).await?;
    rules_of(db, &a).await
}
