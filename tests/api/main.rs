//! The API, black-box, through a real socket: one binary, a fresh migrated database per test —
//! SQLite by default, PostgreSQL when `TEST_DATABASE_URL` is set.

mod helpers;

mod activities;
mod areas;
mod audit;
mod auth;
mod consultation;
mod gift_offers;
mod health;
mod idempotency;
mod integration_clients;
mod kpis;
mod ledger;
mod ledger_property;
mod matching;
mod merchants;
mod need_photos;
mod needs;
mod needs_deadlines;
mod neighbourhood;
mod notifications;
mod openapi;
mod points_rules;
mod policy;
mod programs;
mod resident_bindings;
mod residents;
mod resources;
mod shop;
mod snapshots;
mod static_files;
mod stored;
mod surveys;
mod surveys_target_groups;
mod tables;
mod time_bank;
mod users;
mod validation;
mod volunteer_roster;
mod webhook_receiver;
mod webhook_replay;
mod webhook_subscriptions;
mod webhooks;
mod workbench;
