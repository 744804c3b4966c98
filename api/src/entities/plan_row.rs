//! `plan_rows`: one need of a matching plan: where it goes, or why nowhere.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_rows")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub plan_id: i64,
    pub need_id: i64,
    pub service_id: Option<i64>,
    /// Points (score ×10).
    pub score: Option<i32>,
    pub reason: Option<String>,
    pub outcome: Option<String>,
    pub outcome_note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
