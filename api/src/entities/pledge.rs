//! `pledges`: resources a partner pledged to a program.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "pledges")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub program_id: i64,
    pub partner_id: i64,
    pub kind: String,
    pub description: String,
    pub unit: Option<String>,
    pub amount_fen: Option<i64>,
    pub people: Option<i64>,
    pub person_days: Option<f64>,
    pub quantity: Option<f64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
