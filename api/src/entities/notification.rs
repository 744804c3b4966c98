//! `notifications`: one inbox entry of one user (站内信). The text is rendered when read, in the
//! language asked for, from `kind` and `params`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub recipient_id: i64,
    /// A `shared::NotificationKind` code.
    pub kind: String,
    /// A `shared::SubjectKind` code: what `subject_id` is the id of.
    pub subject_kind: String,
    pub subject_id: i64,
    /// JSON object of the facts the text needs (category, missing items, program title).
    pub params: String,
    pub read_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
