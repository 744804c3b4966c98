//! Residents as community staff reach them: the `users` rows of role `resident`, read through their
//! own entity so the policy can scope them (`Scoped`) apart from staff accounts. Reads and updates
//! only; accounts are created through `user`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub display_name: String,
    pub role: String,
    pub area_id: i64,
    pub active: bool,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub verification: String,
    pub refusal_reason: Option<String>,
    pub refusal_note: Option<String>,
    pub verified_by: Option<i64>,
    pub verified_at: Option<DateTimeUtc>,
    pub signed_up_at: Option<DateTimeUtc>,
    pub deleted_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
