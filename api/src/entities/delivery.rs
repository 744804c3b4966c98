//! `deliveries`: what was delivered against a pledge.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "deliveries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub pledge_id: i64,
    pub delivered_on: Date,
    pub amount_fen: Option<i64>,
    pub people: Option<i64>,
    pub person_days: Option<f64>,
    pub quantity: Option<f64>,
    pub note: Option<String>,
    pub recorded_by: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
