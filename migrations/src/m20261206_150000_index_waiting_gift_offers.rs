//! Offers of hours waiting for an answer, oldest first: the expiry sweep reads
//! `status = 'offered' AND created_at <= ?` every minute on every instance.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("idx_gift_offers_status_created")
                    .table(GiftOffers::Table)
                    .col(GiftOffers::Status)
                    .col(GiftOffers::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("idx_gift_offers_status_created").table(GiftOffers::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum GiftOffers {
    Table,
    Status,
    CreatedAt,
}
