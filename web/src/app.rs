//! The whole dashboard's root: the resident's routes ([`crate::resident_app::ResidentRoutes`]) and
//! every staff route. `src/main.rs` starts it.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::activities::detail_page::ActivityPage;
use crate::activities::form::{ActivityEditPage, ActivityNewPage};
use crate::activities::list_page::ActivitiesPage;
use crate::activities::roster_page::RosterPage;
use crate::activities::volunteer_pages::{CertificatePage, VolunteerPage};
use crate::admin::audit_page::AuditPage;
use crate::admin::clients_detail_page::ClientDetailPage;
use crate::admin::clients_page::ClientsPage;
use crate::admin::users_page::UsersPage;
use crate::admin::webhooks_detail_page::WebhookDetailPage;
use crate::admin::webhooks_page::WebhooksPage;
use crate::areas::page::AreasPage;
use crate::common::bundle::provide_app_context;
use crate::common::not_found::NotFound;
use crate::common::route_titles::DocumentTitle;
use crate::common::session::{SessionGuard, home_page, use_session};
use crate::common::shell::Shell;
use crate::consultation::board_page::TopicsPage;
use crate::consultation::topic_page::TopicPage;
use crate::kpis::detail_page::KpiDetailPage;
use crate::kpis::overview_page::KpisPage;
use crate::kpis::report_pages::{KpiImportPage, KpiReportPage};
use crate::ledger::accounts_page::LedgerPage;
use crate::ledger::rules_page::LedgerRulesPage;
use crate::ledger::statement_page::StatementPage;
use crate::matching::gaps_page::MatchingGapsPage;
use crate::matching::plan_page::MatchingPlanPage;
use crate::matching::plans_page::MatchingPlansPage;
use crate::needs::detail_page::NeedDetailPage;
use crate::needs::overdue_page::OverduePage;
use crate::needs::queue_page::NeedsPage;
use crate::needs::tasks_page::TasksPage;
use crate::notifications::pages::NotificationsPage;
use crate::programs::catalogue_page::CataloguePage;
use crate::programs::detail_page::ProgramDetailPage;
use crate::programs::edit_page::{ProgramEditPage, ProgramNewPage};
use crate::programs::list_page::ProgramsPage;
use crate::programs::rollup_page::ProgramRollupPage;
use crate::resident_app::ResidentRoutes;
use crate::residents::page::ResidentsPage;
use crate::resources::detail_pages::{
    PersonNewPage, PersonPage, ProviderNewPage, ProviderPage, ServiceNewPage, ServicePage, SpaceNewPage, SpacePage,
};
use crate::resources::list_page::ResourcesPage;
use crate::shop::items_page::ShopItemsPage;
use crate::shop::orders_page::ShopOrdersPage;
use crate::surveys::builder_page::SurveyNewPage;
use crate::surveys::detail_page::SurveyPage;
use crate::surveys::edit_page::SurveyEditPage;
use crate::surveys::list_page::SurveysPage;
use crate::workbench::page::WorkbenchPage;

/// The whole dashboard: the resident's routes, then every staff page inside the shell.
#[component]
pub fn App() -> impl IntoView {
    provide_app_context();
    view! {
        <Router>
            <SessionGuard/>
            <DocumentTitle/>
            <Routes fallback=NotFound>
                <ResidentRoutes/>
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=Home/>
                    <Route path=path!("/needs") view=NeedsPage/>
                    <Route path=path!("/needs/:id") view=NeedDetailPage/>
                    <Route path=path!("/tasks") view=TasksPage/>
                    <Route path=path!("/workbench") view=WorkbenchPage/>
                    <Route path=path!("/overdue") view=OverduePage/>
                    <Route path=path!("/matching/plans") view=MatchingPlansPage/>
                    <Route path=path!("/matching/plans/:id") view=MatchingPlanPage/>
                    <Route path=path!("/matching/gaps") view=MatchingGapsPage/>
                    <Route path=path!("/kpis") view=KpisPage/>
                    <Route path=path!("/kpis/report") view=KpiReportPage/>
                    <Route path=path!("/kpis/import") view=KpiImportPage/>
                    <Route path=path!("/kpis/:code") view=KpiDetailPage/>
                    <Route path=path!("/areas/:id?") view=AreasPage/>
                    <Route path=path!("/users") view=UsersPage/>
                    <Route path=path!("/audit") view=AuditPage/>
                    <Route path=path!("/admin/clients") view=ClientsPage/>
                    <Route path=path!("/admin/clients/:id") view=ClientDetailPage/>
                    <Route path=path!("/admin/webhooks") view=WebhooksPage/>
                    <Route path=path!("/admin/webhooks/:id") view=WebhookDetailPage/>
                    <Route path=path!("/residents") view=ResidentsPage/>
                    <Route path=path!("/notifications") view=NotificationsPage/>
                    <Route path=path!("/catalogue") view=CataloguePage/>
                    <Route path=path!("/programs") view=ProgramsPage/>
                    <Route path=path!("/programs/new") view=ProgramNewPage/>
                    <Route path=path!("/programs/rollup") view=ProgramRollupPage/>
                    <Route path=path!("/programs/:id/edit") view=ProgramEditPage/>
                    <Route path=path!("/programs/:id") view=ProgramDetailPage/>
                    <Route path=path!("/topics") view=TopicsPage/>
                    <Route path=path!("/topics/:id") view=TopicPage/>
                    <Route path=path!("/surveys") view=SurveysPage/>
                    <Route path=path!("/surveys/new") view=SurveyNewPage/>
                    <Route path=path!("/surveys/:id") view=SurveyPage/>
                    <Route path=path!("/surveys/:id/edit") view=SurveyEditPage/>
                    <Route path=path!("/ledger") view=LedgerPage/>
                    <Route path=path!("/ledger/rules") view=LedgerRulesPage/>
                    <Route path=path!("/ledger/accounts/:id") view=StatementPage/>
                    <Route path=path!("/shop") view=ShopItemsPage/>
                    <Route path=path!("/shop/orders") view=ShopOrdersPage/>
                    <Route path=path!("/activities") view=ActivitiesPage/>
                    <Route path=path!("/activities/new") view=ActivityNewPage/>
                    <Route path=path!("/activities/:id") view=ActivityPage/>
                    <Route path=path!("/activities/:id/edit") view=ActivityEditPage/>
                    <Route path=path!("/volunteers") view=RosterPage/>
                    <Route path=path!("/volunteers/:id") view=VolunteerPage/>
                    <Route path=path!("/volunteers/:id/certificate") view=CertificatePage/>
                    <Route path=path!("/resources") view=ResourcesPage/>
                    <Route path=path!("/resources/providers/new") view=ProviderNewPage/>
                    <Route path=path!("/resources/providers/:id") view=ProviderPage/>
                    <Route path=path!("/resources/services/new") view=ServiceNewPage/>
                    <Route path=path!("/resources/services/:id") view=ServicePage/>
                    <Route path=path!("/resources/people/new") view=PersonNewPage/>
                    <Route path=path!("/resources/people/:id") view=PersonPage/>
                    <Route path=path!("/resources/spaces/new") view=SpaceNewPage/>
                    <Route path=path!("/resources/spaces/:id") view=SpacePage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// `/`: the signed-in user's landing page (the shell renders routes only once `/me` is known).
#[component]
fn Home() -> impl IntoView {
    let role = use_session().me.with_untracked(|me| me.as_ref().map(|m| m.user.role));
    view! { <Redirect path=home_page(role)/> }
}
