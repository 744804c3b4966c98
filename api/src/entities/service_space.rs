//! `service_spaces`: the seven kinds of community service space.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "service_spaces")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub kind: String,
    pub name: String,
    pub area_id: i64,
    pub area_path: String,
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub lng: Option<f64>,
    #[sea_orm(column_name = "floor_area_m2")]
    pub floor_area_m2: f64,
    /// JSON array of weekly slots.
    pub opening_hours: String,
    pub capacity: i32,
    pub provider_id: Option<i64>,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
