//! 资源匹配: matching plans (`/matching/plans`, [`plans_page`]), one plan with its rows and what a re-plan
//! changed (`/matching/plans/:id`, [`plan_page`]) and the coverage gaps (`/matching/gaps`, [`gaps_page`]);
//! their API calls and components. The score bars are also used by a need's candidates panel.

pub mod endpoints;
pub mod gaps_page;
pub mod plan_bits;
pub mod plan_changes;
pub mod plan_form;
pub mod plan_page;
pub mod plan_rows;
pub mod plan_table;
pub mod plans_page;
pub mod score_bars;
