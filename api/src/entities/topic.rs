//! `topics`: consultation topics (民主协商议题) and where they are in their lifecycle.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "topics")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The community it concerns (its residents co-sign and rate).
    pub community_id: i64,
    pub community_path: String,
    /// The area whose staff run it: the community, or the street / district it was referred to.
    pub area_id: i64,
    pub area_path: String,
    pub category: String,
    pub title: String,
    pub text: String,
    pub proposer_id: i64,
    pub proposer_kind: String,
    pub proposer_org: Option<String>,
    pub status: String,
    pub cosign_count: i32,
    pub notice_starts_at: Option<DateTimeUtc>,
    pub notice_ends_at: Option<DateTimeUtc>,
    pub filed_at: Option<DateTimeUtc>,
    pub decline_reason: Option<String>,
    pub decision: Option<String>,
    pub decided_meeting_id: Option<i64>,
    pub result_notice_starts_at: Option<DateTimeUtc>,
    pub result_notice_ends_at: Option<DateTimeUtc>,
    pub program_id: Option<i64>,
    pub rating_count: i32,
    pub rating_sum: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
