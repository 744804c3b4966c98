//! 民意调查 surveys: the questionnaire (questions kept as JSON on the survey: they change only in
//! draft and are read whole), responses, who took part (apart from anonymous answers), the free-text
//! answers for paging, and the aggregates results are read from, kept in each answer's transaction.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000001_create_areas::Areas;
use crate::m20261124_000002_create_users_and_tokens::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A child table of surveys: `id`, `survey_id` (cascade) and the given columns.
fn child(table: Surveys, cols: Vec<ColumnDef>) -> TableCreateStatement {
    let mut t = Table::create().table(table).col(big_pk_auto(Alias::new("id"))).col(big_integer(Surveys::SurveyId)).to_owned();
    for c in cols {
        t.col(c);
    }
    t.foreign_key(ForeignKey::create().from(table, Surveys::SurveyId).to(Surveys::Table, Surveys::Id).on_delete(ForeignKeyAction::Cascade))
        .to_owned()
}

async fn index(manager: &SchemaManager<'_>, name: &str, table: Surveys, cols: &[&str], unique: bool) -> Result<(), DbErr> {
    let mut i = Index::create().name(name).table(table).to_owned();
    for c in cols {
        i.col(Alias::new(*c));
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
                    .table(Surveys::Table)
                    .col(big_pk_auto(Surveys::Id))
                    // The target: residents of this area's subtree answer.
                    .col(big_integer(Surveys::AreaId))
                    .col(string_len(Surveys::AreaPath, 255))
                    .col(string_len(Surveys::Title, 100))
                    .col(text(Surveys::Description))
                    .col(string_len(Surveys::Audience, 24))
                    .col(boolean(Surveys::Anonymous))
                    .col(string_len(Surveys::Status, 16))
                    .col(timestamp_with_time_zone(Surveys::OpensAt))
                    .col(timestamp_with_time_zone(Surveys::ClosesAt))
                    .col(text(Surveys::Questions))
                    .col(big_integer(Surveys::ResponseCount))
                    .col(big_integer(Surveys::CreatedBy))
                    .col(timestamp_with_time_zone(Surveys::CreatedAt))
                    .col(timestamp_with_time_zone(Surveys::UpdatedAt))
                    .foreign_key(ForeignKey::create().from(Surveys::Table, Surveys::AreaId).to(Areas::Table, Areas::Id))
                    .foreign_key(ForeignKey::create().from(Surveys::Table, Surveys::CreatedBy).to(Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_surveys_area_path_id", Surveys::Table, &["area_path", "id"], false).await?;

        manager
            .create_table(child(
                Surveys::Responses,
                vec![
                    // None for anonymous surveys and anonymous paper questionnaires.
                    big_integer_null(Surveys::ResidentId),
                    big_integer(Surveys::CommunityId),
                    boolean(Surveys::Paper),
                    big_integer_null(Surveys::EnteredBy),
                    text(Surveys::Answers),
                    timestamp_with_time_zone(Surveys::CreatedAt),
                ],
            ))
            .await?;
        index(manager, "idx_survey_responses_survey_id", Surveys::Responses, &["survey_id", "id"], false).await?;

        manager
            .create_table(child(
                Surveys::Participants,
                vec![big_integer(Surveys::ResidentId), timestamp_with_time_zone(Surveys::CreatedAt)],
            ))
            .await?;
        // Once per resident: this index decides a double answer race.
        index(manager, "idx_survey_participants_once", Surveys::Participants, &["survey_id", "resident_id"], true).await?;

        manager
            .create_table(child(
                Surveys::TextAnswers,
                vec![
                    integer(Surveys::Question),
                    big_integer(Surveys::CommunityId),
                    text(Surveys::Text),
                    timestamp_with_time_zone(Surveys::CreatedAt),
                ],
            ))
            .await?;
        index(manager, "idx_survey_text_answers_page", Surveys::TextAnswers, &["survey_id", "question", "id"], false).await?;

        manager
            .create_table(child(
                Surveys::OptionCounts,
                vec![
                    integer(Surveys::Question),
                    integer(Surveys::OptionNo),
                    big_integer(Surveys::CommunityId),
                    big_integer(Surveys::Count),
                ],
            ))
            .await?;
        index(
            manager,
            "idx_survey_option_counts_key",
            Surveys::OptionCounts,
            &["survey_id", "question", "option_no", "community_id"],
            true,
        )
        .await?;

        manager
            .create_table(child(
                Surveys::QuestionTotals,
                vec![integer(Surveys::Question), big_integer(Surveys::CommunityId), big_integer(Surveys::Count), double(Surveys::Sum)],
            ))
            .await?;
        index(manager, "idx_survey_question_totals_key", Surveys::QuestionTotals, &["survey_id", "question", "community_id"], true).await?;

        manager.create_table(child(Surveys::CommunityCounts, vec![big_integer(Surveys::CommunityId), big_integer(Surveys::Count)])).await?;
        index(manager, "idx_survey_community_counts_key", Surveys::CommunityCounts, &["survey_id", "community_id"], true).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Surveys::CommunityCounts,
            Surveys::QuestionTotals,
            Surveys::OptionCounts,
            Surveys::TextAnswers,
            Surveys::Participants,
            Surveys::Responses,
            Surveys::Table,
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Surveys {
    Table,
    Id,
    AreaId,
    AreaPath,
    Title,
    Description,
    Audience,
    Anonymous,
    Status,
    OpensAt,
    ClosesAt,
    Questions,
    ResponseCount,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    // child tables and their columns
    #[sea_orm(iden = "survey_responses")]
    Responses,
    #[sea_orm(iden = "survey_participants")]
    Participants,
    #[sea_orm(iden = "survey_text_answers")]
    TextAnswers,
    /// Answers per question, option and community.
    #[sea_orm(iden = "survey_option_counts")]
    OptionCounts,
    /// Per question and community: how many answered, and the sum of scale / number values.
    #[sea_orm(iden = "survey_question_totals")]
    QuestionTotals,
    /// Responses per community.
    #[sea_orm(iden = "survey_community_counts")]
    CommunityCounts,
    SurveyId,
    ResidentId,
    CommunityId,
    Paper,
    EnteredBy,
    Answers,
    Question,
    OptionNo,
    Text,
    Count,
    Sum,
}
