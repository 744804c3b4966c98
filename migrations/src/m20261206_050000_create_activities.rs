//! Volunteer activities (志愿活动): the activities, their sign-ups with attendance, and the star-level
//! thresholds per district. Hours move only through the ledger (a sign-up names its transfer and,
//! when taken back, the reversal); places are taken only while the activity's row is locked.

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
                    .table(Activities::Table)
                    .col(big_pk_auto(Activities::Id))
                    // The community the activity belongs to.
                    .col(big_integer(Activities::AreaId))
                    .col(string_len(Activities::AreaPath, 255))
                    .col(string_len(Activities::OrganiserKind, 16))
                    .col(big_integer_null(Activities::ProviderId))
                    .col(string_len(Activities::OrganiserName, 100))
                    .col(string_len(Activities::Title, 100))
                    .col(text(Activities::Description))
                    .col(big_integer_null(Activities::SpaceId))
                    .col(string_len(Activities::Place, 200))
                    .col(timestamp_with_time_zone(Activities::StartsAt))
                    .col(timestamp_with_time_zone(Activities::EndsAt))
                    .col(big_integer(Activities::Capacity))
                    .col(big_integer(Activities::CreditMinutes))
                    .col(string_len(Activities::Status, 16))
                    // Places taken; changed only while the row is locked by `signup_seq = signup_seq + 1`.
                    .col(big_integer(Activities::Confirmed))
                    .col(big_integer(Activities::SignupSeq))
                    // The per-activity secret the minute codes are derived from (never sent).
                    .col(string_len(Activities::CodeSecret, 64))
                    .col(big_integer(Activities::CreatedBy))
                    .col(timestamp_with_time_zone(Activities::CreatedAt))
                    .col(timestamp_with_time_zone(Activities::UpdatedAt))
                    .foreign_key(ForeignKey::create().from(Activities::Table, Activities::AreaId).to(Areas::Table, Areas::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_activities_area").table(Activities::Table).col(Activities::AreaPath).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ActivitySignups::Table)
                    .col(big_pk_auto(ActivitySignups::Id))
                    .col(big_integer(ActivitySignups::ActivityId))
                    .col(string_len(ActivitySignups::AreaPath, 255))
                    .col(big_integer(ActivitySignups::UserId))
                    .col(string_len(ActivitySignups::UserName, 100))
                    .col(string_len(ActivitySignups::HolderKind, 16))
                    .col(string_len(ActivitySignups::Status, 16))
                    // The user while the sign-up is not cancelled, NULL after: one live sign-up per
                    // person and activity (NULLs never collide, on SQLite and PostgreSQL alike).
                    .col(big_integer_null(ActivitySignups::LiveUserId))
                    .col(timestamp_with_time_zone_null(ActivitySignups::CheckedInAt))
                    .col(timestamp_with_time_zone_null(ActivitySignups::CheckedOutAt))
                    .col(big_integer_null(ActivitySignups::TransferId))
                    .col(big_integer_null(ActivitySignups::ReversalId))
                    .col(timestamp_with_time_zone(ActivitySignups::CreatedAt))
                    .col(timestamp_with_time_zone_null(ActivitySignups::CancelledAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ActivitySignups::Table, ActivitySignups::ActivityId)
                            .to(Activities::Table, Activities::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_activity_signups_live")
                    .table(ActivitySignups::Table)
                    .col(ActivitySignups::ActivityId)
                    .col(ActivitySignups::LiveUserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_activity_signups_user").table(ActivitySignups::Table).col(ActivitySignups::UserId).to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VolunteerStarLevels::Table)
                    .col(big_pk_auto(VolunteerStarLevels::Id))
                    // The district (or any area) whose volunteers the thresholds apply to.
                    .col(big_integer(VolunteerStarLevels::AreaId))
                    .col(string_len(VolunteerStarLevels::AreaPath, 255))
                    .col(integer(VolunteerStarLevels::Level))
                    .col(big_integer(VolunteerStarLevels::MinHours))
                    .col(timestamp_with_time_zone(VolunteerStarLevels::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create().from(VolunteerStarLevels::Table, VolunteerStarLevels::AreaId).to(Areas::Table, Areas::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_star_levels_area_level")
                    .table(VolunteerStarLevels::Table)
                    .col(VolunteerStarLevels::AreaId)
                    .col(VolunteerStarLevels::Level)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(VolunteerStarLevels::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ActivitySignups::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Activities::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Activities {
    Table,
    Id,
    AreaId,
    AreaPath,
    OrganiserKind,
    ProviderId,
    OrganiserName,
    Title,
    Description,
    SpaceId,
    Place,
    StartsAt,
    EndsAt,
    Capacity,
    CreditMinutes,
    Status,
    Confirmed,
    SignupSeq,
    CodeSecret,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ActivitySignups {
    Table,
    Id,
    ActivityId,
    AreaPath,
    UserId,
    UserName,
    HolderKind,
    Status,
    LiveUserId,
    CheckedInAt,
    CheckedOutAt,
    TransferId,
    ReversalId,
    CreatedAt,
    CancelledAt,
}

#[derive(DeriveIden)]
enum VolunteerStarLevels {
    Table,
    Id,
    AreaId,
    AreaPath,
    Level,
    MinHours,
    UpdatedAt,
}
