//! The whole dashboard: every staff page. `index.html` starts it on every path but `/login`, `/m…`
//! and `/public…`, which the sign-in and resident bundles own (a link there loads that bundle).
//!
//! The staff pages sit behind three split points ([`web::lazy_pages`]), so a first visit downloads the
//! shell and the group of the page it opens, and each other group when one of its pages is first
//! visited. Three, not one per page: the splitter gives every set of split points that share code a
//! chunk of its own, and with a split point per feature one visit fetched over a hundred files.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::{Lazy, path};
use web::staff_pages::*;

fn main() {
    web::start(App);
}

// the daily work: needs, the workbench, tasks, the overdue board, the inbox and programs
web::lazy_pages! {
    staff_work {
        NeedsRoute => NeedsPage,
        NeedDetailRoute => NeedDetailPage,
        TasksRoute => TasksPage,
        WorkbenchRoute => WorkbenchPage,
        OverdueRoute => OverduePage,
        NotificationsRoute => NotificationsPage,
        CatalogueRoute => CataloguePage,
        ProgramsRoute => ProgramsPage,
        ProgramNewRoute => ProgramNewPage,
        ProgramRollupRoute => ProgramRollupPage,
        ProgramEditRoute => ProgramEditPage,
        ProgramDetailRoute => ProgramDetailPage,
    }
}

// participation: 民主协商, 民意调查, 时间银行/积分, the points shop, volunteer activities
web::lazy_pages! {
    staff_participation {
        TopicsRoute => TopicsPage,
        TopicRoute => TopicPage,
        SurveysRoute => SurveysPage,
        SurveyNewRoute => SurveyNewPage,
        SurveyRoute => SurveyPage,
        SurveyEditRoute => SurveyEditPage,
        LedgerRoute => LedgerPage,
        LedgerRulesRoute => LedgerRulesPage,
        StatementRoute => StatementPage,
        ShopItemsRoute => ShopItemsPage,
        ShopOrdersRoute => ShopOrdersPage,
        ActivitiesRoute => ActivitiesPage,
        ActivityNewRoute => ActivityNewPage,
        ActivityRoute => ActivityPage,
        ActivityEditRoute => ActivityEditPage,
        RosterRoute => RosterPage,
        VolunteerRoute => VolunteerPage,
        CertificateRoute => CertificatePage,
    }
}

// planning and administration: resources, matching, KPIs, areas, residents, users, audit, integrations
web::lazy_pages! {
    staff_planning {
        ResourcesRoute => ResourcesPage,
        ProviderNewRoute => ProviderNewPage,
        ProviderRoute => ProviderPage,
        ServiceNewRoute => ServiceNewPage,
        ServiceRoute => ServicePage,
        PersonNewRoute => PersonNewPage,
        PersonRoute => PersonPage,
        SpaceNewRoute => SpaceNewPage,
        SpaceRoute => SpacePage,
        MatchingPlansRoute => MatchingPlansPage,
        MatchingPlanRoute => MatchingPlanPage,
        MatchingGapsRoute => MatchingGapsPage,
        KpisRoute => KpisPage,
        KpiReportRoute => KpiReportPage,
        KpiImportRoute => KpiImportPage,
        KpiDetailRoute => KpiDetailPage,
        AreasRoute => AreasPage,
        ResidentsRoute => ResidentsPage,
        UsersRoute => UsersPage,
        AuditRoute => AuditPage,
        ClientsRoute => ClientsPage,
        ClientDetailRoute => ClientDetailPage,
        WebhooksRoute => WebhooksPage,
        WebhookDetailRoute => WebhookDetailPage,
    }
}

