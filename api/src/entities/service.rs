//! `services`: what a provider or a person offers, to whom, when, where and how many.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "services")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub provider_id: Option<i64>,
    pub person_id: Option<i64>,
    pub name: String,
    pub category: String,
    pub description: String,
    /// `,elderly,disabled,`; empty: open to everyone.
    pub target_groups: String,
    pub min_age: Option<i32>,
    pub max_age: Option<i32>,
    pub cost_kind: String,
    pub price_fen: Option<i64>,
    pub capacity_per_week: i32,
    /// JSON array of weekly slots.
    pub schedule: String,
    /// JSON array of closed days.
    pub closed_days: String,
    pub mode: String,
    pub area_id: i64,
    pub area_path: String,
    /// JSON array of the paths of the areas served.
    pub served_paths: String,
    pub lat: Option<f64>,
    pub lng: Option<f64>,
    pub radius_m: Option<i32>,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
