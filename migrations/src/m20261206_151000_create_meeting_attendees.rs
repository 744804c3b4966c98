//! `meeting_attendees`: the residents a meeting's sign-in sheet (签到表) names, and whether each
//! voted. Attendance by kind stays a count in `meeting_participants` (units, experts and the property
//! company are not accounts); the named residents are what 居民决策性参与比例 can count as people.
//! `held_at` copies the meeting's time so the KPI reads one table; a meeting's time is fixed once
//! its decision (and with it this sheet) is recorded.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(T::MeetingAttendees)
                    .col(big_pk_auto(T::Id))
                    .col(big_integer(T::MeetingId))
                    .col(big_integer(T::ResidentId))
                    .col(boolean(T::Voted))
                    .col(timestamp_with_time_zone(T::HeldAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(T::MeetingAttendees, T::MeetingId)
                            .to(T::ConsultationMeetings, T::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(T::MeetingAttendees, T::ResidentId)
                            .to(T::Users, T::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // A resident signs a meeting's sheet once.
        manager
            .create_index(
                Index::create()
                    .name("idx_meeting_attendees_key")
                    .table(T::MeetingAttendees)
                    .col(T::MeetingId)
                    .col(T::ResidentId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // The participation KPI reads a resident's acts.
        manager
            .create_index(Index::create().name("idx_meeting_attendees_resident").table(T::MeetingAttendees).col(T::ResidentId).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(T::MeetingAttendees).to_owned()).await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum T {
    Id,
    #[sea_orm(iden = "users")]
    Users,
    #[sea_orm(iden = "consultation_meetings")]
    ConsultationMeetings,
    #[sea_orm(iden = "meeting_attendees")]
    MeetingAttendees,
    MeetingId,
    ResidentId,
    Voted,
    HeldAt,
}
