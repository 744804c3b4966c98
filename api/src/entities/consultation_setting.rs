//! `consultation_settings`: a community's co-sign threshold and quorum rule (data, not code).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "consultation_settings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub community_id: i64,
    pub threshold_kind: String,
    pub threshold_count: i32,
    pub household_share_pct: Option<f64>,
    pub quorum_present_pct: i32,
    pub pass_pct: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
