//! The rules of the platform, free of HTTP: lifecycles, matching, KPI maths, where (scope) and how
//! secrets are handled. Who may do what is [`crate::policy`].

pub mod activity_code;
pub mod activity_lifecycle;
pub mod caller;
pub mod client_secret;
pub mod consultation_rules;
pub mod field_errors;
pub mod kpis;
pub mod language;
pub mod ledger;
pub mod masking;
pub mod matching;
pub mod need_action_fields;
pub mod need_categories;
pub mod need_lifecycle;
pub mod notification_text;
pub mod one_time_code;
pub mod password;
pub mod program_lifecycle;
pub mod quantities;
pub mod scope;
pub mod shop_order_lifecycle;
pub mod signature;
pub mod star_levels;
pub mod surveys;
pub mod target_groups;
pub mod tokens;
pub mod topic_lifecycle;
