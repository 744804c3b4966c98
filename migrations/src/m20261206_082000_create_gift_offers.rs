//! Gifts of hours to family (时长转赠) with both sides' consent: the giver offers minutes to a
//! person, the receiver accepts (the transfer is posted then) or declines. Offers are never edited
//! after they are answered; the transfer they posted is kept on the offer.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000001_create_areas::Areas;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(GiftOffers::Table)
                    .col(big_pk_auto(GiftOffers::Id))
                    .col(big_integer(GiftOffers::GiverId))
                    .col(big_integer(GiftOffers::ReceiverId))
                    .col(big_integer(GiftOffers::Minutes))
                    .col(string_len_null(GiftOffers::Note, 200))
                    .col(string_len(GiftOffers::Status, 16))
                    // The giver's home, which scopes the offer like their account.
                    .col(big_integer(GiftOffers::AreaId))
                    .col(string_len(GiftOffers::AreaPath, 255))
                    .col(big_integer_null(GiftOffers::TransferId))
                    .col(timestamp_with_time_zone(GiftOffers::CreatedAt))
                    .col(timestamp_with_time_zone_null(GiftOffers::AnsweredAt))
                    .foreign_key(ForeignKey::create().from(GiftOffers::Table, GiftOffers::AreaId).to(Areas::Table, Areas::Id))
                    .to_owned(),
            )
            .await?;
        // A person's offers, given and received, newest first.
        for (name, col) in [("idx_gift_offers_giver", GiftOffers::GiverId), ("idx_gift_offers_receiver", GiftOffers::ReceiverId)] {
            manager.create_index(Index::create().name(name).table(GiftOffers::Table).col(col).col(GiftOffers::Id).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(GiftOffers::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum GiftOffers {
    Table,
    Id,
    GiverId,
    ReceiverId,
    Minutes,
    Note,
    Status,
    AreaId,
    AreaPath,
    TransferId,
    CreatedAt,
    AnsweredAt,
}