/// The whole dashboard: every staff page, inside the shell.
#[component]
pub fn App() -> impl IntoView {
    provide_app_context();
    view! {
        <PageFetchBar/>
        <Router>
            <SessionGuard/>
            <DocumentTitle/>
            <Routes fallback=|| view! { <ElsewhereOrNotFound this="staff"/> }>
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=Home/>
                    <Route path=path!("/needs") view={Lazy::<NeedsRoute>::new()}/>
                    <Route path=path!("/needs/:id") view={Lazy::<NeedDetailRoute>::new()}/>
                    <Route path=path!("/tasks") view={Lazy::<TasksRoute>::new()}/>
                    <Route path=path!("/workbench") view={Lazy::<WorkbenchRoute>::new()}/>
                    <Route path=path!("/overdue") view={Lazy::<OverdueRoute>::new()}/>
                    <Route path=path!("/matching/plans") view={Lazy::<MatchingPlansRoute>::new()}/>
                    <Route path=path!("/matching/plans/:id") view={Lazy::<MatchingPlanRoute>::new()}/>
                    <Route path=path!("/matching/gaps") view={Lazy::<MatchingGapsRoute>::new()}/>
                    <Route path=path!("/kpis") view={Lazy::<KpisRoute>::new()}/>
                    <Route path=path!("/kpis/report") view={Lazy::<KpiReportRoute>::new()}/>
                    <Route path=path!("/kpis/import") view={Lazy::<KpiImportRoute>::new()}/>
                    <Route path=path!("/kpis/:code") view={Lazy::<KpiDetailRoute>::new()}/>
                    <Route path=path!("/areas/:id?") view={Lazy::<AreasRoute>::new()}/>
                    <Route path=path!("/users") view={Lazy::<UsersRoute>::new()}/>
                    <Route path=path!("/audit") view={Lazy::<AuditRoute>::new()}/>
                    <Route path=path!("/admin/clients") view={Lazy::<ClientsRoute>::new()}/>
                    <Route path=path!("/admin/clients/:id") view={Lazy::<ClientDetailRoute>::new()}/>
                    <Route path=path!("/admin/webhooks") view={Lazy::<WebhooksRoute>::new()}/>
                    <Route path=path!("/admin/webhooks/:id") view={Lazy::<WebhookDetailRoute>::new()}/>
                    <Route path=path!("/residents") view={Lazy::<ResidentsRoute>::new()}/>
                    <Route path=path!("/notifications") view={Lazy::<NotificationsRoute>::new()}/>
                    <Route path=path!("/catalogue") view={Lazy::<CatalogueRoute>::new()}/>
                    <Route path=path!("/programs") view={Lazy::<ProgramsRoute>::new()}/>
                    <Route path=path!("/programs/new") view={Lazy::<ProgramNewRoute>::new()}/>
                    <Route path=path!("/programs/rollup") view={Lazy::<ProgramRollupRoute>::new()}/>
                    <Route path=path!("/programs/:id/edit") view={Lazy::<ProgramEditRoute>::new()}/>
                    <Route path=path!("/programs/:id") view={Lazy::<ProgramDetailRoute>::new()}/>
                    <Route path=path!("/topics") view={Lazy::<TopicsRoute>::new()}/>
                    <Route path=path!("/topics/:id") view={Lazy::<TopicRoute>::new()}/>
                    <Route path=path!("/surveys") view={Lazy::<SurveysRoute>::new()}/>
                    <Route path=path!("/surveys/new") view={Lazy::<SurveyNewRoute>::new()}/>
                    <Route path=path!("/surveys/:id") view={Lazy::<SurveyRoute>::new()}/>
                    <Route path=path!("/surveys/:id/edit") view={Lazy::<SurveyEditRoute>::new()}/>
                    <Route path=path!("/ledger") view={Lazy::<LedgerRoute>::new()}/>
                    <Route path=path!("/ledger/rules") view={Lazy::<LedgerRulesRoute>::new()}/>
                    <Route path=path!("/ledger/accounts/:id") view={Lazy::<StatementRoute>::new()}/>
                    <Route path=path!("/shop") view={Lazy::<ShopItemsRoute>::new()}/>
                    <Route path=path!("/shop/orders") view={Lazy::<ShopOrdersRoute>::new()}/>
                    <Route path=path!("/activities") view={Lazy::<ActivitiesRoute>::new()}/>
                    <Route path=path!("/activities/new") view={Lazy::<ActivityNewRoute>::new()}/>
                    <Route path=path!("/activities/:id") view={Lazy::<ActivityRoute>::new()}/>
                    <Route path=path!("/activities/:id/edit") view={Lazy::<ActivityEditRoute>::new()}/>
                    <Route path=path!("/volunteers") view={Lazy::<RosterRoute>::new()}/>
                    <Route path=path!("/volunteers/:id") view={Lazy::<VolunteerRoute>::new()}/>
                    <Route path=path!("/volunteers/:id/certificate") view={Lazy::<CertificateRoute>::new()}/>
                    <Route path=path!("/resources") view={Lazy::<ResourcesRoute>::new()}/>
                    <Route path=path!("/resources/providers/new") view={Lazy::<ProviderNewRoute>::new()}/>
                    <Route path=path!("/resources/providers/:id") view={Lazy::<ProviderRoute>::new()}/>
                    <Route path=path!("/resources/services/new") view={Lazy::<ServiceNewRoute>::new()}/>
                    <Route path=path!("/resources/services/:id") view={Lazy::<ServiceRoute>::new()}/>
                    <Route path=path!("/resources/people/new") view={Lazy::<PersonNewRoute>::new()}/>
                    <Route path=path!("/resources/people/:id") view={Lazy::<PersonRoute>::new()}/>
                    <Route path=path!("/resources/spaces/new") view={Lazy::<SpaceNewRoute>::new()}/>
                    <Route path=path!("/resources/spaces/:id") view={Lazy::<SpaceRoute>::new()}/>
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
