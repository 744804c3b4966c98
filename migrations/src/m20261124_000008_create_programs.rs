//! The co-building catalogue and programs: partners, pledges and deliveries, milestones, spend.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000001_create_areas::Areas;
use crate::m20261124_000002_create_users_and_tokens::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn child_of_program(table: impl IntoIden + Clone, col: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(table, col).to(Programs::Table, Programs::Id).on_delete(ForeignKeyAction::Cascade).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CatalogueEntries::Table)
                    .col(big_pk_auto(CatalogueEntries::Id))
                    .col(integer(CatalogueEntries::Year))
                    .col(string_len(CatalogueEntries::Code, 16))
                    .col(string_len_null(CatalogueEntries::ParentCode, 16))
                    .col(string_len(CatalogueEntries::Level, 16))
                    .col(string_len(CatalogueEntries::NameZh, 100))
                    .col(string_len(CatalogueEntries::NameEn, 200))
                    .col(text_null(CatalogueEntries::DescriptionZh))
                    .col(timestamp_with_time_zone(CatalogueEntries::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_catalogue_year_code")
                    .table(CatalogueEntries::Table)
                    .col(CatalogueEntries::Year)
                    .col(CatalogueEntries::Code)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Programs::Table)
                    .col(big_pk_auto(Programs::Id))
                    .col(big_integer(Programs::AreaId))
                    .col(string_len(Programs::AreaPath, 255))
                    .col(string_len(Programs::Title, 100))
                    .col(text(Programs::Description))
                    .col(string_len(Programs::LeadOrg, 100))
                    .col(date(Programs::StartDate))
                    .col(date(Programs::EndDate))
                    .col(big_integer(Programs::BudgetFen))
                    .col(string_len(Programs::Status, 16))
                    .col(boolean(Programs::Public))
                    .col(big_integer(Programs::CreatedBy))
                    .col(big_integer_null(Programs::SubmittedBy))
                    .col(big_integer_null(Programs::ApprovedBy))
                    .col(integer_null(Programs::EvaluationScore))
                    .col(string_len_null(Programs::EvaluatorType, 16))
                    .col(text_null(Programs::EvaluationComments))
                    .col(timestamp_with_time_zone(Programs::CreatedAt))
                    .col(timestamp_with_time_zone(Programs::UpdatedAt))
                    .foreign_key(ForeignKey::create().from(Programs::Table, Programs::AreaId).to(Areas::Table, Areas::Id))
                    .foreign_key(ForeignKey::create().from(Programs::Table, Programs::CreatedBy).to(Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_programs_area_path_id")
                    .table(Programs::Table)
                    .col(Programs::AreaPath)
                    .col(Programs::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProgramItems::Table)
                    .col(big_pk_auto(ProgramItems::Id))
                    .col(big_integer(ProgramItems::ProgramId))
                    .col(big_integer(ProgramItems::EntryId))
                    .foreign_key(&mut child_of_program(ProgramItems::Table, ProgramItems::ProgramId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProgramItems::Table, ProgramItems::EntryId)
                            .to(CatalogueEntries::Table, CatalogueEntries::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_program_items_once")
                    .table(ProgramItems::Table)
                    .col(ProgramItems::ProgramId)
                    .col(ProgramItems::EntryId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProgramPartners::Table)
                    .col(big_pk_auto(ProgramPartners::Id))
                    .col(big_integer(ProgramPartners::ProgramId))
                    .col(string_len(ProgramPartners::Name, 100))
                    .col(string_len(ProgramPartners::Kind, 32))
                    .col(string_len(ProgramPartners::Role, 50))
                    .col(string_len_null(ProgramPartners::ContactName, 50))
                    .col(string_len_null(ProgramPartners::ContactPhone, 20))
                    .col(timestamp_with_time_zone(ProgramPartners::CreatedAt))
                    .foreign_key(&mut child_of_program(ProgramPartners::Table, ProgramPartners::ProgramId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Pledges::Table)
                    .col(big_pk_auto(Pledges::Id))
                    .col(big_integer(Pledges::ProgramId))
                    .col(big_integer(Pledges::PartnerId))
                    .col(string_len(Pledges::Kind, 16))
                    .col(string_len(Pledges::Description, 200))
                    .col(string_len_null(Pledges::Unit, 10))
                    .col(big_integer_null(Pledges::AmountFen))
                    .col(big_integer_null(Pledges::People))
                    .col(double_null(Pledges::PersonDays))
                    .col(double_null(Pledges::Quantity))
                    .col(timestamp_with_time_zone(Pledges::CreatedAt))
                    .foreign_key(&mut child_of_program(Pledges::Table, Pledges::ProgramId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Pledges::Table, Pledges::PartnerId)
                            .to(ProgramPartners::Table, ProgramPartners::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Deliveries::Table)
                    .col(big_pk_auto(Deliveries::Id))
                    .col(big_integer(Deliveries::PledgeId))
                    .col(date(Deliveries::DeliveredOn))
                    .col(big_integer_null(Deliveries::AmountFen))
                    .col(big_integer_null(Deliveries::People))
                    .col(double_null(Deliveries::PersonDays))
                    .col(double_null(Deliveries::Quantity))
                    .col(text_null(Deliveries::Note))
                    .col(big_integer(Deliveries::RecordedBy))
                    .col(timestamp_with_time_zone(Deliveries::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Deliveries::Table, Deliveries::PledgeId)
                            .to(Pledges::Table, Pledges::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(ForeignKey::create().from(Deliveries::Table, Deliveries::RecordedBy).to(Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Milestones::Table)
                    .col(big_pk_auto(Milestones::Id))
                    .col(big_integer(Milestones::ProgramId))
                    .col(string_len(Milestones::Title, 100))
                    .col(big_integer(Milestones::OwnerId))
                    .col(date(Milestones::DueOn))
                    .col(integer(Milestones::Weight))
                    .col(string_len(Milestones::Status, 16))
                    .col(date_null(Milestones::DoneOn))
                    .col(timestamp_with_time_zone(Milestones::CreatedAt))
                    .col(timestamp_with_time_zone(Milestones::UpdatedAt))
                    .foreign_key(&mut child_of_program(Milestones::Table, Milestones::ProgramId))
                    .foreign_key(ForeignKey::create().from(Milestones::Table, Milestones::OwnerId).to(Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Spends::Table)
                    .col(big_pk_auto(Spends::Id))
                    .col(big_integer(Spends::ProgramId))
                    .col(date(Spends::SpentOn))
                    .col(big_integer(Spends::AmountFen))
                    .col(string_len(Spends::Purpose, 200))
                    .col(big_integer(Spends::RecordedBy))
                    .col(timestamp_with_time_zone(Spends::CreatedAt))
                    .foreign_key(&mut child_of_program(Spends::Table, Spends::ProgramId))
                    .foreign_key(ForeignKey::create().from(Spends::Table, Spends::RecordedBy).to(Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        for (name, table, col) in [
            ("idx_program_items_program", ProgramItems::Table.into_iden(), ProgramItems::ProgramId.into_iden()),
            ("idx_program_partners_program", ProgramPartners::Table.into_iden(), ProgramPartners::ProgramId.into_iden()),
            ("idx_pledges_program", Pledges::Table.into_iden(), Pledges::ProgramId.into_iden()),
            ("idx_deliveries_pledge", Deliveries::Table.into_iden(), Deliveries::PledgeId.into_iden()),
            ("idx_milestones_program", Milestones::Table.into_iden(), Milestones::ProgramId.into_iden()),
            ("idx_spends_program", Spends::Table.into_iden(), Spends::ProgramId.into_iden()),
        ] {
            manager.create_index(Index::create().name(name).table(table).col(col).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Spends::Table.into_iden(),
            Milestones::Table.into_iden(),
            Deliveries::Table.into_iden(),
            Pledges::Table.into_iden(),
            ProgramPartners::Table.into_iden(),
            ProgramItems::Table.into_iden(),
            Programs::Table.into_iden(),
            CatalogueEntries::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone)]
enum CatalogueEntries {
    Table,
    Id,
    Year,
    Code,
    ParentCode,
    Level,
    NameZh,
    NameEn,
    DescriptionZh,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum Programs {
    Table,
    Id,
    AreaId,
    AreaPath,
    Title,
    Description,
    LeadOrg,
    StartDate,
    EndDate,
    BudgetFen,
    Status,
    Public,
    CreatedBy,
    SubmittedBy,
    ApprovedBy,
    EvaluationScore,
    EvaluatorType,
    EvaluationComments,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum ProgramItems {
    Table,
    Id,
    ProgramId,
    EntryId,
}

#[derive(DeriveIden, Clone)]
enum ProgramPartners {
    Table,
    Id,
    ProgramId,
    Name,
    Kind,
    Role,
    ContactName,
    ContactPhone,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum Pledges {
    Table,
    Id,
    ProgramId,
    PartnerId,
    Kind,
    Description,
    Unit,
    AmountFen,
    People,
    PersonDays,
    Quantity,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum Deliveries {
    Table,
    Id,
    PledgeId,
    DeliveredOn,
    AmountFen,
    People,
    PersonDays,
    Quantity,
    Note,
    RecordedBy,
    CreatedAt,
}

#[derive(DeriveIden, Clone)]
enum Milestones {
    Table,
    Id,
    ProgramId,
    Title,
    OwnerId,
    DueOn,
    Weight,
    Status,
    DoneOn,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum Spends {
    Table,
    Id,
    ProgramId,
    SpentOn,
    AmountFen,
    Purpose,
    RecordedBy,
    CreatedAt,
}
