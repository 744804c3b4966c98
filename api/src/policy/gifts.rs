//! Gift offers of hours (时长转赠) belong to two people: the giver and the receiver see them, and
//! only the receiver answers; only the giver withdraws. Nobody else reaches them (staff see the transfer in the ledger).

use sea_orm::{ColumnTrait, Condition};

use crate::domain::caller::Caller;
use crate::entities::gift_offer;

/// The offers the caller reaches: given or received.
pub fn reach(caller: &Caller) -> Condition {
    Condition::any().add(gift_offer::Column::GiverId.eq(caller.id)).add(gift_offer::Column::ReceiverId.eq(caller.id))
}

/// Whether the caller answers this offer: its receiver only — the consent is the other side's.
pub fn answers(caller: &Caller, offer: &gift_offer::Model) -> bool {
    offer.receiver_id == caller.id
}

/// Whether the caller withdraws this offer: its giver only, while it waits.
pub fn withdraws(caller: &Caller, offer: &gift_offer::Model) -> bool {
    offer.giver_id == caller.id
}
