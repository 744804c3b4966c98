//! `shop_items`: what merchants offer in a community's points shop (积分商城).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "shop_items")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The community it is offered in.
    pub area_id: i64,
    pub area_path: String,
    pub offered_by: i64,
    pub offered_by_name: String,
    /// The provider that sells it, when a merchant offered it; its name as when offered.
    pub provider_id: Option<i64>,
    pub provider_name: Option<String>,
    pub name: String,
    pub description: String,
    pub points_price: i64,
    /// Changed only by conditional updates in `services::shop` (never read, then written).
    pub stock: i64,
    pub limit_per_person: i64,
    pub valid_from: DateTimeUtc,
    pub valid_to: DateTimeUtc,
    pub pickup_place: String,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
