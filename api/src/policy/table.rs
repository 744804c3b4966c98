//! The role table: every action the API allows, and the roles that may take it. Which rows an
//! allowed caller may touch is the subject's rule ([`super::Scoped`]), answered from its area.

use shared::Role::{self, *};

/// Everything a caller may be allowed to do. A new domain adds its actions here and its rows to
/// [`TABLE`]; nothing else in the API decides by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    ReadAreas,
    CreateAreas,
    EditAreas,
    ManageUsers,
    ReadAudit,
    ManageWebhooks,
    /// Send one of an endpoint's deliveries again, as a new delivery (the receiver lost or rejected it).
    ReplayWebhookDeliveries,
    /// See needs at all; which ones is [`super::needs`]' rule (own, assigned, or in the subtree).
    ReadNeeds,
    /// Read every need of the subtree (staff; integrations, masked), not only own and assigned ones.
    ReadSubtreeNeeds,
    /// See residents' names, phones and exact addresses on the needs of one's own area (community level).
    HandlePersonalData,
    /// Submit a need: residents for themselves, staff and mini-program backends for a resident.
    SubmitNeeds,
    /// Submit needs of one's own: the need is linked to the caller, who follows and rates it.
    SubmitOwnNeeds,
    /// Take a need by phone, at a visit or on a grid patrol (on a resident's behalf).
    SubmitNeedsForResidents,
    /// Submit through a mini-program: the resident, or the backend acting for one.
    SubmitNeedsByMiniProgram,
    /// Work the needs queue of the subtree: accept, return, dispatch, close (首问负责).
    WorkNeeds,
    /// Be dispatched needs and serve them (社区派单 → 党员接单).
    ServeNeeds,
    /// Record volunteer hours when resolving a need (they become the volunteer's service time).
    RecordVolunteerHours,
    /// Co-sign a neighbour's need (联名).
    CosignNeeds,
    /// Set a district's deadlines per category and urgency (限时办结).
    SetNeedDeadlines,
    ReadPrograms,
    /// Draft, submit and run co-building programs of the subtree.
    AuthorPrograms,
    /// Approve programs from above (never one's own).
    ApprovePrograms,
    /// Change the action's content catalogue (platform reference data).
    EditCatalogue,
    ReadResources,
    ManageResources,
    /// See the contact details of providers and people who serve (personal data).
    SeeResourceContacts,
    /// Rank candidates for a need, plan batch matching and read the gap report.
    MatchNeeds,
    ReadKpis,
    ReportKpis,
    SetKpiTargets,
    /// Read and manage one's own inbox (站内信) and notification preferences; nobody reads another's.
    ReadOwnNotifications,
    /// List the residents of the subtree and where their residence check stands.
    ReadResidents,
    /// Confirm or refuse a resident's residence (待认证 → 已认证 / 未通过).
    VerifyResidents,
    /// Record which target groups (目标群体: 老年人, 低保对象 …) a resident of the subtree belongs to.
    SetResidentTargetGroups,
    /// Bind users of a mini-program (openid / unionid) to residents of the subtree, unbind them, and
    /// exchange the client's token for a resident token (RFC 8693). Integration clients only.
    BindResidents,
    /// See the services and spaces serving one's own community, nearest first (身边服务). Visitors see
    /// any community's from the public pages, which take no role.
    SeeNeighbourhood,
    /// Keep a resident profile of one's own: name, community, address, phone, deletion.
    KeepResidentProfile,
    /// Read the consultation topics (民主协商议题) of one's community or subtree.
    ReadTopics,
    /// Propose a topic (议题提出): verified residents for themselves, staff for themselves or for a
    /// resident unit or organisation.
    ProposeTopics,
    /// Co-sign a topic of one's own community (联名), once; verified residents only.
    CosignTopics,
    /// Run consultation in the subtree: publish, file or decline, refer up, hold meetings, record
    /// decisions, publish results, link programs and needs, set the community's rules.
    RunConsultation,
    /// Rate the outcome of a topic of one's community (评议), once; verified residents only.
    RateTopics,
    /// Read the ledger accounts and statements of the subtree (时间银行 · 积分).
    ReadLedger,
    /// Adjust balances, record donations of hours to the pool and gifts of hours, reverse transfers.
    AdjustLedger,
    /// Read one's own balances and statements (residents and volunteers).
    ReadOwnLedger,
    /// Run the full zero-sum check of the ledger.
    CheckLedger,
    /// Set the ledger's rules of a district or community: points per event, caps, the overdraft.
    SetLedgerRules,
    /// Offer one's banked hours to family, see one's offers, and accept or decline those made to one.
    GiveHours,
    /// Read the surveys (民意调查) of one's area: residents those targeting their home, staff their subtree's.
    ReadSurveys,
    /// Build, open and close surveys of the subtree, from scratch or from a template.
    ManageSurveys,
    /// Answer a survey targeting one's home, once.
    AnswerSurveys,
    /// Enter a paper questionnaire on a resident's behalf, or an anonymous one.
    EnterPaperResponses,
    /// Read a survey's results, free-text answers and exports.
    ReadSurveyResults,
    /// Register, list, rotate, revoke integration clients of the subtree and read their usage.
    ManageIntegrationClients,
    /// See the points shop (积分商城) of one's community or subtree: residents what can be redeemed now.
    ReadShopItems,
    /// Offer items in the points shop and edit one's own (merchants, 商户; staff for the community).
    OfferShopItems,
    /// Manage every item and order of the subtree's points shops: edit, hand over, cancel.
    ManageShop,
    /// Redeem points for an item (兑换).
    RedeemShopItems,
    /// Read one's own points-shop orders, with their pick-up codes.
    ReadOwnShopOrders,
    /// Read the orders of one's own items (merchants) or of the subtree (with [`Action::ManageShop`]).
    ReadShopOrders,
    /// Hand an order over against the resident's pick-up code (核销).
    FulfilShopOrders,
    /// Cancel an order that is still reserved: the resident's own, or staff in the subtree.
    CancelShopOrders,
    /// See the volunteer activities (志愿活动) of one's community or subtree (drafts: organisers only).
    ReadActivities,
    /// Organise activities of the subtree: create, edit, publish, close, finish, cancel; show the
    /// check-in code; take back a mistaken credit by reversal.
    OrganiseActivities,
    /// Check volunteers in and out of an activity of the subtree without a code (the organiser on site).
    RecordAttendance,
    /// Sign up for an activity of one's community, cancel one's sign-up, check in and out with the code.
    JoinActivities,
    /// Read the volunteer profiles and certificates of hours (志愿服务证明) of the subtree.
    ReadVolunteers,
    /// Read one's own volunteer profile, star level and certificate.
    ReadOwnVolunteerRecord,
    /// Set the star-level thresholds (星级) of a district.
    SetStarLevels,
}

