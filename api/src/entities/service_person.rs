//! `service_people`: volunteers, party members who report to a community, social workers.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "service_people")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub kind: String,
    pub name: String,
    pub phone: Option<String>,
    pub area_id: i64,
    pub area_path: String,
    pub provider_id: Option<i64>,
    pub user_id: Option<i64>,
    pub certified: bool,
    pub reported_on: Option<Date>,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
