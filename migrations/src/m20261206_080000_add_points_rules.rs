//! Points for taking part (积分规则): a district sets points per activity attended, per consultation
//! taken part in (co-signing or rating a topic) and per survey answered, and caps on the points one
//! person earns in a day and in a month. Each is a rule of `ledger_rules` like the others: NULL is
//! inherited from the nearest area above that sets it (none set: no points, no cap).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const RULES: [LedgerRules; 5] = [
    LedgerRules::PointsPerActivity,
    LedgerRules::PointsPerConsultation,
    LedgerRules::PointsPerSurvey,
    LedgerRules::DailyPointsCap,
    LedgerRules::MonthlyPointsCap,
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        for rule in RULES {
            manager.alter_table(Table::alter().table(LedgerRules::Table).add_column(big_integer_null(rule)).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for rule in RULES.into_iter().rev() {
            manager.alter_table(Table::alter().table(LedgerRules::Table).drop_column(rule).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum LedgerRules {
    Table,
    PointsPerActivity,
    PointsPerConsultation,
    PointsPerSurvey,
    DailyPointsCap,
    MonthlyPointsCap,
}
