//! 共建项目 (co-building programs): the list (`/programs`, [`list_page`]), new and edit (`/programs/new`,
//! `/programs/:id/edit`, [`edit_page`]), the roll-up (`/programs/rollup`, [`rollup_page`]) and one program
//! (`/programs/:id`, [`detail_page`]) with its partners, pledges, milestones and spending; and the 共建内容
//! catalogue (`/catalogue`, [`catalogue_page`]) the programs are filed under. The panel and table are also
//! used by the public pages.

pub mod action_form;
pub mod bits;
pub mod catalogue;
pub mod catalogue_page;
pub mod catalogue_picker;
pub mod catalogue_tree;
pub mod detail_page;
pub mod edit_page;
pub mod endpoints;
pub mod filters;
pub mod form;
pub mod head;
pub mod labels;
pub mod list_page;
pub mod milestone_form;
pub mod milestone_section;
pub mod panel;
pub mod partner_section;
pub mod pledge_forms;
pub mod pledge_section;
pub mod rollup_children;
pub mod rollup_page;
pub mod spend_section;
pub mod table;
