//! `sms_sends`: one row per code sent and per limit it counts against (`phone:…`, `client:…`), so
//! the rate limits hold across API instances.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sms_sends")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub limit_key: String,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
