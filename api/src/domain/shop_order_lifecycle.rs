//! The points-shop order lifecycle (兑换订单), in one table like the other lifecycles: every allowed
//! (state, action, party) and the state it leads to. An order is reserved when it is placed (stock
//! and points held); from there it is handed over (已领取), cancelled or expired — the last two give
//! the points back by reversal and put the stock back. Closed orders never move again.

use shared::ShopOrderStatus::{self, *};

/// What can happen to an order after it is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderAction {
    /// The merchant (or staff) hands the item over against the pick-up code.
    Fulfil,
    /// The resident or staff cancel it.
    Cancel,
    /// The sweeper finds it past its pick-up deadline.
    Expire,
}

/// Who acts, relative to the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    /// The resident who placed it.
    Resident,
    /// The account that offered the item.
    Merchant,
    /// Managers of the order's area.
    Staff,
    /// The platform (the expiry sweeper).
    System,
}

use OrderAction::*;
use Party::*;

/// (from, action, party, to).
pub const TABLE: &[(ShopOrderStatus, OrderAction, Party, ShopOrderStatus)] = &[
    (Reserved, Fulfil, Merchant, Fulfilled),
    (Reserved, Fulfil, Staff, Fulfilled),
    (Reserved, Cancel, Resident, Cancelled),
    (Reserved, Cancel, Staff, Cancelled),
    (Reserved, Expire, System, Expired),
];

/// The state `action` by any of `parties` leads to from `from`, if the table allows it.
pub fn next(from: ShopOrderStatus, action: OrderAction, parties: &[Party]) -> Option<ShopOrderStatus> {
    TABLE.iter().find(|(f, a, p, _)| *f == from && *a == action && parties.contains(p)).map(|(_, _, _, to)| *to)
}

/// Whether leaving `from` for `to` gives the points and the stock back.
pub fn returns_points(to: ShopOrderStatus) -> bool {
    matches!(to, Cancelled | Expired)
}

/// A pick-up code: six digits from a random number (leading zeros kept).
pub fn pickup_code(random: u32) -> String {
    format!("{:06}", random % 1_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merchant_hands_over_a_reserved_order_but_a_resident_cannot() {
        assert_eq!(next(Reserved, Fulfil, &[Merchant]), Some(Fulfilled));
        assert_eq!(next(Reserved, Fulfil, &[Resident]), None);
    }

    #[test]
    fn a_merchant_cannot_cancel_and_only_the_system_expires() {
        assert_eq!(next(Reserved, Cancel, &[Merchant]), None);
        assert_eq!(next(Reserved, Expire, &[Staff, Resident, Merchant]), None);
        assert_eq!(next(Reserved, Expire, &[System]), Some(Expired));
    }

    #[test]
    fn closed_orders_never_move_again() {
        for from in [Fulfilled, Cancelled, Expired] {
            for action in [Fulfil, Cancel, Expire] {
                assert_eq!(next(from, action, &[Resident, Merchant, Staff, System]), None, "{from:?} {action:?}");
            }
        }
    }

    #[test]
    fn cancelling_and_expiring_give_points_back_and_handing_over_does_not() {
        assert!(returns_points(Cancelled) && returns_points(Expired));
        assert!(!returns_points(Fulfilled));
    }

    #[test]
    fn a_pickup_code_is_always_six_digits() {
        assert_eq!(pickup_code(42), "000042");
        assert_eq!(pickup_code(u32::MAX).len(), 6);
    }
}
