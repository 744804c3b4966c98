//! A merchant (商户) sells for a provider: the merchant's account names it, and the items the
//! merchant offers carry it (with its name kept as the item was offered, like the offerer's).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        manager.alter_table(Table::alter().table(Users::Table).add_column(big_integer_null(Users::ProviderId)).to_owned()).await?;
        manager.alter_table(Table::alter().table(ShopItems::Table).add_column(big_integer_null(ShopItems::ProviderId)).to_owned()).await?;
        manager
            .alter_table(Table::alter().table(ShopItems::Table).add_column(string_len_null(ShopItems::ProviderName, 100)).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(ShopItems::Table).drop_column(ShopItems::ProviderName).to_owned()).await?;
        manager.alter_table(Table::alter().table(ShopItems::Table).drop_column(ShopItems::ProviderId).to_owned()).await?;
        manager.alter_table(Table::alter().table(Users::Table).drop_column(Users::ProviderId).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    ProviderId,
}

#[derive(DeriveIden)]
enum ShopItems {
    Table,
    ProviderId,
    ProviderName,
}
