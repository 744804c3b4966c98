//! Areas: the administrative tree with a materialised path for subtree queries, and community profiles.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Areas::Table)
                    .col(big_pk_auto(Areas::Id))
                    .col(big_integer_null(Areas::ParentId))
                    .col(string_len(Areas::Kind, 16))
                    .col(string_len(Areas::Name, 100))
                    .col(string_len_null(Areas::Code, 12).unique_key())
                    // "/1/7/42/": ancestors then self, so a subtree is one prefix match on an index.
                    .col(string_len(Areas::Path, 255))
                    .col(integer(Areas::Depth))
                    .col(string_len_null(Areas::Settlement, 8))
                    .col(double_null(Areas::AreaHa))
                    .col(big_integer_null(Areas::Households))
                    .col(big_integer_null(Areas::Population))
                    .col(big_integer_null(Areas::Population60Plus))
                    .col(double_null(Areas::BuildingAreaM2))
                    .col(double_null(Areas::FacilityAreaM2))
                    .col(double_null(Areas::CenterLat))
                    .col(double_null(Areas::CenterLng))
                    .col(timestamp_with_time_zone(Areas::CreatedAt))
                    .col(timestamp_with_time_zone(Areas::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Areas::Table, Areas::ParentId)
                            .to(Areas::Table, Areas::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager.create_index(Index::create().name("idx_areas_path").table(Areas::Table).col(Areas::Path).unique().to_owned()).await?;
        manager.create_index(Index::create().name("idx_areas_parent").table(Areas::Table).col(Areas::ParentId).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Areas::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
pub enum Areas {
    Table,
    Id,
    ParentId,
    Kind,
    Name,
    Code,
    Path,
    Depth,
    Settlement,
    AreaHa,
    Households,
    Population,
    #[sea_orm(iden = "population_60_plus")]
    Population60Plus,
    #[sea_orm(iden = "building_area_m2")]
    BuildingAreaM2,
    #[sea_orm(iden = "facility_area_m2")]
    FacilityAreaM2,
    CenterLat,
    CenterLng,
    CreatedAt,
    UpdatedAt,
}
