//! The audit trail: who changed what, when, with the record before and after.

use serde::{Deserialize, Serialize};

use crate::Id;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: Id,
    pub at: chrono::DateTime<chrono::Utc>,
    /// Absent for changes made by the system (migrations, demo seeding, the CLI).
    pub actor_id: Option<Id>,
    pub actor_username: Option<String>,
    /// `create`, `update`, …
    pub action: String,
    /// `area`, `user`, …
    pub entity: String,
    pub entity_id: Id,
    /// The area the record belongs to; audit reads are scoped by it.
    pub area_id: Option<Id>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub request_id: Option<String>,
}
