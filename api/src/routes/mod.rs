//! Every route of the API, registered through utoipa-actix-web so the served spec cannot drift.
//! A URL's handler is in `routes/<first path segment after /api/v1>.rs`.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod activities;
pub mod areas;
pub mod audit;
pub mod auth;
pub mod catalogue;
mod files;
pub mod health;
pub mod integration_clients;
pub mod kpis;
pub mod ledger;
pub mod ledger_rules;
pub mod matching;
pub mod me;
pub mod need_contact;
pub mod need_photos;
pub mod need_time_payment;
pub mod needs;
pub mod neighbourhood;
pub mod oauth;
pub mod programs;
pub mod providers;
pub mod public;
pub mod resident_bindings;
pub mod residents;
pub mod resources;
pub mod responses;
pub mod service_people;
pub mod service_spaces;
pub mod services;
pub mod shop;
pub mod star_levels;
pub mod survey_templates;
pub mod surveys;
pub mod time_bank;
pub mod topics;
pub mod users;
pub mod volunteers;
pub mod webhooks;
pub mod workbench;

/// Routes under `/api/v1`.
pub fn api_v1(cfg: &mut ServiceConfig) {
    auth::configure(cfg);
    me::configure(cfg);
    areas::configure(cfg);
    users::configure(cfg);
    audit::configure(cfg);
    webhooks::configure(cfg);
    needs::configure(cfg);
    need_photos::configure(cfg);
    need_time_payment::configure(cfg);
    need_contact::configure(cfg);
    workbench::configure(cfg);
    catalogue::configure(cfg);
    programs::configure(cfg);
    public::configure(cfg);
    providers::configure(cfg);
    service_people::configure(cfg);
    services::configure(cfg);
    service_spaces::configure(cfg);
    resources::configure(cfg);
    matching::configure(cfg);
    kpis::configure(cfg);
    residents::configure(cfg);
    resident_bindings::configure(cfg);
    neighbourhood::configure(cfg);
    topics::configure(cfg);
    ledger::configure(cfg);
    ledger_rules::configure(cfg);
    surveys::configure(cfg);
    survey_templates::configure(cfg);
    time_bank::configure(cfg);
    oauth::configure(cfg);
    integration_clients::configure(cfg);
    shop::configure(cfg);
    activities::configure(cfg);
    volunteers::configure(cfg);
    star_levels::configure(cfg);
}
