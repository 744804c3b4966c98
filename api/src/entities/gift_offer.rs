//! `gift_offers`: hours offered to family, waiting for the receiver's answer or answered.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "gift_offers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub giver_id: i64,
    pub receiver_id: i64,
    pub minutes: i64,
    pub note: Option<String>,
    /// A `shared::GiftStatus` code.
    pub status: String,
    pub area_id: i64,
    pub area_path: String,
    pub transfer_id: Option<i64>,
    pub created_at: DateTimeUtc,
    pub answered_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
