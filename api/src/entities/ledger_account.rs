//! `ledger_accounts`: one per holder and unit, with the kept balance (时间银行 · 积分).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_accounts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// A `HolderKind` code.
    pub holder_kind: String,
    pub holder_id: i64,
    pub holder_name: String,
    pub area_id: i64,
    pub area_path: String,
    /// A `LedgerUnit` code.
    pub unit: String,
    /// Changed only by a conditional update in `services::ledger::post`, with a posting beside it.
    pub balance: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
