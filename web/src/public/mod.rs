//! The public 阳光社区 pages, readable without signing in: `/public/programs` and `/public/programs/:id`
//! in their own shell ([`programs_pages`]), which reuse the programs feature's table and panel and filter
//! by community ([`community_filter`]); and
//! `/public/nearby` ([`nearby_page`]), a community's services and spaces, whose list ([`nearby`]) the
//! resident's `/m/nearby` shows too; and 议题公示 `/public/topics`, `/public/topics/:id` ([`topics_pages`]).

pub mod community_filter;
pub mod endpoints;
pub mod nearby;
pub mod nearby_page;
pub mod programs_pages;
pub mod topics_pages;
