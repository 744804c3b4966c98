//! The ledger of service time and points (时间银行 · 积分), double-entry: accounts per holder and unit
//! with a kept balance, immutable transfers, and their postings (which sum to zero per unit). The
//! rules (points per hour and per good rating, the time-bank overdraft) are data per area.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000001_create_areas::Areas;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One row per area that sets rules; each rule left NULL is inherited from the nearest area
        // above that sets it (points are set per district, the overdraft per community).
        manager
            .create_table(
                Table::create()
                    .table(LedgerRules::Table)
                    .col(big_pk_auto(LedgerRules::Id))
                    .col(big_integer(LedgerRules::AreaId).unique_key())
                    .col(string_len(LedgerRules::AreaPath, 255))
                    .col(big_integer_null(LedgerRules::OverdraftMinutes))
                    .col(big_integer_null(LedgerRules::PointsPerHour))
                    .col(big_integer_null(LedgerRules::PointsPerGoodRating))
                    .col(timestamp_with_time_zone(LedgerRules::UpdatedAt))
                    .foreign_key(ForeignKey::create().from(LedgerRules::Table, LedgerRules::AreaId).to(Areas::Table, Areas::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LedgerAccounts::Table)
                    .col(big_pk_auto(LedgerAccounts::Id))
                    .col(string_len(LedgerAccounts::HolderKind, 24))
                    .col(big_integer(LedgerAccounts::HolderId))
                    .col(string_len(LedgerAccounts::HolderName, 100))
                    .col(big_integer(LedgerAccounts::AreaId))
                    .col(string_len(LedgerAccounts::AreaPath, 255))
                    .col(string_len(LedgerAccounts::Unit, 16))
                    // Kept for reads; always equal to the sum of the account's postings (GET /ledger/check).
                    .col(big_integer(LedgerAccounts::Balance).default(0))
                    .col(timestamp_with_time_zone(LedgerAccounts::CreatedAt))
                    .foreign_key(ForeignKey::create().from(LedgerAccounts::Table, LedgerAccounts::AreaId).to(Areas::Table, Areas::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_ledger_accounts_holder_unit")
                    .table(LedgerAccounts::Table)
                    .col(LedgerAccounts::HolderKind)
                    .col(LedgerAccounts::HolderId)
                    .col(LedgerAccounts::Unit)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_ledger_accounts_area").table(LedgerAccounts::Table).col(LedgerAccounts::AreaPath).to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LedgerTransfers::Table)
                    .col(big_pk_auto(LedgerTransfers::Id))
                    .col(string_len(LedgerTransfers::Kind, 24))
                    .col(text(LedgerTransfers::Reason))
                    .col(string_len_null(LedgerTransfers::SourceKind, 24))
                    .col(big_integer_null(LedgerTransfers::SourceId))
                    // Unique: a transfer is reversed at most once.
                    .col(big_integer_null(LedgerTransfers::ReversesId).unique_key())
                    // Unique: a retried request or a repeated event writes one transfer.
                    .col(string_len_null(LedgerTransfers::IdempotencyKey, 300).unique_key())
                    .col(big_integer_null(LedgerTransfers::CreatedBy))
                    // The area of the transfer (its first account's), which scopes who may see and reverse it.
                    .col(big_integer(LedgerTransfers::AreaId))
                    .col(string_len(LedgerTransfers::AreaPath, 255))
                    .col(timestamp_with_time_zone(LedgerTransfers::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(LedgerTransfers::Table, LedgerTransfers::ReversesId)
                            .to(LedgerTransfers::Table, LedgerTransfers::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_ledger_transfers_source")
                    .table(LedgerTransfers::Table)
                    .col(LedgerTransfers::SourceKind)
                    .col(LedgerTransfers::SourceId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LedgerPostings::Table)
                    .col(big_pk_auto(LedgerPostings::Id))
                    .col(big_integer(LedgerPostings::TransferId))
                    .col(big_integer(LedgerPostings::AccountId))
                    .col(big_integer(LedgerPostings::Amount))
                    .col(big_integer(LedgerPostings::BalanceAfter))
                    // The transfer's time, kept here so a statement filters by date without a join.
                    .col(timestamp_with_time_zone(LedgerPostings::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(LedgerPostings::Table, LedgerPostings::TransferId)
                            .to(LedgerTransfers::Table, LedgerTransfers::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(LedgerPostings::Table, LedgerPostings::AccountId)
                            .to(LedgerAccounts::Table, LedgerAccounts::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // A statement is one account's postings newest first: keyset on (account, id).
        manager
            .create_index(
                Index::create()
                    .name("idx_ledger_postings_statement")
                    .table(LedgerPostings::Table)
                    .col(LedgerPostings::AccountId)
                    .col(LedgerPostings::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_ledger_postings_transfer")
                    .table(LedgerPostings::Table)
                    .col(LedgerPostings::TransferId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(LedgerPostings::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(LedgerTransfers::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(LedgerAccounts::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(LedgerRules::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum LedgerRules {
    Table,
    Id,
    AreaId,
    AreaPath,
    OverdraftMinutes,
    PointsPerHour,
    PointsPerGoodRating,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum LedgerAccounts {
    Table,
    Id,
    HolderKind,
    HolderId,
    HolderName,
    AreaId,
    AreaPath,
    Unit,
    Balance,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LedgerTransfers {
    Table,
    Id,
    Kind,
    Reason,
    SourceKind,
    SourceId,
    ReversesId,
    IdempotencyKey,
    CreatedBy,
    AreaId,
    AreaPath,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LedgerPostings {
    Table,
    Id,
    TransferId,
    AccountId,
    Amount,
    BalanceAfter,
    CreatedAt,
}
