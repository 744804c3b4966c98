//! `ledger_transfers`: immutable; a mistake is corrected by a reversal, never by an edit.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_transfers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// A `TransferKind` code.
    pub kind: String,
    pub reason: String,
    pub source_kind: Option<String>,
    pub source_id: Option<i64>,
    pub reverses_id: Option<i64>,
    pub idempotency_key: Option<String>,
    pub created_by: Option<i64>,
    pub area_id: i64,
    pub area_path: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
