//! Administration: users (`/users`, [`users_page`], with the user form), the audit log (`/audit`,
//! [`audit_page`]), integration clients (`/admin/clients`, the `clients_*` files) and outgoing
//! webhooks (`/admin/webhooks`, the `webhooks_*` files).

pub mod audit_diff;
pub mod audit_filters;
pub mod audit_page;
pub mod clients_detail_page;
pub mod clients_endpoints;
pub mod clients_form;
pub mod clients_page;
pub mod clients_secret;
pub mod clients_usage;
pub mod endpoints;
pub mod user_form;
pub mod users_page;
pub mod webhooks_deliveries;
pub mod webhooks_detail_page;
pub mod webhooks_endpoints;
pub mod webhooks_events;
pub mod webhooks_form;
pub mod webhooks_page;
