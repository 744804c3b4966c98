//! `areas`: the administrative tree with its materialised path and community profile columns.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "areas")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub parent_id: Option<i64>,
    pub kind: String,
    pub name: String,
    pub code: Option<String>,
    /// `/1/7/42/`: the ids from the root down to this area, each followed by `/`.
    pub path: String,
    pub depth: i32,
    pub settlement: Option<String>,
    pub area_ha: Option<f64>,
    pub households: Option<i64>,
    pub population: Option<i64>,
    #[sea_orm(column_name = "population_60_plus")]
    pub population_60_plus: Option<i64>,
    #[sea_orm(column_name = "building_area_m2")]
    pub building_area_m2: Option<f64>,
    #[sea_orm(column_name = "facility_area_m2")]
    pub facility_area_m2: Option<f64>,
    pub center_lat: Option<f64>,
    pub center_lng: Option<f64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
