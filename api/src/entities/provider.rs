//! `providers`: organisations and teams that offer services.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "providers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub kind: String,
    pub name: String,
    pub area_id: i64,
    pub area_path: String,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub user_id: Option<i64>,
    pub verified: bool,
    pub description: String,
    pub active: bool,
    pub created_by: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
