//! A survey's results for its whole target, kept as their own rows (per question; per question and
//! option) beside the per-community ones: reading them costs the same with 10 communities or 1 000,
//! where summing the per-community rows grew with every community that answered. Surveys answered
//! before this migration get theirs summed from the per-community rows.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Surveys::TargetQuestionTotals)
                    .col(big_pk_auto(Surveys::Id))
                    .col(big_integer(Surveys::SurveyId))
                    .col(integer(Surveys::Question))
                    .col(big_integer(Surveys::Count))
                    .col(double(Surveys::Sum))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Surveys::TargetQuestionTotals, Surveys::SurveyId)
                            .to(Surveys::Table, Surveys::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // The key the answers add to, and the one the results read by.
        manager
            .create_index(
                Index::create()
                    .name("idx_survey_target_question_totals_key")
                    .table(Surveys::TargetQuestionTotals)
                    .col(Surveys::SurveyId)
                    .col(Surveys::Question)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Surveys::TargetOptionCounts)
                    .col(big_pk_auto(Surveys::Id))
                    .col(big_integer(Surveys::SurveyId))
                    .col(integer(Surveys::Question))
                    .col(integer(Surveys::OptionNo))
                    .col(big_integer(Surveys::Count))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Surveys::TargetOptionCounts, Surveys::SurveyId)
                            .to(Surveys::Table, Surveys::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_survey_target_option_counts_key")
                    .table(Surveys::TargetOptionCounts)
                    .col(Surveys::SurveyId)
                    .col(Surveys::Question)
                    .col(Surveys::OptionNo)
                    .unique()
                    .to_owned(),
            )
            .await?;

        // Plain INSERT … SELECT … GROUP BY reads the same on both backends; PostgreSQL casts the
        // NUMERIC of SUM(bigint) back to BIGINT on assignment.
        let db = manager.get_connection();
        db.execute_unprepared(
            "INSERT INTO survey_target_question_totals (survey_id, question, count, sum) \
             SELECT survey_id, question, SUM(count), SUM(sum) FROM survey_question_totals GROUP BY survey_id, question",
        )
        .await?;
        db.execute_unprepared(
            "INSERT INTO survey_target_option_counts (survey_id, question, option_no, count) \
             SELECT survey_id, question, option_no, SUM(count) FROM survey_option_counts GROUP BY survey_id, question, option_no",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Surveys::TargetOptionCounts).to_owned()).await?;
        manager.drop_table(Table::drop().table(Surveys::TargetQuestionTotals).to_owned()).await
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum Surveys {
    Table,
    Id,
    /// Per question, over the whole target: how many answered, and the sum of scale / number values.
    #[sea_orm(iden = "survey_target_question_totals")]
    TargetQuestionTotals,
    /// Answers per question and option, over the whole target.
    #[sea_orm(iden = "survey_target_option_counts")]
    TargetOptionCounts,
    SurveyId,
    Question,
    OptionNo,
    Count,
    Sum,
}
