//! The resident's phone pages under `/m` (built for 375 px; the reference for the mini program): the shell
//! with its tab bar ([`shell`]), 我要点单 `/m`, 我的需求 `/m/needs` and one need `/m/needs/:id` ([`resident_pages`]),
//! 邻里需求 `/m/community` ([`community_page`]), 身边服务 `/m/nearby` ([`nearby_page`]), and the
//! submission form.

pub mod community_page;
pub mod need_area;
pub mod nearby_page;
pub mod need_form;
pub mod resident_pages;
pub mod shell;
