//! Users (with a role and a home area) and their refresh tokens, stored only as hashes.

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
                    .table(Users::Table)
                    .col(big_pk_auto(Users::Id))
                    .col(string_len(Users::Username, 32).unique_key())
                    .col(string_len(Users::DisplayName, 50))
                    .col(string_len(Users::Role, 32))
                    .col(big_integer(Users::AreaId))
                    .col(string_len(Users::PasswordHash, 255))
                    .col(boolean(Users::Active))
                    // Demo accounts are marked so they can never be mistaken for real ones.
                    .col(boolean(Users::Demo))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Users::Table, Users::AreaId)
                            .to(Areas::Table, Areas::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager.create_index(Index::create().name("idx_users_area").table(Users::Table).col(Users::AreaId).to_owned()).await?;
        manager
            .create_table(
                Table::create()
                    .table(RefreshTokens::Table)
                    .col(big_pk_auto(RefreshTokens::Id))
                    .col(big_integer(RefreshTokens::UserId))
                    // SHA-256 of the token: a leaked table does not yield usable tokens.
                    .col(string_len(RefreshTokens::TokenHash, 64).unique_key())
                    // Tokens descending from one login; reuse of a rotated token revokes the family.
                    .col(string_len(RefreshTokens::Family, 36))
                    .col(timestamp_with_time_zone(RefreshTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(RefreshTokens::RotatedAt))
                    .col(timestamp_with_time_zone_null(RefreshTokens::RevokedAt))
                    .col(timestamp_with_time_zone(RefreshTokens::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RefreshTokens::Table, RefreshTokens::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_refresh_tokens_family").table(RefreshTokens::Table).col(RefreshTokens::Family).to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_refresh_tokens_user").table(RefreshTokens::Table).col(RefreshTokens::UserId).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(RefreshTokens::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Users::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
pub enum Users {
    Table,
    Id,
    Username,
    DisplayName,
    Role,
    AreaId,
    PasswordHash,
    Active,
    Demo,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RefreshTokens {
    Table,
    Id,
    UserId,
    TokenHash,
    Family,
    ExpiresAt,
    RotatedAt,
    RevokedAt,
    CreatedAt,
}
