//! Authorization, in one place: may this caller do this to that row?
//!
//! - *What* a role may do is one row of [`TABLE`] ([`require`] asks it).
//! - *Which rows* a caller reaches is the subject's rule: each area-owned entity implements
//!   [`Scoped`] once, and [`load`] / [`visible`] fetch rows through it (outside the subtree: 404,
//!   so existence is not revealed).
//! - What a caller *is* to one row (a need's resident or assignee, a program's author or approver)
//!   is in [`needs`] and [`programs`]; the lifecycle tables then say which moves each party makes.
//!
//! Nobody else looks at roles. Services ask this module; a handler that hands a service a subtree
//! (areas, users, audit) gets its `Scope` from [`allow`], and handlers with no service behind them
//! (templates, the indicator list) call [`require`]. A new domain adds its actions to the table and
//! implements [`Scoped`] for its entity.

pub mod activities;
pub mod bindings;
pub mod gifts;
mod loader;
pub mod needs;
pub mod programs;
pub mod recipients;
pub mod residents;
mod scopes;
pub mod shop;
pub mod surveys;
mod table;
pub mod topics;
pub mod users;

pub use loader::{AreaOwned, Scoped, load, load_within, visible};
pub use scopes::SCOPES;
pub use table::{Action, TABLE, role_may};

use shared::Permissions;

use crate::domain::caller::Caller;
use crate::domain::scope::Scope;

/// Why the policy refused: a domain error, turned into 403 / 404 / 500 at the HTTP edge.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error("role {} may not {}", .role.as_str(), .action.refusal())]
    Denied { role: shared::Role, action: Action },
    /// Missing, or outside the caller's reach: the two are answered alike.
    #[error("{0} not found")]
    NotFound(&'static str),
    /// The role may take the action, but only once community staff have verified residence.
    /// An integration client's token lacks the scope the action needs (or no scope opens it).
    #[error("{}", missing_scope(.0, .1))]
    MissingScope(Option<shared::ApiScope>, Action),
    #[error("only residents whose residence is verified (已认证) may {}", .0.refusal())]
    Unverified(Action),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
    #[error(transparent)]
    Stored(#[from] crate::entities::stored::StoredValueInvalid),
}

fn missing_scope(scope: &Option<shared::ApiScope>, action: &Action) -> String {
    match scope {
        Some(scope) => format!("this client's token lacks the scope {} needed to {}", scope.as_str(), action.refusal()),
        None => format!("integration client tokens may not {}", action.refusal()),
    }
}

/// `Ok` when the caller's role may take `action` and, for an integration client's token, the
/// token carries the action's scope ([`scopes`]). Every other entry point of this module asks here
/// or [`may`].
pub fn require(caller: &Caller, action: Action) -> Result<(), Refused> {
    if !role_may(caller.role, action) {
        return Err(Refused::Denied { role: caller.role, action });
    }
    scopes::check(caller, action).map_err(|scope| Refused::MissingScope(scope, action))
}

/// Whether the caller may take `action` (role and, for a client token, scope), for services that
/// choose between paths rather than refuse.
pub fn may(caller: &Caller, action: Action) -> bool {
    require(caller, action).is_ok()
}

/// The caller's scope, once their role may take `action`: what a service that works on a subtree
/// (areas, users, audit) is handed.
pub fn allow(caller: &Caller, action: Action) -> Result<Scope, Refused> {
    require(caller, action)?;
    Ok(Scope::of(caller))
}

/// Whether the caller's role may take `action` on a record of the area at `area_path`.
pub fn may_in(caller: &Caller, action: Action, area_path: &str) -> bool {
    may(caller, action) && Scope::of(caller).contains(area_path)
}

/// What the dashboard may show this caller: the table, read for one role.
pub fn permissions(caller: &Caller) -> Permissions {
    let may = |action| may(caller, action);
    Permissions {
        read_areas: may(Action::ReadAreas),
        create_areas: may(Action::CreateAreas),
        edit_areas: may(Action::EditAreas),
        manage_users: may(Action::ManageUsers),
        read_audit: may(Action::ReadAudit),
        manage_webhooks: may(Action::ManageWebhooks),
        manage_integration_clients: may(Action::ManageIntegrationClients),
        work_needs: may(Action::WorkNeeds),
        serve_needs: may(Action::ServeNeeds),
        submit_needs: may(Action::SubmitNeeds),
        read_programs: may(Action::ReadPrograms),
        author_programs: may(Action::AuthorPrograms),
        read_resources: may(Action::ReadResources),
        manage_resources: may(Action::ManageResources),
        match_needs: may(Action::MatchNeeds),
        read_kpis: may(Action::ReadKpis),
        report_kpis: may(Action::ReportKpis),
        set_kpi_targets: may(Action::SetKpiTargets),
        verify_residents: may(Action::VerifyResidents),
        set_resident_target_groups: may(Action::SetResidentTargetGroups),
        read_topics: may(Action::ReadTopics),
        run_consultation: may(Action::RunConsultation),
        read_surveys: may(Action::ReadSurveys),
        manage_surveys: may(Action::ManageSurveys),
        read_survey_results: may(Action::ReadSurveyResults),
        enter_paper_responses: may(Action::EnterPaperResponses),
        read_ledger: may(Action::ReadLedger),
        adjust_ledger: may(Action::AdjustLedger),
        check_ledger: may(Action::CheckLedger),
        set_ledger_rules: may(Action::SetLedgerRules),
        offer_shop_items: may(Action::OfferShopItems),
        read_shop_orders: may(Action::ReadShopOrders),
        fulfil_shop_orders: may(Action::FulfilShopOrders),
        cancel_shop_orders: may(Action::CancelShopOrders),
        read_activities: may(Action::ReadActivities),
        organise_activities: may(Action::OrganiseActivities),
        record_attendance: may(Action::RecordAttendance),
        read_volunteers: may(Action::ReadVolunteers),
        assignable_roles: users::assignable_roles(caller.role),
        whole_platform: Scope::of(caller).is_global(),
    }
}
