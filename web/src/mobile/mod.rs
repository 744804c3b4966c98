//! The resident's phone pages under `/m` (built for 375 px; the reference for the mini program): the shell
//! with its tab bar ([`shell`]), 我要点单 `/m`, 我的需求 `/m/needs` and one need `/m/needs/:id` ([`resident_pages`]),
//! 邻里需求 `/m/community` ([`community_page`]), 身边服务 `/m/nearby` ([`nearby_page`]), and the
//! submission form. The resident's account: sign-up and sign-in by code `/m/sign-in`
//! ([`sign_in_page`]), 我的 `/m/me` ([`me_page`], its forms in [`profile_forms`] and
//! [`delete_account`]), with their calls and texts in `account_*`. Taking part (参与): 议题 `/m/topics…`
//! ([`topic_pages`], [`topic_view`], [`topic_form`]) and 问卷 `/m/surveys…` ([`survey_pages`],
//! [`survey_form`]); 积分 `/m/points` ([`points_page`]) and 积分商城 `/m/shop…` ([`shop_pages`]); their
//! calls in `*_endpoints`, the switch between the pages of
//! one tab in [`participate_tabs`].

pub mod account_endpoints;
pub mod code_sender;
pub mod community_page;
pub mod community_picker;
pub mod delete_account;
pub mod gift_offers;
pub mod me_page;
pub mod nearby_page;
pub mod need_area;
pub mod need_form;
pub mod participate_tabs;
pub mod points_endpoints;
pub mod points_page;
pub mod profile_forms;
pub mod resident_pages;
pub mod shell;
pub mod shop_pages;
pub mod sign_in_page;
pub mod survey_endpoints;
pub mod survey_form;
pub mod survey_pages;
pub mod topic_endpoints;
pub mod topic_form;
pub mod topic_pages;
pub mod topic_view;
