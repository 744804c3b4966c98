//! Every route of the API, registered through utoipa-actix-web so the served spec cannot drift.
//! A URL's handler is in `routes/<first path segment after /api/v1>.rs`.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod areas;
pub mod audit;
pub mod auth;
pub mod catalogue;
pub mod health;
pub mod me;
pub mod need_photos;
pub mod needs;
pub mod programs;
pub mod public;
pub mod responses;
pub mod users;
pub mod webhooks;

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
    catalogue::configure(cfg);
    programs::configure(cfg);
    public::configure(cfg);
}
