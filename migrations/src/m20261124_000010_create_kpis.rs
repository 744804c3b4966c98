//! KPIs: need counters per area and month (kept up to date with every need change, so dashboards
//! never scan needs), targets per area and year, and reported values with their history.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000001_create_areas::Areas;
use crate::m20261124_000002_create_users_and_tokens::Users;
use crate::m20261124_000004_create_needs::Needs;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Hours a volunteer recorded when resolving a need (志愿服务时长), in minutes.
        manager.alter_table(Table::alter().table(Needs::Table).add_column(integer_null(NeedHours::VolunteerMinutes)).to_owned()).await?;

        // One row per area (the need's own and each ancestor), month (yyyymm) and counter. The key is
        // the primary key, so an upsert adds to the one row and a dashboard reads a handful of rows.
        manager
            .create_table(
                Table::create()
                    .table(KpiCounters::Table)
                    .col(big_integer(KpiCounters::AreaId))
                    .col(integer(KpiCounters::Month))
                    .col(string_len(KpiCounters::Counter, 24))
                    .col(big_integer(KpiCounters::Value))
                    .primary_key(Index::create().col(KpiCounters::AreaId).col(KpiCounters::Month).col(KpiCounters::Counter))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(KpiTargets::Table)
                    .col(big_pk_auto(KpiTargets::Id))
                    .col(string_len(KpiTargets::Indicator, 48))
                    .col(big_integer(KpiTargets::AreaId))
                    .col(string_len(KpiTargets::AreaPath, 255))
                    .col(integer(KpiTargets::Year))
                    .col(string_len(KpiTargets::Comparator, 16))
                    .col(double(KpiTargets::Value))
                    .col(text_null(KpiTargets::Note))
                    .col(big_integer(KpiTargets::SetBy))
                    .col(timestamp_with_time_zone(KpiTargets::SetAt))
                    .foreign_key(ForeignKey::create().from(KpiTargets::Table, KpiTargets::AreaId).to(Areas::Table, Areas::Id))
                    .foreign_key(ForeignKey::create().from(KpiTargets::Table, KpiTargets::SetBy).to(Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_kpi_targets_once")
                    .table(KpiTargets::Table)
                    .col(KpiTargets::Indicator)
                    .col(KpiTargets::AreaId)
                    .col(KpiTargets::Year)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(KpiReports::Table)
                    .col(big_pk_auto(KpiReports::Id))
                    .col(string_len(KpiReports::Indicator, 48))
                    .col(big_integer(KpiReports::AreaId))
                    .col(string_len(KpiReports::AreaPath, 255))
                    .col(string_len(KpiReports::Period, 8))
                    // First and last month of the period (yyyymm), so "reports within a period" is a range.
                    .col(integer(KpiReports::FirstMonth))
                    .col(integer(KpiReports::LastMonth))
                    .col(double(KpiReports::Value))
                    .col(double_null(KpiReports::Numerator))
                    .col(double_null(KpiReports::Denominator))
                    .col(text(KpiReports::SourceNote))
                    .col(big_integer(KpiReports::ReportedBy))
                    .col(timestamp_with_time_zone(KpiReports::ReportedAt))
                    .col(big_integer_null(KpiReports::Replaces))
                    .col(big_integer_null(KpiReports::SupersededBy))
                    .foreign_key(ForeignKey::create().from(KpiReports::Table, KpiReports::AreaId).to(Areas::Table, Areas::Id))
                    .foreign_key(ForeignKey::create().from(KpiReports::Table, KpiReports::ReportedBy).to(Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("idx_kpi_reports_key", vec![KpiReports::Indicator, KpiReports::AreaId, KpiReports::Period]),
            ("idx_kpi_reports_path", vec![KpiReports::AreaPath, KpiReports::Id]),
        ] {
            let mut index = Index::create().name(name).table(KpiReports::Table).to_owned();
            for col in cols {
                index.col(col);
            }
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [KpiReports::Table.into_iden(), KpiTargets::Table.into_iden(), KpiCounters::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager.alter_table(Table::alter().table(Needs::Table).drop_column(NeedHours::VolunteerMinutes).to_owned()).await?;
        Ok(())
    }
}

#[derive(DeriveIden)]
enum NeedHours {
    VolunteerMinutes,
}

#[derive(DeriveIden)]
pub enum KpiCounters {
    Table,
    AreaId,
    Month,
    Counter,
    Value,
}

#[derive(DeriveIden)]
pub enum KpiTargets {
    Table,
    Id,
    Indicator,
    AreaId,
    AreaPath,
    Year,
    Comparator,
    Value,
    Note,
    SetBy,
    SetAt,
}

#[derive(DeriveIden)]
pub enum KpiReports {
    Table,
    Id,
    Indicator,
    AreaId,
    AreaPath,
    Period,
    FirstMonth,
    LastMonth,
    Value,
    Numerator,
    Denominator,
    SourceNote,
    ReportedBy,
    ReportedAt,
    Replaces,
    SupersededBy,
}
