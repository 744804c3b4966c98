//! What each URL is called: the browser tab's title (`需求工单 · 幸福家园`) and, on detail pages, the
//! breadcrumb trail above the page (`需求工单 › 需求 #91`). One table for both, so a route added to
//! `app.rs` gets its name here once. A path not in the table is the not-found page's.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::common::i18n::use_i18n;
use crate::common::session::{is_staff, use_session};
use crate::messages::Key;

/// The name of one route: its message key, the id or code it shows (for detail pages) and the list
/// page above it (for the breadcrumb trail).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteName {
    pub key: Key,
    pub id: Option<String>,
    pub parent: Option<(&'static str, Key)>,
}

/// The list pages a detail route hangs under: (href, message key).
const NEEDS: (&str, Key) = ("/needs", k!("title.needs"));
const TASKS: (&str, Key) = ("/tasks", k!("title.tasks"));
const PROGRAMS: (&str, Key) = ("/programs", k!("title.programs"));
const RESOURCES: (&str, Key) = ("/resources", k!("title.resources"));
const PLANS: (&str, Key) = ("/matching/plans", k!("title.plans"));
const KPIS: (&str, Key) = ("/kpis", k!("title.kpis"));
const AREAS: (&str, Key) = ("/areas", k!("title.areas"));
const CLIENTS: (&str, Key) = ("/admin/clients", k!("title.clients"));
const WEBHOOKS: (&str, Key) = ("/admin/webhooks", k!("title.webhooks"));
const TOPICS: (&str, Key) = ("/topics", k!("title.topics"));
const SURVEYS: (&str, Key) = ("/surveys", k!("title.surveys"));
const LEDGER: (&str, Key) = ("/ledger", k!("title.ledger"));
const SHOP: (&str, Key) = ("/shop", k!("title.shop"));
const ACTIVITIES: (&str, Key) = ("/activities", k!("title.activities"));
const VOLUNTEERS: (&str, Key) = ("/volunteers", k!("title.volunteers"));
const PUBLIC_PROGRAMS: (&str, Key) = ("/public/programs", k!("title.public_programs"));
const PUBLIC_TOPICS: (&str, Key) = ("/public/topics", k!("title.public_topics"));
const M_TOPICS: (&str, Key) = ("/m/topics", k!("title.m_topics"));
const M_SURVEYS: (&str, Key) = ("/m/surveys", k!("title.m_surveys"));

