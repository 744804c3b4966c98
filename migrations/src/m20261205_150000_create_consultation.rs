//! 民主协商: consultation topics (议题) with their co-signatures, gathered needs and timeline,
//! meetings (协商会) with participants by kind, residents' ratings (评议), and each community's
//! consultation settings (co-sign threshold and quorum rule, as data).

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000001_create_areas::Areas;
use crate::m20261124_000002_create_users_and_tokens::Users;
use crate::m20261124_000004_create_needs::Needs;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A child table of topics: `id`, `topic_id` (cascade) and the given columns.
fn child(table: impl IntoIden + Clone, topic_id: impl IntoIden + Clone, cols: Vec<ColumnDef>) -> TableCreateStatement {
    let mut t = Table::create().table(table.clone()).col(big_pk_auto(Alias::new("id"))).col(big_integer(topic_id.clone())).to_owned();
    for c in cols {
        t.col(c);
    }
    t.foreign_key(ForeignKey::create().from(table, topic_id).to(Topics::Table, Topics::Id).on_delete(ForeignKeyAction::Cascade)).to_owned()
}

async fn index(manager: &SchemaManager<'_>, name: &str, table: impl IntoIden, cols: Vec<Alias>, unique: bool) -> Result<(), DbErr> {
    let mut i = Index::create().name(name).table(table).to_owned();
    for c in cols {
        i.col(c);
    }
    if unique {
        i.unique();
    }
    manager.create_index(i).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Topics::Table)
                    .col(big_pk_auto(Topics::Id))
                    // The community it concerns; residents of it co-sign and rate.
                    .col(big_integer(Topics::CommunityId))
                    .col(string_len(Topics::CommunityPath, 255))
                    // Whose staff run it: the community, or the street / district it was referred to.
                    .col(big_integer(Topics::AreaId))
                    .col(string_len(Topics::AreaPath, 255))
                    .col(string_len(Topics::Category, 32))
                    .col(string_len(Topics::Title, 100))
                    .col(text(Topics::Text))
                    .col(big_integer(Topics::ProposerId))
                    .col(string_len(Topics::ProposerKind, 16))
                    .col(string_len_null(Topics::ProposerOrg, 100))
                    .col(string_len(Topics::Status, 24))
                    .col(integer(Topics::CosignCount))
                    .col(timestamp_with_time_zone_null(Topics::NoticeStartsAt))
                    .col(timestamp_with_time_zone_null(Topics::NoticeEndsAt))
                    .col(timestamp_with_time_zone_null(Topics::FiledAt))
                    .col(text_null(Topics::DeclineReason))
                    .col(text_null(Topics::Decision))
                    .col(big_integer_null(Topics::DecidedMeetingId))
                    .col(timestamp_with_time_zone_null(Topics::ResultNoticeStartsAt))
                    .col(timestamp_with_time_zone_null(Topics::ResultNoticeEndsAt))
                    .col(big_integer_null(Topics::ProgramId))
                    .col(integer(Topics::RatingCount))
                    .col(integer(Topics::RatingSum))
                    .col(timestamp_with_time_zone(Topics::CreatedAt))
                    .col(timestamp_with_time_zone(Topics::UpdatedAt))
                    .foreign_key(ForeignKey::create().from(Topics::Table, Topics::CommunityId).to(Areas::Table, Areas::Id))
                    .foreign_key(ForeignKey::create().from(Topics::Table, Topics::AreaId).to(Areas::Table, Areas::Id))
                    .foreign_key(ForeignKey::create().from(Topics::Table, Topics::ProposerId).to(Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_topics_area_path_id", Topics::Table, vec![Alias::new("area_path"), Alias::new("id")], false).await?;
        index(manager, "idx_topics_community_path_id", Topics::Table, vec![Alias::new("community_path"), Alias::new("id")], false).await?;
        index(manager, "idx_topics_status_id", Topics::Table, vec![Alias::new("status"), Alias::new("id")], false).await?;

        manager
            .create_table(
                child(
                    TopicCosigns::Table,
                    TopicCosigns::TopicId,
                    vec![big_integer(TopicCosigns::UserId), timestamp_with_time_zone(TopicCosigns::CreatedAt)],
                )
                .foreign_key(ForeignKey::create().from(TopicCosigns::Table, TopicCosigns::UserId).to(Users::Table, Users::Id))
                .to_owned(),
            )
            .await?;
        // Once per resident: the database enforces it too.
        index(manager, "idx_topic_cosigns_once", TopicCosigns::Table, vec![Alias::new("topic_id"), Alias::new("user_id")], true).await?;

        manager
            .create_table(
                child(
                    TopicNeeds::Table,
                    TopicNeeds::TopicId,
                    vec![big_integer(TopicNeeds::NeedId), timestamp_with_time_zone(TopicNeeds::CreatedAt)],
                )
                .foreign_key(ForeignKey::create().from(TopicNeeds::Table, TopicNeeds::NeedId).to(Needs::Table, Needs::Id))
                .to_owned(),
            )
            .await?;
        index(manager, "idx_topic_needs_pair", TopicNeeds::Table, vec![Alias::new("topic_id"), Alias::new("need_id")], true).await?;

        manager
            .create_table(child(
                TopicEvents::Table,
                TopicEvents::TopicId,
                vec![
                    timestamp_with_time_zone(TopicEvents::At),
                    string_len(TopicEvents::Action, 24),
                    string_len(TopicEvents::FromStatus, 24),
                    string_len(TopicEvents::ToStatus, 24),
                    big_integer_null(TopicEvents::ActorId),
                    text_null(TopicEvents::Note),
                ],
            ))
            .await?;
        index(manager, "idx_topic_events_topic", TopicEvents::Table, vec![Alias::new("topic_id")], false).await?;

        manager
            .create_table(child(
                TopicRatings::Table,
                TopicRatings::TopicId,
                vec![
                    big_integer(TopicRatings::UserId),
                    integer(TopicRatings::Rating),
                    text_null(TopicRatings::Comment),
                    timestamp_with_time_zone(TopicRatings::CreatedAt),
                ],
            ))
            .await?;
        index(manager, "idx_topic_ratings_once", TopicRatings::Table, vec![Alias::new("topic_id"), Alias::new("user_id")], true).await?;

        manager
            .create_table(child(
                ConsultationMeetings::Table,
                ConsultationMeetings::TopicId,
                vec![
                    timestamp_with_time_zone(ConsultationMeetings::HeldAt),
                    string_len_null(ConsultationMeetings::Place, 200),
                    boolean(ConsultationMeetings::Online),
                    // JSON array of the options put to the meeting.
                    text(ConsultationMeetings::Options),
                    text_null(ConsultationMeetings::Minutes),
                    text_null(ConsultationMeetings::Decision),
                    integer_null(ConsultationMeetings::VotesFor),
                    integer_null(ConsultationMeetings::VotesAgainst),
                    integer_null(ConsultationMeetings::VotesAbstaining),
                    string_len_null(ConsultationMeetings::Outcome, 16),
                    // The rule the vote was judged under, kept with it (settings may change later).
                    integer_null(ConsultationMeetings::QuorumPresentPct),
                    integer_null(ConsultationMeetings::PassPct),
                    big_integer(ConsultationMeetings::CreatedBy),
                    big_integer_null(ConsultationMeetings::RecordedBy),
                    timestamp_with_time_zone_null(ConsultationMeetings::RecordedAt),
                    timestamp_with_time_zone(ConsultationMeetings::CreatedAt),
                ],
            ))
            .await?;
        index(manager, "idx_consultation_meetings_topic", ConsultationMeetings::Table, vec![Alias::new("topic_id")], false).await?;

        manager
            .create_table(
                Table::create()
                    .table(MeetingParticipants::Table)
                    .col(big_pk_auto(MeetingParticipants::Id))
                    .col(big_integer(MeetingParticipants::MeetingId))
                    .col(string_len(MeetingParticipants::Kind, 24))
                    .col(integer(MeetingParticipants::Invited))
                    .col(integer_null(MeetingParticipants::Attended))
                    .foreign_key(
                        ForeignKey::create()
                            .from(MeetingParticipants::Table, MeetingParticipants::MeetingId)
                            .to(ConsultationMeetings::Table, ConsultationMeetings::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_meeting_participants_kind",
            MeetingParticipants::Table,
            vec![Alias::new("meeting_id"), Alias::new("kind")],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ConsultationSettings::Table)
                    .col(big_pk_auto(ConsultationSettings::Id))
                    .col(big_integer(ConsultationSettings::CommunityId))
                    .col(string_len(ConsultationSettings::ThresholdKind, 16))
                    .col(integer(ConsultationSettings::ThresholdCount))
                    .col(double_null(ConsultationSettings::HouseholdSharePct))
                    .col(integer(ConsultationSettings::QuorumPresentPct))
                    .col(integer(ConsultationSettings::PassPct))
                    .col(timestamp_with_time_zone(ConsultationSettings::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsultationSettings::Table, ConsultationSettings::CommunityId)
                            .to(Areas::Table, Areas::Id),
                    )
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_consultation_settings_community", ConsultationSettings::Table, vec![Alias::new("community_id")], true).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ConsultationSettings::Table.into_iden(),
            MeetingParticipants::Table.into_iden(),
            ConsultationMeetings::Table.into_iden(),
            TopicRatings::Table.into_iden(),
            TopicEvents::Table.into_iden(),
            TopicNeeds::Table.into_iden(),
            TopicCosigns::Table.into_iden(),
            Topics::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Topics {
    Table,
    Id,
    CommunityId,
    CommunityPath,
    AreaId,
    AreaPath,
    Category,
    Title,
    Text,
    ProposerId,
    ProposerKind,
    ProposerOrg,
    Status,
    CosignCount,
    NoticeStartsAt,
    NoticeEndsAt,
    FiledAt,
    DeclineReason,
    Decision,
    DecidedMeetingId,
    ResultNoticeStartsAt,
    ResultNoticeEndsAt,
    ProgramId,
    RatingCount,
    RatingSum,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum TopicCosigns {
    Table,
    TopicId,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum TopicNeeds {
    Table,
    TopicId,
    NeedId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum TopicEvents {
    Table,
    TopicId,
    At,
    Action,
    FromStatus,
    ToStatus,
    ActorId,
    Note,
}

#[derive(DeriveIden, Clone, Copy)]
enum TopicRatings {
    Table,
    TopicId,
    UserId,
    Rating,
    Comment,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ConsultationMeetings {
    Table,
    Id,
    TopicId,
    HeldAt,
    Place,
    Online,
    Options,
    Minutes,
    Decision,
    VotesFor,
    VotesAgainst,
    VotesAbstaining,
    Outcome,
    QuorumPresentPct,
    PassPct,
    CreatedBy,
    RecordedBy,
    RecordedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum MeetingParticipants {
    Table,
    Id,
    MeetingId,
    Kind,
    Invited,
    Attended,
}

#[derive(DeriveIden)]
enum ConsultationSettings {
    Table,
    Id,
    CommunityId,
    ThresholdKind,
    ThresholdCount,
    HouseholdSharePct,
    QuorumPresentPct,
    PassPct,
    UpdatedAt,
}
