//! The audit trail: who changed what, when, with the record before and after.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: i64,
    pub at: chrono::DateTime<chrono::Utc>,
    /// Absent for changes made by the system (migrations, demo seeding, the CLI).
    pub actor_id: Option<i64>,
    pub actor_username: Option<String>,
    /// `create`, `update`, …
    pub action: String,
    /// `area`, `user`, …
    pub entity: String,
    pub entity_id: i64,
    /// The area the record belongs to; audit reads are scoped by it.
    pub area_id: Option<i64>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub request_id: Option<String>,
}
