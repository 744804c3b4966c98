//! Residence verification (居民认证): staff list the residents of their area by where their check
//! stands; community staff and grid workers of the resident's area confirm (已认证) or refuse with a
//! reason. Through the policy's scoped loader: a resident outside the caller's area is a 404.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use shared::{AuditAction, AuditEntity};
use shared::{Id, Page, RefuseResidence, Resident, Verification};

use super::staff_view;
use crate::domain::caller::Caller;
use crate::entities::{area, resident};
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::services::audit::{self, Change};
use crate::services::page::{Keyset, PageRequest};
use crate::services::search::Keyword;

/// Active resident accounts of the caller's subtree in one verification state, oldest first
/// (the longest waiting at the top of the pending list), optionally found by `q`.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    verification: Verification,
    q: Option<&str>,
    page: PageRequest,
) -> Result<Page<Resident>, ApiError> {
    let mut select = policy::visible::<resident::Entity>(caller)?
        .filter(resident::Column::Verification.eq(verification.as_str()))
        .filter(resident::Column::Active.eq(true));
    if let Some(q) = Keyword::parse(q) {
        select = select.filter(matching(caller, &q));
    }
    let keyset = Keyset::<resident::Entity> { name: "id", column: None, desc: false, id: resident::Column::Id, key_of: |m| (None, m.id) };
    let (rows, next_cursor) = page.fetch(db, select, &keyset).await?;
    let mut items = Vec::with_capacity(rows.len());
    for r in rows {
        items.push(staff_view(db, caller, r).await?);
    }
    Ok(Page { items, next_cursor })
}

/// Residents found by `q`: `#37` or `37` by id; otherwise part of the name or phone, but only for
/// callers who see residents' personal data (community staff). A masked caller could otherwise
/// tell a name or a number apart by searching for it, so for them a search finds by id alone.
fn matching(caller: &Caller, q: &Keyword) -> Condition {
    let personal = policy::residents::reveals_personal_data(caller, &caller.area_path);
    let columns: &[resident::Column] = if personal { &[resident::Column::DisplayName, resident::Column::Phone] } else { &[] };
    q.condition(resident::Column::Id, columns)
}

/// 已认证 (`refusal` `None`) or refused with a reason. Either decision may be revised.
pub async fn decide<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    refusal: Option<&RefuseResidence>,
    now: DateTime<Utc>,
    request_id: Option<&str>,
) -> Result<Resident, ApiError> {
    policy::require(caller, Action::VerifyResidents)?;
    let current = policy::load::<resident::Entity, _>(db, caller, id).await?;
    let home = area::Entity::find_by_id(current.area_id).one(db).await?.ok_or(ApiError::NotFound("area"))?;
    if !current.active {
        return Err(ApiError::Conflict(
            "only an active account can be verified (this one is disabled, deleted, or waits for its resident to sign up)".into(),
        ));
    }
    // The trail keeps the decision, not the resident's personal data.
    let before = json!({ "verification": current.verification, "refusal_reason": current.refusal_reason });
    let mut m: resident::ActiveModel = current.into();
    match refusal {
        None => {
            m.verification = Set(Verification::Verified.as_str().into());
            m.refusal_reason = Set(None);
            m.refusal_note = Set(None);
        }
        Some(r) => {
            m.verification = Set(Verification::Refused.as_str().into());
            m.refusal_reason = Set(Some(r.reason.as_str().into()));
            m.refusal_note = Set(r.note.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned));
        }
    }
    m.verified_by = Set(Some(caller.id));
    m.verified_at = Set(Some(now));
    m.updated_at = Set(now);
    let saved = m.update(db).await?;
    let after_trail = json!({ "verification": saved.verification, "refusal_reason": saved.refusal_reason });
    let after = staff_view(db, caller, saved).await?;
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: if refusal.is_none() { AuditAction::VerifyResidence } else { AuditAction::RefuseResidence },
            entity: AuditEntity::User,
            entity_id: id,
            area: Some((home.id, &home.path)),
            before: Some(&before),
            after: Some(&after_trail),
        },
    )
    .await?;
    Ok(after)
}
