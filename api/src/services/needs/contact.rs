//! Revealing a need's contact to someone who handles it (查看完整号码): the need detail shows the
//! name and phone masked, and every look at them in full is an audit entry — who saw whose phone, when.

use sea_orm::ConnectionTrait;
use serde::Serialize;
use shared::{AuditAction, AuditEntity};
use shared::{Id, NeedContact};

use crate::domain::caller::Caller;
use crate::domain::masking::{mask_name, mask_phone};
use crate::entities::need;
use crate::error::ApiError;
use crate::policy;
use crate::services::audit::{self, Change};

/// What the audit entry of a reveal keeps: which contact was seen, masked, so the trail itself
/// does not spread the number it records.
#[derive(Serialize)]
struct Revealed {
    contact_name: Option<String>,
    contact_phone: Option<String>,
}

/// The need's contact in full, for a caller who handles it; 404 outside their reach, 403 for
/// supervisors and integrations. The reveal is audited in the same transaction.
pub async fn reveal_contact<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    id: Id,
    request_id: Option<&str>,
) -> Result<NeedContact, ApiError> {
    let m = policy::load::<need::Entity, _>(db, caller, id).await?;
    policy::needs::require_reveal(caller, &m)?;
    let seen =
        Revealed { contact_name: m.contact_name.as_deref().map(mask_name), contact_phone: m.contact_phone.as_deref().map(mask_phone) };
    audit::record(
        db,
        Some(caller),
        request_id,
        Change {
            action: AuditAction::RevealContact,
            entity: AuditEntity::Need,
            entity_id: m.id,
            area: Some((m.area_id, &m.area_path)),
            before: None,
            after: Some(&seen),
        },
    )
    .await?;
    Ok(NeedContact { need_id: m.id, contact_name: m.contact_name, contact_phone: m.contact_phone })
}
