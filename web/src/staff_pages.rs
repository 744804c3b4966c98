//! What the whole dashboard's entry (`src/main.rs`) mounts: every staff page, the shell, and the
//! pieces a root needs. The entry holds the staff routes because their split points
//! ([`crate::lazy_pages`]) must be in it alone: a split point in this library would be exported, and
//! so kept, by the sign-in and resident bundles too.

pub use crate::activities::detail_page::ActivityPage;
pub use crate::activities::form::{ActivityEditPage, ActivityNewPage};
pub use crate::activities::list_page::ActivitiesPage;
pub use crate::activities::roster_page::RosterPage;
pub use crate::activities::volunteer_pages::{CertificatePage, VolunteerPage};
pub use crate::admin::audit_page::AuditPage;
pub use crate::admin::clients_detail_page::ClientDetailPage;
pub use crate::admin::clients_page::ClientsPage;
pub use crate::admin::users_page::UsersPage;
pub use crate::admin::webhooks_detail_page::WebhookDetailPage;
pub use crate::admin::webhooks_page::WebhooksPage;
pub use crate::areas::page::AreasPage;
pub use crate::common::bundle::{ElsewhereOrNotFound, provide_app_context};
pub use crate::common::route_titles::DocumentTitle;
pub use crate::common::session::{SessionGuard, home_page, use_session};
pub use crate::common::shell::Shell;
pub use crate::consultation::board_page::TopicsPage;
pub use crate::consultation::topic_page::TopicPage;
pub use crate::kpis::detail_page::KpiDetailPage;
pub use crate::kpis::overview_page::KpisPage;
pub use crate::kpis::report_pages::{KpiImportPage, KpiReportPage};
pub use crate::lazy_page::PageFetchBar;
pub use crate::ledger::accounts_page::LedgerPage;
pub use crate::ledger::rules_page::LedgerRulesPage;
pub use crate::ledger::statement_page::StatementPage;
pub use crate::matching::gaps_page::MatchingGapsPage;
pub use crate::matching::plan_page::MatchingPlanPage;
pub use crate::matching::plans_page::MatchingPlansPage;
pub use crate::needs::detail_page::NeedDetailPage;
pub use crate::needs::overdue_page::OverduePage;
pub use crate::needs::queue_page::NeedsPage;
pub use crate::needs::tasks_page::TasksPage;
pub use crate::notifications::pages::NotificationsPage;
pub use crate::programs::catalogue_page::CataloguePage;
pub use crate::programs::detail_page::ProgramDetailPage;
pub use crate::programs::edit_page::{ProgramEditPage, ProgramNewPage};
pub use crate::programs::list_page::ProgramsPage;
pub use crate::programs::rollup_page::ProgramRollupPage;
pub use crate::residents::page::ResidentsPage;
pub use crate::resources::detail_pages::{
    PersonNewPage, PersonPage, ProviderNewPage, ProviderPage, ServiceNewPage, ServicePage, SpaceNewPage, SpacePage,
};
pub use crate::resources::list_page::ResourcesPage;
pub use crate::shop::items_page::ShopItemsPage;
pub use crate::shop::orders_page::ShopOrdersPage;
pub use crate::surveys::builder_page::SurveyNewPage;
pub use crate::surveys::detail_page::SurveyPage;
pub use crate::surveys::edit_page::SurveyEditPage;
pub use crate::surveys::list_page::SurveysPage;
pub use crate::workbench::page::WorkbenchPage;
