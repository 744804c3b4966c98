//! The root component: context (locale, session) and the client-side routes.

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
use crate::common::i18n::{provide_i18n, use_i18n};
use crate::common::login_page::LoginPage;
use crate::common::route_titles::DocumentTitle;
use crate::common::session::{SessionGuard, home_page, provide_session, use_session};
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
use crate::mobile::community_page::CommunityPage;
use crate::mobile::me_page::ResidentMePage;
use crate::mobile::nearby_page::NearbyPage;
use crate::mobile::points_page::ResidentPointsPage;
use crate::mobile::resident_pages::{ResidentNeedPage, ResidentNeedsPage, ResidentSubmitPage};
use crate::mobile::shell::MobileShell;
use crate::mobile::shop_pages::{ResidentOrdersPage, ResidentShopPage};
use crate::mobile::sign_in_page::ResidentSignInPage;
use crate::mobile::survey_pages::{ResidentSurveyPage, ResidentSurveysPage};
use crate::mobile::topic_pages::{ResidentTopicNewPage, ResidentTopicPage, ResidentTopicsPage};
use crate::needs::detail_page::NeedDetailPage;
use crate::needs::labels::provide_categories;
use crate::needs::overdue_page::OverduePage;
use crate::needs::queue_page::NeedsPage;
use crate::needs::tasks_page::TasksPage;
use crate::notifications::pages::{NotificationsPage, ResidentNotificationsPage};
use crate::programs::catalogue::provide_catalogue;
use crate::programs::catalogue_page::CataloguePage;
use crate::programs::detail_page::ProgramDetailPage;
use crate::programs::edit_page::{ProgramEditPage, ProgramNewPage};
use crate::programs::list_page::ProgramsPage;
use crate::programs::rollup_page::ProgramRollupPage;
use crate::public::nearby_page::PublicNearbyPage;
use crate::public::programs_pages::{PublicProgramPage, PublicProgramsPage, PublicShell};
use crate::public::topics_pages::{PublicTopicPage, PublicTopicsPage};
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

/// The whole dashboard.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_session();
    provide_categories();
    provide_catalogue();
    view! {
        <Router>
            <SessionGuard/>
            <DocumentTitle/>
            <Routes fallback=NotFound>
                <Route path=path!("/login") view=LoginPage/>
                <Route path=path!("/m/sign-in") view=ResidentSignInPage/>
                <ParentRoute path=path!("/public") view=PublicShell>
                    <Route path=path!("/programs") view=PublicProgramsPage/>
                    <Route path=path!("/programs/:id") view=PublicProgramPage/>
                    <Route path=path!("/nearby") view=PublicNearbyPage/>
                    <Route path=path!("/topics") view=PublicTopicsPage/>
                    <Route path=path!("/topics/:id") view=PublicTopicPage/>
                </ParentRoute>
                <ParentRoute path=path!("/m") view=MobileShell>
                    <Route path=path!("") view=ResidentSubmitPage/>
                    <Route path=path!("/needs") view=ResidentNeedsPage/>
                    <Route path=path!("/needs/:id") view=ResidentNeedPage/>
                    <Route path=path!("/community") view=CommunityPage/>
                    <Route path=path!("/me") view=ResidentMePage/>
                    <Route path=path!("/notifications") view=ResidentNotificationsPage/>
                    <Route path=path!("/nearby") view=NearbyPage/>
                    <Route path=path!("/topics") view=ResidentTopicsPage/>
                    <Route path=path!("/topics/new") view=ResidentTopicNewPage/>
                    <Route path=path!("/topics/:id") view=ResidentTopicPage/>
                    <Route path=path!("/surveys") view=ResidentSurveysPage/>
                    <Route path=path!("/surveys/:id") view=ResidentSurveyPage/>
                    <Route path=path!("/points") view=ResidentPointsPage/>
                    <Route path=path!("/shop") view=ResidentShopPage/>
                    <Route path=path!("/shop/orders") view=ResidentOrdersPage/>
                </ParentRoute>
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

/// Unknown client route: say so and offer the way back to the visitor's start page (nothing to retry).
#[component]
fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <main class="centered" data-testid="not-found">
            <h1>"404"</h1>
            <p>{move || i18n.t("notfound.text")}</p>
            <a href=move || home_page(session.role()) data-testid="not-found-home">{move || i18n.t("notfound.home")}</a>
        </main>
    }
}
