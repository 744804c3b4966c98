//! 受理时限: a submitted need must be accepted within hours set per category and urgency (districts
//! override them like the other deadlines), so each need keeps its acceptance due time. A need says
//! whether it is served at home (上门), which requires an address, and a timeline step names the
//! service a dispatch went through.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        manager
            .alter_table(Table::alter().table(Needs::Table).add_column(timestamp_with_time_zone_null(Needs::AcceptanceDueAt)).to_owned())
            .await?;
        manager.alter_table(Table::alter().table(Needs::Table).add_column(boolean(Needs::AtHome).default(false)).to_owned()).await?;
        // Empty on a district's older overrides: the category's default acceptance time applies.
        manager
            .alter_table(Table::alter().table(NeedDeadlines::Table).add_column(big_integer_null(NeedDeadlines::AcceptanceHours)).to_owned())
            .await?;
        manager.alter_table(Table::alter().table(NeedEvents::Table).add_column(big_integer_null(NeedEvents::ServiceId)).to_owned()).await?;
        manager
            .create_index(Index::create().name("idx_needs_acceptance_due").table(Needs::Table).col(Needs::AcceptanceDueAt).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("idx_needs_acceptance_due").table(Needs::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(NeedEvents::Table).drop_column(NeedEvents::ServiceId).to_owned()).await?;
        manager.alter_table(Table::alter().table(NeedDeadlines::Table).drop_column(NeedDeadlines::AcceptanceHours).to_owned()).await?;
        manager.alter_table(Table::alter().table(Needs::Table).drop_column(Needs::AtHome).to_owned()).await?;
        manager.alter_table(Table::alter().table(Needs::Table).drop_column(Needs::AcceptanceDueAt).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Needs {
    Table,
    AcceptanceDueAt,
    AtHome,
}

#[derive(DeriveIden)]
enum NeedDeadlines {
    Table,
    AcceptanceHours,
}

#[derive(DeriveIden)]
enum NeedEvents {
    Table,
    ServiceId,
}
