//! `matching_plans`: batch assignments of open needs to service capacity, run as jobs.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "matching_plans")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub area_id: i64,
    pub area_path: String,
    pub category: Option<String>,
    pub urgency: Option<String>,
    pub status: String,
    pub progress: i32,
    pub parent_id: Option<i64>,
    pub created_by: i64,
    pub created_at: DateTimeUtc,
    pub finished_at: Option<DateTimeUtc>,
    pub applied_at: Option<DateTimeUtc>,
    pub applied_by: Option<i64>,
    pub need_count: i32,
    pub assigned_count: i32,
    /// Points (score ×10).
    pub total_score: i64,
    pub error: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
