//! 时间银行支取: who pays the minutes of a need when it is confirmed. By default the community issues
//! them (as for every need before); the requester may choose to pay with their own banked minutes,
//! and staff may grant a payout from the community's pool (独居老人 and others who cannot earn).
//! One row per need that chose; none means the community issues them.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000004_create_needs::Needs;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(NeedTimePayments::Table)
                    .col(big_pk_auto(NeedTimePayments::Id))
                    .col(big_integer(NeedTimePayments::NeedId).unique_key())
                    .col(string_len(NeedTimePayments::Payer, 24))
                    .col(big_integer(NeedTimePayments::SetBy))
                    .col(timestamp_with_time_zone(NeedTimePayments::UpdatedAt))
                    .foreign_key(ForeignKey::create().from(NeedTimePayments::Table, NeedTimePayments::NeedId).to(Needs::Table, Needs::Id))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(NeedTimePayments::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum NeedTimePayments {
    Table,
    Id,
    NeedId,
    Payer,
    SetBy,
    UpdatedAt,
}
