//! Integration clients (OAuth 2.0 client credentials): who registered them, for which subtree and
//! scopes, their secret (hashed; the previous one until a grace time after rotation), revocation,
//! and one usage row per client and minute that is both the rate-limit counter and the usage report.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000001_create_areas::Areas;
use crate::m20261124_000002_create_users_and_tokens::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(IntegrationClients::Table)
                    .col(big_pk_auto(IntegrationClients::Id))
                    .col(string_len(IntegrationClients::Name, 100))
                    .col(string_len(IntegrationClients::ClientId, 64).unique_key())
                    // The account the client acts as (its webhooks, inbox and needs are this user's).
                    .col(big_integer(IntegrationClients::UserId))
                    .col(big_integer(IntegrationClients::AreaId))
                    .col(string_len(IntegrationClients::AreaPath, 255))
                    // Scope codes as `,needs:read,needs:write,`.
                    .col(string_len(IntegrationClients::Scopes, 400))
                    .col(string_len(IntegrationClients::SecretHash, 64))
                    .col(string_len_null(IntegrationClients::PreviousSecretHash, 64))
                    .col(timestamp_with_time_zone_null(IntegrationClients::PreviousValidUntil))
                    .col(integer(IntegrationClients::RateLimitPerMinute))
                    .col(timestamp_with_time_zone_null(IntegrationClients::RevokedAt))
                    .col(big_integer(IntegrationClients::CreatedBy))
                    .col(timestamp_with_time_zone(IntegrationClients::CreatedAt))
                    .col(timestamp_with_time_zone(IntegrationClients::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create().from(IntegrationClients::Table, IntegrationClients::UserId).to(Users::Table, Users::Id),
                    )
                    .foreign_key(
                        ForeignKey::create().from(IntegrationClients::Table, IntegrationClients::AreaId).to(Areas::Table, Areas::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_integration_clients_area")
                    .table(IntegrationClients::Table)
                    .col(IntegrationClients::AreaPath)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ClientUsage::Table)
                    .col(big_pk_auto(ClientUsage::Id))
                    .col(big_integer(ClientUsage::ClientId))
                    // Minutes since the Unix epoch: the rate-limit window.
                    .col(big_integer(ClientUsage::Minute))
                    // The China date of the minute, so usage is read per day with one GROUP BY.
                    .col(date(ClientUsage::Day))
                    .col(integer(ClientUsage::Requests).default(0))
                    .col(integer(ClientUsage::Errors).default(0))
                    .col(timestamp_with_time_zone(ClientUsage::LastUsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ClientUsage::Table, ClientUsage::ClientId)
                            .to(IntegrationClients::Table, IntegrationClients::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // The conflict target of the per-request upsert.
        manager
            .create_index(
                Index::create()
                    .name("idx_client_usage_client_minute")
                    .table(ClientUsage::Table)
                    .col(ClientUsage::ClientId)
                    .col(ClientUsage::Minute)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_client_usage_client_day")
                    .table(ClientUsage::Table)
                    .col(ClientUsage::ClientId)
                    .col(ClientUsage::Day)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ClientUsage::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(IntegrationClients::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum IntegrationClients {
    Table,
    Id,
    Name,
    ClientId,
    UserId,
    AreaId,
    AreaPath,
    Scopes,
    SecretHash,
    PreviousSecretHash,
    PreviousValidUntil,
    RateLimitPerMinute,
    RevokedAt,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ClientUsage {
    Table,
    Id,
    ClientId,
    Minute,
    Day,
    Requests,
    Errors,
    LastUsedAt,
}
