//! 时间银行 · 积分, staff side: the accounts with their totals (`/ledger`, [`accounts_page`]), one
//! account's statement with reversals (`/ledger/accounts/:id`, [`statement_page`]), the ledger check
//! for admins ([`check_panel`]), the rules of a district or community (`/ledger/rules`,
//! [`rules_page`]); how amounts read ([`amount`], also the resident's phone pages'),
//! their API calls.

pub mod accounts_page;
pub mod amount;
pub mod check_panel;
pub mod endpoints;
pub mod reverse_form;
pub mod rules_page;
pub mod statement_page;
