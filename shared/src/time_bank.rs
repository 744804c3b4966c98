//! The time bank (时间银行): who pays the minutes of a need when it is confirmed, and gifts of hours
//! to family that both sides agree to.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Id, code_enum};

code_enum! {
    /// Who pays a need's minutes to the volunteer who served it, when the need is confirmed.
    pub enum TimePayer {
        /// The community issues them (the default): the volunteer earns, nobody spends.
        Community = "community",
        /// The requester spends their own banked minutes (down to the community's overdraft).
        Requester = "requester",
        /// The community's pool of donated hours, granted by staff to residents who cannot earn
        /// (独居老人 and others).
        CommunityPool = "community_pool",
    }
}

/// How a need's minutes will be paid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimePayment {
    pub need_id: Id,
    pub payer: TimePayer,
    /// Who chose it; absent for the default.
    pub set_by: Option<Id>,
    pub updated_at: Option<DateTime<Utc>>,
}

/// Choose who pays a need's minutes: the requester chooses `requester` or `community` for their own
/// need; staff who adjust the ledger of its area may also grant `community_pool`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetTimePayment {
    pub payer: TimePayer,
}

code_enum! {
    /// Where an offer of hours stands.
    pub enum GiftStatus {
        /// Waiting for the receiver.
        Offered = "offered",
        /// The receiver accepted; the hours moved.
        Accepted = "accepted",
        /// The receiver declined; nothing moved.
        Declined = "declined",
        /// The giver took the offer back before it was answered; nothing moved.
        Withdrawn = "withdrawn",
        /// Nobody answered within [`GIFT_OFFER_DAYS`]; nothing moved.
        Expired = "expired",
    }
}

/// Days an offer of hours waits for its answer before it expires: long enough for family to see it
/// on a weekly visit, short enough that an old offer does not move hours the giver has since spent.
pub const GIFT_OFFER_DAYS: i64 = 7;

/// Offer some of one's banked minutes to a family member (a resident or volunteer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewGiftOffer {
    #[cfg_attr(feature = "openapi", schema(minimum = 1, example = 12))]
    pub receiver_id: Id,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100000, example = 120))]
    pub minutes: i64,
    #[cfg_attr(feature = "openapi", schema(max_length = 200, example = "给妈妈用于上门助浴"))]
    #[serde(default)]
    pub note: Option<String>,
}

/// An offer of hours, as the giver and the receiver see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GiftOffer {
    pub id: Id,
    pub giver_id: Id,
    pub giver_name: String,
    pub receiver_id: Id,
    pub receiver_name: String,
    pub minutes: i64,
    pub note: Option<String>,
    pub status: GiftStatus,
    /// The transfer posted on acceptance.
    pub transfer_id: Option<Id>,
    pub created_at: DateTime<Utc>,
    /// When it was accepted, declined, withdrawn or expired.
    pub answered_at: Option<DateTime<Utc>>,
    /// When an unanswered offer expires ([`GIFT_OFFER_DAYS`] after it was made).
    pub expires_at: DateTime<Utc>,
}

/// A page of the caller's offers, given and received, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GiftOfferPage {
    pub items: Vec<GiftOffer>,
    pub next_cursor: Option<String>,
}
