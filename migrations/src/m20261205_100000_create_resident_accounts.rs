//! Resident accounts by mobile number: the user's phone, address and residence verification
//! (待认证 → 已认证, or refused with a reason), one-time codes stored only as keyed hashes, the
//! development outbox the test sender writes to, and the send log the rate limits count in (kept in
//! the database so several API instances share them). Needs gain the return-visit flag (回访).

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000002_create_users_and_tokens::Users;
use crate::m20261124_000004_create_needs::Needs;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        let user_columns = [
            string_len_null(ResidentColumns::Phone, 11),
            string_len_null(ResidentColumns::Address, 200),
            // Accounts that existed before (staff, demo residents) were created by staff: verified.
            string_len(ResidentColumns::Verification, 16).default("verified").to_owned(),
            string_len_null(ResidentColumns::RefusalReason, 32),
            text_null(ResidentColumns::RefusalNote),
            big_integer_null(ResidentColumns::VerifiedBy),
            timestamp_with_time_zone_null(ResidentColumns::VerifiedAt),
            // Set when the resident first signs in by code; an unset one is a record staff created
            // from a phone number (a need taken by phone), waiting for its resident.
            timestamp_with_time_zone_null(ResidentColumns::SignedUpAt),
            timestamp_with_time_zone_null(ResidentColumns::DeletedAt),
        ];
        for column in user_columns {
            manager.alter_table(Table::alter().table(Users::Table).add_column(column).to_owned()).await?;
        }
        // One account per number (NULLs, i.e. staff and deleted accounts, do not collide).
        manager
            .create_index(Index::create().name("idx_users_phone").table(Users::Table).col(ResidentColumns::Phone).unique().to_owned())
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_users_verification")
                    .table(Users::Table)
                    .col(ResidentColumns::Verification)
                    .col(Users::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter().table(Needs::Table).add_column(boolean(NeedReturnVisit::ReturnVisit).default(false).to_owned()).to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SmsCodes::Table)
                    .col(big_pk_auto(SmsCodes::Id))
                    .col(string_len(SmsCodes::Phone, 11))
                    .col(string_len(SmsCodes::Purpose, 16))
                    // HMAC-SHA256 keyed with the server secret: a leaked table does not yield codes.
                    .col(string_len(SmsCodes::CodeHash, 64))
                    .col(integer(SmsCodes::WrongTries))
                    .col(timestamp_with_time_zone(SmsCodes::ExpiresAt))
                    .col(timestamp_with_time_zone_null(SmsCodes::UsedAt))
                    .col(timestamp_with_time_zone(SmsCodes::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_sms_codes_phone").table(SmsCodes::Table).col(SmsCodes::Phone).col(SmsCodes::Id).to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SmsOutbox::Table)
                    .col(big_pk_auto(SmsOutbox::Id))
                    .col(string_len(SmsOutbox::Phone, 11))
                    .col(text(SmsOutbox::Body))
                    .col(timestamp_with_time_zone(SmsOutbox::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SmsSends::Table)
                    .col(big_pk_auto(SmsSends::Id))
                    // `phone:13800138000` or `client:10.0.0.1`.
                    .col(string_len(SmsSends::LimitKey, 80))
                    .col(timestamp_with_time_zone(SmsSends::At))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_sms_sends_key_at").table(SmsSends::Table).col(SmsSends::LimitKey).col(SmsSends::At).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [SmsSends::Table.into_iden(), SmsOutbox::Table.into_iden(), SmsCodes::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager.alter_table(Table::alter().table(Needs::Table).drop_column(NeedReturnVisit::ReturnVisit).to_owned()).await?;
        manager.drop_index(Index::drop().name("idx_users_verification").table(Users::Table).to_owned()).await?;
        manager.drop_index(Index::drop().name("idx_users_phone").table(Users::Table).to_owned()).await?;
        for column in [
            ResidentColumns::Phone,
            ResidentColumns::Address,
            ResidentColumns::Verification,
            ResidentColumns::RefusalReason,
            ResidentColumns::RefusalNote,
            ResidentColumns::VerifiedBy,
            ResidentColumns::VerifiedAt,
            ResidentColumns::SignedUpAt,
            ResidentColumns::DeletedAt,
        ] {
            manager.alter_table(Table::alter().table(Users::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum ResidentColumns {
    Phone,
    Address,
    Verification,
    RefusalReason,
    RefusalNote,
    VerifiedBy,
    VerifiedAt,
    SignedUpAt,
    DeletedAt,
}

#[derive(DeriveIden)]
enum NeedReturnVisit {
    ReturnVisit,
}

#[derive(DeriveIden)]
enum SmsCodes {
    Table,
    Id,
    Phone,
    Purpose,
    CodeHash,
    WrongTries,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SmsOutbox {
    Table,
    Id,
    Phone,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SmsSends {
    Table,
    Id,
    LimitKey,
    At,
}
