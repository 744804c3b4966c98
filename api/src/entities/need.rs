//! `needs`: resident needs and where they are in their lifecycle.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "needs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub area_id: i64,
    pub area_path: String,
    pub category: String,
    pub text: String,
    pub address: Option<String>,
    /// Served at the resident's home (上门): the address is then required.
    pub at_home: bool,
    pub lat: Option<f64>,
    pub lng: Option<f64>,
    /// `,elderly,disabled,`
    pub tags: String,
    pub urgency: String,
    pub preferred_time: Option<DateTimeUtc>,
    pub channel: String,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub resident_id: Option<i64>,
    pub submitted_by: i64,
    pub status: String,
    pub owner_id: Option<i64>,
    pub assignee_id: Option<i64>,
    /// The service it was dispatched through, when dispatched to a service.
    pub service_id: Option<i64>,
    /// JSON array of the missing items of a return.
    pub missing: Option<String>,
    pub dispatched_at: Option<DateTimeUtc>,
    /// 受理时限: when a submitted need must be accepted by (set on submission and resubmission).
    pub acceptance_due_at: Option<DateTimeUtc>,
    pub response_due_at: Option<DateTimeUtc>,
    pub completion_due_at: Option<DateTimeUtc>,
    pub escalated_at: Option<DateTimeUtc>,
    pub unclaimed: bool,
    pub reopen_count: i32,
    pub rating: Option<i32>,
    pub rating_comment: Option<String>,
    pub resolution: Option<String>,
    pub reason: Option<String>,
    pub cosign_count: i32,
    pub responded_at: Option<DateTimeUtc>,
    pub resolved_at: Option<DateTimeUtc>,
    /// Minutes a volunteer recorded when resolving it (志愿服务时长).
    pub volunteer_minutes: Option<i32>,
    /// The rating was recorded by staff from a call to the resident (回访), not given by them here.
    pub return_visit: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
