//! `kpi_targets`: an indicator's target for one area and year, overriding the catalogue's.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "kpi_targets")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub indicator: String,
    pub area_id: i64,
    pub area_path: String,
    pub year: i32,
    pub comparator: String,
    pub value: f64,
    pub note: Option<String>,
    pub set_by: i64,
    pub set_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
