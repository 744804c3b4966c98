//! `shop_orders`: redemptions (兑换订单), reserved → fulfilled | cancelled | expired.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "shop_orders")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub item_id: i64,
    pub item_name: String,
    /// The item's community.
    pub area_id: i64,
    pub area_path: String,
    pub offered_by: i64,
    pub resident_id: i64,
    pub resident_name: String,
    pub quantity: i64,
    pub points: i64,
    /// A `ShopOrderStatus` code; moved only by a conditional update on the current status.
    pub status: String,
    pub pickup_code: String,
    /// The pick-up code while reserved, NULL once closed (unique per community among open orders).
    pub open_code: Option<String>,
    pub pickup_place: String,
    pub expires_at: DateTimeUtc,
    pub transfer_id: Option<i64>,
    pub reversal_id: Option<i64>,
    pub created_at: DateTimeUtc,
    pub closed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
