//! The public 阳光社区 pages, readable without signing in: `/public/programs` and `/public/programs/:id`
//! in their own shell ([`programs_pages`]). They reuse the programs feature's table and panel.

pub mod programs_pages;
