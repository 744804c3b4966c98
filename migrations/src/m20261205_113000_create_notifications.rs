//! Notifications (站内信): one inbox row per (recipient, event), and per-user preferences by kind.
//! The text is not stored: the row keeps its kind and the few facts the text needs (`params`), so
//! the API renders it in the language each request asks for.

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
                    .table(Notifications::Table)
                    .col(big_pk_auto(Notifications::Id))
                    .col(big_integer(Notifications::RecipientId))
                    .col(string_len(Notifications::Kind, 48))
                    // The record it links to: `need` 42, `program` 7.
                    .col(string_len(Notifications::SubjectKind, 32))
                    .col(big_integer(Notifications::SubjectId))
                    // JSON object of the facts the text is rendered from (never a third party's personal data).
                    .col(text(Notifications::Params))
                    .col(timestamp_with_time_zone_null(Notifications::ReadAt))
                    .col(timestamp_with_time_zone(Notifications::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Notifications::Table, Notifications::RecipientId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // The inbox, newest first (keyset on id), and the unread count: one index serves both.
        manager
            .create_index(
                Index::create()
                    .name("idx_notifications_inbox")
                    .table(Notifications::Table)
                    .col(Notifications::RecipientId)
                    .col(Notifications::ReadAt)
                    .col(Notifications::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notifications_recipient_id")
                    .table(Notifications::Table)
                    .col(Notifications::RecipientId)
                    .col(Notifications::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(NotificationPreferences::Table)
                    .col(big_pk_auto(NotificationPreferences::Id))
                    .col(big_integer(NotificationPreferences::UserId))
                    .col(string_len(NotificationPreferences::Kind, 48))
                    .col(boolean(NotificationPreferences::Enabled))
                    .foreign_key(
                        ForeignKey::create()
                            .from(NotificationPreferences::Table, NotificationPreferences::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notification_preferences_pair")
                    .table(NotificationPreferences::Table)
                    .col(NotificationPreferences::UserId)
                    .col(NotificationPreferences::Kind)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(NotificationPreferences::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Notifications::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    RecipientId,
    Kind,
    SubjectKind,
    SubjectId,
    Params,
    ReadAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum NotificationPreferences {
    Table,
    Id,
    UserId,
    Kind,
    Enabled,
}
