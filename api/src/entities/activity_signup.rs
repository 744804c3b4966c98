//! `activity_signups`: sign-ups (报名) with their attendance and the ledger credit it earned.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "activity_signups")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub activity_id: i64,
    /// The activity's community path (for scoping).
    pub area_path: String,
    pub user_id: i64,
    pub user_name: String,
    /// The `HolderKind` of the account the hours go to (volunteer or resident).
    pub holder_kind: String,
    /// A `SignupStatus` code.
    pub status: String,
    /// `user_id` while not cancelled, NULL after (one live sign-up per person and activity).
    pub live_user_id: Option<i64>,
    pub checked_in_at: Option<DateTimeUtc>,
    pub checked_out_at: Option<DateTimeUtc>,
    pub transfer_id: Option<i64>,
    pub reversal_id: Option<i64>,
    pub created_at: DateTimeUtc,
    pub cancelled_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
