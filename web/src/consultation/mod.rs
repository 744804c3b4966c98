//! 民主协商 consultation, staff side: the topic board (`/topics`, [`board_page`]) and one topic
//! (`/topics/:id`, [`topic_page`]) with its steps, meetings and vote entry, links to the programs and
//! needs that carry it out, and timeline; their API calls and labels.

pub mod action_form;
pub mod board_page;
pub mod endpoints;
pub mod head;
pub mod labels;
pub mod links;
pub mod meeting_form;
pub mod meetings;
pub mod sign_in_sheet;
pub mod topic_page;
