//! The schema, as one ordered set of migrations that runs on both SQLite and PostgreSQL.
//!
//! Only portable column types are used (sea-query maps them per backend); anything backend-specific
//! belongs behind `manager.get_database_backend()` in the migration that needs it.

pub use sea_orm_migration::prelude::*;

mod m20261124_000001_create_areas;
mod m20261124_000002_create_users_and_tokens;
mod m20261124_000003_create_audit_and_idempotency;
mod m20261124_000004_create_needs;
mod m20261124_000005_create_webhooks;
mod m20261124_000007_create_need_photos;
mod m20261124_000008_create_programs;
mod m20261124_000009_create_resources;
mod m20261124_000010_create_kpis;
mod m20261205_090000_create_webhook_subscriptions;
mod m20261205_100000_create_resident_accounts;
mod m20261205_113000_create_notifications;
mod m20261205_140000_create_ledger;
mod m20261205_150000_create_consultation;
mod m20261205_170000_create_points_shop;
mod m20261205_171000_create_surveys;
mod m20261205_172000_create_integration_clients;
mod m20261205_220000_create_resident_bindings;
mod m20261205_221000_add_merchant_provider;
mod m20261206_010000_add_acceptance_deadline;
mod m20261206_050000_create_activities;
mod m20261206_080000_add_points_rules;
mod m20261206_080000_create_survey_target_totals;
mod m20261206_081000_create_need_time_payments;
mod m20261206_082000_create_gift_offers;
mod m20261206_120000_create_target_groups;
mod m20261206_150000_index_waiting_gift_offers;
mod m20261206_151000_create_meeting_attendees;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261124_000001_create_areas::Migration),
            Box::new(m20261124_000002_create_users_and_tokens::Migration),
            Box::new(m20261124_000003_create_audit_and_idempotency::Migration),
            Box::new(m20261124_000004_create_needs::Migration),
            Box::new(m20261124_000005_create_webhooks::Migration),
            Box::new(m20261124_000007_create_need_photos::Migration),
            Box::new(m20261124_000008_create_programs::Migration),
            Box::new(m20261124_000009_create_resources::Migration),
            Box::new(m20261124_000010_create_kpis::Migration),
            Box::new(m20261205_090000_create_webhook_subscriptions::Migration),
            Box::new(m20261205_100000_create_resident_accounts::Migration),
            Box::new(m20261205_113000_create_notifications::Migration),
            Box::new(m20261205_140000_create_ledger::Migration),
            Box::new(m20261205_150000_create_consultation::Migration),
            Box::new(m20261205_170000_create_points_shop::Migration),
            Box::new(m20261205_171000_create_surveys::Migration),
            Box::new(m20261205_172000_create_integration_clients::Migration),
            Box::new(m20261205_220000_create_resident_bindings::Migration),
            Box::new(m20261205_221000_add_merchant_provider::Migration),
            Box::new(m20261206_010000_add_acceptance_deadline::Migration),
            Box::new(m20261206_050000_create_activities::Migration),
            Box::new(m20261206_080000_add_points_rules::Migration),
            Box::new(m20261206_080000_create_survey_target_totals::Migration),
            Box::new(m20261206_081000_create_need_time_payments::Migration),
            Box::new(m20261206_082000_create_gift_offers::Migration),
            Box::new(m20261206_120000_create_target_groups::Migration),
            Box::new(m20261206_150000_index_waiting_gift_offers::Migration),
            Box::new(m20261206_151000_create_meeting_attendees::Migration),
        ]
    }
}
