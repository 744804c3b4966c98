//! `audit_log`: one row per write, with the record before and after.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: DateTimeUtc,
    pub actor_id: Option<i64>,
    pub actor_username: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: i64,
    pub area_path: Option<String>,
    pub area_id: Option<i64>,
    pub before: Option<Json>,
    pub after: Option<Json>,
    pub request_id: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
