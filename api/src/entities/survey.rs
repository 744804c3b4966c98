//! `surveys`: 民意调查 surveys; questions are JSON (`shared::SurveyQuestion`s), changed only in draft.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "surveys")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub area_id: i64,
    pub area_path: String,
    pub title: String,
    pub description: String,
    pub audience: String,
    pub anonymous: bool,
    pub status: String,
    pub opens_at: DateTimeUtc,
    pub closes_at: DateTimeUtc,
    pub questions: String,
    pub response_count: i64,
    pub created_by: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
