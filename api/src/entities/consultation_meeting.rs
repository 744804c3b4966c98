//! `consultation_meetings`: meetings (协商会) of a topic and the decision each recorded.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "consultation_meetings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub topic_id: i64,
    pub held_at: DateTimeUtc,
    pub place: Option<String>,
    pub online: bool,
    /// JSON array of the options put to the meeting.
    pub options: String,
    pub minutes: Option<String>,
    pub decision: Option<String>,
    pub votes_for: Option<i32>,
    pub votes_against: Option<i32>,
    pub votes_abstaining: Option<i32>,
    pub outcome: Option<String>,
    pub quorum_present_pct: Option<i32>,
    pub pass_pct: Option<i32>,
    pub created_by: i64,
    pub recorded_by: Option<i64>,
    pub recorded_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
