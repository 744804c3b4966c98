//! Photos attached to needs; the bytes live on disk under the data directory, the rows say where.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000002_create_users_and_tokens::Users;
use crate::m20261124_000004_create_needs::Needs;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(NeedPhotos::Table)
                    .col(big_pk_auto(NeedPhotos::Id))
                    .col(big_integer(NeedPhotos::NeedId))
                    .col(string_len(NeedPhotos::Mime, 16))
                    .col(big_integer(NeedPhotos::Bytes))
                    // SHA-256 of the content: the file name, so the same photo is stored once per need.
                    .col(string_len(NeedPhotos::Sha256, 64))
                    .col(big_integer(NeedPhotos::UploadedBy))
                    .col(timestamp_with_time_zone(NeedPhotos::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(NeedPhotos::Table, NeedPhotos::NeedId)
                            .to(Needs::Table, Needs::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(ForeignKey::create().from(NeedPhotos::Table, NeedPhotos::UploadedBy).to(Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        manager.create_index(Index::create().name("idx_need_photos_need").table(NeedPhotos::Table).col(NeedPhotos::NeedId).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(NeedPhotos::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum NeedPhotos {
    Table,
    Id,
    NeedId,
    Mime,
    Bytes,
    Sha256,
    UploadedBy,
    CreatedAt,
}
