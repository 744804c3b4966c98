//! The service resource catalogue (服务资源清单): providers, the people who serve, services and
//! service spaces; the link from a need to the service it was dispatched through; matching plans.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000001_create_areas::Areas;
use crate::m20261124_000002_create_users_and_tokens::Users;
use crate::m20261124_000004_create_needs::Needs;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn to_area(table: impl IntoIden + Clone, col: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(table, col).to(Areas::Table, Areas::Id).to_owned()
}

fn to_user(table: impl IntoIden + Clone, col: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(table, col).to(Users::Table, Users::Id).to_owned()
}

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden + Clone,
    cols: Vec<DynIden>,
    unique: bool,
) -> Result<(), DbErr> {
    let mut index = Index::create().name(name).table(table).to_owned();
    for col in cols {
        index.col(col);
    }
    if unique {
        index.unique();
    }
    manager.create_index(index).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Providers::Table)
                    .col(big_pk_auto(Providers::Id))
                    .col(string_len(Providers::Kind, 32))
                    .col(string_len(Providers::Name, 100))
                    .col(big_integer(Providers::AreaId))
                    .col(string_len(Providers::AreaPath, 255))
                    .col(string_len_null(Providers::ContactName, 50))
                    .col(string_len_null(Providers::ContactPhone, 20))
                    // The account that receives needs dispatched to this provider's services.
                    .col(big_integer_null(Providers::UserId))
                    .col(boolean(Providers::Verified))
                    .col(text(Providers::Description))
                    .col(boolean(Providers::Active))
                    .col(big_integer(Providers::CreatedBy))
                    .col(timestamp_with_time_zone(Providers::CreatedAt))
                    .col(timestamp_with_time_zone(Providers::UpdatedAt))
                    .foreign_key(&mut to_area(Providers::Table, Providers::AreaId))
                    .foreign_key(&mut to_user(Providers::Table, Providers::UserId))
                    .foreign_key(&mut to_user(Providers::Table, Providers::CreatedBy))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_providers_area_path_id",
            Providers::Table,
            vec![Providers::AreaPath.into_iden(), Providers::Id.into_iden()],
            false,
        )
        .await?;
        // One name per area: a re-run import finds the provider instead of adding it twice.
        index(manager, "idx_providers_area_name", Providers::Table, vec![Providers::AreaId.into_iden(), Providers::Name.into_iden()], true)
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ServicePeople::Table)
                    .col(big_pk_auto(ServicePeople::Id))
                    .col(string_len(ServicePeople::Kind, 16))
                    .col(string_len(ServicePeople::Name, 50))
                    .col(string_len_null(ServicePeople::Phone, 20))
                    // For party members: the community they report to (党员报到).
                    .col(big_integer(ServicePeople::AreaId))
                    .col(string_len(ServicePeople::AreaPath, 255))
                    .col(big_integer_null(ServicePeople::ProviderId))
                    .col(big_integer_null(ServicePeople::UserId))
                    .col(boolean(ServicePeople::Certified))
                    .col(date_null(ServicePeople::ReportedOn))
                    .col(boolean(ServicePeople::Active))
                    .col(timestamp_with_time_zone(ServicePeople::CreatedAt))
                    .col(timestamp_with_time_zone(ServicePeople::UpdatedAt))
                    .foreign_key(&mut to_area(ServicePeople::Table, ServicePeople::AreaId))
                    .foreign_key(&mut to_user(ServicePeople::Table, ServicePeople::UserId))
                    .foreign_key(
                        ForeignKey::create().from(ServicePeople::Table, ServicePeople::ProviderId).to(Providers::Table, Providers::Id),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_service_people_area_path_id",
            ServicePeople::Table,
            vec![ServicePeople::AreaPath.into_iden(), ServicePeople::Id.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Services::Table)
                    .col(big_pk_auto(Services::Id))
                    .col(big_integer_null(Services::ProviderId))
                    .col(big_integer_null(Services::PersonId))
                    .col(string_len(Services::Name, 100))
                    .col(string_len(Services::Category, 32))
                    .col(text(Services::Description))
                    // ",elderly,disabled,"; empty: open to everyone.
                    .col(string_len(Services::TargetGroups, 255))
                    .col(integer_null(Services::MinAge))
                    .col(integer_null(Services::MaxAge))
                    .col(string_len(Services::CostKind, 16))
                    .col(big_integer_null(Services::PriceFen))
                    .col(integer(Services::CapacityPerWeek))
                    // JSON: weekly slots and closed days.
                    .col(text(Services::Schedule))
                    .col(text(Services::ClosedDays))
                    .col(string_len(Services::Mode, 16))
                    // The home area (the provider's or person's), for scoping.
                    .col(big_integer(Services::AreaId))
                    .col(string_len(Services::AreaPath, 255))
                    // JSON array of the paths of the areas served; empty when a radius is used.
                    .col(text(Services::ServedPaths))
                    .col(double_null(Services::Lat))
                    .col(double_null(Services::Lng))
                    .col(integer_null(Services::RadiusM))
                    .col(boolean(Services::Active))
                    .col(timestamp_with_time_zone(Services::CreatedAt))
                    .col(timestamp_with_time_zone(Services::UpdatedAt))
                    .foreign_key(&mut to_area(Services::Table, Services::AreaId))
                    .foreign_key(ForeignKey::create().from(Services::Table, Services::ProviderId).to(Providers::Table, Providers::Id))
                    .foreign_key(ForeignKey::create().from(Services::Table, Services::PersonId).to(ServicePeople::Table, ServicePeople::Id))
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_services_area_path_id", Services::Table, vec![Services::AreaPath.into_iden(), Services::Id.into_iden()], false)
            .await?;
        index(
            manager,
            "idx_services_category",
            Services::Table,
            vec![Services::Category.into_iden(), Services::AreaPath.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ServiceSpaces::Table)
                    .col(big_pk_auto(ServiceSpaces::Id))
                    .col(string_len(ServiceSpaces::Kind, 16))
                    .col(string_len(ServiceSpaces::Name, 100))
                    .col(big_integer(ServiceSpaces::AreaId))
                    .col(string_len(ServiceSpaces::AreaPath, 255))
                    .col(string_len_null(ServiceSpaces::Address, 200))
                    .col(double_null(ServiceSpaces::Lat))
                    .col(double_null(ServiceSpaces::Lng))
                    .col(double(ServiceSpaces::FloorAreaM2))
                    .col(text(ServiceSpaces::OpeningHours))
                    .col(integer(ServiceSpaces::Capacity))
                    .col(big_integer_null(ServiceSpaces::ProviderId))
                    .col(boolean(ServiceSpaces::Active))
                    .col(timestamp_with_time_zone(ServiceSpaces::CreatedAt))
                    .col(timestamp_with_time_zone(ServiceSpaces::UpdatedAt))
                    .foreign_key(&mut to_area(ServiceSpaces::Table, ServiceSpaces::AreaId))
                    .foreign_key(
                        ForeignKey::create().from(ServiceSpaces::Table, ServiceSpaces::ProviderId).to(Providers::Table, Providers::Id),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_service_spaces_area_path_id",
            ServiceSpaces::Table,
            vec![ServiceSpaces::AreaPath.into_iden(), ServiceSpaces::Id.into_iden()],
            false,
        )
        .await?;

        // The service a need was dispatched through: its load this week and its track record.
        // No foreign key: SQLite cannot add one to an existing table; services are never deleted.
        manager.alter_table(Table::alter().table(Needs::Table).add_column(big_integer_null(NeedService::ServiceId)).to_owned()).await?;
        index(manager, "idx_needs_service", Needs::Table, vec![NeedService::ServiceId.into_iden(), Needs::Id.into_iden()], false).await?;

        manager
            .create_table(
                Table::create()
                    .table(MatchingPlans::Table)
                    .col(big_pk_auto(MatchingPlans::Id))
                    .col(big_integer(MatchingPlans::AreaId))
                    .col(string_len(MatchingPlans::AreaPath, 255))
                    .col(string_len_null(MatchingPlans::Category, 32))
                    .col(string_len_null(MatchingPlans::Urgency, 16))
                    .col(string_len(MatchingPlans::Status, 16))
                    .col(integer(MatchingPlans::Progress))
                    .col(big_integer_null(MatchingPlans::ParentId))
                    .col(big_integer(MatchingPlans::CreatedBy))
                    .col(timestamp_with_time_zone(MatchingPlans::CreatedAt))
                    .col(timestamp_with_time_zone_null(MatchingPlans::FinishedAt))
                    .col(timestamp_with_time_zone_null(MatchingPlans::AppliedAt))
                    .col(big_integer_null(MatchingPlans::AppliedBy))
                    .col(integer(MatchingPlans::NeedCount))
                    .col(integer(MatchingPlans::AssignedCount))
                    .col(big_integer(MatchingPlans::TotalScore))
                    .col(text_null(MatchingPlans::Error))
                    .foreign_key(&mut to_area(MatchingPlans::Table, MatchingPlans::AreaId))
                    .foreign_key(&mut to_user(MatchingPlans::Table, MatchingPlans::CreatedBy))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_matching_plans_area_path_id",
            MatchingPlans::Table,
            vec![MatchingPlans::AreaPath.into_iden(), MatchingPlans::Id.into_iden()],
            false,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(PlanRows::Table)
                    .col(big_pk_auto(PlanRows::Id))
                    .col(big_integer(PlanRows::PlanId))
                    .col(big_integer(PlanRows::NeedId))
                    .col(big_integer_null(PlanRows::ServiceId))
                    // Points: the 0–100 score with one decimal, ×10.
                    .col(integer_null(PlanRows::Score))
                    .col(string_len_null(PlanRows::Reason, 32))
                    .col(string_len_null(PlanRows::Outcome, 16))
                    .col(text_null(PlanRows::OutcomeNote))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PlanRows::Table, PlanRows::PlanId)
                            .to(MatchingPlans::Table, MatchingPlans::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(ForeignKey::create().from(PlanRows::Table, PlanRows::NeedId).to(Needs::Table, Needs::Id))
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_plan_rows_plan", PlanRows::Table, vec![PlanRows::PlanId.into_iden(), PlanRows::Id.into_iden()], false).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [PlanRows::Table.into_iden(), MatchingPlans::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager.drop_index(Index::drop().name("idx_needs_service").table(Needs::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(Needs::Table).drop_column(NeedService::ServiceId).to_owned()).await?;
        for table in
            [ServiceSpaces::Table.into_iden(), Services::Table.into_iden(), ServicePeople::Table.into_iden(), Providers::Table.into_iden()]
        {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone)]
enum NeedService {
    ServiceId,
}

#[derive(DeriveIden, Clone)]
enum Providers {
    Table,
    Id,
    Kind,
    Name,
    AreaId,
    AreaPath,
    ContactName,
    ContactPhone,
    UserId,
    Verified,
    Description,
    Active,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum ServicePeople {
    Table,
    Id,
    Kind,
    Name,
    Phone,
    AreaId,
    AreaPath,
    ProviderId,
    UserId,
    Certified,
    ReportedOn,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum Services {
    Table,
    Id,
    ProviderId,
    PersonId,
    Name,
    Category,
    Description,
    TargetGroups,
    MinAge,
    MaxAge,
    CostKind,
    PriceFen,
    CapacityPerWeek,
    Schedule,
    ClosedDays,
    Mode,
    AreaId,
    AreaPath,
    ServedPaths,
    Lat,
    Lng,
    RadiusM,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum ServiceSpaces {
    Table,
    Id,
    Kind,
    Name,
    AreaId,
    AreaPath,
    Address,
    Lat,
    Lng,
    FloorAreaM2,
    OpeningHours,
    Capacity,
    ProviderId,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone)]
enum MatchingPlans {
    Table,
    Id,
    AreaId,
    AreaPath,
    Category,
    Urgency,
    Status,
    Progress,
    ParentId,
    CreatedBy,
    CreatedAt,
    FinishedAt,
    AppliedAt,
    AppliedBy,
    NeedCount,
    AssignedCount,
    TotalScore,
    Error,
}

#[derive(DeriveIden, Clone)]
enum PlanRows {
    Table,
    Id,
    PlanId,
    NeedId,
    ServiceId,
    Score,
    Reason,
    Outcome,
    OutcomeNote,
}
