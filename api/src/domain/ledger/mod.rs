//! The ledger's rules (时间银行 · 积分), free of the database: what makes a transfer valid (its legs
//! sum to zero in each unit, no account twice, no zero leg), the floor of each account, how a
//! posting settles against it, what a reversal is, and what serving a need earns.
//!
//! `services::ledger::post` applies exactly these rules inside a transaction; the property test in
//! `tests.rs` drives them with random transfers and reversals against an in-memory book.

use std::collections::BTreeMap;

use shared::{HolderKind, Id, LedgerUnit};

pub mod caps;
#[cfg(test)]
mod tests;

/// One leg of a transfer: an account (with its unit) and a signed amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leg {
    pub account: Id,
    pub unit: LedgerUnit,
    pub amount: i64,
}

/// Why a transfer is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Violation {
    #[error("a transfer needs at least two legs")]
    TooFewLegs,
    #[error("account {0} has a leg of zero")]
    ZeroLeg(Id),
    #[error("account {0} appears twice in one transfer")]
    AccountTwice(Id),
    #[error("the {unit:?} legs sum to {sum}, not zero")]
    Unbalanced { unit: LedgerUnit, sum: i64 },
    #[error("account {0} would go below its floor")]
    BelowFloor(Id),
}

/// Checks the shape of a transfer: two legs or more, none zero, each account once, and the legs of
/// every unit summing to zero — so minutes and points never turn into each other.
pub fn check_legs(legs: &[Leg]) -> Result<(), Violation> {
    if legs.len() < 2 {
        return Err(Violation::TooFewLegs);
    }
    let mut sums: BTreeMap<LedgerUnit, i64> = BTreeMap::new();
    for (i, leg) in legs.iter().enumerate() {
        if leg.amount == 0 {
            return Err(Violation::ZeroLeg(leg.account));
        }
        if legs[..i].iter().any(|l| l.account == leg.account) {
            return Err(Violation::AccountTwice(leg.account));
        }
        *sums.entry(leg.unit).or_default() += leg.amount;
    }
    match sums.into_iter().find(|(_, sum)| *sum != 0) {
        Some((unit, sum)) => Err(Violation::Unbalanced { unit, sum }),
        None => Ok(()),
    }
}

/// The lowest balance an account may be left at by a debit; `None` for none at all.
///
/// Points never go below zero. Time may be overdrawn by people down to the community's overdraft
/// (a resident may be served before they have served; default 0). A pool or an organisation spends
/// only what it holds. An issuance account has no floor: its negative balance is what the community
/// has issued, the other side of every credit earned.
pub fn floor(holder: HolderKind, unit: LedgerUnit, overdraft_minutes: i64) -> Option<i64> {
    match (holder, unit) {
        (HolderKind::Issuance, _) => None,
        (HolderKind::Resident | HolderKind::Volunteer, LedgerUnit::Minutes) => Some(-overdraft_minutes.max(0)),
        _ => Some(0),
    }
}

/// The balance after posting `amount`, or `BelowFloor` when a debit would leave it under `floor`.
/// Credits are always taken, even by an account already under a floor that was raised since.
pub fn settle(account: Id, balance: i64, amount: i64, floor: Option<i64>) -> Result<i64, Violation> {
    let after = balance.checked_add(amount).ok_or(Violation::BelowFloor(account))?;
    match floor {
        Some(floor) if amount < 0 && after < floor => Err(Violation::BelowFloor(account)),
        _ => Ok(after),
    }
}

/// The legs that undo `legs`: the same accounts, negated.
pub fn reversal_of(legs: &[Leg]) -> Vec<Leg> {
    legs.iter().map(|l| Leg { amount: -l.amount, ..*l }).collect()
}

/// A district's points rule (积分规则), as stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PointsRule {
    pub per_hour: i64,
    pub per_good_rating: i64,
    pub per_activity: i64,
    pub per_consultation: i64,
    pub per_survey: i64,
}

/// A rating of 4 or 5 stars earns the good-rating points.
pub fn is_good_rating(rating: Option<i32>) -> bool {
    rating.is_some_and(|r| r >= 4)
}

/// What serving a need earns: the minutes recorded at resolution, and points per whole hour served
/// (pro rata by minute, rounded down) plus the good-rating points.
pub fn need_earning(minutes: i64, rating: Option<i32>, rule: PointsRule) -> (i64, i64) {
    let minutes = minutes.max(0);
    let mut points = rule.per_hour.max(0) * minutes / 60;
    if is_good_rating(rating) {
        points += rule.per_good_rating.max(0);
    }
    (minutes, points)
}
