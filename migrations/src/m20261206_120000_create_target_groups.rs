//! Target groups (目标群体: 老年人, 低保对象 …) on residents and surveys, and survey results kept per
//! group. A resident's groups are set by the staff who verify residence; a survey naming groups is
//! answered only by residents in one of them. The per-group aggregates are added to in each
//! answer's transaction like the per-community ones; nothing is back-filled, because no response
//! given before this migration could have had a group (residents carried none).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(T::ResidentTargetGroups)
                    .col(big_pk_auto(T::Id))
                    .col(big_integer(T::ResidentId))
                    .col(string_len(T::TargetGroup, 32))
                    .foreign_key(
                        ForeignKey::create()
                            .from(T::ResidentTargetGroups, T::ResidentId)
                            .to(T::Users, T::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One row per (resident, group); also what a resident's groups are read by.
        unique(manager, "idx_resident_target_groups_key", T::ResidentTargetGroups, &[T::ResidentId, T::TargetGroup]).await?;

        manager
            .create_table(
                Table::create()
                    .table(T::SurveyTargetGroups)
                    .col(big_pk_auto(T::Id))
                    .col(big_integer(T::SurveyId))
                    .col(string_len(T::TargetGroup, 32))
                    .foreign_key(
                        ForeignKey::create()
                            .from(T::SurveyTargetGroups, T::SurveyId)
                            .to(T::Surveys, T::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        unique(manager, "idx_survey_target_groups_key", T::SurveyTargetGroups, &[T::SurveyId, T::TargetGroup]).await?;

        // Responses per group; `none` is the bucket of respondents in no group (a NULL would not
        // meet the unique key, so concurrent answers could not add to one row).
        manager
            .create_table(
                Table::create()
                    .table(T::SurveyGroupTotals)
                    .col(big_pk_auto(T::Id))
                    .col(big_integer(T::SurveyId))
                    .col(string_len(T::TargetGroup, 32))
                    .col(big_integer(T::Responses))
                    .foreign_key(
                        ForeignKey::create()
                            .from(T::SurveyGroupTotals, T::SurveyId)
                            .to(T::Surveys, T::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        unique(manager, "idx_survey_group_totals_key", T::SurveyGroupTotals, &[T::SurveyId, T::TargetGroup]).await?;

        // Per group and question: how many answered, and the sum of scale / number values.
        manager
            .create_table(
                Table::create()
                    .table(T::SurveyGroupQuestionTotals)
                    .col(big_pk_auto(T::Id))
                    .col(big_integer(T::SurveyId))
                    .col(string_len(T::TargetGroup, 32))
                    .col(integer(T::Question))
                    .col(big_integer(T::Count))
                    .col(double(T::Sum))
                    .foreign_key(
                        ForeignKey::create()
                            .from(T::SurveyGroupQuestionTotals, T::SurveyId)
                            .to(T::Surveys, T::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        unique(manager, "idx_survey_group_question_totals_key", T::SurveyGroupQuestionTotals, &[T::SurveyId, T::TargetGroup, T::Question])
            .await?;

        // Per group, question and option: picks.
        manager
            .create_table(
                Table::create()
                    .table(T::SurveyGroupOptionCounts)
                    .col(big_pk_auto(T::Id))
                    .col(big_integer(T::SurveyId))
                    .col(string_len(T::TargetGroup, 32))
                    .col(integer(T::Question))
                    .col(integer(T::OptionNo))
                    .col(big_integer(T::Count))
                    .foreign_key(
                        ForeignKey::create()
                            .from(T::SurveyGroupOptionCounts, T::SurveyId)
                            .to(T::Surveys, T::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        unique(
            manager,
            "idx_survey_group_option_counts_key",
            T::SurveyGroupOptionCounts,
            &[T::SurveyId, T::TargetGroup, T::Question, T::OptionNo],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in
            [T::SurveyGroupOptionCounts, T::SurveyGroupQuestionTotals, T::SurveyGroupTotals, T::SurveyTargetGroups, T::ResidentTargetGroups]
        {
            manager.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

async fn unique(manager: &SchemaManager<'_>, name: &str, table: T, cols: &[T]) -> Result<(), DbErr> {
    let mut index = Index::create();
    index.name(name).table(table).unique();
    for c in cols {
        index.col(*c);
    }
    manager.create_index(index.to_owned()).await
}

#[derive(DeriveIden, Clone, Copy)]
enum T {
    Id,
    #[sea_orm(iden = "users")]
    Users,
    #[sea_orm(iden = "surveys")]
    Surveys,
    #[sea_orm(iden = "resident_target_groups")]
    ResidentTargetGroups,
    #[sea_orm(iden = "survey_target_groups")]
    SurveyTargetGroups,
    #[sea_orm(iden = "survey_group_totals")]
    SurveyGroupTotals,
    #[sea_orm(iden = "survey_group_question_totals")]
    SurveyGroupQuestionTotals,
    #[sea_orm(iden = "survey_group_option_counts")]
    SurveyGroupOptionCounts,
    ResidentId,
    SurveyId,
    TargetGroup,
    Responses,
    Question,
    OptionNo,
    Count,
    Sum,
}
