//! 居民需求 (resident needs), staff side: the queue (`/needs`, [`queue_page`]), one need (`/needs/:id`,
//! [`detail_page`]), my tasks (`/tasks`, [`tasks_page`]) and the overdue board (`/overdue`, [`overdue_page`]);
//! their API calls, labels and components. The need panel, badges and labels are also used by
//! the resident's `/m` pages and the matching pages.

pub mod action_form;
pub mod assignee_picker;
pub mod badges;
pub mod bulk_dispatch;
pub mod candidates_panel;
pub mod contact;
pub mod detail_page;
pub mod endpoints;
pub mod filters;
pub mod labels;
pub mod missing_editor;
pub mod overdue_page;
pub mod panel;
pub mod queue_page;
pub mod queue_table;
pub mod table;
pub mod tasks_page;
pub mod view;
