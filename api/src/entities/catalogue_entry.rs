//! `catalogue_entries`: the co-building catalogue, one row per direction, section or item and year.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "catalogue_entries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub year: i32,
    pub code: String,
    pub parent_code: Option<String>,
    pub level: String,
    pub name_zh: String,
    pub name_en: String,
    pub description_zh: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
