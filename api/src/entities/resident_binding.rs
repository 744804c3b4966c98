//! `resident_bindings`: a user of an integration client (openid / unionid) tied to a resident.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "resident_bindings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The integration client (row id).
    pub client_id: i64,
    pub external_id: String,
    pub resident_id: i64,
    /// Whether binding made the resident.
    pub resident_created: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
