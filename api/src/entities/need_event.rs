//! `need_events`: the timeline of a need, one row per accepted transition.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "need_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub need_id: i64,
    pub at: DateTimeUtc,
    pub action: String,
    pub from_status: String,
    pub to_status: String,
    pub actor_id: Option<i64>,
    pub note: Option<String>,
    /// The service a dispatch went through.
    pub service_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
