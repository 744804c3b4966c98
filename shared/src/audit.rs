//! The audit trail: who changed what, when, with the record before and after.

use serde::{Deserialize, Serialize};

use crate::{ActivityAction, NeedAction, ProgramAction, SurveyAction, TopicAction, code_enum};

code_enum! {
    /// What an audit entry records being done (审计动作). A need, program or topic that moves is
    /// recorded under its lifecycle action's code, so those codes are here as well (see the `From`s);
    /// one code may serve several lifecycles (`close`), and its label is general enough for each.
    pub enum AuditAction {
        Create = "create",
        Update = "update",
        Set = "set",
        Apply = "apply",
        Report = "report",
        AddPhoto = "add_photo",
        RevealContact = "reveal_contact",
        RecordDecision = "record_decision",
        Transfer = "transfer",
        Reverse = "reverse",
        Replay = "replay",
        Test = "test",
        Read = "read",
        ReadAll = "read_all",
        SignUp = "sign_up",
        UpdateProfile = "update_profile",
        ChangePhone = "change_phone",
        DeleteAccount = "delete_account",
        VerifyResidence = "verify_residence",
        RefuseResidence = "refuse_residence",
        /// A resident's target groups (目标群体) were set.
        SetTargetGroups = "set_target_groups",
        RotateSecret = "rotate_secret",
        Revoke = "revoke",
        Bind = "bind",
        Unbind = "unbind",
        // Surveys
        Edit = "edit",
        Open = "open",
        Answer = "answer",
        // A program's plan
        AddPartner = "add_partner",
        AddPledge = "add_pledge",
        AddDelivery = "add_delivery",
        AddMilestone = "add_milestone",
        UpdateMilestone = "update_milestone",
        AddSpend = "add_spend",
        // Needs
        Submit = "submit",
        Accept = "accept",
        Return = "return",
        Resubmit = "resubmit",
        Reject = "reject",
        Dispatch = "dispatch",
        Claim = "claim",
        Decline = "decline",
        ClaimTimeout = "claim_timeout",
        Start = "start",
        Resolve = "resolve",
        Rate = "rate",
        ReturnVisit = "return_visit",
        Object = "object",
        Reopen = "reopen",
        Close = "close",
        Escalate = "escalate",
        // Programs
        Withdraw = "withdraw",
        Approve = "approve",
        SendBack = "send_back",
        Complete = "complete",
        Evaluate = "evaluate",
        Suspend = "suspend",
        Resume = "resume",
        Cancel = "cancel",
        // Topics
        Propose = "propose",
        Publish = "publish",
        Cosign = "cosign",
        File = "file",
        Refer = "refer",
        Convene = "convene",
        Decide = "decide",
        PublishResult = "publish_result",
        Implement = "implement",
        OpenReview = "open_review",
        // Activities
        Finish = "finish",
    }
}

code_enum! {
    /// The kind of record an audit entry is about (审计对象).
    pub enum AuditEntity {
        Area = "area",
        User = "user",
        Need = "need",
        NeedDeadline = "need_deadline",
        Program = "program",
        Plan = "plan",
        Provider = "provider",
        Service = "service",
        Person = "person",
        Space = "space",
        CatalogueEntry = "catalogue_entry",
        KpiTarget = "kpi_target",
        KpiReport = "kpi_report",
        Topic = "topic",
        ConsultationSettings = "consultation_settings",
        Survey = "survey",
        LedgerTransfer = "ledger_transfer",
        LedgerRules = "ledger_rules",
        NeedTimePayment = "need_time_payment",
        GiftOffer = "gift_offer",
        ShopItem = "shop_item",
        Notification = "notification",
        NotificationPreferences = "notification_preferences",
        ResidentBinding = "resident_binding",
        IntegrationClient = "integration_client",
        Webhook = "webhook",
        Activity = "activity",
    }
}

impl From<NeedAction> for AuditAction {
    fn from(a: NeedAction) -> Self {
        match a {
            NeedAction::Submit => Self::Submit,
            NeedAction::Accept => Self::Accept,
            NeedAction::Return => Self::Return,
            NeedAction::Resubmit => Self::Resubmit,
            NeedAction::Reject => Self::Reject,
            NeedAction::Dispatch => Self::Dispatch,
            NeedAction::Claim => Self::Claim,
            NeedAction::Decline => Self::Decline,
            NeedAction::ClaimTimeout => Self::ClaimTimeout,
            NeedAction::Start => Self::Start,
            NeedAction::Resolve => Self::Resolve,
            NeedAction::Rate => Self::Rate,
            NeedAction::ReturnVisit => Self::ReturnVisit,
            NeedAction::Object => Self::Object,
            NeedAction::Reopen => Self::Reopen,
            NeedAction::Close => Self::Close,
            NeedAction::Cancel => Self::Cancel,
            NeedAction::Escalate => Self::Escalate,
        }
    }
}

impl From<ProgramAction> for AuditAction {
    fn from(a: ProgramAction) -> Self {
        match a {
            ProgramAction::Submit => Self::Submit,
            ProgramAction::Withdraw => Self::Withdraw,
            ProgramAction::Approve => Self::Approve,
            ProgramAction::SendBack => Self::SendBack,
            ProgramAction::Start => Self::Start,
            ProgramAction::Complete => Self::Complete,
            ProgramAction::Evaluate => Self::Evaluate,
            ProgramAction::Suspend => Self::Suspend,
            ProgramAction::Resume => Self::Resume,
            ProgramAction::Cancel => Self::Cancel,
        }
    }
}

impl From<SurveyAction> for AuditAction {
    fn from(a: SurveyAction) -> Self {
        match a {
            SurveyAction::Edit => Self::Edit,
            SurveyAction::Open => Self::Open,
            SurveyAction::Answer => Self::Answer,
            SurveyAction::Close => Self::Close,
        }
    }
}

impl From<ActivityAction> for AuditAction {
    fn from(a: ActivityAction) -> Self {
        match a {
            ActivityAction::Publish => Self::Publish,
            ActivityAction::Close => Self::Close,
            ActivityAction::Reopen => Self::Reopen,
            ActivityAction::Finish => Self::Finish,
            ActivityAction::Cancel => Self::Cancel,
        }
    }
}

impl From<TopicAction> for AuditAction {
    fn from(a: TopicAction) -> Self {
        match a {
            TopicAction::Propose => Self::Propose,
            TopicAction::Publish => Self::Publish,
            TopicAction::Cosign => Self::Cosign,
            TopicAction::File => Self::File,
            TopicAction::Decline => Self::Decline,
            TopicAction::Refer => Self::Refer,
            TopicAction::Convene => Self::Convene,
            TopicAction::Decide => Self::Decide,
            TopicAction::PublishResult => Self::PublishResult,
            TopicAction::Implement => Self::Implement,
            TopicAction::OpenReview => Self::OpenReview,
            TopicAction::Rate => Self::Rate,
            TopicAction::Close => Self::Close,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: i64,
    pub at: chrono::DateTime<chrono::Utc>,
    /// Absent for changes made by the system (migrations, demo seeding, the CLI).
    pub actor_id: Option<i64>,
    pub actor_username: Option<String>,
    /// The operator's display name (姓名), as staff know them.
    pub actor_name: Option<String>,
    pub action: AuditAction,
    pub entity: AuditEntity,
    pub entity_id: i64,
    /// The area the record belongs to; audit reads are scoped by it.
    pub area_id: Option<i64>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub request_id: Option<String>,
}
