//! `programs`: co-building programs.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "programs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub area_id: i64,
    pub area_path: String,
    pub title: String,
    pub description: String,
    pub lead_org: String,
    pub start_date: Date,
    pub end_date: Date,
    pub budget_fen: i64,
    pub status: String,
    pub public: bool,
    pub created_by: i64,
    pub submitted_by: Option<i64>,
    pub approved_by: Option<i64>,
    pub evaluation_score: Option<i32>,
    pub evaluator_type: Option<String>,
    pub evaluation_comments: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
