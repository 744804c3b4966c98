//! The points shop (积分商城): items merchants offer in a community, redeemed for points.
//!
//! - [`items`]: offer, edit, read and list items (what a resident sees is what can be redeemed now).
//! - [`redeem`]: one write transaction takes the stock by a conditional update, checks the
//!   per-person limit, and moves the points from the resident to the community's shop escrow
//!   through the ledger (which refuses a spend below zero).
//! - [`act`]: hand over (against the pick-up code), cancel and expire — the last two reverse the
//!   ledger transfer and put the stock back; every move is a conditional update on the status.
//! - [`sweep`]: the background expiry of orders not picked up in time, safe with several instances.
//! - [`read`]: the order lists (the resident's own, a merchant's, the subtree's) with totals.

pub mod act;
pub mod items;
pub mod read;
pub mod redeem;
pub mod sweep;

pub use sweep::{spawn_sweeper, sweep};

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use shared::{HolderKind, LedgerUnit, ShopItem, ShopOrder};

use crate::domain::caller::Caller;
use crate::domain::masking::mask_name;
use crate::entities::stored::stored;
use crate::entities::{area, ledger_account, shop_item, shop_order};
use crate::error::ApiError;
use crate::policy;
use crate::services::ledger::{Holder, ensure_account};

/// Whether an item can be redeemed at `now`.
pub fn available(m: &shop_item::Model, now: DateTime<Utc>) -> bool {
    m.active && m.valid_from <= now && now < m.valid_to && m.stock > 0
}

pub fn item_dto(m: shop_item::Model, now: DateTime<Utc>) -> ShopItem {
    let available = available(&m, now);
    ShopItem {
        id: m.id,
        area_id: m.area_id,
        offered_by: m.offered_by,
        offered_by_name: m.offered_by_name,
        provider_id: m.provider_id,
        provider_name: m.provider_name,
        name: m.name,
        description: m.description,
        points_price: m.points_price,
        stock: m.stock,
        limit_per_person: m.limit_per_person,
        valid_from: m.valid_from,
        valid_to: m.valid_to,
        pickup_place: m.pickup_place,
        active: m.active,
        available,
        created_at: m.created_at,
        updated_at: m.updated_at,
    }
}

/// An order as the caller may see it: the pick-up code only to its resident while it is open, the
/// resident's name masked for whoever does not handle their personal data.
pub fn order_dto(caller: &Caller, m: shop_order::Model) -> Result<ShopOrder, ApiError> {
    let status = stored(&m.status, "shop_orders", m.id)?;
    let own = m.resident_id == caller.id;
    let resident_name = if policy::shop::reveals_resident(caller, &m) { m.resident_name.clone() } else { mask_name(&m.resident_name) };
    Ok(ShopOrder {
        id: m.id,
        item_id: m.item_id,
        item_name: m.item_name,
        area_id: m.area_id,
        offered_by: m.offered_by,
        resident_id: m.resident_id,
        resident_name,
        quantity: m.quantity,
        points: m.points,
        status,
        pickup_code: if own { m.open_code } else { None },
        pickup_place: m.pickup_place,
        expires_at: m.expires_at,
        transfer_id: m.transfer_id,
        reversal_id: m.reversal_id,
        created_at: m.created_at,
        closed_at: m.closed_at,
    })
}

/// The community's shop escrow in points: what residents pay for orders is held here.
pub async fn escrow_account<C: ConnectionTrait>(
    db: &C,
    community: &area::Model,
    now: DateTime<Utc>,
) -> Result<ledger_account::Model, ApiError> {
    let name = format!("{}积分商城", community.name);
    let holder = Holder { kind: HolderKind::ShopEscrow, id: community.id, name: &name, area_id: community.id, area_path: &community.path };
    ensure_account(db, &holder, LedgerUnit::Points, now).await
}