const STAFF: &[Role] = &[PlatformAdmin, DistrictAdmin, StreetStaff, CommunityStaff, GridWorker];
/// Staff from community level up: they maintain the records of their area.
const MANAGERS: &[Role] = &[PlatformAdmin, DistrictAdmin, StreetStaff, CommunityStaff];
/// Staff from street level up: they supervise the areas below them.
const SUPERVISORS: &[Role] = &[PlatformAdmin, DistrictAdmin, StreetStaff];
const ADMINS: &[Role] = &[PlatformAdmin, DistrictAdmin];

/// The table, in one place. The reason after each row is what a refused caller is told.
pub const TABLE: &[(Action, &[Role], &str)] = &[
    (Action::ReadAreas, &Role::ALL, "read areas"),
    (Action::CreateAreas, MANAGERS, "create areas"),
    (Action::EditAreas, MANAGERS, "edit areas"),
    (Action::ManageUsers, SUPERVISORS, "manage users"),
    (Action::ReadAudit, ADMINS, "read the audit trail"),
    // Webhooks feed other systems: integration clients, and the admins who set them up.
    (Action::ManageWebhooks, &[PlatformAdmin, DistrictAdmin, Integration], "manage webhooks"),
    (Action::ReplayWebhookDeliveries, &[PlatformAdmin, DistrictAdmin, Integration], "replay webhook deliveries"),
    (Action::ReadNeeds, &Role::ALL, "read needs"),
    (
        Action::ReadSubtreeNeeds,
        &[PlatformAdmin, DistrictAdmin, StreetStaff, CommunityStaff, GridWorker, Integration],
        "read the needs of an area",
    ),
    // Supervisors (street, district, platform) and integration clients see personal data masked.
    (Action::HandlePersonalData, &[CommunityStaff, GridWorker], "see residents' personal data"),
    (Action::SubmitNeeds, &[PlatformAdmin, DistrictAdmin, StreetStaff, CommunityStaff, GridWorker, Resident, Integration], "submit needs"),
    (Action::SubmitOwnNeeds, &[Resident], "submit needs of their own"),
    (Action::SubmitNeedsForResidents, STAFF, "take needs by phone, visit or patrol; that is staff work"),
    (Action::SubmitNeedsByMiniProgram, &[Resident, Integration], "submit through a mini-program"),
    (Action::WorkNeeds, STAFF, "work the needs queue; that is staff work"),
    (Action::ServeNeeds, &[Provider, Volunteer, CommunityStaff, GridWorker, StreetStaff], "be dispatched needs"),
    (Action::RecordVolunteerHours, &[Volunteer], "record volunteer hours"),
    (Action::CosignNeeds, &[Resident], "co-sign needs; only residents co-sign"),
    (Action::SetNeedDeadlines, ADMINS, "set need deadlines; district and platform admins do"),
    // Grid workers read the programs of their grid's community; everyone else uses the public pages.
    (Action::ReadPrograms, STAFF, "read programs; see the public pages"),
    (Action::AuthorPrograms, MANAGERS, "run co-building programs"),
    (Action::ApprovePrograms, SUPERVISORS, "approve programs"),
    (Action::EditCatalogue, &[PlatformAdmin], "change the catalogue; the platform admin does"),
    // Everyone but residents reads the catalogue of their area: staff to dispatch, providers and
    // volunteers to see what they and their neighbours offer, integrations to publish it.
    (
        Action::ReadResources,
        &[PlatformAdmin, DistrictAdmin, StreetStaff, CommunityStaff, GridWorker, Provider, Volunteer, Integration],
        "read the resource catalogue",
    ),
    (Action::ManageResources, MANAGERS, "manage resources"),
    (Action::SeeResourceContacts, STAFF, "see contact details"),
    // Matching is part of dispatching: the staff who work the needs queue.
    (Action::MatchNeeds, STAFF, "match needs to resources; matching is done by staff"),
    (Action::ReadKpis, &[PlatformAdmin, DistrictAdmin, StreetStaff, CommunityStaff, GridWorker, Integration], "read KPIs"),
    (Action::ReportKpis, MANAGERS, "report KPI values"),
    // Targets are set from above.
    (Action::SetKpiTargets, SUPERVISORS, "set KPI targets"),
    // Everyone has an inbox; which rows is the notification's rule (its recipient only).
    (Action::ReadOwnNotifications, &Role::ALL, "read notifications"),
    (Action::ReadResidents, STAFF, "list residents; that is staff work"),
    // Residence is confirmed where people live: by community staff and grid workers of that area.
    (Action::VerifyResidents, &[CommunityStaff, GridWorker], "verify residence; community staff and grid workers do"),
    // The staff who verify residence know the household; the groups steer targeted surveys.
    (Action::SetResidentTargetGroups, &[CommunityStaff, GridWorker], "set a resident's target groups; community staff and grid workers do"),
    // Only a client acts for its own users; staff have the resident's consent in person instead.
    (Action::BindResidents, &[Integration], "bind mini-program users to residents; integration clients do"),
    // Staff, providers and integrations read the full catalogue instead (ReadResources).
    (Action::SeeNeighbourhood, &[Resident], "see the neighbourhood of one's community; residents do"),
    (Action::KeepResidentProfile, &[Resident], "keep a resident profile; staff accounts are managed by their supervisors"),
    // consultation (民主协商)
    // Residents read their community's topics; staff their subtree's; integrations publish them.
    (
        Action::ReadTopics,
        &[PlatformAdmin, DistrictAdmin, StreetStaff, CommunityStaff, GridWorker, Resident, Integration],
        "read consultation topics",
    ),
    (Action::ProposeTopics, &[PlatformAdmin, DistrictAdmin, StreetStaff, CommunityStaff, Resident], "propose consultation topics"),
    (Action::CosignTopics, &[Resident], "co-sign topics; only residents co-sign"),
    (Action::RunConsultation, MANAGERS, "run consultation; community staff and those above do"),
    (Action::RateTopics, &[Resident], "rate a topic's outcome; residents do"),
    // ledger
    (Action::ReadLedger, STAFF, "read the ledger of an area; that is staff work"),
    // Money-like corrections are made where the records are kept: community staff and above.
    (Action::AdjustLedger, MANAGERS, "adjust the ledger; community staff and above do"),
    (Action::ReadOwnLedger, &[Resident, Volunteer], "read own hours and points; only residents and volunteers hold them"),
    (Action::CheckLedger, ADMINS, "check the whole ledger; district and platform admins do"),
    // Points are a district's policy (积分规则), like its deadlines and star levels.
    (Action::SetLedgerRules, ADMINS, "set the ledger's rules; district and platform admins do"),
    // Hours are people's own: they give them, with the other side's consent; staff record gifts as transfers.
    (Action::GiveHours, &[Resident, Volunteer], "give hours; residents and volunteers hold them"),
    // surveys (民意调查)
    (Action::ReadSurveys, &[PlatformAdmin, DistrictAdmin, StreetStaff, CommunityStaff, GridWorker, Resident], "read surveys"),
    (Action::ManageSurveys, MANAGERS, "build surveys; community staff and above do"),
    (Action::AnswerSurveys, &[Resident], "answer surveys; residents do (staff enter paper questionnaires)"),
    // Paper questionnaires are collected door to door: grid workers too.
    (Action::EnterPaperResponses, STAFF, "enter paper questionnaires; that is staff work"),
    (Action::ReadSurveyResults, MANAGERS, "read survey results; community staff and above do"),
    // integration clients: registered where webhooks are, by the admins of a district or the platform
    (Action::ManageIntegrationClients, ADMINS, "manage integration clients; district and platform admins do"),
    // points shop (积分商城); which rows is `policy::shop`'s rule
    (Action::ReadShopItems, &Role::ALL, "see the points shop"),
    (Action::OfferShopItems, &[PlatformAdmin, DistrictAdmin, StreetStaff, CommunityStaff, Merchant], "offer points-shop items"),
    (Action::ManageShop, MANAGERS, "manage the points shop of an area; community staff and above do"),
    (Action::RedeemShopItems, &[Resident], "redeem points; residents do"),
    (Action::ReadOwnShopOrders, &[Resident], "read own points-shop orders; only residents place them"),
    (Action::ReadShopOrders, &[PlatformAdmin, DistrictAdmin, StreetStaff, CommunityStaff, Merchant], "read points-shop orders"),
    (Action::FulfilShopOrders, &[PlatformAdmin, DistrictAdmin, StreetStaff, CommunityStaff, Merchant], "hand over points-shop orders"),
    (Action::CancelShopOrders, &[PlatformAdmin, DistrictAdmin, StreetStaff, CommunityStaff, Resident], "cancel points-shop orders"),
    // volunteer activities (志愿活动); which rows is `policy::activities`' rule
    (
        Action::ReadActivities,
        &[PlatformAdmin, DistrictAdmin, StreetStaff, CommunityStaff, GridWorker, Volunteer, Resident],
        "see volunteer activities",
    ),
    (Action::OrganiseActivities, MANAGERS, "organise volunteer activities; community staff and above do"),
    // Grid workers help on site: they check people in and out, but do not run the activity.
    (Action::RecordAttendance, STAFF, "record attendance; that is staff work"),
    (Action::JoinActivities, &[Volunteer, Resident], "sign up for activities; volunteers and residents do"),
    (Action::ReadVolunteers, STAFF, "read volunteer profiles; that is staff work"),
    (Action::ReadOwnVolunteerRecord, &[Volunteer, Resident], "read an own volunteer record; volunteers and residents have one"),
    (Action::SetStarLevels, ADMINS, "set star levels; district and platform admins do"),
];