/// The name of `path`; `staff` picks where a need's trail starts (the queue, or one's tasks).
pub fn route_name(path: &str, staff: bool) -> Option<RouteName> {
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').filter(|p| !p.is_empty()).collect();
    let plain = |key| Some(RouteName { key, id: None, parent: None });
    let detail = |key, id: &str, parent| Some(RouteName { key, id: Some(id.to_owned()), parent: Some(parent) });
    let under = |key, parent| Some(RouteName { key, id: None, parent: Some(parent) });
    match parts.as_slice() {
        [] => plain(k!("title.home")),
        ["workbench"] => plain(k!("title.workbench")),
        ["login"] => plain(k!("title.login")),
        ["m", "sign-in"] => plain(k!("title.m_sign_in")),
        ["m"] => plain(k!("title.m_submit")),
        ["m", "needs"] => plain(k!("title.m_needs")),
        ["m", "needs", id] => detail(k!("title.need"), id, ("/m/needs", k!("title.m_needs"))),
        ["m", "community"] => plain(k!("title.m_community")),
        ["m", "me"] => plain(k!("title.m_me")),
        ["m", "notifications"] | ["notifications"] => plain(k!("title.notifications")),
        ["m", "nearby"] => plain(k!("title.m_nearby")),
        ["m", "topics"] => plain(M_TOPICS.1),
        ["m", "topics", "new"] => under(k!("title.m_topic_new"), M_TOPICS),
        ["m", "topics", id] => detail(k!("title.m_topic"), id, M_TOPICS),
        ["m", "surveys"] => plain(M_SURVEYS.1),
        ["m", "surveys", id] => detail(k!("title.m_survey"), id, M_SURVEYS),
        ["m", "points"] => plain(k!("title.m_points")),
        ["m", "shop"] => plain(k!("title.m_shop")),
        ["m", "shop", "orders"] => plain(k!("title.m_orders")),
        ["public", "topics"] => plain(PUBLIC_TOPICS.1),
        ["public", "topics", id] => detail(k!("title.public_topic"), id, PUBLIC_TOPICS),
        ["public", "programs"] => plain(PUBLIC_PROGRAMS.1),
        ["public", "programs", id] => detail(k!("title.public_program"), id, PUBLIC_PROGRAMS),
        ["public", "nearby"] => plain(k!("title.public_nearby")),
        ["needs"] => plain(NEEDS.1),
        ["needs", id] => detail(k!("title.need"), id, if staff { NEEDS } else { TASKS }),
        ["tasks"] => plain(TASKS.1),
        ["overdue"] => plain(k!("title.overdue")),
        ["matching", "plans"] => plain(PLANS.1),
        ["matching", "plans", id] => detail(k!("title.plan"), id, PLANS),
        ["matching", "gaps"] => plain(k!("title.gaps")),
        ["kpis"] => plain(KPIS.1),
        ["kpis", "report"] => under(k!("title.kpi_report"), KPIS),
        ["kpis", "import"] => under(k!("title.kpi_import"), KPIS),
        ["kpis", code] => detail(k!("title.indicator"), code, KPIS),
        ["areas"] => plain(AREAS.1),
        // The area page draws its own trail: the path from the caller's home area down.
        ["areas", id] => Some(RouteName { key: k!("title.area"), id: Some((*id).to_owned()), parent: None }),
        ["users"] => plain(k!("title.users")),
        ["audit"] => plain(k!("title.audit")),
        ["residents"] => plain(k!("title.residents")),
        ["admin", "clients"] => plain(CLIENTS.1),
        ["admin", "clients", id] => detail(k!("title.client"), id, CLIENTS),
        ["admin", "webhooks"] => plain(WEBHOOKS.1),
        ["admin", "webhooks", id] => detail(k!("title.webhook"), id, WEBHOOKS),
        ["catalogue"] => plain(k!("title.catalogue")),
        ["programs"] => plain(PROGRAMS.1),
        ["programs", "new"] => under(k!("title.program_new"), PROGRAMS),
        ["programs", "rollup"] => under(k!("title.rollup"), PROGRAMS),
        ["programs", id, "edit"] => detail(k!("title.program_edit"), id, PROGRAMS),
        ["programs", id] => detail(k!("title.program"), id, PROGRAMS),
        ["topics"] => plain(TOPICS.1),
        ["topics", id] => detail(k!("title.topic"), id, TOPICS),
        ["surveys"] => plain(SURVEYS.1),
        ["surveys", "new"] => under(k!("title.survey_new"), SURVEYS),
        ["surveys", id, "edit"] => detail(k!("title.survey_edit"), id, SURVEYS),
        ["surveys", id] => detail(k!("title.survey"), id, SURVEYS),
        ["ledger"] => plain(LEDGER.1),
        ["ledger", "rules"] => under(k!("title.ledger_rules"), LEDGER),
        ["ledger", "accounts", id] => detail(k!("title.ledger_account"), id, LEDGER),
        ["shop"] => plain(SHOP.1),
        ["shop", "orders"] => under(k!("title.shop_orders"), SHOP),
        ["activities"] => plain(ACTIVITIES.1),
        ["activities", "new"] => under(k!("title.activity_new"), ACTIVITIES),
        ["activities", id, "edit"] => detail(k!("title.activity_edit"), id, ACTIVITIES),
        ["activities", id] => detail(k!("title.activity"), id, ACTIVITIES),
        // A volunteer is reached from the roster, an activity's sign-ups or a ledger account.
        ["volunteers"] => plain(VOLUNTEERS.1),
        ["volunteers", id] => detail(k!("title.volunteer"), id, VOLUNTEERS),
        ["volunteers", id, "certificate"] => detail(k!("title.certificate"), id, VOLUNTEERS),
        ["resources"] => plain(RESOURCES.1),
        ["resources", kind, "new"] => resource_key(kind, true).and_then(|key| under(key, RESOURCES)),
        ["resources", kind, id] => resource_key(kind, false).and_then(|key| detail(key, id, RESOURCES)),
        _ => None,
    }
}

fn resource_key(kind: &str, new: bool) -> Option<Key> {
    Some(match (kind, new) {
        ("providers", true) => k!("title.provider_new"),
        ("providers", false) => k!("title.provider"),
        ("services", true) => k!("title.service_new"),
        ("services", false) => k!("title.service"),
        ("people", true) => k!("title.person_new"),
        ("people", false) => k!("title.person"),
        ("spaces", true) => k!("title.space_new"),
        ("spaces", false) => k!("title.space"),
        _ => return None,
    })
}

/// `需求 #91` for a detail page, the name alone otherwise.
fn with_id(name: &str, id: Option<&str>) -> String {
    match id {
        Some(id) if id.chars().all(|c| c.is_ascii_digit()) => format!("{name} #{id}"),
        Some(code) => format!("{name} {code}"),
        None => name.to_owned(),
    }
}

