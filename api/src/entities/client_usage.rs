//! `client_usage`: one row per integration client and minute — the rate-limit counter and, summed
//! per day, the client's usage.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "client_usage")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The `integration_clients.id` (not the public client id).
    pub client_id: i64,
    /// Minutes since the Unix epoch.
    pub minute: i64,
    /// The China date of the minute.
    pub day: Date,
    pub requests: i32,
    pub errors: i32,
    pub last_used_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
