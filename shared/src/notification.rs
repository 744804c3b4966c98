//! Notifications (站内信): an inbox per user, filled by one call every domain makes, and the
//! per-kind preferences that mute a kind. Each notification is also the webhook event
//! `notification.created`.

use serde::{Deserialize, Serialize};

use crate::code_enum;

/// The webhook event sent for every notification written to an inbox.
pub const NOTIFICATION_CREATED: &str = "notification.created";

code_enum! {
    /// What a notification is about. One list for every domain: a new domain adds its kinds here
    /// (and their texts in the API's `domain/notification_text.rs`).
    pub enum NotificationKind {
        /// To the resident: staff accepted their need (受理).
        NeedAccepted = "need_accepted",
        /// To the resident: the need was returned, naming everything missing (一次告知).
        NeedReturned = "need_returned",
        /// To the resident: the need was not accepted, with the reason.
        NeedRejected = "need_rejected",
        /// To the resident: the need was dispatched to someone who will serve it (派单).
        NeedDispatched = "need_dispatched",
        /// To the resident: the need was resolved; they may rate it (办结).
        NeedResolved = "need_resolved",
        /// To the resident: the need was reopened (objection or low rating).
        NeedReopened = "need_reopened",
        /// To the assignee: a need was dispatched to you.
        NeedAssigned = "need_assigned",
        /// To the assignee: the claim window of a need dispatched to you closes soon.
        NeedClaimClosing = "need_claim_closing",
        /// To the former assignee: the need was taken from you (dispatched to someone else, not
        /// claimed in time, or cancelled).
        NeedReassigned = "need_reassigned",
        /// To community staff of the need's community: a new (or resubmitted) need in your area.
        NeedSubmitted = "need_submitted",
        /// To community staff of the need's community: the need passed its deadline.
        NeedOverdue = "need_overdue",
        /// To street staff of the need's street: an overdue need was escalated to you (街镇吹哨).
        NeedEscalated = "need_escalated",
        /// To the approvers above the program's area: a program waits for approval.
        ProgramSubmitted = "program_submitted",
        /// To the program's author: it was approved.
        ProgramApproved = "program_approved",
        /// To the program's author: it was sent back, with the reason.
        ProgramSentBack = "program_sent_back",
        /// To the proposer: their consultation topic was filed (立案).
        TopicFiled = "topic_filed",
        /// To the proposer: their topic was not filed, with the reason.
        TopicDeclined = "topic_declined",
        /// To the proposer: a meeting decided on their topic (备案), or its vote did not pass.
        TopicDecided = "topic_decided",
        /// To the resident: their points-shop order was handed over (已领取).
        ShopOrderFulfilled = "shop_order_fulfilled",
        /// To the resident: their order was cancelled by staff; the points came back.
        ShopOrderCancelled = "shop_order_cancelled",
        /// To the resident: their order was not picked up in time; the points came back.
        ShopOrderExpired = "shop_order_expired",
        /// To the volunteer: a place of an activity became free and their waiting sign-up moved up (候补转正).
        ActivityPlaceConfirmed = "activity_place_confirmed",
        /// To the receiver: someone offered them hours of their time account (时长转赠); accept or decline.
        GiftOffered = "gift_offered",
        /// To the receiver: the giver took an offer back before it was answered.
        GiftWithdrawn = "gift_withdrawn",
        /// To the giver: the receiver accepted; the hours moved.
        GiftAccepted = "gift_accepted",
        /// To the giver: the receiver declined; nothing moved.
        GiftDeclined = "gift_declined",
        /// To the giver: nobody answered in time; nothing moved.
        GiftExpired = "gift_expired",
    }
}

code_enum! {
    /// The kind of record a notification links to.
    pub enum SubjectKind {
        Need = "need",
        Program = "program",
        Topic = "topic",
        ShopOrder = "shop_order",
        Activity = "activity",
        GiftOffer = "gift_offer",
    }
}

/// The record a notification is about: fetch it at `/api/v1/<kind>s/<id>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationSubject {
    pub kind: SubjectKind,
    pub id: i64,
    /// The API path of the record, e.g. `/api/v1/needs/42`.
    #[cfg_attr(feature = "openapi", schema(example = "/api/v1/needs/42"))]
    pub link: String,
}

/// One notification, its text in the language the request asked for (`Accept-Language`, Chinese by default).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    pub id: i64,
    pub kind: NotificationKind,
    pub subject: NotificationSubject,
    /// One line.
    #[cfg_attr(feature = "openapi", schema(example = "您的诉求已受理"))]
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(example = "您提交的「养老服务」诉求（编号 42）已由社区受理，将尽快安排办理。"))]
    pub body: String,
    pub read: bool,
    pub read_at: Option<chrono::DateTime<chrono::Utc>>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// How many notifications of the caller are unread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnreadCount {
    pub unread: i64,
}

/// How many notifications a "mark all read" marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MarkedRead {
    pub marked: u64,
}

/// Whether one kind of notification reaches the inbox (and the `notification.created` webhook).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NotificationPreference {
    pub kind: NotificationKind,
    /// `false` mutes the kind: nothing of it is written for you.
    pub enabled: bool,
}

/// Change preferences: the kinds listed are set, the others stay as they are. Every kind is on
/// until muted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NotificationPreferencesUpdate {
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 64))]
    pub preferences: Vec<NotificationPreference>,
}

/// Every kind with whether it is on for you.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationPreferences {
    pub preferences: Vec<NotificationPreference>,
}
