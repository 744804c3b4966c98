//! Mini-program bindings: an integration client's user (an openid or unionid) tied to a resident.
//! A resident token issued by token exchange names its binding, and works only while the binding
//! exists and its client is not revoked; unbinding deletes the row.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000002_create_users_and_tokens::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ResidentBindings::Table)
                    .col(big_pk_auto(ResidentBindings::Id))
                    .col(big_integer(ResidentBindings::ClientId))
                    .col(string_len(ResidentBindings::ExternalId, 128))
                    .col(big_integer(ResidentBindings::ResidentId))
                    .col(boolean(ResidentBindings::ResidentCreated).default(false))
                    .col(timestamp_with_time_zone(ResidentBindings::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ResidentBindings::Table, ResidentBindings::ClientId)
                            .to(IntegrationClients::Table, IntegrationClients::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create().from(ResidentBindings::Table, ResidentBindings::ResidentId).to(Users::Table, Users::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // One resident per user of a client; the exchange looks the user up by this pair.
        manager
            .create_index(
                Index::create()
                    .name("idx_resident_bindings_client_external")
                    .table(ResidentBindings::Table)
                    .col(ResidentBindings::ClientId)
                    .col(ResidentBindings::ExternalId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_resident_bindings_resident")
                    .table(ResidentBindings::Table)
                    .col(ResidentBindings::ResidentId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ResidentBindings::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum ResidentBindings {
    Table,
    Id,
    ClientId,
    ExternalId,
    ResidentId,
    ResidentCreated,
    CreatedAt,
}

#[derive(DeriveIden)]
enum IntegrationClients {
    Table,
    Id,
}
