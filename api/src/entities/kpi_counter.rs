//! `kpi_counters`: need counters per area (the need's own and each ancestor), month and counter.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "kpi_counters")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub area_id: i64,
    /// `yyyymm`, China time.
    #[sea_orm(primary_key, auto_increment = false)]
    pub month: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub counter: String,
    pub value: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
