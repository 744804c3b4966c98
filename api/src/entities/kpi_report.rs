//! `kpi_reports`: reported values with provenance; a later report supersedes, never overwrites.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "kpi_reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub indicator: String,
    pub area_id: i64,
    pub area_path: String,
    pub period: String,
    pub first_month: i32,
    pub last_month: i32,
    pub value: f64,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub source_note: String,
    pub reported_by: i64,
    pub reported_at: DateTimeUtc,
    pub replaces: Option<i64>,
    pub superseded_by: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
