//! `ledger_rules`: the ledger's rules as data per area (points per hour, per good rating, per activity,
//! consultation and survey, and the daily and monthly caps, set by a district; the time-bank
//! overdraft by a community); a rule left `None` is inherited from above.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_rules")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub area_id: i64,
    pub area_path: String,
    pub overdraft_minutes: Option<i64>,
    pub points_per_hour: Option<i64>,
    pub points_per_good_rating: Option<i64>,
    pub points_per_activity: Option<i64>,
    pub points_per_consultation: Option<i64>,
    pub points_per_survey: Option<i64>,
    pub daily_points_cap: Option<i64>,
    pub monthly_points_cap: Option<i64>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