/// Renders nothing; keeps `document.title` in step with the route and the language.
#[component]
pub fn DocumentTitle() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    Effect::new(move |_| {
        let staff = is_staff(session.role());
        let product = i18n.t(k!("title.product"));
        let title = match location.pathname.with(|p| route_name(p, staff)) {
            Some(r) => format!("{} · {product}", with_id(i18n.t(r.key), r.id.as_deref())),
            None => format!("{} · {product}", i18n.t(k!("title.not_found"))),
        };
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    });
}

/// The trail above a detail page (`需求工单 › 需求 #91`); nothing on list pages. The pages' own
/// "← back" links are hidden by the stylesheet where this trail is shown.
#[component]
pub fn RouteCrumbs() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    move || {
        let staff = is_staff(session.role());
        let name = location.pathname.with(|p| route_name(p, staff))?;
        let (href, parent) = name.parent?;
        // The KPI pages keep the area and period they were opened for in the query.
        // A code-like id (an indicator's code) is shown as code, not as a word; a number as #91.
        let (number, code) = match name.id.clone() {
            Some(id) if id.chars().all(|c| c.is_ascii_digit()) => (Some(id), None),
            other => (None, other),
        };
        let href = if (href, parent) == KPIS { format!("{href}{}", location.search.get()) } else { href.to_owned() };
        Some(view! {
            <nav class="crumbs route-crumbs" aria-label=move || i18n.t(k!("title.crumbs")) data-testid="route-crumbs">
                <a href=href>{move || i18n.t(parent)}</a>
                <span class="crumb-sep" aria-hidden="true">"›"</span>
                <span aria-current="page">{move || with_id(i18n.t(name.key), number.as_deref())}{code.map(|code| view! { " "<code>{code}</code> })}</span>
            </nav>
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::i18n::Locale;

    #[test]
    fn a_detail_page_names_its_list_and_id() {
        let need = route_name("/needs/91", true).expect("a known route");
        assert_eq!((need.key, need.id.as_deref(), need.parent), (k!("title.need"), Some("91"), Some(NEEDS)));
        assert_eq!(route_name("/needs/91", false).expect("a known route").parent, Some(TASKS));
        assert_eq!(route_name("/resources/people/3", true).expect("a known route").key, k!("title.person"));
        assert_eq!(route_name("/programs/4/edit", true).expect("a known route").key, k!("title.program_edit"));
        assert_eq!(route_name("/programs/rollup", true).expect("a known route").key, k!("title.rollup"));
        assert_eq!(with_id("指标", Some("N01")), "指标 N01");
        assert_eq!(with_id("需求", Some("91")), "需求 #91");
    }

    #[test]
    fn unknown_paths_have_no_name() {
        assert_eq!(route_name("/nowhere", true), None);
        assert_eq!(route_name("/resources/boats/1", true), None);
    }

    #[test]
    fn every_route_has_a_title_of_its_own() {
        // Every route of app.rs, with an id where it takes one.
        let paths = "/login /m/sign-in /m /m/needs /m/needs/1 /m/community /m/me /m/notifications /m/nearby /public/programs \
            /public/programs/1 /public/nearby /needs /needs/1 /tasks /overdue /matching/plans /matching/plans/1 \
            /matching/gaps /kpis /kpis/report /kpis/import /kpis/N01 /areas /areas/1 /users /audit /residents \
            /notifications /admin/clients /admin/clients/1 /admin/webhooks /admin/webhooks/1 /catalogue /programs \
            /programs/new /programs/rollup /programs/1/edit /programs/1 /resources /resources/providers/new \
            /resources/providers/1 /resources/services/new /resources/services/1 /resources/people/new \
            /resources/people/1 /resources/spaces/new /resources/spaces/1 /topics /topics/1 /surveys /surveys/new /surveys/1 /surveys/1/edit \
            /ledger /ledger/rules /ledger/accounts/1 /shop /shop/orders /activities /activities/new /activities/1 /activities/1/edit \
            /volunteers /volunteers/1 /volunteers/1/certificate";
        let (mut zh, mut en) = (Vec::new(), Vec::new());
        for path in paths.split_whitespace() {
            let name = route_name(path, true).unwrap_or_else(|| panic!("{path} has no name"));
            zh.push(with_id(name.key.text(Locale::Zh), name.id.as_deref()));
            en.push(with_id(name.key.text(Locale::En), name.id.as_deref()));
        }
        // Each route its own tab title, but for the same thing seen by two roles: the notification
        // inboxes, and a need (需求 #1) on the staff page and on the resident's.
        for mut names in [zh, en] {
            names.sort_unstable();
            let before = names.len();
            names.dedup();
            assert_eq!(before - names.len(), 2, "routes sharing a title: {names:?}");
        }
    }
}