impl Action {
    fn row(self) -> Option<&'static (Action, &'static [Role], &'static str)> {
        TABLE.iter().find(|(a, _, _)| *a == self)
    }

    /// The roles that may take this action; none for an action without a row (deny by default;
    /// `every_action_has_exactly_one_row` keeps the table complete).
    pub fn roles(self) -> &'static [Role] {
        self.row().map_or(&[], |r| r.1)
    }

    /// What a refused caller may not do, as the end of "role X may not …".
    pub fn refusal(self) -> &'static str {
        self.row().map_or("do this", |r| r.2)
    }
}

/// Whether `role` may take `action` (on some row; which rows is the subject's rule).
pub fn role_may(role: Role, action: Action) -> bool {
    action.roles().contains(&role)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_exactly_one_row() {
        let mut seen = Vec::new();
        for (action, _, _) in TABLE {
            assert!(!seen.contains(action), "{action:?} twice");
            seen.push(*action);
        }
        assert_eq!(seen.len(), 69, "a new action needs its row");
    }

    #[test]
    fn residents_and_providers_manage_nothing() {
        for role in [Resident, Provider, Volunteer, GridWorker, Integration] {
            for action in [Action::ManageUsers, Action::EditAreas, Action::ReadAudit, Action::ManageResources, Action::AuthorPrograms] {
                assert!(!role_may(role, action), "{role:?} {action:?}");
            }
        }
    }

    #[test]
    fn only_residents_co_sign_and_only_volunteers_record_hours() {
        for role in Role::ALL {
            assert_eq!(role_may(role, Action::CosignNeeds), role == Resident);
            assert_eq!(role_may(role, Action::RecordVolunteerHours), role == Volunteer);
        }
    }

    #[test]
    fn staff_work_the_queue_and_match_but_residents_do_neither() {
        assert!(role_may(GridWorker, Action::WorkNeeds));
        assert!(role_may(GridWorker, Action::MatchNeeds));
        assert!(!role_may(Resident, Action::WorkNeeds));
        assert!(!role_may(Provider, Action::MatchNeeds));
        assert!(!role_may(Resident, Action::ReadResources));
    }
}
