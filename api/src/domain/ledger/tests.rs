//! The ledger's rules, one by one and as a property: an in-memory book applies random transfers and
//! reversals through `check_legs`, `floor` and `settle` exactly as the service does, and the books
//! must balance after every step.

use std::collections::BTreeMap;

use proptest::prelude::*;
use shared::HolderKind::{self, *};
use shared::LedgerUnit::{self, *};

use super::*;

fn leg(account: Id, unit: LedgerUnit, amount: i64) -> Leg {
    Leg { account, unit, amount }
}

#[test]
fn a_transfer_whose_legs_sum_to_zero_per_unit_is_valid() {
    assert_eq!(check_legs(&[leg(1, Minutes, -60), leg(2, Minutes, 60), leg(3, Points, -10), leg(4, Points, 10)]), Ok(()));
}

#[test]
fn minutes_never_pay_for_points() {
    assert_eq!(check_legs(&[leg(1, Minutes, -60), leg(2, Points, 60)]), Err(Violation::Unbalanced { unit: Minutes, sum: -60 }));
}

#[test]
fn a_single_leg_a_zero_leg_and_an_account_twice_are_refused() {
    assert_eq!(check_legs(&[leg(1, Points, 0)]), Err(Violation::TooFewLegs));
    assert_eq!(check_legs(&[leg(1, Points, 0), leg(2, Points, 0)]), Err(Violation::ZeroLeg(1)));
    assert_eq!(check_legs(&[leg(1, Points, 5), leg(1, Points, -5)]), Err(Violation::AccountTwice(1)));
}

#[test]
fn points_stop_at_zero_and_time_at_the_overdraft() {
    assert_eq!(floor(Resident, Points, 120), Some(0));
    assert_eq!(floor(Resident, Minutes, 120), Some(-120));
    assert_eq!(floor(CommunityPool, Minutes, 120), Some(0));
    assert_eq!(floor(Issuance, Points, 0), None);
    assert_eq!(settle(7, 100, -100, Some(0)), Ok(0));
    assert_eq!(settle(7, 100, -101, Some(0)), Err(Violation::BelowFloor(7)));
    assert_eq!(settle(7, 0, -120, Some(-120)), Ok(-120));
    assert_eq!(settle(7, 0, -1_000_000, None), Ok(-1_000_000));
}

#[test]
fn a_credit_is_taken_even_below_a_raised_floor() {
    assert_eq!(settle(7, -50, 10, Some(0)), Ok(-40));
}

#[test]
fn serving_earns_points_per_hour_and_for_a_good_rating() {
    let rule = PointsRule { per_hour: 10, per_good_rating: 5, ..PointsRule::default() };
    assert_eq!(need_earning(90, Some(5), rule), (90, 20));
    assert_eq!(need_earning(90, Some(3), rule), (90, 15));
    assert_eq!(need_earning(30, None, rule), (30, 5));
    assert_eq!(need_earning(30, Some(4), PointsRule::default()), (30, 0));
}

#[test]
fn a_reversal_negates_every_leg() {
    let legs = [leg(1, Points, -10), leg(2, Points, 10)];
    assert_eq!(reversal_of(&legs), vec![leg(1, Points, 10), leg(2, Points, -10)]);
    assert_eq!(check_legs(&reversal_of(&legs)), Ok(()));
}

/// The book as the database keeps it: accounts with a kept balance, and every posted transfer.
struct Book {
    accounts: Vec<(HolderKind, LedgerUnit, i64)>,
    transfers: Vec<Vec<Leg>>,
    reversed: Vec<bool>,
    overdraft: i64,
}

impl Book {
    fn floor_of(&self, account: Id) -> Option<i64> {
        let (holder, unit, _) = self.accounts[account as usize];
        floor(holder, unit, self.overdraft)
    }

    /// All or nothing, as in one database transaction.
    fn post(&mut self, legs: Vec<Leg>) -> Result<(), Violation> {
        check_legs(&legs)?;
        let mut after = Vec::new();
        for l in &legs {
            after.push(settle(l.account, self.accounts[l.account as usize].2, l.amount, self.floor_of(l.account))?);
        }
        for (l, balance) in legs.iter().zip(after) {
            self.accounts[l.account as usize].2 = balance;
        }
        self.transfers.push(legs);
        self.reversed.push(false);
        Ok(())
    }

    fn reverse(&mut self, i: usize) -> Result<(), Violation> {
        if self.reversed[i] {
            return Err(Violation::TooFewLegs);
        }
        self.post(reversal_of(&self.transfers[i]))?;
        self.reversed[i] = true;
        Ok(())
    }
}

#[derive(Debug, Clone)]
enum Step {
    /// From one account to another (indices into the accounts), an amount in their unit.
    Move(usize, usize, i64),
    Reverse(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0usize..8, 0usize..8, 1i64..200).prop_map(|(a, b, n)| Step::Move(a, b, n)),
        1 => (0usize..64).prop_map(Step::Reverse),
    ]
}

proptest! {
    /// Random transfers and reversals: every unit sums to zero, no balance is below its floor, and
    /// every kept balance equals the sum of the account's postings.
    #[test]
    fn the_books_always_balance(steps in proptest::collection::vec(step(), 0..120), overdraft in 0i64..100) {
        // Two of each holder per unit; accounts 0–3 minutes, 4–7 points.
        let holders = [Issuance, Resident, Volunteer, CommunityPool];
        let mut accounts = Vec::new();
        for unit in [Minutes, Points] {
            for holder in holders {
                accounts.push((holder, unit, 0));
            }
        }
        let mut book = Book { accounts, transfers: Vec::new(), reversed: Vec::new(), overdraft };
        for step in steps {
            match step {
                Step::Move(from, to, amount) => {
                    let (unit_from, unit_to) = (book.accounts[from].1, book.accounts[to].1);
                    let legs = vec![leg(from as Id, unit_from, -amount), leg(to as Id, unit_to, amount)];
                    let before: Vec<i64> = book.accounts.iter().map(|a| a.2).collect();
                    if book.post(legs).is_err() {
                        let after: Vec<i64> = book.accounts.iter().map(|a| a.2).collect();
                        prop_assert_eq!(before, after, "a refused transfer changes nothing");
                    } else {
                        prop_assert_eq!(unit_from, unit_to, "only same-unit moves are taken");
                    }
                }
                Step::Reverse(i) if i < book.transfers.len() => {
                    let was = book.reversed[i];
                    let done = book.reverse(i).is_ok();
                    prop_assert!(!(was && done), "a transfer is reversed at most once");
                }
                Step::Reverse(_) => {}
            }
            let mut recomputed: BTreeMap<Id, i64> = BTreeMap::new();
            let mut per_unit: BTreeMap<LedgerUnit, i64> = BTreeMap::new();
            for l in book.transfers.iter().flatten() {
                *recomputed.entry(l.account).or_default() += l.amount;
                *per_unit.entry(l.unit).or_default() += l.amount;
            }
            prop_assert!(per_unit.values().all(|s| *s == 0), "units sum to zero: {:?}", per_unit);
            for (i, (_, _, kept)) in book.accounts.iter().enumerate() {
                prop_assert_eq!(*kept, recomputed.get(&(i as Id)).copied().unwrap_or(0));
                if let Some(floor) = book.floor_of(i as Id) {
                    prop_assert!(*kept >= floor, "account {} at {} below {}", i, kept, floor);
                }
            }
        }
    }
}
