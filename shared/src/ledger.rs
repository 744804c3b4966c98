//! The ledger of service time and points (时间银行 · 积分): accounts per holder and unit, immutable
//! transfers whose postings sum to zero per unit, statements with running balances, and the check.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Id, code_enum};

code_enum! {
    /// What an account counts. The two units never mix: a transfer sums to zero in each.
    pub enum LedgerUnit {
        /// Service time (时间银行), in minutes.
        Minutes = "minutes",
        /// Points (积分, e.g. 缤豆).
        Points = "points",
    }
}

code_enum! {
    /// Who holds an account.
    pub enum HolderKind {
        /// A resident (user id).
        Resident = "resident",
        /// A volunteer (user id).
        Volunteer = "volunteer",
        /// A provider organisation (provider id).
        Organisation = "organisation",
        /// A community's pool, funded by donations of hours (community area id).
        CommunityPool = "community_pool",
        /// A community's issuance account: what the community credits for service comes from here, so
        /// its (negative) balance is everything the community has issued (community area id).
        Issuance = "issuance",
        /// A community's points-shop escrow (积分商城): points paid for orders (community area id).
        ShopEscrow = "shop_escrow",
    }
}

code_enum! {
    /// Why value moved.
    pub enum TransferKind {
        /// Earned by serving a dispatched need, once it was rated or closed.
        NeedServed = "need_served",
        /// Earned at a volunteer activity (志愿活动).
        Activity = "activity",
        /// Hours given to the community pool.
        Donation = "donation",
        /// Hours given to another resident.
        Gift = "gift",
        /// A correction or grant by staff, against the community's issuance account.
        Adjustment = "adjustment",
        /// Undoes an earlier transfer (mistakes are reversed, never edited).
        Reversal = "reversal",
        /// Points spent in the points shop (积分商城).
        Redemption = "redemption",
        /// Points for taking part: co-signing or rating a consultation topic, answering a survey.
        Participation = "participation",
    }
}

/// One account with its kept balance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LedgerAccount {
    pub id: Id,
    pub holder_kind: HolderKind,
    pub holder_id: Id,
    /// The holder's name; a person's name is masked for staff who do not handle personal data.
    pub holder_name: String,
    pub area_id: Id,
    pub unit: LedgerUnit,
    /// Minutes or points; the sum of the account's postings.
    pub balance: i64,
    /// The lowest balance a spend may leave (0 for points; minus the community's overdraft for time);
    /// absent for an issuance account, which has none.
    pub floor: Option<i64>,
    pub created_at: DateTime<Utc>,
}

/// The balance of all listed accounts of one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitTotal {
    pub unit: LedgerUnit,
    pub accounts: i64,
    pub balance: i64,
}

/// A page of accounts plus the totals of everything the filter selects (not only this page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LedgerAccountPage {
    pub items: Vec<LedgerAccount>,
    pub next_cursor: Option<String>,
    pub totals: Vec<UnitTotal>,
}

/// Open an account (or get the one that exists) for a holder and unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OpenAccount {
    /// `resident`, `volunteer` (a user id), `organisation` (a provider id) or `community_pool` (a community id).
    pub holder_kind: HolderKind,
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub holder_id: Id,
    pub unit: LedgerUnit,
}

/// A transfer by staff: an `adjustment` credits `to_account_id` or debits `from_account_id` against the
/// community's issuance account; a `donation` moves hours from `from_account_id` to its community's
/// pool; a `gift` moves hours between two residents' accounts (recorded by staff; the residents' own
/// consent on both sides is not collected yet).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewTransfer {
    /// `adjustment`, `donation` or `gift`.
    pub kind: TransferKind,
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub from_account_id: Option<Id>,
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub to_account_id: Option<Id>,
    /// Minutes or points, in the accounts' unit.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000000, example = 60))]
    pub amount: i64,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500, example = "补录2026年11月助老服务时长"))]
    pub reason: String,
}

/// Reverse a transfer, saying why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReverseTransfer {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500, example = "重复录入"))]
    pub reason: String,
}

/// One leg of a transfer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Posting {
    pub account_id: Id,
    pub unit: LedgerUnit,
    /// Positive credits the account, negative debits it.
    pub amount: i64,
    /// The account's balance right after this posting (the running balance).
    pub balance_after: i64,
}

/// A transfer with its postings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Transfer {
    pub id: Id,
    pub kind: TransferKind,
    pub reason: String,
    /// What it came from: `need` and the need's id, for credits earned by serving.
    pub source_kind: Option<String>,
    pub source_id: Option<Id>,
    /// The transfer this one reverses.
    pub reverses_id: Option<Id>,
    /// The transfer that reversed this one, if any.
    pub reversed_by: Option<Id>,
    /// Who made it; absent when the platform did (a rated need).
    pub created_by: Option<Id>,
    pub created_at: DateTime<Utc>,
    pub postings: Vec<Posting>,
}

/// One line of a statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatementLine {
    pub posting_id: Id,
    pub transfer_id: Id,
    pub kind: TransferKind,
    pub reason: String,
    pub amount: i64,
    pub balance_after: i64,
    pub at: DateTime<Utc>,
    /// The transfer that reversed this line's transfer (已冲正), if any: a transfer is reversed once.
    pub reversed_by: Option<Id>,
}

/// An account's statement: the account and a page of its postings, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Statement {
    pub account: LedgerAccount,
    pub items: Vec<StatementLine>,
    pub next_cursor: Option<String>,
}

/// The signed-in person's balances and latest postings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyLedger {
    pub accounts: Vec<LedgerAccount>,
    /// The latest postings over all of them, newest first.
    pub recent: Vec<StatementLine>,
}

/// The full check of one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitCheck {
    pub unit: LedgerUnit,
    pub accounts: i64,
    pub postings: i64,
    /// Sum of every posting of the unit; 0 when the books balance.
    pub postings_sum: i64,
    /// Sum of the kept balances; equals `postings_sum` when every kept balance is right.
    pub kept_sum: i64,
    /// Accounts whose kept balance differs from the sum of their postings.
    pub mismatched_accounts: i64,
}

/// The whole ledger checked: every transfer sums to zero per unit, every kept balance equals its postings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LedgerCheck {
    pub transfers: i64,
    /// Transfers whose postings do not sum to zero in some unit.
    pub unbalanced_transfers: i64,
    pub units: Vec<UnitCheck>,
    pub balanced: bool,
    pub checked_in_ms: i64,
}
