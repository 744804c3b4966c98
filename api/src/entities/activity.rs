//! `activities`: volunteer activities (志愿活动), draft → open → closed → finished | cancelled.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "activities")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The community it belongs to.
    pub area_id: i64,
    pub area_path: String,
    /// An `OrganiserKind` code.
    pub organiser_kind: String,
    pub provider_id: Option<i64>,
    pub organiser_name: String,
    pub title: String,
    pub description: String,
    pub space_id: Option<i64>,
    pub place: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub capacity: i64,
    pub credit_minutes: i64,
    /// An `ActivityStatus` code.
    pub status: String,
    /// Places taken; changed only under the row lock `signup_seq = signup_seq + 1` takes.
    pub confirmed: i64,
    pub signup_seq: i64,
    /// The secret the minute codes derive from; never sent.
    pub code_secret: String,
    pub created_by: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
