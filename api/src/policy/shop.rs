//! Which points-shop items and orders a caller reaches, and what they are to one of them.
//!
//! Items belong to a community: everyone signed in for it (or above it) sees its shop, but only the
//! offering account and the managers of the subtree see items that cannot be redeemed right now.
//! Orders are seen by their resident, by the account that offered the item (a merchant sees only
//! the orders of their own items) and by the managers of the subtree.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition};

use super::{Action, may_in, role_may};
use crate::domain::caller::Caller;
use crate::domain::scope::Scope;
use crate::domain::shop_order_lifecycle::Party;
use crate::entities::{shop_item, shop_order};

/// The items whose shop the caller may look at: those of their subtree and of their own community.
pub fn item_reach(caller: &Caller) -> Condition {
    let scope = Scope::of(caller);
    let mut reach = Condition::any().add(scope.path_condition(shop_item::Column::AreaPath));
    if let Some(community) = super::topics::community_of(caller) {
        reach = reach.add(shop_item::Column::AreaPath.eq(community));
    }
    reach
}

/// Of the reached items, those the caller sees: their own and (for managers) every one of the
/// subtree; everyone else only what can be redeemed at `now` (active, valid, in stock).
pub fn item_visibility(caller: &Caller, now: DateTime<Utc>) -> Condition {
    let available = Condition::all()
        .add(shop_item::Column::Active.eq(true))
        .add(shop_item::Column::ValidFrom.lte(now))
        .add(shop_item::Column::ValidTo.gt(now))
        .add(shop_item::Column::Stock.gt(0));
    let mut seen = Condition::any().add(available).add(shop_item::Column::OfferedBy.eq(caller.id));
    if role_may(caller.role, Action::ManageShop) {
        seen = seen.add(Scope::of(caller).path_condition(shop_item::Column::AreaPath));
    }
    seen
}

/// Whether the caller may edit this item: the account that offered it, or a manager of its area.
pub fn edits_item(caller: &Caller, item: &shop_item::Model) -> bool {
    (item.offered_by == caller.id && role_may(caller.role, Action::OfferShopItems)) || may_in(caller, Action::ManageShop, &item.area_path)
}

/// The orders the caller reaches: their own, those of items they offered, and (for managers) the
/// subtree's. A role with none of these reaches nothing.
pub fn order_reach(caller: &Caller) -> Condition {
    let mut reach = Condition::any();
    if role_may(caller.role, Action::ReadOwnShopOrders) {
        reach = reach.add(shop_order::Column::ResidentId.eq(caller.id));
    }
    if role_may(caller.role, Action::ReadShopOrders) {
        reach = reach.add(shop_order::Column::OfferedBy.eq(caller.id));
    }
    if role_may(caller.role, Action::ManageShop) {
        reach = reach.add(Scope::of(caller).path_condition(shop_order::Column::AreaPath));
    }
    // An empty `any` would match every row: a caller with no part reaches no order.
    if reach.is_empty() { Condition::all().add(shop_order::Column::Id.lt(0)) } else { reach }
}

/// What the caller is to this order; empty means they may not act on it.
pub fn parties(caller: &Caller, o: &shop_order::Model) -> Vec<Party> {
    let mut parties = Vec::new();
    if o.resident_id == caller.id && role_may(caller.role, Action::CancelShopOrders) {
        parties.push(Party::Resident);
    }
    if o.offered_by == caller.id && role_may(caller.role, Action::FulfilShopOrders) {
        parties.push(Party::Merchant);
    }
    if may_in(caller, Action::ManageShop, &o.area_path) {
        parties.push(Party::Staff);
    }
    parties
}

/// A resident's name on an order is shown to the resident and to staff who handle personal data of
/// the order's community; a merchant sees it masked.
pub fn reveals_resident(caller: &Caller, o: &shop_order::Model) -> bool {
    o.resident_id == caller.id || may_in(caller, Action::HandlePersonalData, &o.area_path)
}
