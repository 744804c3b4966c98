//! 民意调查 surveys, staff side: the list (`/surveys`, [`list_page`]), the builder with its preview
//! (`/surveys/new`, [`builder_page`]; a draft changed at `/surveys/:id/edit`, [`edit_page`]) and one survey (`/surveys/:id`, [`detail_page`]) with publish and
//! close, live results (also by target group, [`group_results`]), text answers, exports and paper entry; their API calls.

pub mod answers;
pub mod builder_page;
pub mod detail_page;
pub mod draft;
pub mod edit_page;
pub mod endpoints;
pub mod group_results;
pub mod list_page;
pub mod paper_form;
pub mod question_editor;
pub mod questionnaire;
pub mod results;
