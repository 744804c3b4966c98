//! The points shop (积分商城): items merchants offer in a community, and the orders residents place.
//! Points move only through the ledger (an order names its transfer and, when cancelled or expired,
//! the reversal); stock is changed only by conditional updates.

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
                    .table(ShopItems::Table)
                    .col(big_pk_auto(ShopItems::Id))
                    // The community the item is offered in.
                    .col(big_integer(ShopItems::AreaId))
                    .col(string_len(ShopItems::AreaPath, 255))
                    .col(big_integer(ShopItems::OfferedBy))
                    .col(string_len(ShopItems::OfferedByName, 100))
                    .col(string_len(ShopItems::Name, 100))
                    .col(text(ShopItems::Description))
                    .col(big_integer(ShopItems::PointsPrice))
                    // What is left to redeem: `stock = stock - q WHERE stock >= q` is the only spend.
                    .col(big_integer(ShopItems::Stock))
                    .col(big_integer(ShopItems::LimitPerPerson))
                    .col(timestamp_with_time_zone(ShopItems::ValidFrom))
                    .col(timestamp_with_time_zone(ShopItems::ValidTo))
                    .col(string_len(ShopItems::PickupPlace, 200))
                    .col(boolean(ShopItems::Active))
                    .col(timestamp_with_time_zone(ShopItems::CreatedAt))
                    .col(timestamp_with_time_zone(ShopItems::UpdatedAt))
                    .foreign_key(ForeignKey::create().from(ShopItems::Table, ShopItems::AreaId).to(Areas::Table, Areas::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_shop_items_area").table(ShopItems::Table).col(ShopItems::AreaPath).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ShopOrders::Table)
                    .col(big_pk_auto(ShopOrders::Id))
                    .col(big_integer(ShopOrders::ItemId))
                    .col(string_len(ShopOrders::ItemName, 100))
                    .col(big_integer(ShopOrders::AreaId))
                    .col(string_len(ShopOrders::AreaPath, 255))
                    .col(big_integer(ShopOrders::OfferedBy))
                    .col(big_integer(ShopOrders::ResidentId))
                    .col(string_len(ShopOrders::ResidentName, 100))
                    .col(big_integer(ShopOrders::Quantity))
                    .col(big_integer(ShopOrders::Points))
                    .col(string_len(ShopOrders::Status, 16))
                    .col(string_len(ShopOrders::PickupCode, 6))
                    // The pick-up code while the order is open, NULL once closed: unique per community
                    // among open orders (NULLs never collide, on SQLite and PostgreSQL alike).
                    .col(string_len_null(ShopOrders::OpenCode, 6))
                    .col(string_len(ShopOrders::PickupPlace, 200))
                    .col(timestamp_with_time_zone(ShopOrders::ExpiresAt))
                    .col(big_integer_null(ShopOrders::TransferId))
                    .col(big_integer_null(ShopOrders::ReversalId))
                    .col(timestamp_with_time_zone(ShopOrders::CreatedAt))
                    .col(timestamp_with_time_zone_null(ShopOrders::ClosedAt))
                    .foreign_key(ForeignKey::create().from(ShopOrders::Table, ShopOrders::ItemId).to(ShopItems::Table, ShopItems::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_shop_orders_open_code")
                    .table(ShopOrders::Table)
                    .col(ShopOrders::AreaId)
                    .col(ShopOrders::OpenCode)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // The per-person limit counts a resident's orders of an item.
        manager
            .create_index(
                Index::create()
                    .name("idx_shop_orders_resident_item")
                    .table(ShopOrders::Table)
                    .col(ShopOrders::ResidentId)
                    .col(ShopOrders::ItemId)
                    .to_owned(),
            )
            .await?;
        // The sweeper looks for reserved orders past their expiry.
        manager
            .create_index(
                Index::create()
                    .name("idx_shop_orders_due")
                    .table(ShopOrders::Table)
                    .col(ShopOrders::Status)
                    .col(ShopOrders::ExpiresAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ShopOrders::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ShopItems::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum ShopItems {
    Table,
    Id,
    AreaId,
    AreaPath,
    OfferedBy,
    OfferedByName,
    Name,
    Description,
    PointsPrice,
    Stock,
    LimitPerPerson,
    ValidFrom,
    ValidTo,
    PickupPlace,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ShopOrders {
    Table,
    Id,
    ItemId,
    ItemName,
    AreaId,
    AreaPath,
    OfferedBy,
    ResidentId,
    ResidentName,
    Quantity,
    Points,
    Status,
    PickupCode,
    OpenCode,
    PickupPlace,
    ExpiresAt,
    TransferId,
    ReversalId,
    CreatedAt,
    ClosedAt,
}
