//! 志愿活动, staff side: the list (`/activities`, [`list_page`]), organising and changing one
//! (`/activities/new`, `/activities/:id/edit`, [`form`]), one activity with its lifecycle moves, the
//! check-in code and the sign-ups with attendance (`/activities/:id`, [`detail_page`], [`code_panel`],
//! [`signups`]), the roster of volunteers (`/volunteers`, [`roster_page`]), and the volunteer's profile with star level and certificate (`/volunteers/:id`,
//! [`volunteer_pages`]); their API calls.

pub mod code_panel;
pub mod detail_page;
pub mod endpoints;
pub mod form;
pub mod list_page;
pub mod roster_page;
pub mod signups;
pub mod space_select;
pub mod volunteer_pages;
