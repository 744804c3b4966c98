//! Resident needs, their timeline events, co-signatures and per-district deadlines.

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
                    .table(Needs::Table)
                    .col(big_pk_auto(Needs::Id))
                    .col(big_integer(Needs::AreaId))
                    // Copied from the area (paths never change) so scoping needs no join.
                    .col(string_len(Needs::AreaPath, 255))
                    .col(string_len(Needs::Category, 32))
                    .col(text(Needs::Text))
                    .col(string_len_null(Needs::Address, 200))
                    .col(double_null(Needs::Lat))
                    .col(double_null(Needs::Lng))
                    // ",elderly,disabled," so one tag is one LIKE on both databases.
                    .col(string_len(Needs::Tags, 255))
                    .col(string_len(Needs::Urgency, 16))
                    .col(timestamp_with_time_zone_null(Needs::PreferredTime))
                    .col(string_len(Needs::Channel, 16))
                    .col(string_len_null(Needs::ContactName, 50))
                    .col(string_len_null(Needs::ContactPhone, 20))
                    .col(big_integer_null(Needs::ResidentId))
                    .col(big_integer(Needs::SubmittedBy))
                    .col(string_len(Needs::Status, 16))
                    .col(big_integer_null(Needs::OwnerId))
                    .col(big_integer_null(Needs::AssigneeId))
                    .col(text_null(Needs::Missing))
                    .col(timestamp_with_time_zone_null(Needs::DispatchedAt))
                    .col(timestamp_with_time_zone_null(Needs::ResponseDueAt))
                    .col(timestamp_with_time_zone_null(Needs::CompletionDueAt))
                    .col(timestamp_with_time_zone_null(Needs::EscalatedAt))
                    .col(boolean(Needs::Unclaimed))
                    .col(integer(Needs::ReopenCount))
                    .col(integer_null(Needs::Rating))
                    .col(text_null(Needs::RatingComment))
                    .col(text_null(Needs::Resolution))
                    .col(text_null(Needs::Reason))
                    .col(integer(Needs::CosignCount))
                    .col(timestamp_with_time_zone_null(Needs::RespondedAt))
                    .col(timestamp_with_time_zone_null(Needs::ResolvedAt))
                    .col(timestamp_with_time_zone(Needs::CreatedAt))
                    .col(timestamp_with_time_zone(Needs::UpdatedAt))
                    .foreign_key(ForeignKey::create().from(Needs::Table, Needs::AreaId).to(Areas::Table, Areas::Id))
                    .foreign_key(ForeignKey::create().from(Needs::Table, Needs::ResidentId).to(Users::Table, Users::Id))
                    .foreign_key(ForeignKey::create().from(Needs::Table, Needs::SubmittedBy).to(Users::Table, Users::Id))
                    .foreign_key(ForeignKey::create().from(Needs::Table, Needs::OwnerId).to(Users::Table, Users::Id))
                    .foreign_key(ForeignKey::create().from(Needs::Table, Needs::AssigneeId).to(Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("idx_needs_area_path_id", vec![Needs::AreaPath, Needs::Id]),
            ("idx_needs_status_id", vec![Needs::Status, Needs::Id]),
            ("idx_needs_assignee", vec![Needs::AssigneeId]),
            ("idx_needs_resident", vec![Needs::ResidentId]),
            ("idx_needs_completion_due", vec![Needs::CompletionDueAt]),
        ] {
            let mut index = Index::create().name(name).table(Needs::Table).to_owned();
            for col in cols {
                index.col(col);
            }
            manager.create_index(index).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(NeedEvents::Table)
                    .col(big_pk_auto(NeedEvents::Id))
                    .col(big_integer(NeedEvents::NeedId))
                    .col(timestamp_with_time_zone(NeedEvents::At))
                    .col(string_len(NeedEvents::Action, 16))
                    .col(string_len(NeedEvents::FromStatus, 16))
                    .col(string_len(NeedEvents::ToStatus, 16))
                    .col(big_integer_null(NeedEvents::ActorId))
                    .col(text_null(NeedEvents::Note))
                    .foreign_key(
                        ForeignKey::create()
                            .from(NeedEvents::Table, NeedEvents::NeedId)
                            .to(Needs::Table, Needs::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_need_events_need").table(NeedEvents::Table).col(NeedEvents::NeedId).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(NeedCosigns::Table)
                    .col(big_pk_auto(NeedCosigns::Id))
                    .col(big_integer(NeedCosigns::NeedId))
                    .col(big_integer(NeedCosigns::UserId))
                    .col(timestamp_with_time_zone(NeedCosigns::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(NeedCosigns::Table, NeedCosigns::NeedId)
                            .to(Needs::Table, Needs::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(ForeignKey::create().from(NeedCosigns::Table, NeedCosigns::UserId).to(Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        // Once per person (需求众筹): the database enforces it too.
        manager
            .create_index(
                Index::create()
                    .name("idx_need_cosigns_once")
                    .table(NeedCosigns::Table)
                    .col(NeedCosigns::NeedId)
                    .col(NeedCosigns::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(NeedDeadlines::Table)
                    .col(big_pk_auto(NeedDeadlines::Id))
                    .col(big_integer(NeedDeadlines::DistrictId))
                    .col(string_len(NeedDeadlines::Category, 32))
                    .col(string_len(NeedDeadlines::Urgency, 16))
                    .col(big_integer(NeedDeadlines::ResponseHours))
                    .col(big_integer(NeedDeadlines::CompletionHours))
                    .col(timestamp_with_time_zone(NeedDeadlines::UpdatedAt))
                    .foreign_key(ForeignKey::create().from(NeedDeadlines::Table, NeedDeadlines::DistrictId).to(Areas::Table, Areas::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_need_deadlines_key")
                    .table(NeedDeadlines::Table)
                    .col(NeedDeadlines::DistrictId)
                    .col(NeedDeadlines::Category)
                    .col(NeedDeadlines::Urgency)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in
            [NeedDeadlines::Table.into_iden(), NeedCosigns::Table.into_iden(), NeedEvents::Table.into_iden(), Needs::Table.into_iden()]
        {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone)]
pub enum Needs {
    Table,
    Id,
    AreaId,
    AreaPath,
    Category,
    Text,
    Address,
    Lat,
    Lng,
    Tags,
    Urgency,
    PreferredTime,
    Channel,
    ContactName,
    ContactPhone,
    ResidentId,
    SubmittedBy,
    Status,
    OwnerId,
    AssigneeId,
    Missing,
    DispatchedAt,
    ResponseDueAt,
    CompletionDueAt,
    EscalatedAt,
    Unclaimed,
    ReopenCount,
    Rating,
    RatingComment,
    Resolution,
    Reason,
    CosignCount,
    RespondedAt,
    ResolvedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum NeedEvents {
    Table,
    Id,
    NeedId,
    At,
    Action,
    FromStatus,
    ToStatus,
    ActorId,
    Note,
}

#[derive(DeriveIden)]
enum NeedCosigns {
    Table,
    Id,
    NeedId,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum NeedDeadlines {
    Table,
    Id,
    DistrictId,
    Category,
    Urgency,
    ResponseHours,
    CompletionHours,
    UpdatedAt,
}
