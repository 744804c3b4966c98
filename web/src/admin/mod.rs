//! Administration: users (`/users`, [`users_page`], with the user form) and the audit log (`/audit`,
//! [`audit_page`]).

pub mod audit_page;
pub mod endpoints;
pub mod user_form;
pub mod users_page;
