//! `need_deadlines`: a district's deadlines for a category and urgency, overriding the defaults.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "need_deadlines")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub district_id: i64,
    pub category: String,
    pub urgency: String,
    /// Hours to accept after submission (受理时限); empty on older overrides: the category's default.
    pub acceptance_hours: Option<i64>,
    pub response_hours: i64,
    pub completion_hours: i64,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
