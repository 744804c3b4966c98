//! The points shop (积分商城, seed 004's 缤纷社区 缤豆): items merchants offer in a community for
//! points, and the orders (redemptions) residents place — reserved until the merchant hands the item
//! over against the pick-up code, or cancelled / expired with the points given back by reversal.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Id, code_enum};

code_enum! {
    /// Where an order stands (兑换订单状态).
    pub enum ShopOrderStatus {
        /// 待领取: stock and points are held until pick-up or expiry.
        Reserved = "reserved",
        /// 已领取: the merchant handed the item over against the pick-up code.
        Fulfilled = "fulfilled",
        /// 已取消: by the resident or by staff; points and stock came back.
        Cancelled = "cancelled",
        /// 已过期: not picked up in time; points and stock came back.
        Expired = "expired",
    }
}

/// An item of the points shop, as the caller may see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopItem {
    pub id: Id,
    /// The community the item is offered in.
    pub area_id: Id,
    /// The account that offers it (a merchant, or staff for the community).
    pub offered_by: Id,
    #[cfg_attr(feature = "openapi", schema(example = "缤纷便利店"))]
    pub offered_by_name: String,
    /// The provider that sells it (a merchant's item); its name as when offered.
    pub provider_id: Option<Id>,
    #[cfg_attr(feature = "openapi", schema(example = "缤纷便利店"))]
    pub provider_name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "环保购物袋"))]
    pub name: String,
    pub description: String,
    #[cfg_attr(feature = "openapi", schema(example = 50))]
    pub points_price: i64,
    /// Stock left (reserved orders are already taken off).
    pub stock: i64,
    pub limit_per_person: i64,
    pub valid_from: DateTime<Utc>,
    pub valid_to: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(example = "缤纷社区党群服务中心一楼"))]
    pub pickup_place: String,
    pub active: bool,
    /// Active, valid now and in stock: residents can redeem it.
    pub available: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Offer an item, or replace one's fields (`PUT`). Stock is what is left to redeem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ShopItemInput {
    /// The community it is offered in (a merchant's own community).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, example = 5))]
    pub area_id: Id,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100, example = "环保购物袋"))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 2000, example = "可重复使用的帆布购物袋"))]
    #[serde(default)]
    pub description: String,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000000, example = 50))]
    pub points_price: i64,
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1000000, example = 20))]
    pub stock: i64,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000, example = 2))]
    pub limit_per_person: i64,
    pub valid_from: DateTime<Utc>,
    /// After `valid_from`.
    pub valid_to: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200, example = "缤纷社区党群服务中心一楼"))]
    pub pickup_place: String,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

/// A page of items, with how many the filters select.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopItemPage {
    pub items: Vec<ShopItem>,
    pub next_cursor: Option<String>,
    pub total: i64,
}

/// Redeem `quantity` of an item (send an `Idempotency-Key`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Redeem {
    #[cfg_attr(feature = "openapi", schema(minimum = 1, example = 1))]
    pub item_id: Id,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100, example = 1))]
    pub quantity: i64,
}

/// An order (兑换订单).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopOrder {
    pub id: Id,
    pub item_id: Id,
    #[cfg_attr(feature = "openapi", schema(example = "环保购物袋"))]
    pub item_name: String,
    pub area_id: Id,
    pub offered_by: Id,
    pub resident_id: Id,
    /// Masked (张*) for callers who do not handle the resident's personal data.
    #[cfg_attr(feature = "openapi", schema(example = "张*"))]
    pub resident_name: String,
    pub quantity: i64,
    /// Points paid (price × quantity).
    pub points: i64,
    pub status: ShopOrderStatus,
    /// Shown to the resident only, while the order is reserved; the merchant types it in.
    #[cfg_attr(feature = "openapi", schema(example = "482913"))]
    pub pickup_code: Option<String>,
    pub pickup_place: String,
    pub expires_at: DateTime<Utc>,
    /// The ledger transfer that took the points, and the reversal that gave them back.
    pub transfer_id: Option<Id>,
    pub reversal_id: Option<Id>,
    pub created_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

/// A page of orders, with the count and points of everything the filters select.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopOrderPage {
    pub items: Vec<ShopOrder>,
    pub next_cursor: Option<String>,
    pub total: i64,
    pub total_points: i64,
}

/// Hand an order over: the pick-up code the resident shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FulfilOrder {
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{6}$", example = "482913"))]
    pub code: String,
}

/// Cancel an order; staff say why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CancelOrder {
    #[cfg_attr(feature = "openapi", schema(max_length = 500, example = "不需要了"))]
    #[serde(default)]
    pub reason: Option<String>,
}
